"""The voter's faces: a ballot, and the neutral card that passes the laptop on.

This is the secret ballot's boundary. Nothing here shows anyone's vote but the
ballot of the person at the laptop, and the pass card shows only who is next
and how many have voted.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ....domain import voting
from ....domain.model import VotingRound, Workshop
from ....domain.wording import dots_text
from ...models.voting import BallotModel, VoterStatusModel
from ...roles import ID_ROLE
from ...widgets.ballot import BallotView, BudgetMeter
from .parts import VoterDelegate, styled_label


class BallotScreen(QWidget):
    """One voter's ballot: their name, the dots left, the goals, and Confirm."""

    sig_confirm_requested = Signal()
    """The voter confirms (button or Enter)."""

    sig_cancelled = Signal()
    """The voter leaves without voting (button or Escape)."""

    def __init__(self, model: BallotModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.kicker = styled_label("", "muted")
        self.name = styled_label("", "heading")
        self.name.setAccessibleName("Whose ballot this is")
        self.rules = styled_label("", "muted")
        self.meter = BudgetMeter()
        self.view = BallotView()
        self.view.setModel(model)
        self.message = styled_label("", "")
        self.message.setForegroundRole(QPalette.ColorRole.BrightText)
        self.message.setAccessibleName("Why that dot did not go there")
        policy = self.message.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.message.setSizePolicy(policy)
        self.keys = styled_label(BallotView.KEYS_TEXT, "hint")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Leave without voting")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.confirm_button = QPushButton("Confirm my vote")
        self.confirm_button.setProperty("cxRole", "primary")
        self.confirm_button.setAccessibleName("Confirm my vote")
        self.confirm_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.cancel_button.clicked.connect(self.sig_cancelled)
        self.confirm_button.clicked.connect(self.sig_confirm_requested)
        self.view.sig_confirm_requested.connect(self.sig_confirm_requested)
        self.view.sig_cancel_requested.connect(self.sig_cancelled)
        self.view.sig_refused.connect(self.show_message)
        model.sig_draft_changed.connect(self._draft_changed)

        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.kicker)
        names.addWidget(self.name)
        names.addWidget(self.rules)
        top = QHBoxLayout()
        top.addLayout(names, 1)
        top.addWidget(self.meter, 0, Qt.AlignmentFlag.AlignBottom)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addSpacing(8)
        bottom.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addSpacing(4)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        self.warned = False

    def start(self, r: VotingRound, voter_name: str, voted_before: bool) -> None:
        """A clean ballot for ``voter_name`` on round ``r``."""
        self.model.start(r.id)
        self.kicker.setText(f"Secret ballot · Round {r.number}")
        self.name.setText(f"{voter_name}, place your dots")
        rules = (
            f"You have {dots_text(r.dots_per_voter)}; at most {r.max_per_goal} on one goal. "
            "Nobody sees your ballot."
        )
        if voted_before:
            rules += " You voted before: confirming replaces that ballot, which is not shown here."
        self.rules.setText(rules)
        self.view.setCurrentIndex(self.model.index(0, 0))
        self.view.scrollToTop()
        self.clear_message()
        self._draft_changed()

    def show_message(self, text: str) -> None:
        self.message.setText(f"⚠  {text}")
        self.message.show()

    def clear_message(self) -> None:
        self.message.setText(" ")
        self.message.hide()

    def _draft_changed(self) -> None:
        r = self.model.voting_round()
        self.meter.set_budget(r.dots_per_voter if r else 0, self.model.remaining())
        # A dot that went where it was asked answers any earlier warning.
        self.warned = False
        self.clear_message()
        self.confirm_button.setText("Confirm my vote")
        self.view.viewport().update()

    def warn_unplaced(self) -> None:
        """Ask once before a ballot with dots left is confirmed."""
        left = self.model.remaining()
        self.warned = True
        self.show_message(
            f"You still have {dots_text(left)} to place. Confirm again to vote without "
            f"{'it' if left == 1 else 'them'}."
        )
        self.confirm_button.setText(f"Confirm with {dots_text(left)} unused")


