"""The revealed results of a vote: goals in the room's order as large horizontal bars.

Drawn to be read from the back of a room: big rank numbers, goal titles
beside their bars, the count in words at the end of each bar. A tie still to
settle is shown three ways, never by colour alone: the shared rank is written
"=3", the tied rows sit on one shaded band, and each says "tied" beside
striped bars. A settled tie shows the decided order, each goal in its own
place, with a word for how it was settled ("run-off", "sponsor"); goals
without dots come last with no place ("–").
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QEvent, QRectF, QSize, Qt, SignalInstance
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QHelpEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...domain.model import Pillar, TieBreak
from ...domain.wording import dots_text, ordinal
from ..models.voting import NO_PLACE, settled_text
from ..roles import DOTS_ROLE, PILLAR_ROLE, PLACE_ROLE, RANK_ROLE, SETTLED_ROLE, TIED_ROLE
from ..theme import PILLAR_COLOURS, PILLAR_SYMBOLS, scaled_font
from .goal_card import blend

TIED_WORD = "tied"

_TITLE = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Bar:
    """One row of the chart."""

    title: str
    pillar: Pillar | None
    dots: int
    rank: int
    tied: bool
    place: str = ""
    """The place as written: "1", "=3", or "–" for a goal without dots."""
    settled_by: TieBreak | None = None

    @property
    def tag(self) -> str:
        """The word beside the count: "tied", or how a tie was settled; "" for neither."""
        return TIED_WORD if self.tied else settled_text(self.settled_by)


class ResultsChart(QWidget):
    """A ranked bar chart drawn from a results model (rank, title and dots per row)."""

    ROW_GAP = 6.0
    BAR_SCALE = 1.5
    """Bar thickness as a multiple of the content font's line height."""
    TITLE_LINES = 2

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model: QAbstractItemModel | None = None
        self._bars: list[Bar] = []
        self.setAccessibleName("Results")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    # -- the model -----------------------------------------------------------

    def setModel(self, model: QAbstractItemModel | None) -> None:
        """Draw ``model``'s rows (column 1 holds the title); follows its changes."""
        if self._model is not None:
            for signal in self._signals(self._model):
                signal.disconnect(self._reload)
        self._model = model
        if model is not None:
            for signal in self._signals(model):
                signal.connect(self._reload)
        self._reload()

    @staticmethod
    def _signals(model: QAbstractItemModel) -> list[SignalInstance]:
        return [
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.rowsMoved,
            model.modelReset,
            model.layoutChanged,
        ]

    def _reload(self, *_: object) -> None:
        model = self._model
        bars: list[Bar] = []
        if model is not None:
            for row in range(model.rowCount()):
                first = model.index(row, 0)
                rank = int(first.data(RANK_ROLE) or 0)
                tied = bool(first.data(TIED_ROLE))
                settled = first.data(SETTLED_ROLE)
                bars.append(
                    Bar(
                        title=str(model.index(row, 1).data() or ""),
                        pillar=first.data(PILLAR_ROLE),
                        dots=int(first.data(DOTS_ROLE) or 0),
                        rank=rank,
                        tied=tied,
                        place=str(first.data(PLACE_ROLE) or (f"={rank}" if tied else rank)),
                        settled_by=TieBreak(settled) if settled else None,
                    )
                )
        self._bars = bars
        self.setAccessibleDescription(self.spoken())
        self.updateGeometry()
        self.update()

    def bars(self) -> list[Bar]:
        """The rows as drawn, top to bottom."""
        return list(self._bars)

    def spoken(self) -> str:
        """The chart in words, for screen readers and tooltips."""
        parts = []
        for b in self._bars:
            if b.place == NO_PLACE:
                parts.append(f"{b.title}: no dots")
                continue
            how = f", placed by the {settled_text(b.settled_by)}" if b.settled_by else ""
            place = f"{'tied ' if b.tied else ''}{ordinal(b.rank)}"
            parts.append(f"{place}: {b.title}, {dots_text(b.dots)}{how}")
        return "; ".join(parts)

    # -- layout --------------------------------------------------------------

    def _fonts(self) -> tuple[QFont, QFont, QFont, QFont]:
        rank = scaled_font(self, 1.7, bold=True)
        title = scaled_font(self, 1.05, bold=True)
        count = scaled_font(self, 1.25, bold=True)
        tag = scaled_font(self, 0.85, bold=True)
        return rank, title, count, tag

    def _row_height(self) -> float:
        _, title, _, _ = self._fonts()
        lines = QFontMetricsF(title).lineSpacing() * self.TITLE_LINES
        bar = QFontMetricsF(self.font()).height() * self.BAR_SCALE
        return max(lines, bar) + 8

    def sizeHint(self) -> QSize:
        rows = max(3, len(self._bars))
        height = rows * (self._row_height() + self.ROW_GAP)
        return QSize(900, int(height + 8))

    def minimumSizeHint(self) -> QSize:
        rows = max(1, len(self._bars))
        line = QFontMetricsF(scaled_font(self, 1.05, bold=True)).lineSpacing()
        # Every rank in view matters more than whole titles: squeezed, a title
        # keeps one line and ends in "…" rather than pushing rows out of sight.
        return QSize(480, int(rows * (line * 1.05 + self.ROW_GAP)))

    # -- painting ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = QGuiApplication.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        window = palette.color(QPalette.ColorRole.Window)
        warning = palette.color(QPalette.ColorRole.Link)
        rank_font, title_font, count_font, tag_font = self._fonts()

        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        if not self._bars:
            painter.setPen(muted)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No results to show.")
            painter.end()
            return

        area, rows, rank_w, title_w = self._columns()
        row_h = rows[0].height()
        count_w, tag_w = self._count_widths()
        bar_left = area.left() + rank_w + title_w + 20
        bar_room = max(40.0, area.right() - bar_left - count_w - tag_w - 24)
        most = max((b.dots for b in self._bars), default=0) or 1
        bar_h = min(row_h - 14, QFontMetricsF(self.font()).height() * self.BAR_SCALE)

        # Tied rows first share a band, so the eye groups them before reading.
        band = blend(base if base != window else window, text, 0.07)
        groups: dict[int, list[int]] = {}
        for i, b in enumerate(self._bars):
            if b.tied:
                groups.setdefault(b.rank, []).append(i)
        for members in groups.values():
            top, bottom = rows[members[0]].top() - 4, rows[members[-1]].bottom() + 4
            shape = QRectF(area.left(), top, area.width(), bottom - top)
            path = QPainterPath()
            path.addRoundedRect(shape, 12, 12)
            painter.fillPath(path, band)
            painter.setPen(QPen(blend(band, text, 0.25), 1.0, Qt.PenStyle.DashLine))
            painter.drawPath(path)

        for b, row in zip(self._bars, rows, strict=True):
            y_mid = row.center().y()
            # Rank: "1", or "=3" when shared.
            painter.setFont(rank_font)
            painter.setPen(text)
            rank_text = b.place or (f"={b.rank}" if b.tied else str(b.rank))
            painter.drawText(
                QRectF(row.left(), row.top(), rank_w - 12, row.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                rank_text,
            )
            # Title with the pillar's symbol in its colour.
            x = row.left() + rank_w + 6
            symbol = PILLAR_SYMBOLS.get(b.pillar, "") if b.pillar else ""
            painter.setFont(title_font)
            metrics = QFontMetricsF(title_font)
            symbol_w = metrics.horizontalAdvance(symbol + "  ") if symbol else 0.0
            if symbol and b.pillar is not None:
                painter.setPen(QColor(PILLAR_COLOURS[b.pillar]))
                painter.drawText(
                    QRectF(x, row.top(), symbol_w, row.height()),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    symbol,
                )
            painter.setPen(text)
            title_rect = QRectF(x + symbol_w, row.top(), title_w - symbol_w, row.height())
            painter.drawText(title_rect, _TITLE, self._fit_title(b.title, title_rect, metrics))

            # The bar: its length is the dots; a goal with none keeps a sliver of outline.
            length = bar_room * b.dots / most
            bar = QRectF(bar_left, y_mid - bar_h / 2, max(length, 3.0), bar_h)
            if b.dots:
                path = QPainterPath()
                path.addRoundedRect(bar, min(8.0, bar_h / 3), min(8.0, bar_h / 3))
                painter.fillPath(path, accent)
                if b.tied:
                    # Stripes mark a tied bar in greyscale print-outs and for every eye.
                    hatch = QBrush(blend(accent, base, 0.55), Qt.BrushStyle.BDiagPattern)
                    painter.fillPath(path, hatch)
            else:
                painter.setPen(QPen(muted, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(bar, 2, 2)
            # Count at the end of the bar.
            painter.setFont(count_font)
            painter.setPen(text)
            count_rect = QRectF(bar.right() + 12, row.top(), count_w, row.height())
            painter.drawText(
                count_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                dots_text(b.dots),
            )
            if b.tag:
                painter.setFont(tag_font)
                tag_h = QFontMetricsF(tag_font).height() + 8
                used = QFontMetricsF(count_font).horizontalAdvance(dots_text(b.dots))
                tag = QRectF(count_rect.left() + used + 14, y_mid - tag_h / 2, tag_w, tag_h)
                # A tie still open stands out; how a settled one was settled is a quiet note.
                painter.setPen(QPen(warning if b.tied else muted, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(tag, tag_h / 2, tag_h / 2)
                painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, b.tag.upper())

        painter.end()

    def _count_widths(self) -> tuple[float, float]:
        """Room for the widest dot count, and for the widest tag (TIED, or how a tie was
        settled) if a row has one."""
        _, _, count_font, tag_font = self._fonts()
        counts = QFontMetricsF(count_font)
        count_w = max((counts.horizontalAdvance(dots_text(b.dots)) for b in self._bars), default=0)
        tags = {b.tag.upper() for b in self._bars if b.tag}
        tag_metrics = QFontMetricsF(tag_font)
        tag_w = max((tag_metrics.horizontalAdvance(t) + 28 for t in tags), default=0.0)
        return count_w + 10, tag_w

    def _columns(self) -> tuple[QRectF, list[QRectF], float, float]:
        """The drawing area, each row's rectangle, the rank column's and the titles' widths."""
        rank_font, title_font, _, _ = self._fonts()
        area = QRectF(self.rect()).adjusted(4, 6, -4, -6)
        n = max(1, len(self._bars))
        # Rows share the height there is (never more than a comfortable size), so the
        # whole ranking is always in view.
        fitted = (area.height() - self.ROW_GAP * (n - 1)) / n
        row_h = max(8.0, min(self._row_height() * 1.25, fitted))
        rank_w = QFontMetricsF(rank_font).horizontalAdvance("=88") + 16
        # Titles take what the bars can spare: the bars keep a fifth of the width at
        # least, with room for the counts and tags at their ends.
        count_w, tag_w = self._count_widths()
        spare = area.width() - rank_w - 20 - count_w - tag_w - 24 - area.width() * 0.2
        metrics = QFontMetricsF(title_font)
        lines = max(1, int(row_h // metrics.lineSpacing()))
        longest = max((metrics.horizontalAdvance(b.title) for b in self._bars), default=0.0)
        wanted = longest / lines + metrics.horizontalAdvance("▲  ") + metrics.averageCharWidth() * 4
        title_w = max(area.width() * 0.42, min(wanted, spare, 540.0))
        rows = [
            QRectF(area.left(), area.top() + i * (row_h + self.ROW_GAP), area.width(), row_h)
            for i in range(len(self._bars))
        ]
        return area, rows, rank_w, title_w

    def shown_titles(self) -> list[str]:
        """Each row's title as drawn: whole, or shortened to end in "…"."""
        _, rows, _, title_w = self._columns()
        _, title_font, _, _ = self._fonts()
        metrics = QFontMetricsF(title_font)
        shown = []
        for b, row in zip(self._bars, rows, strict=True):
            symbol = PILLAR_SYMBOLS.get(b.pillar, "") if b.pillar else ""
            symbol_w = metrics.horizontalAdvance(symbol + "  ") if symbol else 0.0
            rect = QRectF(0, 0, title_w - symbol_w, row.height())
            shown.append(self._fit_title(b.title, rect, metrics))
        return shown

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            # A title shortened to fit shows whole under the pointer.
            _, rows, _, _ = self._columns()
            for b, row, shown in zip(self._bars, rows, self.shown_titles(), strict=True):
                if row.contains(event.pos().toPointF()) and shown != b.title:
                    QToolTip.showText(event.globalPos(), b.title, self)
                    return True
            QToolTip.hideText()
        return super().event(event)

    @staticmethod
    def _fit_title(title: str, rect: QRectF, metrics: QFontMetricsF) -> str:
        """The title as it fits in ``rect``: wrapped, ending in … if it is still too long."""
        bound = metrics.boundingRect(QRectF(0, 0, rect.width(), 1e6), _TITLE, title)
        if bound.height() <= rect.height() + 1:
            return title
        words = title.split()
        while words:
            words.pop()
            shorter = " ".join(words) + "…"
            bound = metrics.boundingRect(QRectF(0, 0, rect.width(), 1e6), _TITLE, shorter)
            if bound.height() <= rect.height() + 1:
                return shorter
        return metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())


__all__ = ["Bar", "ResultsChart"]
