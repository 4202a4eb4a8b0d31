"""The set-up page's lists: the people in the room as a table, the functions as a checklist."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QDropEvent, QIcon, QKeyEvent, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QListView,
    QStyleOptionViewItem,
    QWidget,
)

from ...domain.wording import quoted
from ..models.base import Index
from ..models.people import NO_FUNCTION, FunctionsModel, ParticipantsModel
from ..roles import SUBTITLE_ROLE
from ..widgets.checklist import ChecklistDelegate
from ..widgets.editable_table import EditableTable, InsetDelegate


def swatch_icon(colour: str, size: int = 16) -> QIcon:
    """A small square of ``colour`` with a thin dark edge, so pale colours still show."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    painter = QPainter(pixmap)
    painter.setPen(QColor(0, 0, 0, 90))
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


class ParticipantDelegate(InsetDelegate):
    """Cells of the people table: text editors, and a list of functions for Function."""

    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> QWidget:
        if index.column() == ParticipantsModel.FUNCTION:
            combo = QComboBox(parent)
            # Typed, not searched: a name typed here picks that function, completing as it
            # is typed; Space and letters stay in the field (a list that searched as keys
            # came opened on Space and picked by the title typed next).
            combo.setEditable(True)
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            # Editors do not pick up the zoomed content font by themselves.
            combo.setFont(option.font)
            # Its list is a window of its own: it needs the font too.
            combo.view().setFont(option.font)
            swatch = round(option.fontMetrics.height() * 0.7)
            combo.setIconSize(QSize(swatch, swatch))
            combo.setAccessibleName("Function")
            combo.addItem(NO_FUNCTION, None)
            ws = self._model.workshop
            for f in ws.functions if ws else []:
                combo.addItem(swatch_icon(f.colour, swatch), f.name, f.id)
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setFont(option.font)
        editor.setAccessibleName(ParticipantsModel.columns[index.column()])
        if isinstance(editor, QLineEdit) and self._model.is_new_row(index):
            editor.setPlaceholderText("Name of the next person")
        return editor

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex | Index
    ) -> None:
        # The whole cell: the style would leave the swatch's room uncovered at the left.
        editor.setGeometry(option.rect)

    def setEditorData(self, editor: QWidget, index: QModelIndex | Index) -> None:
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            found = editor.findData(value) if value else 0
            editor.setCurrentIndex(max(0, found))
            # Typing replaces the function shown.
            line = editor.lineEdit()
            if line is not None:
                line.selectAll()
            return
        super().setEditorData(editor, index)

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex | Index
    ) -> None:
        if isinstance(editor, QComboBox):
            known, function_id = self.function_named(editor.currentText())
            if not known:
                self._say_unknown(editor.currentText())
                return
            model.setData(index, function_id, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def function_named(self, text: str) -> tuple[bool, str | None]:
        """Which function ``text`` names: (True, its id), (True, None) for none, or
        (False, None) when no function has that name. Case does not matter, and the
        start of a name is enough when only one function's name starts so."""
        wanted = " ".join(text.split()).casefold()
        if wanted in ("", NO_FUNCTION):
            return True, None
        ws = self._model.workshop
        functions = ws.functions if ws else []
        exact = [f for f in functions if f.name.casefold() == wanted]
        starting = [f for f in functions if f.name.casefold().startswith(wanted)]
        match = exact or (starting if len(starting) == 1 else [])
        return (True, match[0].id) if match else (False, None)

    def _say_unknown(self, text: str) -> None:
        session = self._model.session
        if session is not None:
            session.sig_error.emit(
                f"No function is called {quoted(text)}: pick one from the list "
                "or add it under Functions at the table."
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Tab or Enter on a function name nobody has: say so and stay, with what was typed.
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key()
            in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self.function_named(watched.currentText())[0]
        ):
            self._say_unknown(watched.currentText())
            line = watched.lineEdit()
            if line is not None:
                line.selectAll()
            return True
        return super().eventFilter(watched, event)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | Index) -> QSize:
        # Measured at the inset width the text is painted at, and tall enough for
        # an open editor, so typing never clips the text.
        base = super().sizeHint(self._inset(option), index)
        return QSize(base.width() + 16, max(base.height() + 8, option.fontMetrics.height() + 10))


# ----------------------------------------------------------------- views