class PassCard(QWidget):
    """The neutral card between voters: nothing of anyone's vote, only who is next."""

    sig_next_requested = Signal(str)
    """The next voter (their id) takes the laptop."""

    sig_done = Signal()
    """Back to the facilitator."""

    def __init__(self, voters: VoterStatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voters_model = voters
        self.next_id: str | None = None
        self.saved = styled_label("", "subheading")
        self.saved.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.headline = styled_label("", "vision")
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_line = styled_label("", "heading")
        self.next_line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count = styled_label("", "muted")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start_button = QPushButton()
        self.start_button.setProperty("cxRole", "primary")
        self.start_button.setAccessibleName("Start my ballot")
        self.start_button.clicked.connect(self._start_next)
        self.other_button = QPushButton("Someone else? Choose your name")
        self.other_button.setAccessibleName("Choose your name from the list")
        self.other_button.clicked.connect(self.show_names)
        self.done_button = QPushButton("Back to the facilitator")
        self.done_button.setAccessibleName("Back to the facilitator")
        self.done_button.clicked.connect(self.sig_done)
        self.names = QListView()
        self.names.setModel(voters)
        self.names.setItemDelegate(VoterDelegate(self.names))
        self.names.setAccessibleName("Choose your name")
        self.names.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.names.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.names.activated.connect(self._start_chosen)
        self.names.hide()
        self.names.setMinimumHeight(QFontMetrics(self.names.font()).height() * 6)

        card = QFrame()
        card.setProperty("cxRole", "panel")
        card.setMaximumWidth(980)
        column = QVBoxLayout(card)
        column.setContentsMargins(48, 40, 48, 36)
        column.setSpacing(14)
        column.addWidget(self.saved)
        column.addWidget(self.headline)
        column.addWidget(self.next_line)
        column.addSpacing(18)
        self.start_button.setStyleSheet("QPushButton { padding: 12px 30px; }")
        for button in (self.start_button, self.other_button, self.done_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(self.names, 1)
        column.addSpacing(8)
        column.addWidget(self.count)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(card, 5)
        middle.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addLayout(middle)
        outer.addStretch(2)
        self.card = card
        self.setAccessibleName("Pass the laptop on")

    def show_state(self, ws: Workshop, r: VotingRound, *, after_vote: bool) -> None:
        pending = voting.voters_pending(r)
        names = {p.id: p.name for p in ws.participants}
        pending = [v for v in pending if v in names]
        self.next_id = pending[0] if pending else None
        self.saved.setText("✓  Your vote is saved" if after_vote else "")
        self.saved.setVisible(after_vote)
        voted, total = len(r.voted()), len(r.voter_ids)
        self.count.setText(f"{voted} of {total} have voted")
        self.names.hide()
        if self.next_id is None:
            self.headline.setText("Everyone has voted")
            self.next_line.setText("Please hand the laptop back to the facilitator.")
            self.start_button.hide()
            self.other_button.setText("Vote again? Choose your name")
            self.done_button.setProperty("cxRole", "primary")
        else:
            self.headline.setText(
                "Pass the laptop to the next voter"
                if after_vote
                else "Hand the laptop to the first voter"
            )
            self.next_line.setText(f"Next: {names[self.next_id]}")
            self.start_button.setText(f"I'm {names[self.next_id]}: start my ballot")
            self.start_button.show()
            self.other_button.setText("Someone else? Choose your name")
            self.done_button.setProperty("cxRole", "")
        # A changed cxRole needs the style sheet applied again.
        self.done_button.style().unpolish(self.done_button)
        self.done_button.style().polish(self.done_button)

    def set_ready(self, ready: bool) -> None:
        """Buttons off for a moment after a vote, so a second press of Enter does nothing."""
        for button in (self.start_button, self.other_button, self.done_button):
            button.setEnabled(ready)
        self.names.setEnabled(ready)
        if ready:
            target = self.start_button if self.start_button.isVisible() else self.done_button
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_names(self) -> None:
        self.names.show()
        self.other_button.hide()
        self.names.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.voters_model.rowCount():
            self.names.setCurrentIndex(self.voters_model.index(0, 0))

    def _start_next(self) -> None:
        if self.next_id is not None:
            self.sig_next_requested.emit(self.next_id)

    def _start_chosen(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_next_requested.emit(str(index.data(ID_ROLE)))
