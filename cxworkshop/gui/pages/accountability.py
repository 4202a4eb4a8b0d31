"""The Accountability step: who answers for each goal, who does the work, who is asked or told.

On the left, the palette of functions and people; in the middle, the goals
by pillar, each with its Accountable, Responsible, Consulted and Informed
zones (or, at the press of Ctrl+M, the same as a matrix); on the right, the
live checks and each function's coverage. Every change is one undo step,
saved at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QRectF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import checks
from ...domain.changes import ChangeSet
from ...domain.checks import Finding
from ...domain.model import Assignee, AssigneeKind, Pillar, Role, Step
from ..models.accountability.assignees import function_colours, item_data
from ..models.accountability.board import AssigneesModel, GoalAssignmentsModel
from ..models.accountability.payload import Payload
from ..ops.accountability import Edits
from ..roles import ASSIGNEE_ROLE
from ..session import Session
from ..theme import mark_content
from ..widgets.goal_card import app_palette
from ..widgets.keys import chain_end
from ..widgets.raci import make_quiet, segment_button
from ..widgets.raci_board import RaciBoard
from ..widgets.raci_checks import ChecksPanel
from ..widgets.raci_palette import AssigneeFilter, AssigneePicker, PaletteList
from .base import StepPage

if TYPE_CHECKING:
    from ..models.accountability.matrix import RaciMatrixModel
    from ..widgets.raci_matrix import RaciMatrixView

INTRO = (
    "Drag a function or a person onto a goal: exactly one Accountable answers for it, "
    "Responsible do the work, Consulted are asked, Informed are told."
)
MATRIX_SHORTCUT = "Ctrl+M"
FILTER_SHORTCUT = "Ctrl+F"
NOTICE_MS = 9000

CHECKS_AT_THE_LATEST_MS = 100
"""The checks wait for the board's repaint, but no longer than this."""


@dataclass
class PaletteGroup:
    """One group of chips in the palette: its heading, filter and list."""

    key: str
    kind: AssigneeKind
    heading: QLabel
    proxy: AssigneeFilter
    view: PaletteList


