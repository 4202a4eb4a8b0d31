"""A round's outcome: the goals in order, the ties and how to settle them, and the
sponsor's order of tied goals.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QListView,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....domain import voting
from ....domain.model import TieBreak, VotingRound, Workshop
from ....domain.wording import dots_text, ordinal
from ...models.base import Index
from ...models.voting import NO_PLACE, DecisionModel, FinalOrderModel
from ...roles import PILLAR_ROLE, PLACE_ROLE, TIED_ROLE
from ...theme import PILLAR_COLOURS, PILLAR_SYMBOLS, mark_content
from ...widgets.keys import enter_presses, modifiers
from .parts import styled_label

_CTRL = Qt.KeyboardModifier.ControlModifier


class TitleDelegate(QStyledItemDelegate):
    """A goal title with its pillar's symbol in the pillar's colour, wrapped."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        pillar = index.data(PILLAR_ROLE)
        rect = QRectF(opt.rect).adjusted(10, 4, -8, -4)
        painter.save()
        painter.setFont(opt.font)
        symbol = PILLAR_SYMBOLS.get(pillar, "")
        width = QFontMetrics(opt.font).horizontalAdvance(symbol + "  ")
        if symbol:
            painter.setPen(QColor(PILLAR_COLOURS[pillar]))
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, symbol
            )
        painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            rect.adjusted(width, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
            text,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        view = option.widget
        width = 300
        if isinstance(view, QTableView):
            width = view.columnWidth(index.column())
        elif isinstance(view, QListView):
            width = view.viewport().width() - 2 * view.spacing()
        metrics = QFontMetrics(option.font)
        symbol = metrics.horizontalAdvance("♥  ")
        # Measured as it is drawn: wrapped in the width left beside the symbol.
        room = QRect(0, 0, max(40, width - 22 - symbol), 100000)
        text = str(index.data() or "")
        height = metrics.boundingRect(room, int(Qt.TextFlag.TextWordWrap), text).height()
        return QSize(width, max(height, metrics.height()) + 18)


class FinalOrderList(QWidget):
    """The priorities in order, drawn from a final-order model: one line per goal.

    Each line: the place ("=6" while still tied), the pillar's symbol, the
    title (shortened to fit, whole in the tooltip) and, for a tie that was
    settled, how: "sponsor's call" or "run-off".
    """

    ROW_PAD = 9

    def __init__(self, model: FinalOrderModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self._rows: list[tuple[str, str, object, str]] = []
        self.setAccessibleName("The priorities in order")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for signal in (
            model.dataChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self._reload)
        self._reload()

    def rows(self) -> list[tuple[str, str, object, str]]:
        """(place, title, pillar, note) as shown, first place first."""
        return list(self._rows)

    def _reload(self, *_: object) -> None:
        rows = []
        for row in range(self.model.rowCount()):
            first = self.model.index(row, 0)
            note = str(self.model.index(row, 3).data() or "")
            note = f"by {note}" if note else ""
            if first.data(TIED_ROLE):
                note = "still tied"
            elif first.data(PLACE_ROLE) == NO_PLACE:
                note = "no dots"
            title = str(self.model.index(row, 1).data() or "")
            rows.append((str(first.data()), title, first.data(PILLAR_ROLE), note))
        self._rows = rows
        self.setAccessibleDescription(
            "; ".join(f"{p}: {t}{', ' + n if n else ''}" for p, t, _, n in rows)
        )
        self.setToolTip("\n".join(f"{p}. {t}" for p, t, _, _ in rows))
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return QFontMetrics(self.font()).height() + self.ROW_PAD

    def sizeHint(self) -> QSize:
        return QSize(360, max(1, len(self._rows)) * self._row_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(200, len(self._rows) * self._row_height())

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = QGuiApplication.palette()
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        font = self.font()
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.85)
        metrics, small_metrics = QFontMetrics(font), QFontMetrics(small)
        place_w = QFontMetrics(bold).horizontalAdvance("=88")
        symbol_w = metrics.horizontalAdvance("♥ ")
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        h = self._row_height()
        middle = Qt.AlignmentFlag.AlignVCenter
        for i, (place, title, pillar, note) in enumerate(self._rows):
            top = i * h
            painter.setFont(bold)
            painter.setPen(text)
            painter.drawText(
                QRectF(0, top, place_w, h), Qt.AlignmentFlag.AlignRight | middle, place
            )
            x = place_w + 12
            if pillar in PILLAR_SYMBOLS:
                painter.setFont(font)
                painter.setPen(QColor(PILLAR_COLOURS[pillar]))
                painter.drawText(
                    QRectF(x, top, symbol_w, h),
                    Qt.AlignmentFlag.AlignLeft | middle,
                    PILLAR_SYMBOLS[pillar],
                )
            x += symbol_w
            note_w = small_metrics.horizontalAdvance(note) + 8 if note else 0
            painter.setFont(font)
            painter.setPen(text)
            room = max(20, self.width() - x - note_w - 6)
            painter.drawText(
                QRectF(x, top, room, h),
                Qt.AlignmentFlag.AlignLeft | middle,
                metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(room)),
            )
            if note:
                painter.setFont(small)
                painter.setPen(muted)
                painter.drawText(
                    QRectF(self.width() - note_w, top, note_w, h),
                    Qt.AlignmentFlag.AlignRight | middle,
                    note,
                )
        painter.end()


class ReorderList(QListView):
    """The sponsor's order: drag a goal, or Ctrl+Up / Ctrl+Down to move it."""

    sig_move_requested = Signal(int)
    """Move the current goal up (-1) or down (+1)."""

    def __init__(self, model: DecisionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("The sponsor's order")
        self.setAccessibleDescription("Ctrl+Up and Ctrl+Down move the selected goal.")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragDropOverwriteMode(False)
        self.setWordWrap(True)
        self.setSpacing(3)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setItemDelegate(TitleDelegate(self))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = modifiers(event)
        if mods == _CTRL and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.sig_move_requested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            event.accept()
            return
        super().keyPressEvent(event)


class TieBox(QFrame):
    """One tied group: who tied, where it stands, and the two ways to settle it."""

    sig_runoff_requested = Signal(list)
    """Start a run-off on these goal ids."""

    sig_decision_requested = Signal(list)
    """Record the sponsor's order for these goal ids."""

    sig_show_round = Signal(str)
    """Show the round with this id (the run-off that settled the tie)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.goal_ids: list[str] = []
        self._runoff_id: str | None = None
        self.setObjectName("tie_box")
        # Made after the page was styled: it carries the content mark so its text zooms.
        mark_content(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 8)
        layout.setSpacing(6)
        self.what = styled_label("", "")
        self.what.setTextFormat(Qt.TextFormat.RichText)
        self.status = styled_label("", "muted")
        self.runoff_button = QPushButton("Run-off")
        self.runoff_button.setAccessibleName("Start a run-off vote on these tied goals")
        self.runoff_button.clicked.connect(lambda: self.sig_runoff_requested.emit(self.goal_ids))
        self.decide_button = QPushButton("Sponsor decides…")
        self.decide_button.setAccessibleName("Record the sponsor's order for these tied goals")
        self.decide_button.clicked.connect(lambda: self.sig_decision_requested.emit(self.goal_ids))
        self.show_button = QPushButton("Show run-off")
        self.show_button.clicked.connect(
            lambda: self._runoff_id and self.sig_show_round.emit(self._runoff_id)
        )
        row = QHBoxLayout()
        row.addWidget(self.runoff_button)
        row.addWidget(self.decide_button)
        row.addWidget(self.show_button)
        row.addStretch(1)
        layout.addWidget(self.what)
        layout.addWidget(self.status)
        layout.addLayout(row)
        enter_presses(self)

    def show_tie(self, ws: Workshop, r: VotingRound, group: list[str]) -> None:
        self.goal_ids = list(group)
        goals = {g.id: g for g in ws.goals}
        totals = voting.totals(r)
        ranked = {x.goal_id: x.rank for x in voting.ranking(r)}
        rank = ranked.get(group[0], 0)
        # The chart beside names the goals ("=3"); here the tie is one line, and what to do.
        self.what.setText(
            f"<b>={rank} · Tied for {ordinal(rank)}</b>: {len(group)} goals with "
            f"{dots_text(totals.get(group[0], 0))} each"
        )
        titles = [goals[g].title for g in group if g in goals]
        self.what.setToolTip("\n".join(titles))
        self.setAccessibleDescription(f"Tied for {ordinal(rank)}: {', '.join(titles)}")
        order = [p for p in voting.round_order(ws, r) if p.goal_id in set(group)]
        places = {p.rank for p in order}
        hows = {p.settled_by for p in order}
        wanted = set(group)
        runoffs = [
            o for o in ws.rounds if o.runoff_of == r.id and set(o.goal_ids) & set(goals) == wanted
        ]
        latest = max(runoffs, key=lambda o: o.number, default=None)
        self._runoff_id = latest.id if latest else None
        settled = len(places) == len(order)
        where = f"round {latest.number}" if latest else "a later round"
        if settled and TieBreak.RUNOFF in hows and TieBreak.SPONSOR in hows:
            status = f"✓ Settled by the run-off in {where} and the sponsor."
        elif settled and TieBreak.RUNOFF in hows:
            status = f"✓ Settled by the run-off in {where}."
        elif settled:
            status = "✓ Settled by the sponsor."
        elif latest is not None and latest.is_open:
            status = f"Run-off under way in round {latest.number}."
        elif latest is not None:
            status = f"The run-off in round {latest.number} tied too."
        else:
            status = "Not settled yet."
        self.status.setText(status)
        any_open = any(o.is_open for o in ws.rounds)
        self.runoff_button.setVisible(latest is None and not settled)
        self.runoff_button.setEnabled(not any_open)
        self.runoff_button.setToolTip("Close the open round first." if any_open else "")
        self.show_button.setVisible(latest is not None)
        self.show_button.setText(f"Show round {latest.number}" if latest else "")
        by_sponsor = settled and TieBreak.SPONSOR in hows
        self.decide_button.setText(
            "Change the sponsor's order…" if by_sponsor else "Sponsor decides…"
        )
        # A settled run-off outweighs any decision, so there is nothing for the sponsor to do.
        self.decide_button.setVisible(not settled or by_sponsor)
