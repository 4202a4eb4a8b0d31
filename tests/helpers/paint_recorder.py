"""A paint device that records what a widget really paints: every text with its pixel size,
colour and position, and every solid fill, in painting order.

``widget.render(device)`` runs the widgets' real paint code (labels, the timer,
the painted views) against :class:`RecordingEngine` instead of pixels, so a test
sees each glyph run as Qt hands it to the screen, not what the code meant to draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QPaintDevice,
    QPaintEngine,
    QPainterPath,
    QPolygonF,
    QTextItem,
)
from PySide6.QtWidgets import QWidget

from cxworkshop.gui.audience.colours import contrast

DPI = 96


@dataclass
class Fill:
    path: QPainterPath
    colour: QColor


@dataclass
class DrawnText:
    text: str
    pixel_size: float
    colour: QColor
    rect: QRectF
    """Where it sits on the device: the run's advance by its ascent and descent."""
    background: QColor

    @property
    def seen_colour(self) -> QColor:
        """The text's colour as it lands on its background (a translucent pen blends in)."""
        a = self.colour.alphaF()
        return QColor.fromRgbF(
            *(
                a * getattr(self.colour, part)() + (1 - a) * getattr(self.background, part)()
                for part in ("redF", "greenF", "blueF")
            )
        )

    @property
    def contrast(self) -> float:
        return contrast(self.seen_colour, self.background)

    def __str__(self) -> str:
        ink = self.colour.name(QColor.NameFormat.HexArgb)
        return (
            f"{self.text!r} {self.pixel_size:.0f}px {ink} on "
            f"{self.background.name()} ({self.contrast:.1f}:1)"
        )


class RecordingEngine(QPaintEngine):
    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.fills: list[Fill] = []
        self.texts: list[DrawnText] = []
        self.pixmaps = 0

    def begin(self, pdev: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def updateState(self, state: object) -> None:
        pass

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def drawPixmap(self, r: QRectF, pm: object, sr: QRectF) -> None:
        self.pixmaps += 1

    def drawImage(self, r: QRectF, pm: object, sr: QRectF, flags: object = None) -> None:
        self.pixmaps += 1

    def _fill(self, path: QPainterPath) -> None:
        painter = self.painter()
        brush = painter.brush()
        if brush.style() != Qt.BrushStyle.SolidPattern or brush.color().alpha() < 255:
            return
        self.fills.append(Fill(painter.deviceTransform().map(path), QColor(brush.color())))

    def drawPath(self, path: QPainterPath) -> None:
        self._fill(path)

    def drawRects(self, rects: object) -> None:
        for r in rects if isinstance(rects, list | tuple) else [rects]:
            path = QPainterPath()
            path.addRect(QRectF(r))
            self._fill(path)

    def drawPolygon(self, points: object, mode: object) -> None:
        path = QPainterPath()
        path.addPolygon(QPolygonF(list(points)))  # type: ignore[call-overload]
        self._fill(path)

    def drawTextItem(self, p: QPointF, item: QTextItem) -> None:
        painter = self.painter()
        font = item.font()
        transform = painter.deviceTransform()
        scale = (transform.m22() ** 2 + transform.m12() ** 2) ** 0.5
        size = font.pixelSize() if font.pixelSize() > 0 else font.pointSizeF() * DPI / 72
        metrics = QFontMetricsF(font)
        local = QRectF(
            p.x(), p.y() - metrics.ascent(), item.width(), metrics.ascent() + metrics.descent()
        )
        rect = transform.mapRect(local)
        centre = rect.center()
        behind = next(
            (f.colour for f in reversed(self.fills) if f.path.contains(centre)), QColor("#FFFFFF")
        )
        self.texts.append(
            DrawnText(item.text(), size * scale, QColor(painter.pen().color()), rect, behind)
        )


class RecordingDevice(QPaintDevice):
    """A paint device of ``width`` × ``height`` whose engine records instead of drawing."""

    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.size = (width, height)
        self.engine = RecordingEngine()

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        values = {
            m.PdmWidth: self.size[0],
            m.PdmHeight: self.size[1],
            m.PdmWidthMM: round(self.size[0] * 25.4 / DPI),
            m.PdmHeightMM: round(self.size[1] * 25.4 / DPI),
            m.PdmDpiX: DPI,
            m.PdmDpiY: DPI,
            m.PdmPhysicalDpiX: DPI,
            m.PdmPhysicalDpiY: DPI,
            m.PdmDepth: 32,
            m.PdmNumColors: 0x7FFFFFFF,
            m.PdmDevicePixelRatio: 1,
            m.PdmDevicePixelRatioScaled: round(QPaintDevice.devicePixelRatioFScale()),
        }
        return values.get(metric, 0)


def record(widget: QWidget) -> RecordingEngine:
    """Paint ``widget`` and its children once into a recorder; what it drew."""
    device = RecordingDevice(widget.width(), widget.height())
    widget.render(device)
    return device.engine


__all__ = ["DrawnText", "RecordingDevice", "RecordingEngine", "record"]