class Palette(QFrame):
    """The functions (front office, back office) and people to drag onto goals, with a filter."""

    GROUPS = (
        ("front", AssigneeKind.FUNCTION, True, "Front office"),
        ("back", AssigneeKind.FUNCTION, False, "Back office"),
        ("people", AssigneeKind.PARTICIPANT, None, "People"),
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("cxRole", "panel")
        self.setAccessibleName("Functions and people")
        # Each part is made in its place, so the style reaches it once (the page is in
        # the window from its start): a part built apart and moved in is styled again
        # at every move.
        self.filter = QLineEdit(self)
        self.filter.setObjectName("palette_filter")
        self.filter.setPlaceholderText("Filter…")
        self.filter.setAccessibleName("Filter functions and people")
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip(
            f"Type part of a name or a function to narrow the chips ({FILTER_SHORTCUT})"
        )

        self.models = {
            kind: AssigneesModel((kind,), self)
            for kind in (AssigneeKind.FUNCTION, AssigneeKind.PARTICIPANT)
        }
        self.groups: list[PaletteGroup] = []
        scroll = QScrollArea(self)
        make_quiet(scroll)
        body = QWidget()
        scroll.setWidget(body)
        self.scroll_area = scroll
        body.setAutoFillBackground(False)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 6, 0)
        column.setSpacing(2)
        for key, kind, front_office, heading in self.GROUPS:
            proxy = AssigneeFilter(self, front_office=front_office)
            proxy.setSourceModel(self.models[kind])
            view = PaletteList(heading, body)
            view.setObjectName(f"palette_{key}")
            view.setModel(proxy)
            view.setToolTip(
                "Drag a chip onto a goal's A, R, C or I zone. "
                "Drop a chip from a goal here to take it off that goal."
            )
            label = QLabel(heading, body)
            label.setProperty("cxRole", "hint")
            label.setBuddy(view)
            self.groups.append(PaletteGroup(key, kind, label, proxy, view))
            column.addWidget(label)
            column.addWidget(view)
            column.addSpacing(8)
        self.nothing = QLabel("Nobody matches the filter.", body)
        self.nothing.setProperty("cxRole", "muted")
        self.nothing.hide()
        column.addWidget(self.nothing)
        column.addStretch(1)

        self.hint = QLabel("Drag a chip onto a goal. Enter on a goal picks by keyboard.")
        self.hint.setProperty("cxRole", "hint")
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 14, 6, 12)
        layout.setSpacing(10)
        layout.addWidget(self.filter)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.hint)
        self.filter.textChanged.connect(self._filter)
        self._show_groups()
        # A chip dragged off a goal comes off it anywhere on the palette: on its
        # lists, and on what they do not cover (headings, margins, the filter box).
        self._removing = False
        self.setAcceptDrops(True)

    def lists(self) -> list[PaletteList]:
        return [g.view for g in self.groups]

    # -- taking chips off goals ----------------------------------------------------

    def _removable(self, event: QDropEvent) -> bool:
        model = self.models[AssigneeKind.FUNCTION]
        return bool(event.possibleActions() & Qt.DropAction.MoveAction) and model.canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )

    def _set_removing(self, removing: bool) -> None:
        if removing != self._removing:
            self._removing = removing
            self.update()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._removable(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
            self._set_removing(True)
        else:
            event.ignore()
            self._set_removing(False)

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._set_removing(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._set_removing(False)
        if not self._removable(event):
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        if not self.models[AssigneeKind.FUNCTION].dropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        ):
            event.ignore()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._removing:
            return
        # Dropped here, the chip comes off its goal: the palette says it takes it.
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(app_palette().color(QPalette.ColorRole.Highlight), 2.5, Qt.PenStyle.DashLine)
        )
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(2, 2, -2, -2), 10, 10)
        painter.end()

    def _filter(self, text: str) -> None:
        for group in self.groups:
            group.proxy.set_text(text)
        self._show_groups()

    def _show_groups(self) -> None:
        shown = 0
        for group in self.groups:
            rows = group.proxy.rowCount()
            group.heading.setVisible(rows > 0)
            group.view.setVisible(rows > 0)
            shown += rows
        self.nothing.setVisible(shown == 0 and bool(self.filter.text().strip()))

    def set_session(self, session: Session | None, edits: Edits) -> None:
        for model in self.models.values():
            model.set_session(session, edits)
        for group in self.groups:
            group.view.session = session
        self._show_groups()

    def sync(self) -> None:
        for model in self.models.values():
            model.sync()
        self._show_groups()

    def select(self, who: Assignee | None) -> None:
        """Select ``who``'s chip (clearing the filter if it hides them); None clears."""
        for group in self.groups:
            index = QModelIndex()
            if who is not None and who.kind is group.kind:
                model = self.models[group.kind]
                row = model.row_of(who)
                if row >= 0:
                    if not group.proxy.filterAcceptsRow(row, QModelIndex()) and self.filter.text():
                        self.filter.clear()
                    index = group.proxy.mapFromSource(model.index(row, 0))
            if not index.isValid():
                group.view.clearSelection()
                continue
            group.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            rect = group.view.visualRect(index)
            self.scroll_area.ensureVisible(
                group.view.x() + rect.center().x(),
                group.view.y() + rect.center().y(),
                10,
                rect.height(),
            )


