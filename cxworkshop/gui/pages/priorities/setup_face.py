"""The set-up face: a new round's goals, voters, way of voting and dots."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ....domain import editing, voting
from ....domain.model import VotingMode
from ....domain.wording import dots_text
from ...models.base import Index
from ...models.voting import GoalChoiceModel, VoterChoiceModel
from ...roles import TAG_ROLE
from ...widgets.checklist import ChecklistDelegate
from .parts import goals_text, panel, people_text, styled_label


class ChoiceDelegate(ChecklistDelegate):
    """The set-up's checklist rows, measured at the width they are drawn at.

    Measuring and drawing at the same width keeps a title that fits on one
    line from getting the height of two.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        view = opt.widget
        width = view.viewport().width() if isinstance(view, QAbstractItemView) else 400
        opt.rect = QRect(0, 0, width, 100)
        return QSize(width, self.geometry(opt, index).height)


class ChoiceList(QListView):
    """A checklist for a round's set-up: Space or a click ticks."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setItemDelegate(ChoiceDelegate(TAG_ROLE, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Rows wrap to the width they get: measure them again.
        self.scheduleDelayedItemsLayout()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.scheduleDelayedItemsLayout()


class RoundSetup(QWidget):
    """A new round's settings: the goals on the ballot, who votes, how, and the dots."""

    sig_open_requested = Signal()
    """Open the vote with these settings."""

    sig_cancelled = Signal()
    """Back to the rounds without opening one."""

    def __init__(
        self, goals: GoalChoiceModel, voters: VoterChoiceModel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.goals_model = goals
        self.voters_model = voters
        self.runoff_of: str | None = None
        self._budget_edited = False
        self._limit_edited = False
        self._quiet = False

        # -- goals
        goals_frame, goals_layout = panel()
        self.goals_heading = styled_label("Goals on the ballot", "subheading")
        self.goals_hint = styled_label("Untick any goal the room should not vote on.", "hint")
        self.goals_list = ChoiceList("Goals on the ballot")
        self.goals_list.setModel(goals)
        self.goals_count = styled_label("", "muted")
        self.all_goals_button = QPushButton("All")
        self.all_goals_button.setAccessibleName("Put every goal on the ballot")
        self.all_goals_button.clicked.connect(lambda: goals.set_all(True))
        self.no_goals_button = QPushButton("None")
        self.no_goals_button.setAccessibleName("Take every goal off the ballot")
        self.no_goals_button.clicked.connect(lambda: goals.set_all(False))
        row = QHBoxLayout()
        row.addWidget(self.goals_count, 1)
        row.addWidget(self.all_goals_button)
        row.addWidget(self.no_goals_button)
        goals_layout.addWidget(self.goals_heading)
        goals_layout.addWidget(self.goals_hint)
        goals_layout.addWidget(self.goals_list, 1)
        goals_layout.addLayout(row)

        # -- voters
        voters_frame, voters_layout = panel()
        voters_layout.addWidget(styled_label("Who votes", "subheading"))
        self.voters_hint = styled_label(
            "Everyone in the room, unless you untick someone (the facilitator, say).", "hint"
        )
        self.voters_list = ChoiceList("Who votes")
        self.voters_list.setModel(voters)
        self.voters_count = styled_label("", "muted")
        self.all_voters_button = QPushButton("All")
        self.all_voters_button.setAccessibleName("Everyone votes")
        self.all_voters_button.clicked.connect(lambda: voters.set_all(True))
        self.no_voters_button = QPushButton("None")
        self.no_voters_button.setAccessibleName("Untick everyone")
        self.no_voters_button.clicked.connect(lambda: voters.set_all(False))
        row = QHBoxLayout()
        row.addWidget(self.voters_count, 1)
        row.addWidget(self.all_voters_button)
        row.addWidget(self.no_voters_button)
        voters_layout.addWidget(self.voters_hint)
        voters_layout.addWidget(self.voters_list, 1)
        voters_layout.addLayout(row)
        self.voters_frame = voters_frame

        # -- how
        rules_frame, rules_layout = panel()
        rules_layout.addWidget(styled_label("How the room votes", "subheading"))
        self.secret_radio = QRadioButton("Secret ballot")
        self.secret_radio.setAccessibleName("Secret ballot")
        self.secret_radio.setAccessibleDescription(
            "People take turns at this laptop; nobody sees anyone's dots until you reveal them."
        )
        self.tally_radio = QRadioButton("Room tally")
        self.tally_radio.setAccessibleName("Room tally")
        self.tally_radio.setAccessibleDescription(
            "People stick dots on the wall; you type in how many each goal got."
        )
        for radio in (self.secret_radio, self.tally_radio):
            radio.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.mode_group = QButtonGroup(self)
        self.mode_group.addButton(self.secret_radio)
        self.mode_group.addButton(self.tally_radio)
        self.secret_radio.setChecked(True)
        secret_hint = styled_label(
            "People take turns at this laptop. Nobody sees anyone's dots until you reveal them.",
            "hint",
        )
        tally_hint = styled_label(
            "People put sticky dots on the wall; you type in how many each goal got.", "hint"
        )
        for hint in (secret_hint, tally_hint):
            hint.setIndent(34)
        self.secret_radio.toggled.connect(self._mode_changed)

        self.dots_spin = QSpinBox()
        self.dots_spin.setRange(1, editing.MAX_DOTS)
        self.dots_spin.setAccessibleName("Dots per voter")
        self.dots_spin.valueChanged.connect(self._budget_changed)
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, editing.MAX_DOTS)
        self.limit_spin.setAccessibleName("Most dots on one goal")
        self.limit_spin.valueChanged.connect(self._limit_changed)
        dots_label = QLabel("&Dots per voter")
        dots_label.setBuddy(self.dots_spin)
        limit_label = QLabel("&Most on one goal")
        limit_label.setBuddy(self.limit_spin)
        self.budget_hint = styled_label("", "hint")
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        grid.addWidget(dots_label, 0, 0)
        grid.addWidget(self.dots_spin, 0, 1)
        grid.addWidget(limit_label, 1, 0)
        grid.addWidget(self.limit_spin, 1, 1)
        grid.setColumnStretch(2, 1)

        self.open_button = QPushButton("Open the vote")
        self.open_button.setProperty("cxRole", "primary")
        self.open_button.setAccessibleName("Open the vote")
        self.open_button.clicked.connect(self.sig_open_requested)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Back to the rounds without opening a vote")
        self.cancel_button.clicked.connect(self.sig_cancelled)
        self.problem = styled_label("", "hint")
        self.problem.setForegroundRole(QPalette.ColorRole.BrightText)

        rules_layout.addSpacing(4)
        rules_layout.addWidget(self.secret_radio)
        rules_layout.addWidget(secret_hint)
        rules_layout.addWidget(self.tally_radio)
        rules_layout.addWidget(tally_hint)
        rules_layout.addSpacing(14)
        rules_layout.addLayout(grid)
        rules_layout.addWidget(self.budget_hint)
        rules_layout.addStretch(1)
        rules_layout.addWidget(self.problem)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        rules_layout.addLayout(buttons)

        self.heading = styled_label("Set up the vote", "subheading")
        self.intro = styled_label(
            "Each person gets a few dots to put on the goals that matter most. "
            "Choose what is on the ballot, who votes and how.",
            "muted",
        )
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(goals_frame, 5)
        columns.addWidget(voters_frame, 4)
        columns.addWidget(rules_frame, 4)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)

        goals.sig_ticks_changed.connect(self._ticks_changed)
        voters.sig_ticks_changed.connect(self._ticks_changed)
        for first, second in itertools.pairwise(
            [
                self.goals_list,
                self.all_goals_button,
                self.no_goals_button,
                self.voters_list,
                self.all_voters_button,
                self.no_voters_button,
                self.secret_radio,
                self.tally_radio,
                self.dots_spin,
                self.limit_spin,
                self.cancel_button,
                self.open_button,
            ]
        ):
            QWidget.setTabOrder(first, second)

    def least_height_for_width(self, width: int) -> int:
        """The height the form needs at ``width``: every hint with all its lines.

        Squeezed to its plain minimum, a wrapped hint keeps one line and loses the rest.
        """
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else 0

    # -- the form ------------------------------------------------------------

    def prepare(
        self,
        *,
        runoff_of: str | None = None,
        goal_ids: list[str] | None = None,
        voter_ids: list[str] | None = None,
        mode: VotingMode = VotingMode.SECRET,
        can_cancel: bool = True,
    ) -> None:
        """A fresh form: a new round on every goal, or a run-off on ``goal_ids``."""
        self.runoff_of = runoff_of
        self._budget_edited = self._limit_edited = False
        self._quiet = True
        try:
            self.goals_model.reset(goal_ids if runoff_of is not None else None)
            self.voters_model.reset()
            if voter_ids is not None:
                ticked = set(voter_ids)
                self.voters_model.unticked = {
                    str(p.id) for p in self.voters_model.items() if p.id not in ticked
                }
                self.voters_model.sync()
            (self.secret_radio if mode is VotingMode.SECRET else self.tally_radio).setChecked(True)
        finally:
            self._quiet = False
        runoff = runoff_of is not None
        self.heading.setText("Run-off between tied goals" if runoff else "Set up the vote")
        self.intro.setText(
            "Only the tied goals are on this ballot; its result puts them in order."
            if runoff
            else "Choose what is on the ballot, who votes and how. "
            "Each voter gets a few dots to put on the goals that matter most."
        )
        self.goals_hint.setText(
            "The goals that tied." if runoff else "Untick any goal the room should not vote on."
        )
        self.open_button.setText("Open the run-off" if runoff else "Open the vote")
        self.all_goals_button.setVisible(not runoff)
        self.no_goals_button.setVisible(not runoff)
        self.cancel_button.setVisible(can_cancel)
        self._follow_defaults()
        self._ticks_changed()

    def refresh(self) -> None:
        """Follow the workshop's goals and people (new ones arrive ticked)."""
        self.goals_model.sync()
        self.voters_model.sync()
        self._ticks_changed()

    def mode(self) -> VotingMode:
        return VotingMode.SECRET if self.secret_radio.isChecked() else VotingMode.TALLY

    def settings(self) -> dict[str, object]:
        """What :func:`open_round` needs."""
        mode = self.mode()
        return {
            "goal_ids": self.goals_model.ticked(),
            "dots_per_voter": self.dots_spin.value(),
            "max_per_goal": self.limit_spin.value(),
            "mode": mode,
            "voter_ids": self.voters_model.ticked() if mode is VotingMode.SECRET else None,
            "runoff_of": self.runoff_of,
        }

    def _follow_defaults(self) -> None:
        n = len(self.goals_model.ticked())
        self._quiet = True
        try:
            if not self._budget_edited:
                self.dots_spin.setValue(voting.default_budget(n))
            self.limit_spin.setMaximum(self.dots_spin.value())
            if not self._limit_edited:
                self.limit_spin.setValue(voting.default_max_per_goal(self.dots_spin.value()))
        finally:
            self._quiet = False
        budget = self.dots_spin.value()
        self.budget_hint.setText(
            f"About a third of the {goals_text(n)} on the ballot. With {dots_text(budget)}, "
            f"at most {self.limit_spin.value()} on one goal keeps any one voice from deciding."
            if n
            else "Tick at least two goals."
        )

    def _budget_changed(self) -> None:
        if not self._quiet:
            self._budget_edited = True
            self._follow_defaults()

    def _limit_changed(self) -> None:
        if not self._quiet:
            self._limit_edited = True
            self._follow_defaults()

    def _mode_changed(self) -> None:
        secret = self.mode() is VotingMode.SECRET
        self.voters_list.setEnabled(secret)
        self.all_voters_button.setEnabled(secret)
        self.no_voters_button.setEnabled(secret)
        self.voters_hint.setText(
            "Everyone in the room, unless you untick someone (the facilitator, say)."
            if secret
            else "A room tally has no voter list: everyone with dots votes on the wall."
        )
        if not self._quiet:
            self._ticks_changed()

    def _ticks_changed(self) -> None:
        goals = len(self.goals_model.ticked())
        total_goals = self.goals_model.rowCount()
        voters = len(self.voters_model.ticked())
        self.goals_count.setText(f"{goals} of {goals_text(total_goals)} on the ballot")
        self.voters_count.setText(f"{voters} of {people_text(self.voters_model.rowCount())} vote")
        self._follow_defaults()
        problem = ""
        if goals < 2:
            problem = "A vote needs at least two goals on the ballot."
        elif self.mode() is VotingMode.SECRET and voters == 0:
            problem = "Tick at least one person to vote."
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.open_button.setEnabled(not problem)
