"""Vision: the one sentence the team agrees on, and the principles it commits to."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QKeyEvent,
    QResizeEvent,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ...domain.model import Step
from ..models.principles import PrinciplesModel
from ..ops import vision as vision_ops
from ..roles import SUBTITLE_ROLE
from ..session import Session
from ..theme import scaled_font
from ..widgets.checklist import ChecklistDelegate
from ..widgets.entry_row import EntryRow
from ..widgets.page_parts import ErrorLine, page_header, panel, scrolling_body
from .base import StepPage

VISION_PLACEHOLDER = "Every customer …"


class VisionEdit(QPlainTextEdit):
    """The vision sentence, typed large enough for the whole room to read.

    Enter finishes (the vision is one sentence, so there are no line breaks),
    Escape puts back what was saved, and leaving the field finishes too.
    """

    sig_editing_finished = Signal()
    """The facilitator is done with the sentence (Enter, or focus moved away)."""

    sig_editing_cancelled = Signal()
    """Escape: drop what was typed and show the saved vision again."""

    SCALE = 1.8
    """How much larger than the page's text the vision is drawn."""

    MIN_LINES = 2
    MAX_LINES = 3
    """The box is as tall as the sentence, two or three lines; a longer one scrolls.

    While the facilitator types, the box only grows: Enter, or a click on the
    principles below, never shrinks it and pulls the list up under the pointer. It
    fits the sentence again when its width changes or a sentence arrives from
    elsewhere (another workshop, an undo made away from the box).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lines = self.MAX_LINES
        self._text_lines = self.MIN_LINES
        self.setProperty("cxRole", "vision")
        self.setPlaceholderText(VISION_PLACEHOLDER)
        self.setTabChangesFocus(True)
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_lines)
        self._follow_font()

    def _follow_font(self) -> None:
        """Draw the text (and the placeholder) large, following the zoomed page font."""
        big = scaled_font(self, self.SCALE, bold=True)
        # The document and the viewport hold the drawn font; the widget's own font
        # keeps following the page's zoom, and this runs again whenever it changes.
        self.document().setDefaultFont(big)
        self.viewport().setFont(big)
        self._set_height()

    def _set_height(self) -> None:
        metrics = QFontMetrics(self.document().defaultFont())
        margins = self.contentsMargins()
        chrome = margins.top() + margins.bottom() + 2 * int(self.document().documentMargin())
        self.setFixedHeight(metrics.lineSpacing() * self._lines + chrome + 12)

    def _fit_lines(self) -> None:
        """Two lines for a short sentence, three for a long one (the room gets the rest)."""
        # The document says it changed before it has wrapped the new text at the
        # box's width: count its lines once it has.
        QTimer.singleShot(0, self, self._count_lines)

    def _count_lines(self) -> None:
        # A plain text document's height is its number of wrapped lines.
        self._text_lines = max(1, round(self.document().size().height()))
        self.fit_height(shrink=not self.hasFocus())

    def fit_height(self, *, shrink: bool = True) -> None:
        """As many lines as the sentence needs; with ``shrink`` False, never fewer than now."""
        lines = min(max(self._text_lines, self.MIN_LINES), self.MAX_LINES)
        if not shrink:
            lines = max(lines, self._lines)
        if lines != self._lines:
            self._lines = lines
            self._set_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            # A new width wraps the sentence anew (the document does not say so):
            # everything below moves with the window anyway.
            self._count_lines()
            self.fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._follow_font()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.sig_editing_finished.emit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.sig_editing_cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # Like a line edit: opening the context menu is not the end of the edit.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.sig_editing_finished.emit()

    def insertFromMimeData(self, source: QMimeData) -> None:
        # A pasted paragraph becomes one sentence, as typed text would be.
        if source.hasText():
            self.insertPlainText(" ".join(source.text().split()))
            return
        super().insertFromMimeData(source)


class PrinciplesList(QListView):
    """The principles as a checklist: Space ticks, Delete removes, F2 rewords."""

    sig_remove_requested = Signal()
    """Delete (or Backspace) was pressed on a principle."""

    def __init__(self, model: PrinciplesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(ChecklistDelegate(SUBTITLE_ROLE, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setWordWrap(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Long principles wrap to the width they get; nothing hides to the side.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Row heights depend on the font; lay the rows out again.
            self.scheduleDelayedItemsLayout()
            # Enough rows to work with before the page itself starts to scroll.
            self.setMinimumHeight(3 * (QFontMetrics(self.font()).height() + 12) + 4)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        deleting = event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
        if not editing and deleting and self.currentIndex().isValid():
            self.sig_remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class VisionPage(StepPage):
    """The second step: the vision of CX success, shown large, and the principles checklist."""

    step = Step.VISION

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown_vision = ""
        self.principles_model = PrinciplesModel(self)

        self.error_line = ErrorLine()
        header = page_header(
            "Vision and principles",
            "What customer experience success looks like for this team, "
            "and the principles everyone commits to.",
            self.error_line,
        )

        layout = scrolling_body(self)
        layout.addWidget(header)
        layout.addWidget(self._build_vision())
        layout.addSpacing(4)
        layout.addWidget(self._build_principles(), 1)
        self._set_tab_order()
        self.refresh()

    # -- building --------------------------------------------------------------

    def _build_vision(self) -> QFrame:
        frame, layout = panel(
            "Our vision of customer experience success",
            "One sentence the whole team can say out loud. Enter saves it; "
            "Esc brings back the saved one.",
        )
        self.vision_edit = VisionEdit()
        self.vision_edit.setAccessibleName("Vision")
        self.vision_edit.setAccessibleDescription(
            "The one sentence the team agrees on as its idea of customer experience success"
        )
        self.vision_edit.sig_editing_finished.connect(self._commit_vision)
        self.vision_edit.sig_editing_cancelled.connect(self._revert_vision)
        layout.addWidget(self.vision_edit)
        return frame

    def _build_principles(self) -> QFrame:
        frame, layout = panel(
            "Principles we commit to",
            "Tick the ones the team commits to (Space ticks the selected one). "
            "Add your own below; Delete removes one.",
        )
        self.committed_label = QLabel()
        self.committed_label.setProperty("cxRole", "muted")
        self.committed_label.setAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        )
        # The count sits on the heading's line, at the right.
        first = layout.itemAt(0)
        heading = first.widget() if first is not None else None
        assert heading is not None, "panel() puts its heading first"
        header_row = QHBoxLayout()
        layout.removeWidget(heading)
        header_row.addWidget(heading, 1)
        header_row.addWidget(self.committed_label)
        layout.insertLayout(0, header_row)

        # Parented at once: a stacked layout shows its current widget, and a
        # widget without a parent would flash up as a window of its own.
        self.principles_view = PrinciplesList(self.principles_model, self)
        self.principles_view.setAccessibleName("Principles")
        self.principles_view.sig_remove_requested.connect(self.remove_selected_principle)
        self.principles_view.selectionModel().currentChanged.connect(self._update_buttons)

        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_note = QLabel("No principles yet. Start from the ones most teams commit to.")
        empty_note.setProperty("cxRole", "muted")
        empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_note.setWordWrap(True)
        self.usual_button = QPushButton("Add the usual principles")
        self.usual_button.setProperty("cxRole", "primary")
        self.usual_button.setAccessibleName("Add the usual principles")
        self.usual_button.clicked.connect(self.add_usual_principles)
        empty_layout.addWidget(empty_note)
        empty_layout.addSpacing(8)
        empty_layout.addWidget(self.usual_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self._empty_state = empty

        self._list_stack = QStackedLayout()
        self._list_stack.addWidget(self.principles_view)
        self._list_stack.addWidget(empty)

        entry_row = EntryRow(
            "Add your own principle…", "Your own principle", "Add principle", "Remove principle"
        )
        entry_row.sig_add.connect(self.add_principle)
        entry_row.sig_remove.connect(self.remove_selected_principle)
        self._entry_row = entry_row
        self.principle_entry = entry_row.entry
        self.add_principle_button = entry_row.add_button
        self.remove_principle_button = entry_row.remove_button

        layout.addLayout(self._list_stack, 1)
        layout.addLayout(entry_row)
        return frame

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.vision_edit,
            self.principles_view,
            self.usual_button,
            self.principle_entry,
            self.add_principle_button,
            self.remove_principle_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # -- following the session ---------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.error_line.follow(session)
        self.principles_model.set_session(session)
        # A different workshop: whatever was typed belongs to the old one.
        self._shown_vision = ""
        self.vision_edit.setPlainText("")
        super().set_session(session)

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        vision = "" if ws is None else ws.vision
        # Never overwrite a sentence someone is in the middle of typing.
        typing = self.vision_edit.toPlainText() != self._shown_vision
        if not typing and vision != self._shown_vision:
            self._show_vision(vision)
        total = 0 if ws is None else len(ws.principles)
        committed = self.principles_model.committed_count()
        self.committed_label.setText(f"{committed} of {total} committed" if total else "")
        self._list_stack.setCurrentWidget(self._empty_state if total == 0 else self.principles_view)
        self._update_buttons()

    def focus_first(self) -> None:
        self.vision_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        selected = self.principles_model.principle_at(self.principles_view.currentIndex())
        self.remove_principle_button.setEnabled(selected is not None)

    # -- the vision --------------------------------------------------------------

    def _show_vision(self, vision: str) -> None:
        self._shown_vision = vision
        if self.vision_edit.toPlainText() != vision:
            self.vision_edit.setPlainText(vision)
            # Carry on typing where the sentence ends, not back at its start.
            self.vision_edit.moveCursor(QTextCursor.MoveOperation.End)

    def _revert_vision(self) -> None:
        self._show_vision(self._shown_vision)

    def _commit_vision(self) -> None:
        if self.session is None:
            return
        value = self.vision_edit.toPlainText()
        if value == self._shown_vision:
            return
        vision_ops.set_vision(self.session, value)
        # Saved or refused, the field now shows what is stored.
        self._show_vision(self.session.workshop.vision)

    # -- principles --------------------------------------------------------------

    def add_principle(self) -> None:
        """Add the principle typed in the entry (or go to the entry if it is empty)."""
        text = self._entry_row.typed()
        if text is None:
            return
        added = None if self.session is None else vision_ops.add_principle(self.session, text)
        if added is not None:
            # Clear only on success, so refused wording can be corrected.
            self.principle_entry.clear()
            row = self.principles_model.row_of(added.id)
            self.principles_view.scrollTo(self.principles_model.index(row, 0))

    def add_usual_principles(self) -> None:
        """Start the checklist from the principles most teams commit to (one undo step)."""
        if self.session is not None and vision_ops.add_usual_principles(self.session):
            self.principles_view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.principles_view.setCurrentIndex(self.principles_model.index(0, 0))

    def remove_selected_principle(self) -> None:
        """Take the selected principle off the list (one undo step)."""
        p = self.principles_model.principle_at(self.principles_view.currentIndex())
        if p is not None and self.session is not None:
            vision_ops.remove_principle(self.session, p.id)