class AccountabilityPage(StepPage):
    """The Accountability step: palette, goal board (or matrix), checks and coverage."""

    step = Step.ACCOUNTABILITY

    sig_status = Signal(str)
    """A sentence for the status bar: e.g. who replaced whom as a goal's Accountable."""

    sig_selection_changed = Signal(str)
    """The selected goal changed: its id, or "" for none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits = Edits(self)
        self.edits.sig_replaced.connect(self._replaced)
        self._stale = True
        self._matrix_stale = True
        self.findings: list[Finding] = []

        title = QLabel("Accountability")
        title.setProperty("cxRole", "heading")
        self.intro = QLabel(INTRO)
        self.intro.setProperty("cxRole", "muted")
        self.intro.setWordWrap(True)
        self.intro.setObjectName("intro")
        # The intro keeps its place while hidden, and the notice lies over it rather
        # than in the layout: a notice coming and going never moves the board under
        # the pointer, whatever its length.
        keep = self.intro.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.intro.setSizePolicy(keep)
        self.notice = QLabel(self)
        self.notice.setObjectName("notice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName("Last change")
        self.notice.setStyleSheet(
            "QLabel { background: palette(alternate-base); border: 2px solid palette(highlight);"
            " border-radius: 8px; padding: 6px 12px; font-weight: 600; }"
        )
        self.notice.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.timeout.connect(self.clear_notice)

        self.board_button = segment_button(
            "Board", f"Goal cards with drop zones ({MATRIX_SHORTCUT} switches)", first=True
        )
        self.matrix_button = segment_button(
            "Matrix",
            f"Goals × functions and people, a letter per cell ({MATRIX_SHORTCUT} switches)",
            first=False,
        )
        self.board_button.setObjectName("show_board")
        self.matrix_button.setObjectName("show_matrix")
        self.board_button.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.board_button)
        group.addButton(self.matrix_button)
        self.board_button.clicked.connect(lambda: self.show_matrix(False))
        self.matrix_button.clicked.connect(lambda: self.show_matrix(True))

        head = QHBoxLayout()
        head.setSpacing(0)
        head.addWidget(title)
        head.addStretch(1)
        head.addWidget(self.board_button)
        head.addWidget(self.matrix_button)

        # The three parts.
        self.palette_panel = Palette(self)
        self.palette_panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

        self.model = GoalAssignmentsModel(self)
        self.board = RaciBoard(self.model)
        self.board.sig_goal_selected.connect(self._goal_selected)
        self.board.sig_picker_requested.connect(self.open_picker)
        self.board.on_role_key = lambda goal_id, who, role: self.edits.assign(goal_id, who, role)
        self.board.on_remove_key = lambda goal_id, who: self.edits.unassign(goal_id, who)

        # The matrix waits behind the board until it is first asked for (see `matrix`).
        self._matrix_model: RaciMatrixModel | None = None
        self._matrix: RaciMatrixView | None = None

        self.views = QStackedWidget(self)
        self.views.addWidget(self.board)

        self.checks = ChecksPanel(self)
        self.checks.sig_finding_activated.connect(self.show_finding)
        self.checks.sig_function_activated.connect(lambda who: self.select_assignee(who))
        self._checks_timer = QTimer(self)
        self._checks_timer.setSingleShot(True)
        self.board.viewport().installEventFilter(self)
        self._checks_timer.timeout.connect(self.update_checks)

        for view in self.palette_panel.lists():
            view.sig_drag_started.connect(self._palette_drag_started)
            view.sig_drag_finished.connect(self.board.end_drag)
            view.selectionModel().currentChanged.connect(
                lambda current, _previous, v=view: self._palette_current(v, current)
            )

        body = QHBoxLayout()
        body.setSpacing(20)
        body.addWidget(self.palette_panel)
        body.addWidget(self.views, 1)
        body.addWidget(self.checks)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(head)
        layout.addWidget(self.intro)
        layout.addSpacing(10)
        layout.addLayout(body, 1)

        self.picker: AssigneePicker | None = None
        self._fit_widths()

        toggle = QShortcut(QKeySequence(MATRIX_SHORTCUT), self)
        toggle.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        toggle.activated.connect(lambda: self.show_matrix(not self.matrix_shown()))
        find = QShortcut(QKeySequence(FILTER_SHORTCUT), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_filter)

        # The matrix and the coverage table join this order when they are built:
        # the matrix after the board, the coverage table after the findings.
        chain: list[QWidget] = [
            self.palette_panel.filter,
            *self.palette_panel.lists(),
            self.board,
            self.checks.findings,
            self.board_button,
            self.matrix_button,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- the page's public face --------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self.picker is not None:
            self.picker.close()
        self.edits.session = session
        self.board.set_session(session)
        self.board.select_goal(None)
        self._stale = self._matrix_stale = True
        # Bind the models now; they read the workshop on the refresh below.
        self.model.session = session
        self.model.edits = self.edits
        if self._matrix_model is not None:
            self._matrix_model.session = session
            self._matrix_model.edits = self.edits
        self.palette_panel.set_session(session, self.edits)
        self.clear_notice()
        super().set_session(session)

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one edit: only the goals it touched, unless goals or people came or went."""
        if changes.goal_rows or changes.people:
            self.refresh()
        elif changes.goals_changed or changes.assignments:
            self.refresh(changes)

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Follow an edit, undo or redo (``changes``: only the goals it names)."""
        if not self.isVisible():
            # Hidden: catch up all at once when shown.
            self._stale = self._matrix_stale = True
            return
        self._stale = False
        if changes is None:
            self.model.sync()
        else:
            self.model.apply_changes(changes)
        self.palette_panel.sync()
        if self.matrix_shown():
            self.matrix_model.sync()
            self._matrix_stale = False
        else:
            self._matrix_stale = True
        if self.picker is not None and self.picker.isVisible():
            self.picker.refresh()
        if self.board.selected_chip is not None and not self.board.chip_still_there():
            self.board.clear_chip()
        # The checks follow a moment later: once the board has repainted (eventFilter),
        # or at once when the matrix is what shows.
        self._checks_timer.start(0 if self.matrix_shown() else CHECKS_AT_THE_LATEST_MS)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.board.viewport()
            and event.type() == QEvent.Type.Paint
            and self._checks_timer.isActive()
        ):
            # The board is on screen with the change: the checks may come now.
            self._checks_timer.start(0)
        return super().eventFilter(watched, event)

    def focus_first(self) -> None:
        if self.matrix_shown():
            self.matrix.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.board.setFocus(Qt.FocusReason.TabFocusReason)

    def selected_goal_id(self) -> str | None:
        return self.board.selected_goal

    def reveal_goal(self, goal_id: str) -> None:
        if goal_id in self.board.pillars:
            self.select_goal(goal_id)

    def select_goal(self, goal_id: str | None) -> None:
        """Select a goal on the board and in the matrix (None: no goal)."""
        self.board.select_goal(goal_id)
        if goal_id is not None and self.matrix_shown():
            row = self.matrix_model.goal_row(goal_id)
            if row >= 0:
                column = max(0, self.matrix.currentIndex().column())
                self.matrix.setCurrentIndex(self.matrix_model.index(row, column))
                self.matrix.scrollTo(self.matrix_model.index(row, column))

    def select_assignee(self, who: Assignee | None) -> None:
        """Pick out one function or person: selected in the palette, their chips lit up."""
        self.palette_panel.select(who)
        self.board.highlight(who)
        if who is not None and self.matrix_shown():
            column = self.matrix_model.assignee_column(who)
            if column >= 0:
                row = max(0, self.matrix.currentIndex().row())
                self.matrix.setCurrentIndex(self.matrix_model.index(row, column))

    @property
    def matrix_model(self) -> RaciMatrixModel:
        """The matrix's model, made the first time it is wanted."""
        if self._matrix_model is None:
            # Imported here: a page that never shows the matrix never loads it.
            from ..models.accountability.matrix import RaciMatrixModel

            model = RaciMatrixModel(self)
            model.session = self.session
            model.edits = self.edits
            self._matrix_model = model
        return self._matrix_model

    @property
    def matrix(self) -> RaciMatrixView:
        """The matrix, built the first time it is shown or asked for.

        Until then the page opens without it: the board is what the first frame shows.
        """
        if self._matrix is None:
            from ..widgets.raci_matrix import RaciMatrixView

            view = RaciMatrixView(self.matrix_model)
            # Made after the theme reached the page: marked, it takes the content font itself.
            mark_content(view)
            view.selectionModel().currentChanged.connect(self._matrix_current)
            self.views.addWidget(view)
            # In the Tab order where it always was: after the board's last stop, before the checks.
            QWidget.setTabOrder(chain_end(self.board), view)
            QWidget.setTabOrder(view, self.checks.findings)
            self._matrix = view
        return self._matrix

    def matrix_shown(self) -> bool:
        return self._matrix is not None and self.views.currentWidget() is self._matrix

    def show_matrix(self, on: bool) -> None:
        """Show the matrix (True) or the board (False); the selected goal stays selected."""
        goal = self.board.selected_goal
        self.views.setCurrentWidget(self.matrix if on else self.board)
        self.palette_panel.setVisible(not on)
        self.matrix_button.setChecked(on)
        self.board_button.setChecked(not on)
        if on:
            if self._checks_timer.isActive():
                self._checks_timer.start(0)  # waiting for a board no longer shown
            if self._matrix_stale:
                self.matrix_model.sync()
                self._matrix_stale = False
            self.matrix.fit()
            if goal is not None:
                self.select_goal(goal)
            elif self.matrix_model.rowCount() and self.matrix_model.columnCount():
                self.matrix.setCurrentIndex(self.matrix_model.index(0, 0))
            self.matrix.setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            if goal is not None:
                self.board.select_goal(goal)
            self.board.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_filter(self) -> None:
        if self.matrix_shown():
            self.show_matrix(False)
        self.palette_panel.filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.palette_panel.filter.selectAll()

    def open_picker(self, goal_id: str | None = None) -> AssigneePicker | None:
        """Open the keyboard picker on a goal (the selected one by default)."""
        goal_id = goal_id or self.board.selected_goal
        if self.session is None or goal_id is None:
            return None
        self.board.select_goal(goal_id)
        card = self.board.cards.get(goal_id)
        if card is None:
            return None
        if self.picker is None:
            self.picker = AssigneePicker(self)
            self.picker.sig_closed.connect(self._picker_closed)
        self.picker.open_for(self.session, self.edits, goal_id, card)
        return self.picker

    # -- checks ------------------------------------------------------------------

    def update_checks(self) -> None:
        """Run the domain's checks and show what they found."""
        self._checks_timer.stop()
        if self.session is None:
            self.findings = []
            self.checks.set_results([], [], {})
            return
        ws = self.session.workshop
        self.findings, coverage = checks.check_with_coverage(ws)
        self.checks.set_results(self.findings, coverage, function_colours(ws))

    def show_finding(self, finding: Finding) -> None:
        """Select what a finding is about: its goal, or the function or person concerned."""
        if finding.goal_ids and (finding.code != checks.BOTTLENECK or not finding.assignees):
            self.select_goal(finding.goal_ids[0])
            self.select_assignee(finding.assignees[0] if finding.assignees else None)
            return
        if finding.assignees:
            self.select_assignee(finding.assignees[0])
            if finding.goal_ids:
                self.board.select_goal(finding.goal_ids[0])
            return
        if finding.code == checks.EMPTY_PILLAR:
            for pillar in Pillar:
                if f"The {pillar.label} pillar" in finding.message:
                    section = self.board.canvas.sections[pillar]
                    self.show_matrix(False)
                    self.board.ensureWidgetVisible(section.header, 0, 0)
                    break

    # -- what happened -------------------------------------------------------------

    def show_notice(self, text: str) -> None:
        """Say briefly what just happened, in place of the intro."""
        self.notice.setText(f"⇄ {text}")
        self.intro.hide()
        self._place_notice()
        self.notice.show()
        self.notice.raise_()
        self._notice_timer.start(NOTICE_MS)
        self.sig_status.emit(text)

    def _place_notice(self) -> None:
        """Over the intro, as wide as it and as high as the notice's text needs."""
        area = self.intro.geometry()
        height = max(self.notice.heightForWidth(area.width()), area.height())
        self.notice.setGeometry(area.x(), area.y(), area.width(), height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.notice.isVisible():
            self._place_notice()

    def clear_notice(self) -> None:
        self.notice.hide()
        self.notice.clear()
        self.intro.show()

    def _replaced(self, goal_id: str, text: str) -> None:
        self.show_notice(text)
        zone = self.board.zone(goal_id, Role.ACCOUNTABLE)
        if zone is not None:
            zone.flash()

    # -- selection plumbing --------------------------------------------------------

    def _goal_selected(self, goal_id: str) -> None:
        self.sig_selection_changed.emit(goal_id)

    def _matrix_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        goal = self.matrix_model.goal_at(current.row()) if current.isValid() else None
        if goal is not None and goal.id != self.board.selected_goal:
            self.board.select_goal(goal.id, scroll=False)

    def _palette_current(self, view: PaletteList, current: QModelIndex) -> None:
        who = item_data(current, ASSIGNEE_ROLE) if current.isValid() else None
        if isinstance(who, Assignee):
            for other in self.palette_panel.lists():
                if other is not view:
                    other.clearSelection()
            self.board.highlight(who)

    def _palette_drag_started(self, payload: object) -> None:
        if isinstance(payload, Payload):
            self.board.begin_drag(payload)

    def _picker_closed(self) -> None:
        if self.isVisible() and not self.matrix_shown():
            self.board.setFocus(Qt.FocusReason.PopupFocusReason)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_widths()

    def _fit_widths(self) -> None:
        """Side panels as wide as the content font needs: the board takes the rest."""
        unit = QFontMetricsF(self.font()).height()
        self.palette_panel.setFixedWidth(int(unit * 12.5))
        self.checks.setFixedWidth(int(unit * 15))


__all__ = ["AccountabilityPage", "Palette"]
