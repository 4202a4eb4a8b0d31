"""How RACI things look: assignee chips, role badges and severity marks, in every theme.

Chips are painted, not built from widgets, so a board of sixty goals stays
light: a drop zone paints its own chips. Everything is drawn in logical
pixels with antialiasing and takes its colours from the application palette
(plus the theme's error and warning colours), so the light, dark and
high-contrast themes all work. Colour is never the only signal: a role has
its letter, a person a round mark with initials, a function a square swatch,
and a severity its symbol and word.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from math import ceil

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QToolButton, QWidget

from ...domain.checks import Severity
from ...domain.defaults import readable_text_colour
from ...domain.model import Assignee, Role
from .. import theme
from ..models.accountability.assignees import NO_FUNCTION_COLOUR, AssigneeInfo, item_data
from ..roles import ASSIGNEE_ROLE, COLOUR_ROLE, DETAIL_ROLE, FRONT_OFFICE_ROLE
from .dragging import own_drag
from .goal_card import app_palette, blend

SEVERITY_SYMBOLS = {Severity.ERROR: "✖", Severity.WARNING: "▲", Severity.INFO: "ℹ"}
"""A shape per severity, so the colour is never the only signal."""

QUIET_SCROLLBAR = (
    " QScrollBar:vertical { background: transparent; width: 10px; margin: 0; border: none; }"
    " QScrollBar::handle:vertical { background: palette(mid); border-radius: 5px;"
    " min-height: 40px; }"
    " QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
    " QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
)
"""A thin vertical scroll bar on a transparent track, for the step's panels and board."""


class Look:
    """The applied theme's colours, and pictures drawn in them, kept until the theme changes.

    A board repaints the same chips and badges again and again; drawn once into
    a pixmap and then copied, a repaint costs a fraction of drawing them afresh.
    """

    LIMIT = 4000
    """Pictures kept at most; past that the cache starts again (a rename, a new zoom)."""

    def __init__(self, palette: QPalette) -> None:
        role = QPalette.ColorRole
        self.key = palette.cacheKey()
        self.base = palette.color(role.Base)
        self.window = palette.color(role.Window)
        self.text = palette.color(role.Text)
        self.muted = palette.color(role.PlaceholderText)
        self.accent = palette.color(role.Highlight)
        self.border = palette.color(role.Mid)
        self.dark = self.window.lightnessF() < 0.5
        window, text = self.window.name().upper(), self.text.name().upper()
        self.colours = next(
            (
                c
                for c in theme.THEMES.values()
                if c.window.upper() == window and c.text.upper() == text
            ),
            theme.THEMES[theme.ThemeName.LIGHT],
        )
        self.pictures: dict[tuple[Hashable, ...], QPixmap] = {}

    def picture(
        self,
        key: tuple[Hashable, ...],
        size: QSizeF,
        ratio: float,
        draw: Callable[[QPainter], None],
    ) -> QPixmap:
        """The picture for ``key``, drawn by ``draw`` (in logical pixels) the first time."""
        full = (*key, round(size.width(), 2), round(size.height(), 2), ratio)
        pixmap = self.pictures.get(full)
        if pixmap is None:
            if len(self.pictures) >= self.LIMIT:
                self.pictures.clear()
            pixmap = QPixmap(
                max(1, ceil(size.width() * ratio)), max(1, ceil(size.height() * ratio))
            )
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            draw(painter)
            painter.end()
            self.pictures[full] = pixmap
        return pixmap


_look: Look | None = None


def look() -> Look:
    """The look of the theme applied now (made again when the palette changes)."""
    global _look
    palette = app_palette()
    if _look is None or _look.key != palette.cacheKey():
        _look = Look(palette)
    return _look


def theme_colours() -> theme.Colours:
    """The colours of the theme now applied, recognised by its window and text colours."""
    return look().colours


def is_dark() -> bool:
    return look().dark


def severity_colour(severity: Severity) -> QColor:
    c = theme_colours()
    if severity is Severity.ERROR:
        return QColor(c.error)
    if severity is Severity.WARNING:
        return QColor(c.warning)
    return QColor(c.accent)


def role_colour(role: Role) -> QColor:
    """A role's colour, lifted on dark themes so the badge stands off the card."""
    colour = QColor(theme.ROLE_COLOURS[role])
    if is_dark():
        colour = blend(colour, QColor("#FFFFFF"), 0.28)
    return colour


def role_text_colour(role: Role) -> QColor:
    return QColor(readable_text_colour(role_colour(role).name()))


