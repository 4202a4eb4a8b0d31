"""The entry row under a list and the editable table, as the pages share them.

Driven from the keyboard and the mouse the way a facilitator would: typing and
Enter, the Add and Remove buttons, Enter and Delete on a table's cell.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cxworkshop.gui.widgets.editable_table import EditableTable
from cxworkshop.gui.widgets.entry_row import EntryRow
from tests.helpers.gui import show_page


def row_in_window(qtbot) -> tuple[QWidget, EntryRow, list[str]]:
    window = QWidget()
    layout = QVBoxLayout(window)
    row = EntryRow("Add a thing…", "New thing", "Add thing", "Remove thing")
    layout.addLayout(row)
    heard: list[str] = []
    row.sig_add.connect(lambda: heard.append(f"add {row.typed()}"))
    row.sig_remove.connect(lambda: heard.append("remove"))
    show_page(qtbot, window, 600, 120)
    return window, row, heard


def test_enter_or_add_asks_for_what_is_typed(qtbot):
    window, row, heard = row_in_window(qtbot)
    row.entry.setFocus()
    QTest.keyClicks(row.entry, "Speak plainly")
    QTest.keyClick(row.entry, Qt.Key.Key_Return)
    QTest.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert heard == ["add Speak plainly", "add Speak plainly", "remove"]
    assert row.entry.accessibleName() == "New thing"
    assert row.add_button.accessibleName() == "Add thing"
    assert row.remove_button.accessibleName() == "Remove thing"


@pytest.mark.desktop
def test_add_with_nothing_typed_goes_to_the_line(qtbot):
    window, row, heard = row_in_window(qtbot)
    QTest.keyClicks(row.entry, "   ")
    row.remove_button.setFocus()
    QTest.mouseClick(row.add_button, Qt.MouseButton.LeftButton)
    assert heard == ["add None"]
    qtbot.waitUntil(row.entry.hasFocus)


def test_extra_controls_sit_beside_the_line_and_before_remove(qtbot):
    window, row, _ = row_in_window(qtbot)
    kind, colour = QComboBox(), QPushButton("Colour…")
    row.add_beside_entry(kind)
    row.add_before_remove(colour)
    order = [row.indexOf(w) for w in (row.entry, kind, row.add_button, colour, row.remove_button)]
    assert order == sorted(order)
    assert window.isVisible()
    # Remove stays apart from Add: the gap comes before the extra control.
    assert row.itemAt(row.indexOf(colour) - 1).spacerItem() is not None


class OddRowsOnly(EditableTable):
    def removable(self, index: QModelIndex | QPersistentModelIndex) -> bool:
        return index.isValid() and index.row() % 2 == 1


def table(qtbot, cls: type[EditableTable] = EditableTable) -> EditableTable:
    model = QStandardItemModel(3, 2)
    for r in range(3):
        for c in range(2):
            model.setItem(r, c, QStandardItem(f"cell {r},{c}"))
    view = cls(model)
    show_page(qtbot, view, 400, 200)
    view.setFocus()
    return view


def test_delete_asks_for_the_row_to_go_only_where_it_may(qtbot):
    view = table(qtbot, OddRowsOnly)
    with qtbot.waitSignal(view.sig_remove_requested, timeout=1000):
        view.setCurrentIndex(view.model().index(1, 0))
        QTest.keyClick(view, Qt.Key.Key_Delete)
    asked: list[bool] = []
    view.sig_remove_requested.connect(lambda: asked.append(True))
    view.setCurrentIndex(view.model().index(2, 0))
    QTest.keyClick(view, Qt.Key.Key_Delete)
    QTest.keyClick(view, Qt.Key.Key_Backspace)
    assert asked == []


def test_enter_opens_the_cell_and_typing_replaces_it(qtbot):
    view = table(qtbot)
    index = view.model().index(0, 1)
    view.setCurrentIndex(index)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert view.state() == QAbstractItemView.State.EditingState
    editor = view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "cell 0,1"
    editor.selectAll()
    QTest.keyClicks(editor, "typed")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits once the event loop runs again.
    qtbot.waitUntil(lambda: view.model().data(index) == "typed")
    assert view.state() != QAbstractItemView.State.EditingState


def test_the_table_is_set_up_for_typing(qtbot):
    view = table(qtbot)
    assert not view.tabKeyNavigation()
    assert view.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert view.wordWrap() and not view.showGrid() and not view.verticalHeader().isVisible()
