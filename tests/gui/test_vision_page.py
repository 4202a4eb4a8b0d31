"""The Vision page: the sentence the team agrees on, and the principles it commits to.

Every edit is checked in a second connection to the database as well as on
screen, and undone and redone the way the facilitator would.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QStyleOptionViewItem, QWidget

from cxworkshop.domain.defaults import default_principles
from cxworkshop.gui.models.principles import PrinciplesModel
from cxworkshop.gui.ops import vision as vision_ops
from cxworkshop.gui.pages.vision import VISION_PLACEHOLDER, VisionPage
from cxworkshop.gui.roles import SUBTITLE_ROLE
from tests.helpers.gui import reopened, show_page

USUAL = [p.text for p in default_principles()]


def open_page(qtbot, session) -> VisionPage:
    page = VisionPage()
    page.set_session(session)
    return show_page(qtbot, page, 1400, 900)


@pytest.fixture
def page(qtbot, blank_session) -> VisionPage:
    return open_page(qtbot, blank_session)


@pytest.fixture
def demo_page(qtbot, demo_session) -> VisionPage:
    return open_page(qtbot, demo_session)


def view_option(view, index) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    option.rect = view.visualRect(index)
    return option


def type_vision(page: VisionPage, text: str) -> None:
    page.vision_edit.setFocus()
    QTest.keyClicks(page.vision_edit, text)


# ----------------------------------------------------------------- the model


def test_principles_model_passes_the_model_tester(qtmodeltester, demo_session):
    model = PrinciplesModel()
    model.set_session(demo_session)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == len(demo_session.workshop.principles)


def test_principles_model_stays_consistent_while_the_list_is_edited(qtmodeltester, blank_session):
    model = PrinciplesModel()
    model.set_session(blank_session)
    qtmodeltester.check(model, force_py=True)
    assert vision_ops.add_usual_principles(blank_session)
    assert vision_ops.add_principle(blank_session, "We answer every review within two days.")
    first = blank_session.workshop.principles[0]
    assert model.setData(model.index(0, 0), Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert model.setData(model.index(1, 0), "Leaders champion customer experience in public.")
    assert vision_ops.remove_principle(blank_session, first.id)
    for _ in range(5):
        blank_session.undo_stack.undo()
    assert model.rowCount() == 0
    for _ in range(5):
        blank_session.undo_stack.redo()
    assert [model.data(model.index(r, 0)) for r in range(model.rowCount())] == [
        p.text for p in blank_session.workshop.principles
    ]


def test_the_teams_own_principles_are_marked_as_theirs(demo_session):
    model = PrinciplesModel()
    model.set_session(demo_session)
    marks = {
        p.text: model.data(model.index(row, 0), SUBTITLE_ROLE)
        for row, p in enumerate(demo_session.workshop.principles)
    }
    assert marks["We answer every customer review within two working days."] == "Our own"
    assert marks[USUAL[0]] is None


# ----------------------------------------------------------------- the vision


def test_the_vision_typed_and_entered_is_saved_as_one_undo_step(page, blank_session):
    sentence = "Every customer feels known, helped and glad they came."
    type_vision(page, sentence)
    assert blank_session.workshop.vision == ""  # nothing saved while typing

    QTest.keyClick(page.vision_edit, Qt.Key.Key_Return)

    assert blank_session.workshop.vision == sentence
    assert reopened(blank_session).vision == sentence
    assert page.vision_edit.toPlainText() == sentence
    assert blank_session.undo_stack.count() == 1
    assert (
        blank_session.undo_stack.undoText()
        == "Set the vision to 'Every customer feels known, helped and…'"
    )

    blank_session.undo_stack.undo()
    assert page.vision_edit.toPlainText() == ""
    assert reopened(blank_session).vision == ""
    blank_session.undo_stack.redo()
    assert page.vision_edit.toPlainText() == sentence
    assert reopened(blank_session).vision == sentence


def test_the_vision_is_saved_when_the_facilitator_moves_on(qtbot, page, blank_session):
    type_vision(page, "Every customer comes back.")
    page.principle_entry.setFocus()
    qtbot.waitUntil(lambda: blank_session.workshop.vision == "Every customer comes back.")
    assert reopened(blank_session).vision == "Every customer comes back."
    assert blank_session.undo_stack.count() == 1


def test_enter_never_puts_a_line_break_in_the_vision(page, blank_session):
    type_vision(page, "Every customer")
    QTest.keyClick(page.vision_edit, Qt.Key.Key_Return)
    QTest.keyClicks(page.vision_edit, " smiles.")
    QTest.keyClick(page.vision_edit, Qt.Key.Key_Enter)
    assert "\n" not in blank_session.workshop.vision
    assert blank_session.workshop.vision == "Every customer smiles."
    assert blank_session.undo_stack.count() == 2


def test_a_pasted_paragraph_becomes_one_sentence(page, blank_session):
    page.vision_edit.setFocus()
    pasted = QMimeData()
    pasted.setText("Every customer\nfeels  looked after.\n")
    page.vision_edit.insertFromMimeData(pasted)
    assert page.vision_edit.toPlainText() == "Every customer feels looked after."


def test_escape_brings_back_the_saved_vision(demo_page, demo_session):
    saved_vision = demo_session.workshop.vision
    demo_page.vision_edit.setFocus()
    demo_page.vision_edit.selectAll()
    QTest.keyClicks(demo_page.vision_edit, "Something half-baked")
    QTest.keyClick(demo_page.vision_edit, Qt.Key.Key_Escape)
    assert demo_page.vision_edit.toPlainText() == saved_vision
    demo_page.principle_entry.setFocus()
    assert demo_session.undo_stack.count() == 0


def test_undoing_something_else_leaves_a_half_typed_vision_alone(page, blank_session):
    vision_ops.add_principle(blank_session, "We call back every unhappy customer.")
    type_vision(page, "Every customer")
    blank_session.undo_stack.undo()
    assert blank_session.workshop.principles == []
    assert page.vision_edit.toPlainText() == "Every customer"


def test_undo_while_typing_keeps_the_words_on_screen_until_they_are_entered(page, blank_session):
    type_vision(page, "Every customer")
    QTest.keyClick(page.vision_edit, Qt.Key.Key_Return)
    QTest.keyClicks(page.vision_edit, " smiles")

    blank_session.undo_stack.undo()

    assert blank_session.workshop.vision == ""
    assert page.vision_edit.toPlainText() == "Every customer smiles"
    QTest.keyClick(page.vision_edit, Qt.Key.Key_Return)
    assert reopened(blank_session).vision == "Every customer smiles"


def test_the_empty_vision_invites_a_sentence(page):
    assert page.vision_edit.placeholderText() == VISION_PLACEHOLDER
    assert page.vision_edit.property("cxRole") == "vision"
    # Larger than the page's own text, so the room can read it.
    drawn = page.vision_edit.document().defaultFont().pointSizeF()
    assert drawn > 1.5 * page.font().pointSizeF()


# ----------------------------------------------------------------- principles


def test_the_usual_principles_arrive_in_one_undo_step(qtbot, page, blank_session):
    assert page.usual_button.isVisible()
    assert not page.principles_view.isVisible()

    qtbot.mouseClick(page.usual_button, Qt.MouseButton.LeftButton)

    assert [p.text for p in reopened(blank_session).principles] == USUAL
    assert not any(p.committed for p in blank_session.workshop.principles)
    assert blank_session.undo_stack.count() == 1
    assert blank_session.undo_stack.undoText() == "Add the usual principles"
    assert page.principles_view.isVisible()
    assert page.committed_label.text() == f"0 of {len(USUAL)} committed"

    ids = [p.id for p in blank_session.workshop.principles]
    blank_session.undo_stack.undo()
    assert reopened(blank_session).principles == []
    assert page.usual_button.isVisible()
    blank_session.undo_stack.redo()
    assert [p.id for p in reopened(blank_session).principles] == ids


def test_space_commits_the_team_to_the_selected_principle(qtbot, demo_page, demo_session):
    view, model = demo_page.principles_view, demo_page.principles_model
    ws = demo_session.workshop
    row = next(i for i, p in enumerate(ws.principles) if not p.committed)
    text = ws.principles[row].text
    view.setFocus()
    view.setCurrentIndex(model.index(row, 0))

    QTest.keyClick(view, Qt.Key.Key_Space)

    assert reopened(demo_session).principles[row].committed
    assert demo_session.undo_stack.undoText() == f"Commit to '{text[:39].rstrip()}…'"
    total = len(ws.principles)
    assert demo_page.committed_label.text() == f"{total} of {total} committed"
    demo_session.undo_stack.undo()
    assert not reopened(demo_session).principles[row].committed
    assert (
        model.data(model.index(row, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    )


def test_a_click_on_the_box_unticks_a_principle(qtbot, demo_page, demo_session):
    view, model = demo_page.principles_view, demo_page.principles_model
    index = model.index(0, 0)
    assert demo_session.workshop.principles[0].committed
    box = view.itemDelegate().geometry(view_option(view, index), index).check
    assert box is not None
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert not reopened(demo_session).principles[0].committed
    assert demo_session.undo_stack.undoText().startswith("Withdraw commitment to ")


def test_the_teams_own_principle_is_added_with_enter(qtbot, page, blank_session):
    entry = page.principle_entry
    entry.setFocus()
    QTest.keyClicks(entry, "We call back every unhappy customer.")
    QTest.keyClick(entry, Qt.Key.Key_Return)

    (added,) = reopened(blank_session).principles
    assert (added.text, added.custom, added.committed) == (
        "We call back every unhappy customer.",
        True,
        True,
    )
    assert entry.text() == ""
    assert QApplication.focusWidget() is entry  # ready for the next one
    assert (
        blank_session.undo_stack.undoText()
        == "Add principle 'We call back every unhappy customer.'"
    )
    model = page.principles_model
    assert model.data(model.index(0, 0), SUBTITLE_ROLE) == "Our own"
    blank_session.undo_stack.undo()
    assert reopened(blank_session).principles == []


def test_a_principle_already_on_the_list_is_refused_and_kept_for_correction(
    qtbot, demo_page, demo_session
):
    entry = demo_page.principle_entry
    entry.setFocus()
    QTest.keyClicks(entry, USUAL[0].upper())
    with qtbot.waitSignal(demo_session.sig_error):
        QTest.keyClick(entry, Qt.Key.Key_Return)
    assert entry.text() == USUAL[0].upper()
    assert demo_page.error_line.isVisible()
    assert demo_session.undo_stack.count() == 0


def test_delete_removes_the_selected_principle_and_undo_puts_it_back(demo_page, demo_session):
    view, model = demo_page.principles_view, demo_page.principles_model
    before = list(demo_session.workshop.principles)
    view.setFocus()
    view.setCurrentIndex(model.index(2, 0))
    QTest.keyClick(view, Qt.Key.Key_Delete)

    assert [p.id for p in reopened(demo_session).principles] == [
        p.id for p in before if p is not before[2]
    ]
    assert demo_session.undo_stack.undoText().startswith("Remove principle ")
    demo_session.undo_stack.undo()
    assert reopened(demo_session).principles == before


def test_f2_rewords_a_principle(qtbot, demo_page, demo_session):
    view, model = demo_page.principles_view, demo_page.principles_model
    view.setFocus()
    view.setCurrentIndex(model.index(1, 0))
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    QTest.keyClicks(editor, "Our CEO champions customers first.")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: demo_session.undo_stack.count() == 1)
    assert reopened(demo_session).principles[1].text == ("Our CEO champions customers first.")
    assert demo_session.undo_stack.undoText().startswith("Reword principle ")


def test_every_input_has_an_accessible_name_and_tab_follows_the_layout(demo_page):
    inputs = [
        w
        for w in demo_page.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus
        and w.isVisibleTo(demo_page)
        and not w.objectName().startswith("qt_")
    ]
    assert inputs
    for widget in inputs:
        assert widget.accessibleName(), type(widget).__name__
    order = [
        demo_page.vision_edit,
        demo_page.principles_view,
        demo_page.principle_entry,
        demo_page.add_principle_button,
        demo_page.remove_principle_button,
    ]
    widget, chain = order[0], []
    for _ in order:
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget not in order and widget is not order[0]:
            widget = widget.nextInFocusChain()
    assert chain == order