class ParticipantsTable(EditableTable):
    """The people table, built for typing a whole list from the keyboard.

    Name, Tab, function, Tab, role title, Enter: the next person's name. Enter
    on a cell that is not being edited starts editing it; Delete removes.
    """

    def __init__(self, model: ParticipantsModel, parent: QWidget | None = None) -> None:
        super().__init__(model, parent)
        self._model = model
        self._added_person = False
        self.setItemDelegate(ParticipantDelegate(model, self))
        header = self.horizontalHeader()
        # Fixed shares of the width: columns do not jump about as people are typed in.
        # Names are shorter than functions and role titles, so they get a smaller share.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setStretchLastSection(True)
        self.base_row = self.fontMetrics().height() + 12
        # Rows wrap at the width the table gets; the least height follows them.
        self.verticalHeader().sectionResized.connect(lambda *_: self.fit_least_height())
        model.rowsInserted.connect(lambda *_: self.fit_least_height())
        model.rowsRemoved.connect(lambda *_: self.fit_least_height())
        model.modelReset.connect(self.fit_least_height)

    LEAST_PEOPLE = 3
    """People shown in full before the page itself scrolls, however their rows wrap."""

    def fit_least_height(self) -> None:
        """Room for the first few people as their rows wrap now, or for single-line rows."""
        rows = min(self.LEAST_PEOPLE, self._model.rowCount())
        wrapped = sum(self.rowHeight(row) for row in range(rows))
        needed = max(wrapped + (self.LEAST_PEOPLE - rows) * self.base_row, 3 * self.base_row)
        height = needed + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        if height != self.minimumHeight():
            self.setMinimumHeight(height)

    SHARES = (0.27, 0.36)
    """The Name and Function columns' shares of the width; Role title takes the rest."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        width = self.viewport().width()
        for column, share in enumerate(self.SHARES):
            self.horizontalHeader().resizeSection(column, round(width * share))

    def edit_name(self, row: int) -> None:
        """Make ``row``'s Name cell current and open it for typing."""
        index = self._model.index(row, ParticipantsModel.NAME)
        if not index.isValid():
            return
        self.setCurrentIndex(index)
        self.scrollTo(index)
        self.edit(index)

    def commitData(self, editor: QWidget) -> None:
        index = self.currentIndex()
        on_new_name = self._model.is_new_row(index) and index.column() == ParticipantsModel.NAME
        super().commitData(editor)
        # The new row becomes the person just added (same row, same current cell).
        self._added_person = on_new_name and not self._model.is_new_row(self.currentIndex())

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        index = self.currentIndex()
        added, self._added_person = self._added_person, False
        last_column = index.column() == ParticipantsModel.ROLE_TITLE
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache and (added or last_column):
            # Enter: on to the next person's name, ready to type.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.edit_name(index.row() + 1)
            return
        if hint == QAbstractItemDelegate.EndEditHint.EditNextItem and self._model.is_new_row(index):
            # Tab on an empty new row: the list is done, move on to the buttons.
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.focusNextChild()
            return
        super().closeEditor(editor, hint)

    def removable(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return self._model.participant_at(index) is not None


class FunctionsList(QListView):
    """The functions, one per row, reordered by dragging or with Ctrl+Up / Ctrl+Down."""

    sig_move_requested = Signal(int)
    """Move the current function by this many places (-1: up, +1: down)."""

    sig_remove_requested = Signal()
    """Delete (or Backspace) was pressed on a function."""

    def __init__(self, model: FunctionsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self.setItemDelegate(ChecklistDelegate(SUBTITLE_ROLE, self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setIconSize(QSize(18, 18))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Rows wrap to the width they get, so there is never anything to the side.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            # Row heights depend on the font; lay the rows out again.
            self.scheduleDelayedItemsLayout()

    def current_function_id(self) -> str | None:
        f = self._model.function_at(self.currentIndex())
        return None if f is None else f.id

    def select_function(self, function_id: str | None) -> None:
        row = self._model.row_of(function_id) if function_id else -1
        if row >= 0:
            index = self._model.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def dropEvent(self, event: QDropEvent) -> None:
        moving = self.current_function_id()
        super().dropEvent(event)
        # The move re-inserts the row; keep the dragged function selected.
        self.select_function(moving)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
        if not editing and ctrl and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.sig_move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.sig_remove_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


# ----------------------------------------------------------------- the page
