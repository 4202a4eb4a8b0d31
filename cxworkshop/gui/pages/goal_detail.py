"""The Goals step's side panel: the selected goal's title, description and measure."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import editing
from ...domain.defaults import metric_hints
from ...domain.errors import WorkshopError
from ...domain.model import Goal
from ..ops.goals import edit_goal
from ..session import Session
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS


class _NotesEdit(QPlainTextEdit):
    """A plain text edit that says when editing finished (focus left it)."""

    sig_editing_finished = Signal()
    """Focus left the field: time to commit what was typed."""

    LINES = 3
    """Three lines of description at any zoom; longer ones scroll inside the box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.contentsMargins()
        doc_margin = self.document().documentMargin() * 2
        lines = self.fontMetrics().lineSpacing() * self.LINES
        # Fixed, not a minimum: the panel's other fields and the hint need the height.
        self.setFixedHeight(int(lines + doc_margin + margins.top() + margins.bottom() + 0.999))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # The zoom changes the content font; the box grows with it.
            self._fit_height()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.sig_editing_finished.emit()


_FIELD_LABELS = {
    "title": "&Title",
    "description": "&Description",
    "metric": "&Metric",
    "baseline": "&Baseline",
    "target": "Tar&get",
    "due": "D&ue date or timeframe",
}
_FIELD_NAMES = {
    "title": "Goal title",
    "description": "Goal description",
    "metric": "Metric",
    "baseline": "Baseline",
    "target": "Target",
    "due": "Due date or timeframe",
}
_FIELD_PLACEHOLDERS = {
    "description": "Why this matters to customers, and what changes for them",
    "metric": "How success is measured, e.g. Net Promoter Score",
    "baseline": "Where we are now",
    "target": "Where we aim to be",
    "due": "e.g. Q4 2027, or by the spring launch",
}


