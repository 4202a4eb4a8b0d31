"""Light, dark and high-contrast themes, pillar colours, and the zoom of workshop content.

Colours come from a palette per theme, applied as a QPalette (so custom
painting can use ``palette()``) and a stylesheet built from the same values.
Sizes in the stylesheet are relative to the base point size, so zoom scales all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QIcon


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
    disabled: str
    """Text of controls that cannot be used now: dimmer than muted text."""
    border_width: int = 1
    icons: str = "light"
    """Which set of theme-coloured icons (chevrons, ticks) suits these colours."""


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
        disabled="#8C949E",
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
        disabled="#6F7984",
        icons="dark",
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
        disabled="#A3A3A3",
        border_width=2,
        icons="high-contrast",
    ),
}

# Okabe–Ito colours: told apart with every common colour-vision deficiency.
# Each pillar also has a symbol and its name, so colour is never the only signal.
# Keyed by the pillars' and roles' values (each Pillar and Role is its value), so
# the theme, which the first frame needs, does not load the domain model.
PILLAR_COLOURS: dict[str, str] = {"win": "#0072B2", "keep": "#D55E00", "advocate": "#009E73"}
PILLAR_SYMBOLS: dict[str, str] = {"win": "▲", "keep": "●", "advocate": "♥"}
ROLE_COLOURS: dict[str, str] = {"A": "#B3261E", "R": "#0072B2", "C": "#8E3A8E", "I": "#555F6B"}
"""Consulted is a reddish purple, not a brown: a brown and Accountable's red look alike
to a deuteranope (colour difference under 5); this one stays above 12 for both red-green
deficiencies."""

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
"""The app's SVG icons; theme-coloured ones end in the theme's name."""
APP_ICON = ICONS / "cxworkshop.svg"
"""The application's icon: three people at the table, in the pillar colours."""

BASE_POINT_SIZE = 14.0
"""Workshop content starts at 14 pt: readable from the back of a room."""
TITLE_SCALE = 1.25
"""A page's name (cxRole "title"), relative to the content's text."""
CHROME_POINT_SIZE = 11.0
"""Menus, tooltips and the status bar: comfortably readable, but they do not zoom."""
ZOOM_STEPS = (0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5)


def system_scheme() -> ThemeName:
    """LIGHT or DARK, as the desktop is now."""
    # The Qt namespace takes some 15 ms to load: the first frame does without it.
    from PySide6.QtCore import Qt

    dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    return ThemeName.DARK if dark else ThemeName.LIGHT


def guess_system_scheme(remembered: ThemeName | None) -> ThemeName:
    """The desktop's scheme as the app last saw it, for the first frame.

    Before the app has seen it once, the platform's palette tells: light text
    on a dark window is a dark desktop.
    """
    if remembered in (ThemeName.LIGHT, ThemeName.DARK):
        return remembered
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return ThemeName.DARK if window.lightness() < 128 else ThemeName.LIGHT


def resolve(name: ThemeName, system: ThemeName | None = None) -> ThemeName:
    """The concrete theme for ``name``: SYSTEM becomes ``system``, else what the desktop is."""
    if name is not ThemeName.SYSTEM:
        return name
    return system or system_scheme()


def enable_propagation() -> None:
    """Let stylesheet fonts reach child widgets, so one rule scales the content."""
    from PySide6.QtCore import Qt

    QApplication.setAttribute(Qt.ApplicationAttribute.AA_UseStyleSheetPropagationInWidgetStyles)


def colours(name: ThemeName, system: ThemeName | None = None) -> Colours:
    return THEMES[resolve(name, system)]


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
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, QColor(c.disabled))
    return p


def mix(a: str, b: str, amount: float) -> str:
    """Colour ``a`` with ``amount`` (0..1) of colour ``b`` mixed in, as #RRGGBB."""
    ca, cb = QColor(a), QColor(b)
    mixed = QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * amount,
        ca.greenF() + (cb.greenF() - ca.greenF()) * amount,
        ca.blueF() + (cb.blueF() - ca.blueF()) * amount,
    )
    return mixed.name(QColor.NameFormat.HexRgb).upper()


