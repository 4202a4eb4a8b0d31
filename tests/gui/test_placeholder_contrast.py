"""Placeholder and secondary text in the console's fields read at 4.5:1 in every theme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from cxworkshop.gui import theme
from cxworkshop.gui.theme import ThemeName
from tests.helpers.paint_recorder import record

THEMES = [ThemeName.LIGHT, ThemeName.DARK, ThemeName.HIGH_CONTRAST]


@pytest.fixture
def themed(qtbot) -> Iterator[None]:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    palette, sheet = app.palette(), app.styleSheet()
    yield
    app.setStyleSheet(sheet)
    app.setPalette(palette)


@pytest.mark.parametrize("name", THEMES, ids=[t.value for t in THEMES])
def test_placeholders_and_muted_text_reach_4_5_to_1(qtbot, themed, name: ThemeName) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, name)
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    line = QLineEdit()
    line.setPlaceholderText("How the room will measure it")
    notes = QPlainTextEdit()
    notes.setPlaceholderText("Notes for the charter")
    muted = QLabel("Secondary words under a heading")
    muted.setProperty("cxRole", "muted")
    for widget in (line, notes, muted):
        layout.addWidget(widget)
    page.resize(500, 300)
    page.show()
    qtbot.waitExposed(page)
    drawn = {t.text: t for t in record(page).texts}
    for text in ("How the room will measure it", "Notes for the charter", "Secondary words"):
        found = next(t for words, t in drawn.items() if words.startswith(text))
        assert found.contrast >= 4.5, f"{name.value}: {found}"