def scaled(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    out = QFont(font)
    out.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    out.setBold(bold)
    return out


def _ratio(painter: QPainter) -> float:
    device = painter.device()
    return float(device.devicePixelRatioF()) if device is not None else 1.0


def _draw_role_badge(painter: QPainter, centre: QPointF, radius: float, role: Role) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(role_colour(role))
    painter.drawEllipse(centre, radius, radius)
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(max(8, round(radius * 1.15)))
    painter.setFont(font)
    painter.setPen(role_text_colour(role))
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, role.value)


def paint_role_badge(painter: QPainter, centre: QPointF, radius: float, role: Role) -> None:
    """A filled circle in the role's colour with its letter, readable on any card."""
    side = 2 * radius + 2
    pixmap = look().picture(
        ("badge", role, radius),
        QSizeF(side, side),
        _ratio(painter),
        lambda p: _draw_role_badge(p, QPointF(side / 2, side / 2), radius, role),
    )
    painter.drawPixmap(QPointF(centre.x() - side / 2, centre.y() - side / 2), pixmap)


def paint_role_label(
    painter: QPainter, top_left: QPointF, role: Role, radius: float, gap: float, font: QFont
) -> None:
    """A zone's label: the role's badge and its word beside it."""
    fm = QFontMetricsF(font)
    width = 2 * radius + gap + fm.horizontalAdvance(role.label) + 4
    height = max(2 * radius + 2, fm.height())
    colour = look().text

    def draw(p: QPainter) -> None:
        _draw_role_badge(p, QPointF(radius + 1, height / 2), radius, role)
        p.setFont(font)
        p.setPen(colour)
        p.drawText(
            QRectF(2 * radius + gap, 0, width, height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            role.label,
        )

    pixmap = look().picture(
        ("label", role, radius, gap, font.key()), QSizeF(width, height), _ratio(painter), draw
    )
    painter.drawPixmap(top_left, pixmap)


# ----------------------------------------------------------------- chips


@dataclass(frozen=True)
class ChipMetrics:
    """The sizes of a chip for one font; chips of one zone share them."""

    font: QFont
    bold_font: QFont
    height: float
    pad: float
    mark: float
    gap: float

    @classmethod
    def for_font(cls, font: QFont) -> ChipMetrics:
        key = font.key()
        known = _METRICS.get(key)
        if known is not None:
            return known
        fm = QFontMetricsF(font)
        made = cls(
            font=QFont(font),
            bold_font=scaled(font, 1.0, bold=True),
            height=round(fm.height() * 1.5),
            pad=round(fm.height() * 0.45),
            mark=round(fm.height() * 0.95),
            gap=round(fm.height() * 0.3),
        )
        _METRICS[key] = made
        return made

    def width(self, name: str, *, bold: bool = False) -> float:
        fm = QFontMetricsF(self.bold_font if bold else self.font)
        return self.pad + self.mark + self.pad * 0.7 + fm.horizontalAdvance(name) + self.pad + 1


_METRICS: dict[str, ChipMetrics] = {}


def paint_mark(painter: QPainter, rect: QRectF, info: AssigneeInfo) -> None:
    """A function's square swatch, or a person's round mark with their initials."""
    colour = QColor(info.colour)
    edge = QColor(0, 0, 0, 90) if not is_dark() else QColor(255, 255, 255, 110)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(edge, 1.0))
    painter.setBrush(colour)
    if info.is_person:
        painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        font = QFont(painter.font())
        font.setBold(True)
        font.setPixelSize(max(7, round(rect.height() * 0.42)))
        painter.setFont(font)
        painter.setPen(QColor(readable_text_colour(colour.name())))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, info.initials)
    else:
        inner = rect.adjusted(
            rect.width() * 0.1, rect.height() * 0.1, -rect.width() * 0.1, -rect.height() * 0.1
        )
        painter.drawRoundedRect(inner.adjusted(0.5, 0.5, -0.5, -0.5), 3.0, 3.0)
    painter.restore()