def icon_path(name: str) -> Path:
    """The SVG icon ``name`` (without ``.svg``) from the app's icon folder."""
    return ICONS / f"{name}.svg"


def _icon_url(name: str, c: Colours) -> str:
    # Forward slashes on every platform: the stylesheet reads paths like URLs.
    return f'url("{icon_path(f"{name}-{c.icons}").as_posix()}")'


def stylesheet(
    c: Colours,
    zoom: float = 1.0,
    chrome: float = CHROME_POINT_SIZE,
    px_per_pt: float = 96 / 72,
) -> str:
    """The app's stylesheet for colours ``c`` with workshop text scaled by ``zoom``.

    ``chrome`` is the point size of menus, dialogs and the status bar, which do
    not zoom. Text roles, field heights, check boxes and the arrows of drop-downs
    and spin boxes come in two sizes: the chrome's, and inside workshop content
    (``cxContent``) the zoomed content's, so they grow with the zoom as the text
    does. ``px_per_pt`` converts points to the pixels the stylesheet needs.
    """
    base = BASE_POINT_SIZE * zoom
    bw = c.border_width
    menu_arrow = round(chrome * px_per_pt * 0.8)
    # The focus ring is one pixel thicker than the border; padding gives the pixel
    # back, so nothing shifts as focus moves.
    fw = bw + 1
    hover_edge = mix(c.border, c.accent, 0.55)
    hover_fill = mix(c.raised, c.accent, 0.07)
    pressed_fill = mix(c.raised, c.accent, 0.16)
    accent_hover = mix(c.accent, c.text, 0.15)
    # High contrast: what cannot be used has a dashed edge, not only a dimmer colour.
    dim_style = "dashed" if bw > 1 else "solid"
    handle = mix(c.border, c.text, 0.22) if bw == 1 else c.muted
    handle_hover = mix(c.border, c.text, 0.45) if bw == 1 else c.text
    chevron_down = _icon_url("chevron-down", c)
    chevron_up = _icon_url("chevron-up", c)
    chevron_right = _icon_url("chevron-right", c)
    check = _icon_url("check", c)
    radio = _icon_url("radio", c)
    inputs = "QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox"
    focused_inputs = (
        "QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus,"
        " QAbstractSpinBox:focus"
    )
    sized = _sized(c, chrome, px_per_pt, "") + _sized(c, base, px_per_pt, CONTENT)
    return (
        f"""
    QMainWindow, QDialog {{ background: {c.window}; }}
    QDialog, QDockWidget {{ font-size: {chrome:.1f}pt; }}
    QToolTip {{
        background: {c.raised}; color: {c.text}; border: {bw}px solid {c.border};
        padding: 5px 8px; font-size: {chrome:.1f}pt;
    }}

    /* ---- menus and the status bar: window chrome, not workshop content */
    QMenuBar {{
        background: {c.window}; color: {c.text}; font-size: {chrome:.1f}pt;
        padding: 3px 8px; border-bottom: {bw}px solid {c.border};
    }}
    QMenuBar::item {{ background: transparent; padding: 5px 10px; border-radius: 6px; }}
    QMenuBar::item:selected {{ background: {c.selection}; color: {c.text}; }}
    QMenuBar::item:pressed {{ background: {c.accent}; color: {c.accent_text}; }}
    QMenu {{
        background: {c.raised}; color: {c.text}; font-size: {chrome:.1f}pt;
        border: {bw}px solid {c.border}; padding: 6px;
    }}
    QMenu::item {{ padding: 7px 32px 7px 14px; border-radius: 6px; }}
    QMenu::item:selected {{ background: {c.accent}; color: {c.accent_text}; }}
    QMenu::item:disabled {{ color: {c.disabled}; background: transparent; }}
    QMenu::separator {{ height: {bw}px; background: {c.border}; margin: 6px 10px; }}
    QMenu::right-arrow {{
        image: {chevron_right}; width: {menu_arrow}px; height: {menu_arrow}px;
    }}
    QStatusBar {{ color: {c.muted}; font-size: {chrome:.1f}pt; }}
    QStatusBar QLabel {{ color: {c.muted}; padding: 0 8px; font-size: {chrome:.1f}pt; }}
    QStatusBar::item {{ border: none; }}

    /* ---- text (sizes: see the end) */
    *[cxContent="true"] {{ font-size: {base:.1f}pt; }}
    QLabel[cxRole="heading"], QLabel[cxRole="title"], QLabel[cxRole="pillar"] {{
        font-weight: 700;
    }}
    QLabel[cxRole="subheading"], QLabel[cxRole="vision"] {{ font-weight: 600; }}
    QLabel[cxRole="muted"], QLabel[cxRole="hint"] {{ color: {c.muted}; }}

    /* ---- fields */
    {inputs} {{
        background: {c.surface}; color: {c.text};
        /* Without this, a stylesheet colour makes Qt draw placeholders at half of it (3.4:1). */
        placeholder-text-color: {c.muted};
        border: {bw}px solid {c.border}; border-radius: 6px; padding: 6px 9px;
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
    }}
    QLineEdit:hover, QPlainTextEdit:hover, QTextEdit:hover, QComboBox:hover,
    QAbstractSpinBox:hover {{ border-color: {hover_edge}; }}
    {focused_inputs} {{
        border: {fw}px solid {c.accent}; padding: {6 - (fw - bw)}px {9 - (fw - bw)}px;
    }}
    QLineEdit:disabled, QPlainTextEdit:disabled, QTextEdit:disabled, QComboBox:disabled,
    QAbstractSpinBox:disabled {{
        background: {c.window}; color: {c.disabled}; border-style: {dim_style};
    }}
    QLineEdit:read-only {{ background: {c.window}; }}

    /* Drop-downs: a quiet chevron in the theme's colours, no boxed corner. */
    QComboBox::drop-down, QDateTimeEdit::drop-down {{
        subcontrol-origin: border; subcontrol-position: top right;
        border: none; background: transparent;
    }}
    QComboBox::down-arrow, QDateTimeEdit::down-arrow {{ image: {chevron_down}; }}
    QComboBox::down-arrow:on {{ image: {chevron_up}; }}
    QComboBox QAbstractItemView {{
        background: {c.raised}; color: {c.text}; border: {bw}px solid {c.border};
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
        padding: 4px; outline: none;
    }}

    /* Spin boxes: stacked chevrons at the right edge. */
    QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
        subcontrol-origin: border; border: none; background: transparent;
        margin: {bw}px {bw}px {bw}px 0;
    }}
    QAbstractSpinBox::up-button {{ subcontrol-position: top right; border-top-right-radius: 5px; }}
    QAbstractSpinBox::down-button {{
        subcontrol-position: bottom right; border-bottom-right-radius: 5px;
    }}
    QAbstractSpinBox::up-button:hover, QAbstractSpinBox::down-button:hover {{
        background: {c.selection};
    }}
    QAbstractSpinBox::up-arrow {{ image: {chevron_up}; }}
    QAbstractSpinBox::down-arrow {{ image: {chevron_down}; }}
    QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::up-arrow:off,
    QAbstractSpinBox::down-arrow:disabled, QAbstractSpinBox::down-arrow:off {{
        image: none;
    }}

    /* ---- check boxes and radio buttons: large, with a ring when focused */
    QCheckBox, QRadioButton {{
        padding: 3px 6px 3px 3px;
        border: {fw}px solid transparent; border-radius: 6px;
    }}
    QCheckBox:focus, QRadioButton:focus {{ border-color: {c.accent}; }}
    QCheckBox::indicator, QRadioButton::indicator {{
        background: {c.surface};
        border: {max(2, bw)}px solid {c.muted};
    }}
    QCheckBox::indicator:hover, QRadioButton::indicator:hover {{ border-color: {c.accent}; }}
    QCheckBox::indicator:checked {{
        background: {c.accent}; border-color: {c.accent}; image: {check};
    }}
    QRadioButton::indicator:checked {{
        background: {c.accent}; border-color: {c.accent}; image: {radio};
    }}
    QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
        border-color: {c.disabled}; background: {c.window};
    }}
    QCheckBox::indicator:checked:disabled, QRadioButton::indicator:checked:disabled {{
        background: {c.disabled};
    }}
    QCheckBox:disabled, QRadioButton:disabled {{ color: {c.disabled}; }}

    /* ---- lists and tables */
    QListView, QTableView, QTreeView {{
        background: {c.surface}; color: {c.text};
        border: {bw}px solid {c.border}; border-radius: 8px;
        selection-background-color: {c.selection}; selection-color: {c.text};
        outline: none;
    }}
    QListView:focus, QTableView:focus, QTreeView:focus {{
        border: {fw}px solid {c.accent};
    }}
    /* Editors opened in a cell fit the row: slimmer than a form's fields. */
    QAbstractItemView QLineEdit, QAbstractItemView QComboBox {{
        min-height: 0; padding: 2px 6px; border-radius: 4px;
    }}
    QAbstractItemView QLineEdit:focus, QAbstractItemView QComboBox:focus {{
        padding: {2 - (fw - bw)}px {6 - (fw - bw)}px;
    }}
    QHeaderView {{ background: transparent; }}
    QHeaderView::section {{
        background: {c.raised}; color: {c.muted}; border: none;
        border-bottom: {bw}px solid {c.border}; padding: 6px 8px; font-weight: 600;
    }}
    QTableView QTableCornerButton::section {{ background: {c.raised}; border: none; }}
    /* The library's cells start where their column headings start. */
    QTableView[cxRole="library"]::item {{ padding-left: 8px; padding-right: 12px; }}

    /* ---- scroll bars: slim, no arrows; the handle widens under the pointer */
    QScrollBar:vertical {{
        background: transparent; width: 12px; margin: 3px 1px; border: none;
    }}
    QScrollBar:horizontal {{
        background: transparent; height: 12px; margin: 1px 3px; border: none;
    }}
    QScrollBar::handle:vertical {{
        background: {handle}; min-height: 36px; margin: 0 3px; border-radius: 3px;
    }}
    QScrollBar::handle:horizontal {{
        background: {handle}; min-width: 36px; margin: 3px 0; border-radius: 3px;
    }}
    QScrollBar::handle:vertical:hover {{
        background: {handle_hover}; margin: 0 1px; border-radius: 5px;
    }}
    QScrollBar::handle:horizontal:hover {{
        background: {handle_hover}; margin: 1px 0; border-radius: 5px;
    }}
    QScrollBar::handle:pressed {{ background: {c.accent}; }}
    QScrollBar::add-line, QScrollBar::sub-line {{
        width: 0; height: 0; border: none; background: none;
    }}
    QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
    QAbstractScrollArea::corner {{ background: transparent; border: none; }}

    /* ---- buttons */
    QPushButton, QToolButton {{
        background: {c.raised}; color: {c.text};
        border: {bw}px solid {c.border}; border-radius: 8px; padding: 7px 16px;
    }}
    QPushButton:hover, QToolButton:hover {{ background: {hover_fill}; border-color: {hover_edge}; }}
    QPushButton:pressed, QToolButton:pressed {{ background: {pressed_fill}; }}
    QPushButton:focus, QToolButton:focus {{
        border: {fw}px solid {c.accent}; padding: {7 - (fw - bw)}px {16 - (fw - bw)}px;
    }}
    QPushButton[cxRole="primary"], QToolButton[cxRole="primary"] {{
        background: {c.accent}; color: {c.accent_text}; border-color: {c.accent};
        font-weight: 600;
    }}
    QPushButton[cxRole="primary"]:hover, QToolButton[cxRole="primary"]:hover {{
        background: {accent_hover}; border-color: {accent_hover};
    }}
    QPushButton[cxRole="primary"]:focus, QToolButton[cxRole="primary"]:focus {{
        border-color: {c.text};
    }}
    QPushButton:disabled, QToolButton:disabled,
    QPushButton[cxRole="primary"]:disabled, QToolButton[cxRole="primary"]:disabled {{
        color: {c.disabled}; background: {c.window};
        border-color: {c.disabled if bw > 1 else c.border}; border-style: {dim_style};
    }}
    QToolButton::menu-indicator {{ image: none; width: 0; }}
    /* A quiet link-like button: the content, not the chrome, holds the eye. */
    QToolButton[cxRole="link"] {{
        border: {fw}px solid transparent; background: transparent; color: {c.accent};
        padding: 3px 4px; border-radius: 6px;
    }}
    QToolButton[cxRole="link"]:hover {{ text-decoration: underline; background: transparent; }}
    QToolButton[cxRole="link"]:focus {{ border-color: {c.accent}; padding: 3px 4px; }}
    QToolButton[cxRole="link"]:disabled {{ color: {c.disabled}; border-color: transparent; }}
    /* A goal card's Assign button: a quiet word until the pointer comes. */
    QToolButton[cxRole="assign"], QToolButton[cxRole="assign"]:hover,
    QToolButton[cxRole="assign"]:pressed {{
        border: 1px solid transparent; background: transparent;
        color: palette(placeholder-text); padding: 2px 6px; border-radius: 6px;
    }}
    QToolButton[cxRole="assign"]:hover {{ border-color: palette(mid); color: palette(link); }}
    /* A link-like push button: a quieter choice beside big ones. */
    QPushButton[cxRole="link"] {{
        border-color: transparent; background: transparent; color: {c.accent};
        text-decoration: underline;
    }}
    QPushButton[cxRole="link"]:focus {{ border-color: {c.accent}; }}

    /* ---- frames */
    QFrame[cxRole="panel"] {{
        background: {c.surface}; border: {bw}px solid {c.border}; border-radius: 12px;
    }}
    QGroupBox {{
        border: {bw}px solid {c.border}; border-radius: 8px;
        margin-top: 1.5em; padding: 0.8em 10px 10px 10px;
    }}
    QGroupBox::title {{
        subcontrol-origin: margin; subcontrol-position: top left;
        left: 10px; padding: 0 4px; font-weight: 600;
    }}

    /* ---- the date edit's calendar */
    QCalendarWidget QWidget#qt_calendar_navigationbar {{ background: {c.raised}; }}
    QCalendarWidget QToolButton {{
        background: transparent; border: none; color: {c.text};
        font-weight: 600; padding: 4px 8px;
    }}
    QCalendarWidget QToolButton:hover {{ background: {c.selection}; }}
    QCalendarWidget QToolButton#qt_calendar_prevmonth {{
        qproperty-icon: {_icon_url("chevron-left", c)};
    }}
    QCalendarWidget QToolButton#qt_calendar_nextmonth {{
        qproperty-icon: {_icon_url("chevron-right", c)};
    }}
    QCalendarWidget QAbstractItemView {{
        background: {c.surface}; color: {c.text}; border: none; border-radius: 0;
        selection-background-color: {c.accent}; selection-color: {c.accent_text};
        alternate-background-color: {c.raised};
    }}
    QCalendarWidget QAbstractItemView:disabled {{ color: {c.disabled}; }}
    """
        + sized
    )


