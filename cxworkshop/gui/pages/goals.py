"""The Goals step: a board of Win, Keep and Advocate columns, and the selected goal's details.

Goals are captured fast (type a title, press Enter), arranged by drag and
drop or Ctrl+arrow keys, and made measurable in the side panel. Every change
is one undoable edit through the session; the board only keeps a selection.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QItemSelectionModel,
    QObject,
    QRectF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import editing, text
from ...domain.changes import ChangeSet
from ...domain.defaults import example_goals
from ...domain.errors import WorkshopError
from ...domain.model import Goal, Pillar, Step
from ...domain.wording import and_join
from ...domain.wording import quoted_title as quoted
from ..models.goals import PillarGoalsModel
from ..ops.goals import add_goal, add_goals, delete_goal, move_goal, removal_preview
from ..roles import GOAL_ID_ROLE
from ..session import Session
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS, mark_content
from ..widgets.dragging import own_drag
from ..widgets.goal_card import GoalCardDelegate, app_palette
from ..widgets.keys import modifiers
from ..widgets.page_parts import page_header
from .base import StepPage
from .goal_detail import GoalDetailPanel

PILLARS = tuple(Pillar)

_PLAIN = Qt.KeyboardModifier.NoModifier
_CTRL = Qt.KeyboardModifier.ControlModifier


# ----------------------------------------------------------------- a column's list


class GoalListView(QListView):
    """One pillar's cards; keys move cards and focus, and drops show where a card lands."""

    sig_move_requested = Signal(int, int)
    """Move the current card by (rows, pillars): Ctrl+Up/Down and Ctrl+Left/Right."""

    sig_neighbour_requested = Signal(int)
    """Focus the column to the left (-1) or right (+1): Left/Right without Ctrl."""

    sig_delete_requested = Signal()
    """Delete the current card: the Delete key."""

    sig_edit_requested = Signal()
    """Edit the current card's details: Enter or F2."""

    KEYS_TEXT = (
        "Ctrl+arrow keys move the selected goal; Delete removes it; "
        "Enter edits its details; Left and Right go to the next column."
    )

    def __init__(self, pillar: Pillar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pillar = pillar
        self.empty_text = (
            f"No {pillar.label} goals yet.\nType one above and press Enter, or choose Examples."
        )
        self._drop_y: float | None = None
        self.setObjectName(f"goals_{pillar.value}")
        self.setAccessibleName(f"{pillar.label} goals")
        self.setAccessibleDescription(self.KEYS_TEXT)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The cards draw their own selection and focus; the lane itself stays quiet.
        self.setStyleSheet("QListView { background: transparent; border: none; }")
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
                signal.connect(self._fit_scroll_bar)
        self._fit_scroll_bar()

    def _fit_scroll_bar(self) -> None:
        """A column too long for any screen shows its scroll bar from the start.

        Otherwise the cards are laid out at the column's whole width, the
        scroll bar then appears, and every card is measured again a little
        narrower: at 300 goals, a second pass over every card as the page opens.
        """
        model = self.model()
        rows = 0 if model is None else model.rowCount()
        screen = self.screen()
        tallest = screen.availableGeometry().height() if screen is not None else 2160
        # No card is shorter than two lines of text.
        always = rows * 2 * self.fontMetrics().height() > tallest
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if always else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )

    def current_goal_id(self) -> str | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return str(index.data(GOAL_ID_ROLE))

    # -- keys ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), modifiers(event)
        moves: dict[int, tuple[int, int]] = {
            Qt.Key.Key_Up: (-1, 0),
            Qt.Key.Key_Down: (1, 0),
            Qt.Key.Key_Left: (0, -1),
            Qt.Key.Key_Right: (0, 1),
        }
        if mods == _CTRL and key in moves:
            self.sig_move_requested.emit(*moves[key])
        elif mods == _PLAIN and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.sig_neighbour_requested.emit(-1 if key == Qt.Key.Key_Left else 1)
        elif mods == _PLAIN and key == Qt.Key.Key_Delete:
            self.sig_delete_requested.emit()
        elif mods == _PLAIN and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2):
            self.sig_edit_requested.emit()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        index = self.currentIndex()
        if (
            index.isValid()
            and not self.selectionModel().isSelected(index)
            and event.reason() != Qt.FocusReason.MouseFocusReason
        ):
            # Tabbing in selects the card under the cursor, so the panel shows it.
            self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # -- drags and drops -----------------------------------------------------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # One of the app's own drags: the wheel scrolls the lane under the card.
        with own_drag():
            super().startDrag(supportedActions)

    def _drop_line(self, event: QDragMoveEvent) -> float | None:
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        if index.isValid():
            rect = self.visualRect(index)
            return float(rect.top() if pos.y() < rect.center().y() else rect.bottom() + 1)
        rows = self.model().rowCount() if self.model() is not None else 0
        if rows == 0:
            return GoalCardDelegate.GAP
        return float(self.visualRect(self.model().index(rows - 1, 0)).bottom() + 1)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)
        self._drop_y = self._drop_line(event) if event.isAccepted() else None
        self.viewport().update()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        super().dragLeaveEvent(event)
        self._drop_y = None
        self.viewport().update()

    def dropEvent(self, event: QDropEvent) -> None:
        self._drop_y = None
        super().dropEvent(event)
        self.viewport().update()

    # -- painting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        empty = model is None or model.rowCount() == 0
        if not empty and self._drop_y is None:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = app_palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        if empty:
            # An empty lane still reads as a place for cards, and says how to fill it.
            box = QRectF(self.viewport().rect()).adjusted(
                GoalCardDelegate.INSET + 1, GoalCardDelegate.GAP, -GoalCardDelegate.INSET - 1, 0
            )
            box.setHeight(min(box.height(), self.fontMetrics().height() * 6.0))
            edge = accent if self._drop_y is not None else palette.color(QPalette.ColorRole.Mid)
            painter.setPen(QPen(edge, 2.0, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(box, GoalCardDelegate.RADIUS, GoalCardDelegate.RADIUS)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                box.adjusted(GoalCardDelegate.PAD_X, 0, -GoalCardDelegate.PAD_X, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                self.empty_text,
            )
        elif self._drop_y is not None:
            # A bold bar where the card will land, visible from across the room.
            bar = QRectF(
                GoalCardDelegate.INSET,
                self._drop_y - 2.5,
                self.viewport().width() - 2 * GoalCardDelegate.INSET,
                5.0,
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(bar, 2.5, 2.5)
        painter.end()


# ----------------------------------------------------------------- a column


class PillarColumn(QObject):
    """One pillar's widgets: header, quick-capture entry, examples, and the cards.

    The page lays the widgets of all three columns out in one grid, so headers,
    entries and lists line up across the board whatever their text.
    """

    def __init__(self, pillar: Pillar, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pillar = pillar
        colour = PILLAR_COLOURS[pillar]
        wide = QSizePolicy.Policy.Ignored  # Columns share the width equally, not by content.

        self.accent = QFrame()
        self.accent.setFixedHeight(6)
        self.accent.setSizePolicy(wide, QSizePolicy.Policy.Fixed)
        self.accent.setStyleSheet(f"background: {colour}; border: none; border-radius: 3px;")

        symbol = QLabel(PILLAR_SYMBOLS[pillar])
        symbol.setProperty("cxRole", "pillar")
        symbol.setStyleSheet(f"color: {colour};")
        symbol.setAccessibleName(f"{pillar.label} symbol")
        self.name = QLabel(pillar.label)
        self.name.setProperty("cxRole", "pillar")

        self.examples_menu = QMenu(self.name)
        self.examples_menu.setAccessibleName(f"Example {pillar.label} goals")
        # A popup is a window of its own: mark it so its text follows the zoom too.
        mark_content(self.examples_menu)
        self.examples_button = QToolButton()
        self.examples_button.setObjectName(f"examples_{pillar.value}")
        self.examples_button.setText("Examples ▾")
        self.examples_button.setToolTip(f"Add a proven {pillar.label} goal with its measure")
        self.examples_button.setAccessibleName(f"Example {pillar.label} goals")
        self.examples_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.examples_button.setMenu(self.examples_menu)
        self.examples_button.setCursor(Qt.CursorShape.PointingHandCursor)
        # A quiet link-like button: the cards, not the chrome, hold the eye. The ▾ in
        # the text says "menu" at any zoom; the theme hides the style's tiny arrow.
        self.examples_button.setProperty("cxRole", "link")

        self.header = QWidget()
        self.header.setSizePolicy(wide, QSizePolicy.Policy.Preferred)
        title_row = QHBoxLayout(self.header)
        title_row.setContentsMargins(0, 0, 0, 0)
        title_row.setSpacing(8)
        title_row.addWidget(symbol)
        title_row.addWidget(self.name)
        title_row.addStretch(1)

        self.meaning = QLabel(pillar.meaning)
        self.meaning.setProperty("cxRole", "muted")
        self.meaning.setWordWrap(True)
        self.meaning.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.meaning.setSizePolicy(wide, QSizePolicy.Policy.Preferred)

        article = "an" if pillar.label[0] in "AEIOU" else "a"
        self.entry = QLineEdit()
        self.entry.setObjectName(f"quick_add_{pillar.value}")
        self.entry.setPlaceholderText(f"Add {article} {pillar.label} goal…")
        self.entry.setAccessibleName(f"New {pillar.label} goal")
        self.entry.setAccessibleDescription("Type a goal's title and press Enter to add it.")
        self.entry.setSizePolicy(wide, QSizePolicy.Policy.Fixed)

        # The two ways to add a goal, one under the other: type one, or pick an example.
        # Under the entry the button keeps its word at any width; beside the pillar's
        # large name it had to shrink to its arrow, while the help said "choose Examples".
        self.adder = QWidget()
        self.adder.setSizePolicy(wide, QSizePolicy.Policy.Fixed)
        adder_rows = QVBoxLayout(self.adder)
        adder_rows.setContentsMargins(0, 0, 0, 0)
        adder_rows.setSpacing(2)
        adder_rows.addWidget(self.entry)
        adder_rows.addWidget(self.examples_button, 0, Qt.AlignmentFlag.AlignRight)

        self.model = PillarGoalsModel(pillar, parent=self)
        self.list = GoalListView(pillar)
        self.list.setSizePolicy(wide, QSizePolicy.Policy.Expanding)
        self.list.setModel(self.model)
        self.list.setItemDelegate(GoalCardDelegate(self.list, colour))

        self.entry.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry and event.type() == QEvent.Type.KeyPress:
            key_event = event
            assert isinstance(key_event, QKeyEvent)
            if key_event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                # Down from the entry goes to the cards below it.
                self.list.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if key_event.key() == Qt.Key.Key_Escape and self.entry.text():
                self.entry.setText("")
                return True
        return super().eventFilter(watched, event)

    def update_count(self) -> None:
        """Say how many cards the column holds, for screen readers."""
        n = self.model.rowCount()
        self.list.setAccessibleDescription(
            f"{n} goal{'s' if n != 1 else ''}. {GoalListView.KEYS_TEXT}"
        )


# ----------------------------------------------------------------- the page


class GoalsPage(StepPage):
    """The Goals step: three pillar columns of goal cards and the selected goal's details."""

    step = Step.GOALS

    sig_selection_changed = Signal(str)
    """The selected goal changed: its id, or "" when no goal is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected_id: str | None = None
        self._quiet = False

        header = page_header(
            "Goals",
            "Capture goals under the three pillars, "
            "then give each a metric, a baseline, a target and a date.",
        )

        self.columns: dict[Pillar, PillarColumn] = {}
        board = QGridLayout()
        board.setHorizontalSpacing(22)
        board.setVerticalSpacing(10)
        for i, pillar in enumerate(PILLARS):
            column = PillarColumn(pillar, self)
            self.columns[pillar] = column
            board.addWidget(column.accent, 0, i)
            board.addWidget(column.header, 1, i)
            board.addWidget(column.meaning, 2, i)
            board.addWidget(column.adder, 4, i)
            board.addWidget(column.list, 6, i)
            board.setColumnStretch(i, 1)
            self._wire(column)
        board.setRowMinimumHeight(3, 6)
        board.setRowMinimumHeight(5, 2)
        board.setRowStretch(6, 1)

        self.panel = GoalDetailPanel(self)
        self.panel.sig_back_to_board.connect(self._back_to_board)
        self.panel.sig_delete_requested.connect(self.delete_selected)
        self.panel.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.panel.setMinimumWidth(320)

        # Goals proposed from phones wait in the phones panel beside the board (gui/phones.py).
        self.phones_button = QPushButton("Phones")
        self.phones_button.setToolTip("Let people propose goals from their phones (Ctrl+Shift+P)")
        header.row.addWidget(self.phones_button, 0, Qt.AlignmentFlag.AlignTop)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(board, 3)
        body.addWidget(self.panel, 1)

        layout = QVBoxLayout(self)
        # As the other steps' pages: flush with the title and step bar above.
        layout.setContentsMargins(0, 6, 0, 2)
        layout.setSpacing(14)
        layout.addWidget(header)
        layout.addLayout(body, 1)

        self._set_tab_order()

    def _wire(self, column: PillarColumn) -> None:
        pillar = column.pillar
        column.entry.returnPressed.connect(lambda: self._quick_add(pillar))
        column.examples_menu.aboutToShow.connect(lambda: self.fill_examples_menu(pillar))
        column.model.sig_goal_dropped.connect(lambda gid: self.select_goal(gid, focus=True))
        view = column.list
        view.selectionModel().selectionChanged.connect(lambda *_: self._on_selection(pillar))
        view.sig_move_requested.connect(lambda rows, pillars: self._move_by(pillar, rows, pillars))
        view.sig_neighbour_requested.connect(lambda step: self._focus_neighbour(pillar, step))
        view.sig_delete_requested.connect(self.delete_selected)
        view.sig_edit_requested.connect(self.panel_focus_title)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for column in self.columns.values():
            chain += [column.entry, column.list, column.examples_button]
        chain += list(self.panel.fields.values())
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- the page's public face ----------------------------------------------

    def set_session(self, session: Session | None) -> None:
        had_selection = self._selected_id is not None
        self._selected_id = None
        if had_selection:
            self.sig_selection_changed.emit("")
        for column in self.columns.values():
            column.model.set_session(session)
        self.panel.session = session
        super().set_session(session)

    def focus_first(self) -> None:
        self.columns[Pillar.WIN].entry.setFocus(Qt.FocusReason.TabFocusReason)

    def selected_goal_id(self) -> str | None:
        """The id of the selected goal card, or None."""
        return self._selected_id

    def select_goal(self, goal_id: str | None, *, focus: bool = False) -> bool:
        """Select (and scroll to) the card of ``goal_id``; with ``focus``, focus its column.

        Returns False if the goal is not on the board; the selection is then cleared.
        """
        for column in self.columns.values():
            row = column.model.row_of(goal_id) if goal_id else -1
            if row == -1:
                continue
            index = column.model.index(row, 0)
            self._quiet = True
            try:
                for other in self.columns.values():
                    if other is not column:
                        other.list.clearSelection()
                column.list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            finally:
                self._quiet = False
            column.list.scrollTo(index)
            if focus:
                column.list.setFocus(Qt.FocusReason.OtherFocusReason)
            self._set_selected(goal_id)
            return True
        self._quiet = True
        try:
            for column in self.columns.values():
                column.list.clearSelection()
        finally:
            self._quiet = False
        self._set_selected(None)
        return False

    def refresh(self) -> None:
        had_focus = any(c.list.hasFocus() for c in self.columns.values())
        self._quiet = True
        try:
            for column in self.columns.values():
                column.model.sync()
                column.update_count()
                column.entry.setEnabled(self.session is not None)
                column.examples_button.setEnabled(self.session is not None)
        finally:
            self._quiet = False
        # The selection follows its goal through undo and redo, even across columns.
        self.select_goal(self._selected_id, focus=had_focus)
        self._show_details()

    def apply_changes(self, changes: ChangeSet) -> None:
        """Follow one edit: a goal changed in place repaints its card (and its details) only."""
        if changes.goal_rows:
            self.refresh()
            return
        if not changes.goals_changed:
            return  # nothing this board shows
        for column in self.columns.values():
            column.model.apply_changes(changes)
        if self._selected_id in changes.goals_changed:
            self._show_details()

    def reveal_goal(self, goal_id: str) -> None:
        if any(column.model.row_of(goal_id) != -1 for column in self.columns.values()):
            # Where a column had focus, the column of the goal takes it, as after an edit.
            had_focus = any(c.list.hasFocus() for c in self.columns.values())
            self.select_goal(goal_id, focus=had_focus)

    def panel_focus_title(self) -> None:
        """Put focus on the selected goal's title in the detail panel (Enter or F2)."""
        self.panel.focus_title()

    # -- selection -----------------------------------------------------------

    def _set_selected(self, goal_id: str | None) -> None:
        changed = goal_id != self._selected_id
        self._selected_id = goal_id
        self._show_details()
        if changed:
            self.sig_selection_changed.emit(goal_id or "")

    def _show_details(self) -> None:
        goal = None
        if self.session is not None and self._selected_id is not None:
            try:
                goal = editing.goal(self.session.workshop, self._selected_id)
            except WorkshopError:
                goal = None
        self.panel.show_goal(goal)

    def _on_selection(self, pillar: Pillar) -> None:
        if self._quiet:
            return
        view = self.columns[pillar].list
        indexes = view.selectionModel().selectedIndexes()
        if indexes:
            goal_id = str(indexes[0].data(GOAL_ID_ROLE))
            self._quiet = True
            try:
                for other in self.columns.values():
                    if other.pillar is not pillar:
                        other.list.clearSelection()
            finally:
                self._quiet = False
            self._set_selected(goal_id)
        elif (
            self._selected_id is not None
            and self.columns[pillar].model.row_of(self._selected_id) != -1
        ):
            self._set_selected(None)

    def _back_to_board(self) -> None:
        if self._selected_id is not None:
            self.select_goal(self._selected_id, focus=True)

    def _focus_neighbour(self, pillar: Pillar, step: int) -> None:
        i = PILLARS.index(pillar) + step
        if not 0 <= i < len(PILLARS):
            return
        source, target = self.columns[pillar].list, self.columns[PILLARS[i]]
        row = max(0, source.currentIndex().row())
        if target.model.rowCount() > 0:
            row = min(row, target.model.rowCount() - 1)
            self.select_goal(str(target.model.index(row, 0).data(GOAL_ID_ROLE)), focus=True)
        else:
            target.list.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- edits ---------------------------------------------------------------

    def _quick_add(self, pillar: Pillar) -> None:
        column = self.columns[pillar]
        title = column.entry.text()
        if self.session is None or not title.strip():
            return
        goal = add_goal(self.session, pillar, title)
        if goal is None:
            return  # Refused: the session said why; the text stays to be fixed.
        # setText, not clear(): a fresh undo history, so Ctrl+Z undoes the add, not the typing.
        column.entry.setText("")
        # The card is selected for the panel, but the entry keeps focus for the next goal.
        self.select_goal(goal.id)

    def _move_by(self, pillar: Pillar, rows: int, pillars: int) -> None:
        goal_id = self.columns[pillar].list.current_goal_id()
        if self.session is None or goal_id is None:
            return
        row = self.columns[pillar].model.row_of(goal_id)
        if pillars:
            i = PILLARS.index(pillar) + pillars
            if not 0 <= i < len(PILLARS):
                return
            target = PILLARS[i]
            # Across columns the card keeps its height on the board where it can.
            move_goal(self.session, goal_id, target, row)
        else:
            new_row = row + rows
            if not 0 <= new_row < self.columns[pillar].model.rowCount():
                return
            move_goal(self.session, goal_id, pillar, new_row)
        self.select_goal(goal_id, focus=True)

    def delete_selected(self) -> None:
        """Delete the selected goal, asking first if assignments or votes would go with it."""
        goal_id = self._selected_id
        if self.session is None or goal_id is None:
            return
        try:
            goal = editing.goal(self.session.workshop, goal_id)
        except WorkshopError:
            return
        preview = removal_preview(self.session, goal_id)
        if preview is not None and preview.is_consequential:
            answer = QMessageBox.question(
                self,
                "Delete goal?",
                f"Delete the goal {quoted(goal.title)}?\n\n"
                f"This also removes {and_join(preview.consequences())}. "
                "Undo brings everything back.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        column = self.columns[goal.pillar]
        had_focus = column.list.hasFocus()
        row = column.model.row_of(goal_id)
        if not delete_goal(self.session, goal_id):
            return
        # The neighbour takes the place, so Delete, Delete clears a column card by card.
        rows = column.model.rowCount()
        if rows:
            neighbour = column.model.index(min(row, rows - 1), 0).data(GOAL_ID_ROLE)
            self.select_goal(str(neighbour), focus=had_focus)
        else:
            self.select_goal(None)
            if had_focus:
                column.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- examples ------------------------------------------------------------

    def _on_board(self, title: str) -> bool:
        if self.session is None:
            return False
        return any(text.same_name(g.title, title) for g in self.session.workshop.goals)

    def examples_left(self, pillar: Pillar) -> list[Goal]:
        """The example goals for ``pillar`` whose titles are not on the board yet."""
        return [g for g in example_goals()[pillar] if not self._on_board(g.title)]

    def fill_examples_menu(self, pillar: Pillar) -> None:
        """List the pillar's example goals; those already on the board are shown, greyed."""
        menu = self.columns[pillar].examples_menu
        menu.clear()
        for example in example_goals()[pillar]:
            on_board = self._on_board(example.title)
            label = f"{example.title}  ✓ on the board" if on_board else example.title
            action = QAction(label, menu)
            action.setEnabled(not on_board and self.session is not None)
            action.setToolTip(f"{example.metric}: {example.baseline} → {example.target}")
            action.triggered.connect(lambda _=False, t=example.title: self.add_example(pillar, t))
            menu.addAction(action)
        menu.addSeparator()
        left = self.examples_left(pillar)
        every = QAction(f"Add all examples for {pillar.label}", menu)
        every.setEnabled(bool(left) and self.session is not None)
        every.triggered.connect(lambda: self.add_all_examples(pillar))
        menu.addAction(every)

    def add_example(self, pillar: Pillar, title: str) -> Goal | None:
        """Add the example goal titled ``title`` (one undo step), unless it is on the board."""
        if self.session is None or self._on_board(title):
            return None
        for example in example_goals()[pillar]:
            if example.title == title:
                added = add_goals(self.session, [example], f"Add goal {quoted(title)}")
                if added:
                    self.select_goal(added[0].id, focus=True)
                    return added[0]
        return None

    def add_all_examples(self, pillar: Pillar) -> list[Goal]:
        """Add every example for ``pillar`` not yet on the board, as ONE undo step."""
        left = self.examples_left(pillar)
        if self.session is None or not left:
            return []
        n = len(left)
        text_ = f"Add {n} example goal{'s' if n != 1 else ''} to {pillar.label}"
        added = add_goals(self.session, left, text_) or []
        if added:
            self.select_goal(added[0].id, focus=True)
        return added


__all__ = ["GoalListView", "GoalsPage", "PillarColumn"]