def _draw_chip(
    painter: QPainter,
    rect: QRectF,
    info: AssigneeInfo,
    metrics: ChipMetrics,
    bold: bool,
    selected: bool,
    highlighted: bool,
    struck: bool,
    hover: bool,
) -> None:
    looks = look()
    colour = QColor(info.colour)
    radius = rect.height() / 2
    fill = blend(looks.base, colour, 0.10 if not looks.dark else 0.18)
    if highlighted:
        fill = blend(looks.base, looks.accent, 0.28)
    path = QPainterPath()
    path.addRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
    painter.fillPath(path, fill)
    edge = blend(looks.border, colour, 0.55)
    width = 1.0
    if selected:
        edge, width = looks.accent, 3.0
    elif highlighted:
        edge, width = looks.accent, 2.0
    elif hover:
        edge = blend(edge, looks.accent, 0.6)
    painter.setPen(QPen(edge, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRoundedRect(
        rect.adjusted(inset, inset, -inset, -inset), radius - inset, radius - inset
    )
    mark = QRectF(
        rect.left() + metrics.pad * 0.55,
        rect.center().y() - metrics.mark / 2,
        metrics.mark,
        metrics.mark,
    )
    paint_mark(painter, mark, info)
    left = mark.right() + metrics.pad * 0.7
    label = QRectF(left, rect.top(), max(0.0, rect.right() - metrics.pad - left), rect.height())
    font = metrics.bold_font if bold else metrics.font
    painter.setFont(font)
    painter.setPen(looks.text)
    shown = QFontMetricsF(font).elidedText(info.name, Qt.TextElideMode.ElideRight, label.width())
    painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, shown)
    if struck:
        painter.setPen(QPen(QColor(looks.colours.error), 2.5))
        y = rect.center().y()
        painter.drawLine(QPointF(rect.left() + 4, y), QPointF(rect.right() - 4, y))


def paint_chip(
    painter: QPainter,
    rect: QRectF,
    info: AssigneeInfo,
    metrics: ChipMetrics,
    *,
    bold: bool = False,
    selected: bool = False,
    highlighted: bool = False,
    struck: bool = False,
    dimmed: bool = False,
    hover: bool = False,
) -> None:
    """One chip: a pill with the assignee's mark and name.

    ``selected`` draws a thick accent ring; ``highlighted`` (the assignee picked
    in the palette) fills it with the accent; ``struck`` crosses it out (it is
    about to go); ``dimmed`` fades it (it is being dragged away).
    """
    flags = (bold, selected, highlighted, struck, hover)
    pixmap = look().picture(
        ("chip", info, metrics.font.key(), *flags),
        rect.size(),
        _ratio(painter),
        lambda p: _draw_chip(p, QRectF(QPointF(0, 0), rect.size()), info, metrics, *flags),
    )
    if dimmed:
        painter.save()
        painter.setOpacity(0.4)
        painter.drawPixmap(rect.topLeft(), pixmap)
        painter.restore()
    else:
        painter.drawPixmap(rect.topLeft(), pixmap)


def chip_pixmap(widget: QWidget, info: AssigneeInfo, *, bold: bool = False) -> QPixmap:
    """A chip drawn on its own, to follow the pointer while it is dragged."""
    metrics = ChipMetrics.for_font(widget.font())
    width = metrics.width(info.name, bold=bold)
    ratio = widget.devicePixelRatioF()
    pixmap = QPixmap(int((width + 2) * ratio), int((metrics.height + 2) * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_chip(painter, QRectF(1, 1, width, metrics.height), info, metrics, bold=bold)
    painter.end()
    return pixmap


SEGMENT_STYLE = (
    "QToolButton {{ padding: 6px 16px; {radius} }}"
    " QToolButton:checked {{ background: palette(highlight); color: palette(highlighted-text);"
    " border-color: palette(highlight); font-weight: 600; }}"
)


def make_quiet(area: QScrollArea) -> None:
    """Let ``area`` scroll its content on the page's own background, with a thin bar."""
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setStyleSheet("QScrollArea { background: transparent; border: none; }" + QUIET_SCROLLBAR)
    area.viewport().setAutoFillBackground(False)


def segment_button(text: str, tip: str, *, first: bool) -> QToolButton:
    """One half of a two-way switch (Board | Matrix, Findings | Coverage)."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(f"Show the {text.lower()}")
    button.setCheckable(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    radius = (
        "border-top-right-radius: 0; border-bottom-right-radius: 0;"
        if first
        else "border-top-left-radius: 0; border-bottom-left-radius: 0; margin-left: -1px;"
    )
    button.setStyleSheet(SEGMENT_STYLE.format(radius=radius))
    return button


def exec_drag(drag: QDrag, actions: Qt.DropAction, default: Qt.DropAction) -> Qt.DropAction:
    """Run a chip's drag to its end, as one of the app's own (see :func:`own_drag`)."""
    with own_drag(drag.mimeData(), actions):
        return platform_drag(drag, actions, default)


def platform_drag(drag: QDrag, actions: Qt.DropAction, default: Qt.DropAction) -> Qt.DropAction:
    """The platform's drag loop (one place, so a test can stand in for the pointer)."""
    return drag.exec(actions, default)


def info_from_index(index: QModelIndex | QPersistentModelIndex) -> AssigneeInfo | None:
    """What a chip shows, read from an item of the palette, the picker or the board."""
    who = item_data(index, ASSIGNEE_ROLE)
    if not isinstance(who, Assignee):
        return None
    return AssigneeInfo(
        who,
        str(item_data(index) or ""),
        str(item_data(index, COLOUR_ROLE) or NO_FUNCTION_COLOUR),
        str(item_data(index, DETAIL_ROLE) or ""),
        item_data(index, FRONT_OFFICE_ROLE),
    )
