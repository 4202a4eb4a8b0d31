"""Light, dark and high-contrast themes, pillar colours, and the zoom of workshop content.

Colours come from a palette per theme, applied as a QPalette (so custom
painting can use ``palette()``) and a stylesheet built from the same values.
Sizes in the stylesheet are relative to the base point size, so zoom scales all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from ..domain.model import Pillar, Role


class ThemeName(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"

    @property
    def label(self) -> str:
        return {
            ThemeName.SYSTEM: "Follow the system",
            ThemeName.LIGHT: "Light",
            ThemeName.DARK: "Dark",
            ThemeName.HIGH_CONTRAST: "High contrast",
        }[self]


@dataclass(frozen=True)
class Colours:
    window: str
    surface: str
    raised: str
    text: str
    muted: str
    accent: str
    accent_text: str
    border: str
    selection: str
    error: str
    warning: str
    ok: str
    border_width: int = 1


THEMES = {
    ThemeName.LIGHT: Colours(
        window="#F3F4F6",
        surface="#FFFFFF",
        raised="#FFFFFF",
        text="#15191E",
        muted="#555F6B",
        accent="#1F5BC4",
        accent_text="#FFFFFF",
        border="#CDD3DA",
        selection="#D6E4FB",
        error="#B3261E",
        warning="#8A5300",
        ok="#1B6E3A",
    ),
    ThemeName.DARK: Colours(
        window="#131619",
        surface="#1C2126",
        raised="#252B32",
        text="#EEF1F4",
        muted="#A6B0BB",
        accent="#7FA8F5",
        accent_text="#0D1420",
        border="#38414B",
        selection="#2C4370",
        error="#FF8A80",
        warning="#FFC266",
        ok="#7DD9A0",
    ),
    ThemeName.HIGH_CONTRAST: Colours(
        window="#000000",
        surface="#000000",
        raised="#0A0A0A",
        text="#FFFFFF",
        muted="#FFFFFF",
        accent="#FFE500",
        accent_text="#000000",
        border="#FFFFFF",
        selection="#1A3D8F",
        error="#FF6B6B",
        warning="#FFE500",
        ok="#6BFF9E",
        border_width=2,
    ),
}

# Okabe–Ito colours: told apart with every common colour-vision deficiency.
# Each pillar also has a symbol and its name, so colour is never the only signal.
PILLAR_COLOURS = {Pillar.WIN: "#0072B2", Pillar.KEEP: "#D55E00", Pillar.ADVOCATE: "#009E73"}
PILLAR_SYMBOLS = {Pillar.WIN: "▲", Pillar.KEEP: "●", Pillar.ADVOCATE: "♥"}
ROLE_COLOURS = {
    Role.ACCOUNTABLE: "#B3261E",
    Role.RESPONSIBLE: "#0072B2",
    Role.CONSULTED: "#8A5300",
    Role.INFORMED: "#555F6B",
}

BASE_POINT_SIZE = 14.0
"""Workshop content starts at 14 pt: readable from the back of a room."""
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)


def resolve(name: ThemeName) -> ThemeName:
    """The concrete theme for ``name``: SYSTEM becomes light or dark as the desktop is."""
    if name is not ThemeName.SYSTEM:
        return name
    hints = QGuiApplication.styleHints()
    dark = hints.colorScheme() == Qt.ColorScheme.Dark
    return ThemeName.DARK if dark else ThemeName.LIGHT


def colours(name: ThemeName) -> Colours:
    return THEMES[resolve(name)]


def palette(c: Colours) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.window),
        (role.Base, c.surface),
        (role.AlternateBase, c.raised),
        (role.Button, c.raised),
        (role.Text, c.text),
        (role.WindowText, c.text),
        (role.ButtonText, c.text),
        (role.ToolTipBase, c.raised),
        (role.ToolTipText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.accent_text),
        (role.Link, c.accent),
        (role.BrightText, c.error),
        (role.Mid, c.border),
        (role.Midlight, c.border),
        (role.Dark, c.border),
    ):
        p.setColor(r, QColor(value))
    p.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor(c.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.WindowText, QColor(c.muted))
    p.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor(c.muted))
    return p


def stylesheet(c: Colours, zoom: float = 1.0) -> str:
    """The app's stylesheet for colours ``c`` with workshop text scaled by ``zoom``."""
    base = BASE_POINT_SIZE * zoom
    bw = c.border_width
    return f"""
    QMainWindow, QDialog {{ background: {c.window}; }}
    QToolTip {{ background: {c.raised}; color: {c.text}; border: 1px solid {c.border}; }}
    *[cxContent="true"] {{ font-size: {base:.1f}pt; }}
    QLabel[cxRole="heading"] {{ font-size: {base * 1.6:.1f}pt; font-weight: 600; }}
    QLabel[cxRole="subheading"] {{ font-size: {base * 1.15:.1f}pt; font-weight: 600; }}
    QLabel[cxRole="muted"] {{ color: {c.muted}; }}
    QLabel[cxRole="hint"] {{ color: {c.muted}; font-size: {base * 0.9:.1f}pt; }}
    QLabel[cxRole="vision"] {{ font-size: {base * 2.0:.1f}pt; font-weight: 600; }}
    QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QDateEdit, QSpinBox {{
        background: {c.surface}; color: {c.text};
        border: {bw}px solid {c.border}; border-radius: 6px; padding: 6px 8px;
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,
    QDateEdit:focus, QSpinBox:focus {{
        border: {max(2, bw)}px solid {c.accent};
    }}
    QListView, QTableView, QTreeView {{
        background: {c.surface}; color: {c.text};
        border: {bw}px solid {c.border}; border-radius: 8px;
        selection-background-color: {c.selection}; selection-color: {c.text};
        outline: none;
    }}
    QListView:focus, QTableView:focus, QTreeView:focus {{
        border: {max(2, bw)}px solid {c.accent};
    }}
    QHeaderView::section {{
        background: {c.raised}; color: {c.muted}; border: none;
        border-bottom: {bw}px solid {c.border}; padding: 6px 8px; font-weight: 600;
    }}
    QPushButton, QToolButton {{
        background: {c.raised}; color: {c.text};
        border: {bw}px solid {c.border}; border-radius: 6px; padding: 6px 14px;
    }}
    QPushButton:hover, QToolButton:hover {{ border-color: {c.accent}; }}
    QPushButton:focus, QToolButton:focus {{ border: {max(2, bw)}px solid {c.accent}; }}
    QPushButton[cxRole="primary"], QToolButton[cxRole="primary"] {{
        background: {c.accent}; color: {c.accent_text}; border-color: {c.accent};
        font-weight: 600;
    }}
    QPushButton:disabled, QToolButton:disabled {{ color: {c.muted}; }}
    QFrame[cxRole="panel"] {{
        background: {c.surface}; border: {bw}px solid {c.border}; border-radius: 10px;
    }}
    QStatusBar {{ color: {c.muted}; }}
    QStatusBar QLabel {{ color: {c.muted}; }}
    """


def apply(app: QApplication, name: ThemeName, zoom: float = 1.0) -> Colours:
    """Dress the whole app in theme ``name`` with content zoomed by ``zoom``."""
    c = colours(name)
    # Let stylesheet fonts reach child widgets, so one rule scales the content.
    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles)
    app.setPalette(palette(c))
    app.setStyleSheet(stylesheet(c, zoom))
    return c


def mark_content(widget: QWidget) -> None:
    """Mark ``widget`` as workshop content: its text follows the zoom."""
    widget.setProperty("cxContent", True)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled by ``factor`` (for custom painting)."""
    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font