def _scrolling(content: QWidget, parent: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area, made in ``parent``.

    On a small screen or at a large zoom the panel's fields and its how-to text
    outgrow it: they scroll rather than squash or lose their last lines.
    """
    scroller = QScrollArea(parent)
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Tab goes from field to field; the frame around them is no stop of its own,
    # where the keyboard would sit with nothing shown as having it.
    scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroller.setStyleSheet("QScrollArea { background: transparent; border: none; }")
    scroller.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    scroller.setWidget(content)
    return scroller


class GoalDetailPanel(QFrame):
    """The selected goal's title, description and measure; each field saves when left."""

    sig_back_to_board = Signal()
    """Escape in a field: the user wants the cards back."""

    sig_delete_requested = Signal()
    """The Delete goal button was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("cxRole", "panel")
        self.setAccessibleName("Goal details")
        self.session: Session | None = None
        self.goal_id: str | None = None
        self._shown: dict[str, str] = {}
        self.stack = QStackedWidget(self)

        # Nothing selected: how to get going.
        empty = QWidget()
        empty_title = QLabel("No goal selected")
        empty_title.setProperty("cxRole", "subheading")
        empty_body = QLabel(
            "Type a goal's title in the box under Win, Keep or Advocate and press Enter."
            "<br><br>Or choose <b>Examples</b> to start from a goal that already has a "
            "metric, a baseline and a target."
            "<br><br>Select a card to give it the measure that makes it more than a wish."
        )
        empty_body.setTextFormat(Qt.TextFormat.RichText)
        empty_body.setProperty("cxRole", "muted")
        empty_body.setWordWrap(True)
        keys = QLabel(
            "Ctrl+arrow keys move a card · Delete removes it · Enter edits it · Ctrl+Z undoes"
        )
        keys.setProperty("cxRole", "hint")
        keys.setWordWrap(True)
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(0, 0, 12, 0)
        empty_layout.setSpacing(14)
        empty_layout.addWidget(empty_title)
        empty_layout.addWidget(empty_body)
        empty_layout.addStretch(1)
        empty_layout.addWidget(keys)

        # A goal selected: its fields.
        editor = QWidget()
        self.heading = QLabel()
        self.heading.setProperty("cxRole", "subheading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.fields: dict[str, QLineEdit | _NotesEdit] = {}
        self.labels: dict[str, QLabel] = {}
        for name in _FIELD_LABELS:
            field: QLineEdit | _NotesEdit
            if name == "description":
                notes = _NotesEdit()
                notes.setTabChangesFocus(True)
                notes.setPlaceholderText(_FIELD_PLACEHOLDERS[name])
                notes.sig_editing_finished.connect(lambda n=name: self._commit(n))
                field = notes
            else:
                line = QLineEdit()
                line.setPlaceholderText(_FIELD_PLACEHOLDERS.get(name, ""))
                line.editingFinished.connect(lambda n=name: self._commit(n))
                field = line
            field.setAccessibleName(_FIELD_NAMES[name])
            field.setObjectName(f"goal_{name}")
            field.installEventFilter(self)
            label = QLabel(_FIELD_LABELS[name])
            label.setWordWrap(True)  # A narrow panel wraps a label rather than clipping fields.
            label.setBuddy(field)
            self.fields[name] = field
            self.labels[name] = label

        self.hint = QLabel()
        self.hint.setProperty("cxRole", "hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        self.delete_button = QPushButton("De&lete goal")
        self.delete_button.setAccessibleName("Delete this goal")
        # Not a Tab stop: Tab out of the last field must never land on deleting the goal.
        # The keyboard reaches it with Alt+L, or Delete on the goal's card.
        self.delete_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.delete_button.setToolTip("Delete this goal (Delete on its card does the same)")
        self.delete_button.clicked.connect(self.sig_delete_requested)

        form = QGridLayout()
        form.setHorizontalSpacing(14)
        form.setVerticalSpacing(6)
        row = 0
        for name in ("title", "description", "metric"):
            form.addWidget(self.labels[name], row, 0, 1, 2)
            form.addWidget(self.fields[name], row + 1, 0, 1, 2)
            form.setRowMinimumHeight(row + 2, 10)
            row += 3
        # Baseline and target side by side: "from … to …" reads as one thought.
        form.addWidget(self.labels["baseline"], row, 0)
        form.addWidget(self.labels["target"], row, 1)
        form.addWidget(self.fields["baseline"], row + 1, 0)
        form.addWidget(self.fields["target"], row + 1, 1)
        form.setRowMinimumHeight(row + 2, 10)
        row += 3
        form.addWidget(self.labels["due"], row, 0, 1, 2)
        form.addWidget(self.fields["due"], row + 1, 0, 1, 2)
        form.setColumnStretch(0, 1)
        form.setColumnStretch(1, 1)

        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 12, 0)
        editor_layout.setSpacing(12)
        editor_layout.addWidget(self.heading)
        editor_layout.addLayout(form)
        editor_layout.addSpacing(4)
        editor_layout.addWidget(self.hint)
        editor_layout.addStretch(1)
        editor_layout.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignLeft)

        # Made in their places: measured (and so styled) as they are filled, the two
        # faces are styled once where they stay, not again when moved in.
        self._empty, self._editor = _scrolling(empty, self.stack), _scrolling(editor, self.stack)
        self.stack.addWidget(self._empty)
        self.stack.addWidget(self._editor)
        layout = QVBoxLayout(self)
        # The right margin is shared with the pages (12), leaving room for a scroll bar.
        layout.setContentsMargins(22, 20, 10, 20)
        layout.addWidget(self.stack)

    # -- showing -------------------------------------------------------------

    def field_text(self, name: str) -> str:
        field = self.fields[name]
        return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()

    def _put(self, name: str, value: str) -> None:
        field = self.fields[name]
        if self.field_text(name) != value:
            if isinstance(field, QPlainTextEdit):
                field.setPlainText(value)
            else:
                field.setText(value)
                field.setCursorPosition(0 if not field.hasFocus() else len(value))
        self._shown[name] = value

    def _is_typing(self, name: str) -> bool:
        """The user is mid-edit in this field: what they typed must not be overwritten."""
        return self.fields[name].hasFocus() and self.field_text(name) != self._shown.get(name)

    def show_goal(self, goal: Goal | None) -> None:
        """Show ``goal``'s details (None: the how-to-start text)."""
        if goal is None:
            self.goal_id = None
            self._shown.clear()
            self.stack.setCurrentWidget(self._empty)
            return
        same = goal.id == self.goal_id
        self.goal_id = goal.id
        colour = PILLAR_COLOURS[goal.pillar]
        # The pillar's name and typical metrics are our own plain words: nothing in
        # them needs escaping for the rich text.
        self.heading.setText(
            f'<span style="color:{colour}">{PILLAR_SYMBOLS[goal.pillar]}</span>'
            f" {goal.pillar.label} goal"
        )
        self.hint.setText(
            f"<b>Typical {goal.pillar.label} metrics:</b> {metric_hints()[goal.pillar]}"
        )
        for name in _FIELD_LABELS:
            if same and self._is_typing(name):
                continue
            self._put(name, str(getattr(goal, name)))
        self.stack.setCurrentWidget(self._editor)

    def focus_title(self) -> None:
        if self.goal_id is None:
            return
        title = self.fields["title"]
        title.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if isinstance(title, QLineEdit):
            title.selectAll()

    # -- committing ----------------------------------------------------------

    def _current(self) -> Goal | None:
        if self.session is None or self.goal_id is None:
            return None
        try:
            return editing.goal(self.session.workshop, self.goal_id)
        except WorkshopError:
            return None

    def _commit(self, name: str) -> None:
        """Save one field as one undo step if it changed; a refused value reverts."""
        goal = self._current()
        if goal is None or self.session is None:
            return
        value = self.field_text(name)
        if value == self._shown.get(name):
            return
        edit_goal(self.session, goal.id, name, value)
        # Whether saved, cleaned up or refused, the field now shows what is stored.
        stored = self._current()
        if stored is not None:
            self._put(name, str(getattr(stored, name)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key_event = event
            assert isinstance(key_event, QKeyEvent)
            if key_event.key() == Qt.Key.Key_Escape:
                for name, field in self.fields.items():
                    if field is watched:
                        # Escape drops what was typed and goes back to the cards.
                        self._put(name, self._shown.get(name, ""))
                self.sig_back_to_board.emit()
                return True
        return super().eventFilter(watched, event)


__all__ = ["GoalDetailPanel"]