CONTENT = '*[cxContent="true"] '
"""The selector prefix for widgets inside workshop content."""


def _sized(c: Colours, pt: float, px_per_pt: float, within: str) -> str:
    """The rules whose sizes follow the text: for chrome (``within`` "") or content."""
    em = pt * px_per_pt
    line = round(em * 1.45)
    box = round(em * 0.95)
    arrow = round(em * 0.85)
    small_arrow = round(em * 0.7)
    button = round(em * 1.7)
    ring = max(2, c.border_width)
    rules = {
        'QLabel[cxRole="heading"]': f"font-size: {pt * 1.55:.1f}pt;",
        'QLabel[cxRole="title"]': f"font-size: {pt * TITLE_SCALE:.1f}pt;",
        'QLabel[cxRole="pillar"]': f"font-size: {pt * 1.4:.1f}pt;",
        'QLabel[cxRole="subheading"]': f"font-size: {pt * 1.1:.1f}pt;",
        'QLabel[cxRole="hint"]': f"font-size: {pt * 0.9:.1f}pt;",
        'QLabel[cxRole="vision"]': f"font-size: {pt * 2.0:.1f}pt;",
        'QToolButton[cxRole="link"]': f"font-size: {pt * 0.95:.1f}pt;",
        # One height for every single-line control, so fields and buttons line up.
        "QLineEdit, QComboBox, QAbstractSpinBox": f"min-height: {line}px;",
        "QPushButton, QToolButton": f"min-height: {line - 2}px;",
        "QComboBox::drop-down, QDateTimeEdit::drop-down": f"width: {button}px;",
        "QComboBox::down-arrow, QDateTimeEdit::down-arrow": (
            f"width: {arrow}px; height: {arrow}px;"
        ),
        "QAbstractSpinBox::up-button, QAbstractSpinBox::down-button": f"width: {button}px;",
        "QAbstractSpinBox::up-arrow, QAbstractSpinBox::down-arrow": (
            f"width: {small_arrow}px; height: {small_arrow}px;"
        ),
        "QCheckBox, QRadioButton": f"spacing: {round(em * 0.5)}px;",
        "QCheckBox::indicator, QRadioButton::indicator": f"width: {box}px; height: {box}px;",
        "QCheckBox::indicator": f"border-radius: {round(box * 0.22)}px;",
        "QRadioButton::indicator": f"border-radius: {(box + 2 * ring) // 2}px;",
        # Editors opened in a table's cell fit the row: no minimum there.
        "QAbstractItemView QLineEdit, QAbstractItemView QComboBox": "min-height: 0;",
    }
    out = []
    for selectors, body in rules.items():
        scoped = ", ".join(within + one.strip() for one in selectors.split(","))
        out.append(f"    {scoped} {{ {body} }}\n")
    return "".join(out)


def apply(
    app: QApplication,
    name: ThemeName,
    zoom: float = 1.0,
    *,
    system: ThemeName | None = None,
    first_frame: bool = False,
) -> Colours:
    """Dress the whole app in theme ``name`` with content zoomed by ``zoom``.

    ``system``: the desktop's scheme, if already known. ``first_frame``: only
    what the first frame needs (see :func:`enable_propagation`).
    """
    c = colours(name, system)
    if not first_frame:
        enable_propagation()
    app.setPalette(palette(c))
    # Menus are at least the platform's own size, never smaller.
    chrome = max(CHROME_POINT_SIZE, app.font().pointSizeF())
    screen = app.primaryScreen()
    px_per_pt = (screen.logicalDotsPerInch() if screen else 96.0) / 72
    app.setStyleSheet(stylesheet(c, zoom, chrome, px_per_pt))
    return c


def app_icon() -> QIcon:
    """The application's icon, crisp at every size (it is an SVG).

    QIcon is loaded here: the first frame goes without the icon (see
    :func:`cxworkshop.gui.app.start`).
    """
    from PySide6.QtGui import QIcon

    return QIcon(str(APP_ICON))


def mark_content(widget: QWidget) -> None:
    """Mark ``widget`` as workshop content: its text follows the zoom."""
    widget.setProperty("cxContent", True)


def scaled_font(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    """The widget's font scaled by ``factor`` (for custom painting)."""
    from PySide6.QtGui import QFont

    font = QFont(widget.font())
    font.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    font.setBold(bold)
    return font
