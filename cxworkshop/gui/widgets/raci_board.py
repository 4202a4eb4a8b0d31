"""The accountability board: goal cards grouped by pillar, each with four drop zones.

The board is a view onto :class:`GoalAssignmentsModel`. Each card shows one
goal and owns four :class:`DropZone` widgets (Accountable, Responsible,
Consulted, Informed) that paint their own chips. The board listens to the
model's precise signals and hands each change to the one zone it concerns,
which repaints itself (and asks for a new height only when its chips wrap
onto another line). Cards are rebuilt only when goals come, go or move.

Dragging: a chip from the palette or from a zone carries the app's MIME
type. While a drag is under way every zone it may land in is outlined; the
zone under the pointer fills; anywhere else shows the forbidden cursor,
except the empty space around the cards (and the palette), where a chip
dragged off a goal comes off it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QDrag,
    QDropEvent,
    QFocusEvent,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QScrollArea,
    QWidget,
)

from ...domain.model import Assignee, Pillar, Role
from ..models.accountability.assignees import ROLES, AssigneeInfo
from ..models.accountability.board import GoalAssignmentsModel
from ..models.accountability.payload import Payload, make_mime, zone_effect
from ..session import Session
from .dragging import EdgeScroller
from .keys import modifiers
from .raci import (
    chip_pixmap,
    exec_drag,
    make_quiet,
)
from .raci_card import BoardCanvas, GoalCard
from .raci_zone import ROLE_KEYS, BoardMetrics, DropZone, chip_widths, zone_height_of

__all__ = ["BOARD_KEYS_TEXT", "ROLE_KEYS", "BoardMetrics", "DropZone", "GoalCard", "RaciBoard"]

_PLAIN = Qt.KeyboardModifier.NoModifier

BOARD_KEYS_TEXT = (
    "Arrow keys choose a goal; Enter opens the picker to give roles by keyboard. "
    "Click a chip, then A, R, C or I changes its role and Delete takes it off."
)


# ----------------------------------------------------------------- the board


class RaciBoard(QScrollArea):
    """All goals as cards by pillar, with drop zones; selection and keys live here."""

    STRIPE = 6.0

    sig_goal_selected = Signal(str)
    """The selected goal changed: its id, or "" for none."""

    sig_picker_requested = Signal(str)
    """Open the keyboard picker on this goal (Enter, a double click, or Assign…)."""

    sig_drag_started = Signal()
    """A chip is being dragged off the board."""

    def __init__(self, model: GoalAssignmentsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.session: Session | None = None
        self.pillars: dict[str, Pillar] = {}
        """Every goal on the board, with the pillar it shows under."""
        self.cards: dict[str, GoalCard] = {}
        """The cards built so far: those of the goals in or near the view, and any asked for."""
        self._rooms: dict[str, dict[int, int]] = {}
        """How tall each goal's card is, by width, for goals whose card is not built."""
        self._chips: dict[str, list[list[float]]] = {}
        """The widths of those goals' chips, role by role, once asked for."""
        self._estimating = False
        """Some rooms below the view are estimates, to be worked out after the next frame."""
        self._filling = False
        self._measuring: GoalCard | None = None
        """A card never shown, on which the room for cards not built yet is measured."""
        self._fixed: int | None = None
        self._widths: dict[int, tuple[int, int, int]] = {}
        """What :meth:`_card_widths` worked out, by card width (for the font it was for)."""
        self.selected_goal: str | None = None
        self.selected_chip: tuple[str, Assignee] | None = None
        self.highlighted: Assignee | None = None
        self.dragged_from: tuple[str, Assignee] | None = None
        self.removing = False
        self.drag_payload: Payload | None = None
        self._outlined: list[DropZone] = []
        self._columns = 0
        self.metrics = BoardMetrics(self)
        self.on_role_key: Callable[[str, Assignee, Role], object] | None = None
        self.on_remove_key: Callable[[str, Assignee], object] | None = None

        self.setObjectName("raci_board")
        self.setAccessibleName("Accountability board")
        self.setAccessibleDescription(BOARD_KEYS_TEXT)
        self.setToolTip(BOARD_KEYS_TEXT)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        make_quiet(self)
        self.canvas = BoardCanvas(self)
        self.canvas.setAutoFillBackground(False)
        self.setWidget(self.canvas)
        self.edge_scroller = EdgeScroller(self)
        """Scrolls the board while a chip rests near its top or bottom edge."""

        model.rowsInserted.connect(self._rows_changed)
        model.rowsRemoved.connect(self._rows_changed)
        model.dataChanged.connect(self._data_changed)
        model.modelReset.connect(self.rebuild)
        model.layoutChanged.connect(self.rebuild)
        self.verticalScrollBar().valueChanged.connect(self.fill_view)

    # -- following the model ---------------------------------------------------------

    def zone(self, goal_id: str, role: Role) -> DropZone | None:
        """The zone of a role on a goal (its card built now if need be); None if no such goal."""
        card = self.card(goal_id)
        return None if card is None else card.zones[role]

    def _refresh_zone_of(self, parent: QModelIndex) -> bool:
        """Give the zone of a role row its holders again; False if ``parent`` is no role row."""
        goal_id, role, _info = self.model.place_of(parent)
        if goal_id is None or role is None:
            return False
        card = self.cards.get(goal_id)
        if card is not None:
            card.zones[role].set_chips(self.model.holders(goal_id, role))
        else:
            self._forget_room(goal_id)  # its room follows its holders
        return True

    def _rows_changed(self, parent: QModelIndex, first: int, last: int) -> None:
        """Goals came or went: rebuild the cards; holders did: refresh their zone."""
        if not parent.isValid():
            self.rebuild()
        else:
            self._refresh_zone_of(parent)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, roles: object = None) -> None:
        parent = top.parent()
        if not parent.isValid():
            for row in range(top.row(), bottom.row() + 1):
                goal_id = self.model.goal_ids()[row]
                goal = self.model.goal(goal_id)
                if goal is None or goal_id not in self.pillars:
                    continue
                if goal.pillar is not self.pillars[goal_id]:
                    self.rebuild()  # it goes under another pillar
                    return
                card = self.cards.get(goal_id)
                if card is not None:
                    card.set_goal(goal)
                else:
                    self._forget_room(goal_id)
        else:
            self._refresh_zone_of(parent)

    def rebuild(self) -> None:
        """Keep a place for every goal (and only those) and lay them out by pillar.

        Cards already built follow their goal; the others are built once they
        come near the view (:meth:`fill_view`).
        """
        ids = self.model.goal_ids()
        pillars: dict[str, Pillar] = {}
        for goal_id in ids:
            goal = self.model.goal(goal_id)
            assert goal is not None
            pillars[goal_id] = goal.pillar
        for goal_id in [g for g in self.cards if g not in pillars]:
            gone = self.cards.pop(goal_id)
            host = gone.parentWidget()
            layout = host.layout() if host is not None else None
            if layout is not None:
                layout.removeWidget(gone)
            gone.hide()
            gone.deleteLater()
        self.pillars = pillars
        self._rooms.clear()
        self._chips.clear()
        for section in self.canvas.sections.values():
            section.grid.forget_rooms()
            # Only as far down as the view reaches (fill_view says how far); the rest
            # once the board has painted (viewportEvent): a frame need not wait for it.
            section.grid.estimate_below(0)
        self._estimating = True
        for goal_id, card in self.cards.items():
            goal = self.model.goal(goal_id)
            assert goal is not None
            card.set_goal(goal)
            for role in ROLES:
                card.zones[role].set_chips(self.model.holders(goal_id, role))
        if self.selected_goal not in self.pillars:
            self.selected_goal = None
            self.selected_chip = None
        self._place_cards(force=True)
        for goal_id, card in self.cards.items():
            card.set_selected(goal_id == self.selected_goal)
        self.fill_view()

    # -- building cards as they come into view -------------------------------------

    NEAR = 0.5
    """How far past the view's edges, in view heights, cards are built ahead of scrolling."""

    def card(self, goal_id: str) -> GoalCard | None:
        """The goal's card, built now if it was not yet; None if the board has no such goal."""
        card = self.cards.get(goal_id)
        if card is not None or goal_id not in self.pillars:
            return card
        return self._build(goal_id)

    def place(self, goal_id: str) -> QRect | None:
        """Where the goal's card is or will be, in the canvas; None if the board has no such goal.

        Built or not, every goal has its place once the board is laid out.
        """
        if goal_id not in self.pillars:
            return None
        self.measure_all()
        return self._place_as_laid_out(goal_id)

    def _place_as_laid_out(self, goal_id: str) -> QRect | None:
        """:meth:`place` without laying the board out first (it must be, and measured)."""
        pillar = self.pillars.get(goal_id)
        if pillar is None:
            return None
        section = self.canvas.sections[pillar]
        place = section.grid.place(goal_id)
        return None if place is None else place.translated(section.grid_host.pos())

    def measure_all(self) -> None:
        """Work out every goal's room now (and lay the board out), estimates no more."""
        self._estimating = False
        for section in self.canvas.sections.values():
            section.grid.measure_to(None)
        self.lay_out()

    def lay_out(self) -> None:
        """Lay the board out now, if it waits for it: every place is then where it stays."""
        self.canvas.lay_out()
        # If the canvas grew or shrank, the scroll area gives it its new height when it
        # hears of it: now, with the range it scrolls through.
        QCoreApplication.sendPostedEvents(self.viewport(), QEvent.Type.LayoutRequest)
        self.canvas.lay_out()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._estimating:
            # The frame is on its way: the rooms below the view follow it.
            self._estimating = False
            QTimer.singleShot(0, self, self.measure_all)
        return super().viewportEvent(event)

    def room(self, goal_id: str, width: int) -> int:
        """How tall the goal's card is at ``width``: the room kept for it until it is built."""
        if self.model.goal(goal_id) is None:
            return 0  # gone, and about to leave the board
        if width < self.metrics.min_card_width // 2:
            # Asked for the board's least size, or while the window settles: at a
            # width no card is shown at. The least any card takes answers that,
            # rather than every goal measured for a layout no one sees.
            return self.least_card_height()
        rooms = self._rooms.setdefault(goal_id, {})
        height = rooms.get(width)
        if height is None:
            chips = self._chips.get(goal_id)
            if chips is None:
                chips = self._chips[goal_id] = self.chip_widths(goal_id)
            height = rooms[width] = self.card_height(goal_id, width, chips)
        return height

    def _forget_room(self, goal_id: str) -> None:
        """The goal's title or holders changed: work its room out again when next asked."""
        self._rooms.pop(goal_id, None)
        self._chips.pop(goal_id, None)
        pillar = self.pillars.get(goal_id)
        if pillar is not None:
            self.canvas.sections[pillar].grid.forget_room(goal_id)

    def card_height(self, goal_id: str, width: int, chips: list[list[float]] | None = None) -> int:
        """How tall the goal's card is at ``width``, worked out without building it.

        The zones' heights follow from their holders' chip widths (``chips``,
        by role, as :meth:`chip_widths` gives them); the title's is measured on
        a card the board never shows, which also gave what the rest of a card
        takes (margins, spacing), once per font.
        """
        goal = self.model.goal(goal_id)
        assert goal is not None
        card, fixed = self._measuring_card()
        inner, title_width, button_height = self._card_widths(card, width)
        if chips is None:
            chips = self.chip_widths(goal_id)
        if card.title.text() != goal.title:
            card.title.setText(goal.title)
        title = card.title.heightForWidth(title_width)
        zones = sum(zone_height_of(self.metrics, widths, inner) for widths in chips)
        return fixed + max(title, button_height) + zones

    def least_card_height(self) -> int:
        """The height of a card with no holders and a title of one line: the least a card takes."""
        if not self.model.goal_ids():
            return 0  # no card to measure on, and none to make room for
        card, fixed = self._measuring_card()
        inner, _title_width, button_height = self._card_widths(card, self.metrics.min_card_width)
        return fixed + button_height + len(ROLES) * zone_height_of(self.metrics, [], inner)

    def chip_widths(self, goal_id: str) -> list[list[float]]:
        """The widths of the goal's chips, role by role: all a zone's height depends on."""
        return [
            chip_widths(self.metrics, role, self.model.holders(goal_id, role)) for role in ROLES
        ]

    def _card_widths(self, card: GoalCard, width: int) -> tuple[int, int, int]:
        """A card ``width`` wide: its zones' width, its title's width, its button's height."""
        known = self._widths.get(width)
        if known is not None:
            return known
        layout = card.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        inner = max(1, width - margins.left() - margins.right())
        button = card.assign_button.sizeHint()
        known = inner, max(1, inner - button.width() - card.header.spacing()), button.height()
        self._widths[width] = known
        return known

    def _measuring_card(self) -> tuple[GoalCard, int]:
        """The card never shown, and the height of a card that is neither title nor zones."""
        card, fixed = self._measuring, self._fixed
        if card is not None and fixed is not None:
            return card, fixed
        goal_id = self.model.goal_ids()[0]
        goal = self.model.goal(goal_id)
        assert goal is not None
        if card is None:
            card = self._measuring = GoalCard(self, goal, self.canvas)
            card.setObjectName("measuring_card")
            card.hide()
        card.ensurePolished()
        self._widths.clear()
        card.set_goal(goal)
        for role in ROLES:
            card.zones[role].set_chips(self.model.holders(goal_id, role))
        # Hidden, it is never laid out: its layouts must forget what they knew.
        card.header.invalidate()
        layout = card.layout()
        assert layout is not None
        layout.invalidate()
        width = self.metrics.min_card_width
        inner, title_width, button_height = self._card_widths(card, width)
        parts = max(card.title.heightForWidth(title_width), button_height) + sum(
            zone.heightForWidth(inner) for zone in card.zones.values()
        )
        self._fixed = fixed = card.heightForWidth(width) - parts
        return card, fixed

    def fill_view(self, *_: object) -> None:
        """Build the cards of the goals in view, or near it, that are not built yet."""
        if self._filling or len(self.cards) == len(self.pillars) or not self.isVisible():
            return
        height = self.viewport().height()
        # Every goal whose place starts above the view's bottom (and the margin below it)
        # has its exact room: a grid's rows start at least that far down in the canvas.
        reach = -self.canvas.y() + height + round(height * self.NEAR)
        for section in self.canvas.sections.values():
            section.grid.measure_to(reach)
        if not self.canvas.laid_out():
            return  # the places are not known yet: the canvas's resize comes back here
        height = self.viewport().height()
        near = round(height * self.NEAR)
        top = -self.canvas.y() - near
        bottom = -self.canvas.y() + height + near
        self._filling = True
        try:
            for section in self.canvas.sections.values():
                if section.grid_host.isHidden():
                    continue
                y = section.grid_host.y()
                wanted = section.grid.goals_between(top - y, bottom - y)
                for goal_id in [g for g in wanted if g not in self.cards]:
                    self._build(goal_id)
        finally:
            self._filling = False

    def _build(self, goal_id: str) -> GoalCard:
        """Put the goal's card in the place kept for it, as the board shows it now."""
        goal = self.model.goal(goal_id)
        assert goal is not None
        section = self.canvas.sections[self.pillars[goal_id]]
        card = GoalCard(self, goal, section.grid_host)
        for role in ROLES:
            card.zones[role].set_chips(self.model.holders(goal_id, role))
        card.set_selected(goal_id == self.selected_goal)
        if self.drag_payload is not None:
            self._outline(card, self.drag_payload, self._holdings())
        self.cards[goal_id] = card
        self._rooms.pop(goal_id, None)
        self._chips.pop(goal_id, None)
        section.grid.addWidget(card)
        place = section.grid.place(goal_id)
        if place is None or not section.grid.measured_to(place.top()):
            # Asked for below the rooms worked out (by the keyboard, or a finding):
            # all of them first, so that it does not move once they are.
            self.measure_all()
            place = section.grid.place(goal_id)
        if place is not None:
            card.setGeometry(place)  # where the layout puts it: no frame shows it elsewhere
        card.show()
        return card

    def _column_count(self) -> int:
        width = self.viewport().width() - 14
        spacing = 16
        m = self.metrics
        return max(1, (width + spacing) // (m.min_card_width + spacing))

    def _place_cards(self, *, force: bool = False) -> None:
        columns = self._column_count()
        if not force and columns == self._columns:
            return
        self._columns = columns
        by_pillar = {
            pillar: [g for g, p in self.pillars.items() if p is pillar] for pillar in Pillar
        }
        self._fit_scroll_bar(sum(-(-len(ids) // columns) for ids in by_pillar.values()))
        for pillar, section in self.canvas.sections.items():
            ids = by_pillar[pillar]
            section.grid.set_goals(ids, columns, self.metrics.min_card_width)
            for goal_id in ids:
                card = self.cards.get(goal_id)
                if card is not None and card.parentWidget() is not section.grid_host:
                    section.grid.addWidget(card)  # its goal moved to this pillar
                    card.show()
            section.count.setText(f"{len(ids)} goal{'s' if len(ids) != 1 else ''}")
            section.empty.setVisible(not ids and self.session is not None)
            host = section.grid_host
            if not ids:
                host.hide()
            elif host.isHidden():
                # Shown, it is laid out at once: at the width the canvas gives it, not
                # at the one it had, so every goal's room is asked at a width it keeps.
                host.resize(self._section_width(), host.height())
                host.show()

    def _fit_scroll_bar(self, rows: int) -> None:
        """A board too long for any screen shows its scroll bar from the start.

        Otherwise its goals are laid out at the board's whole width, the
        scroll bar then appears, and every goal's room is worked out again a
        little narrower: at 300 goals, a second pass over every goal as the
        page opens.
        """
        screen = self.screen()
        tallest = screen.availableGeometry().height() if screen is not None else 2160
        # No card is shorter than its title and four zones: five lines of text.
        always = rows * 5 * self.fontMetrics().height() > tallest
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAlwaysOn if always else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        if self.verticalScrollBarPolicy() != policy:
            self.setVerticalScrollBarPolicy(policy)

    def _section_width(self) -> int:
        """The width the canvas gives a pillar's cards."""
        layout = self.canvas.layout()
        margins = layout.contentsMargins() if layout is not None else None
        sides = margins.left() + margins.right() if margins is not None else 0
        return max(0, self.canvas.width() - sides)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cards()
        self.fill_view()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fill_view()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and hasattr(
            self, "canvas"
        ):
            self.metrics = BoardMetrics(self)
            self._fixed = None
            self._widths.clear()
            self._rooms.clear()
            self._chips.clear()
            for card in self.cards.values():
                for zone in card.zones.values():
                    zone.forget_sizes()
            for section in self.canvas.sections.values():
                section.grid.forget_rooms()
            self._place_cards(force=True)

    def ordered_goals(self) -> list[str]:
        """The goals in the order the board shows them: pillar by pillar, row by row."""
        order = self.model.goal_ids()
        return [g for pillar in Pillar for g in order if self.pillars.get(g) is pillar]

    # -- selection ---------------------------------------------------------------

    def select_goal(self, goal_id: str | None, *, scroll: bool = True) -> None:
        """Select a goal's card (and scroll to it); None clears the selection."""
        card = None if goal_id is None else self.card(goal_id)
        if card is None:
            goal_id = None
        chip = self.selected_chip
        if chip is not None and chip[0] != goal_id:
            self._set_chip(None)
        if goal_id != self.selected_goal:
            old = self.cards.get(self.selected_goal or "")
            if old is not None:
                old.set_selected(False)
            self.selected_goal = goal_id
            if card is not None:
                card.set_selected(True)
            self.sig_goal_selected.emit(goal_id or "")
        if card is not None and scroll:
            # Just built, or just moved: its place is known once the board is laid out.
            self.lay_out()
            self.ensureWidgetVisible(card, 0, 24)

    def select_chip(self, goal_id: str, who: Assignee) -> None:
        """Select one chip (and its goal): Delete or a role letter then acts on it."""
        self.select_goal(goal_id, scroll=False)
        self._set_chip((goal_id, who))

    def clear_chip(self) -> None:
        """Select no chip (the goal stays selected)."""
        self._set_chip(None)

    def _set_chip(self, chip: tuple[str, Assignee] | None) -> None:
        old = self.selected_chip
        if old == chip:
            return
        self.selected_chip = chip
        for place in (old, chip):
            if place is not None:
                self._update_holder(*place)

    def _update_holder(self, goal_id: str, who: Assignee) -> None:
        card = self.cards.get(goal_id)
        if card is None:
            return
        for zone in card.zones.values():
            if any(c.assignee == who for c in zone.chips):
                zone.update()

    def highlight(self, who: Assignee | None) -> None:
        """Fill the chips of one assignee with the accent everywhere on the board."""
        if who == self.highlighted:
            return
        self.highlighted = who
        for card in self.cards.values():
            for zone in card.zones.values():
                zone.update()

    def chip_still_there(self) -> bool:
        chip = self.selected_chip
        return chip is not None and self.model.holder_index(*chip).isValid()

    # -- the keyboard ---------------------------------------------------------------

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.selected_goal is None and event.reason() != Qt.FocusReason.MouseFocusReason:
            order = self.ordered_goals()
            if order:
                self.select_goal(order[0])
        card = self.cards.get(self.selected_goal or "")
        if card is not None:
            card.update_ring()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        card = self.cards.get(self.selected_goal or "")
        if card is not None:
            card.update_ring()

    def _neighbour(self, key: int) -> str | None:
        order = self.ordered_goals()
        if not order:
            return None
        current = self.selected_goal
        if current not in order:
            return order[0]
        i = order.index(current)
        if key == Qt.Key.Key_Left:
            return order[max(0, i - 1)]
        if key == Qt.Key.Key_Right:
            return order[min(len(order) - 1, i + 1)]
        if key == Qt.Key.Key_Home:
            return order[0]
        if key == Qt.Key.Key_End:
            return order[-1]
        self.measure_all()  # once, for every place below
        here = self._place_as_laid_out(current)
        if here is None:
            return current
        origin = here.topLeft()
        best: tuple[float, str] | None = None
        for goal_id in order:
            place = self._place_as_laid_out(goal_id)
            if goal_id == current or place is None:
                continue
            pos = place.topLeft()
            dy = pos.y() - origin.y()
            if (key == Qt.Key.Key_Down and dy <= 0) or (key == Qt.Key.Key_Up and dy >= 0):
                continue
            score = abs(dy) * 4 + abs(pos.x() - origin.x())
            if best is None or score < best[0]:
                best = (score, goal_id)
        return best[1] if best else current

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), modifiers(event)
        moves = (
            Qt.Key.Key_Left,
            Qt.Key.Key_Right,
            Qt.Key.Key_Up,
            Qt.Key.Key_Down,
            Qt.Key.Key_Home,
            Qt.Key.Key_End,
        )
        if mods == _PLAIN and key in moves:
            self.select_goal(self._neighbour(key))
        elif mods == _PLAIN and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            if self.selected_goal is not None:
                self.sig_picker_requested.emit(self.selected_goal)
        elif mods == _PLAIN and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            chip = self.selected_chip
            if chip is not None and self.on_remove_key is not None:
                self._set_chip(None)
                self.on_remove_key(*chip)
        elif mods == _PLAIN and key in ROLE_KEYS and self.selected_chip is not None:
            if self.on_role_key is not None:
                self.on_role_key(*self.selected_chip, ROLE_KEYS[Qt.Key(key)])
        elif mods == _PLAIN and key == Qt.Key.Key_Escape and self.selected_chip is not None:
            self._set_chip(None)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # -- dragging ------------------------------------------------------------------

    def begin_drag(self, payload: Payload) -> None:
        """Outline every zone the chip may land in (once per drag)."""
        if self.drag_payload == payload or self.session is None:
            return
        self.drag_payload = payload
        holdings = self._holdings()
        for card in self.cards.values():
            self._outline(card, payload, holdings)

    def _holdings(self) -> tuple[dict[tuple[str, Assignee], Role], dict[str, Assignee]]:
        """Who holds which role on which goal, and each goal's Accountable."""
        ws = self.session.workshop if self.session is not None else None
        assignments = ws.assignments if ws is not None else []
        roles = {(a.goal_id, a.assignee): a.role for a in assignments}
        accountable = {a.goal_id: a.assignee for a in assignments if a.role is Role.ACCOUNTABLE}
        return roles, accountable

    def _outline(
        self,
        card: GoalCard,
        payload: Payload,
        holdings: tuple[dict[tuple[str, Assignee], Role], dict[str, Assignee]],
    ) -> None:
        """Outline the zones of one card the dragged chip may land in."""
        roles, accountable = holdings
        goal_id = card.goal_id
        held = roles.get((goal_id, payload.assignee))
        for role, zone in card.zones.items():
            zone.set_effect(zone_effect(payload, goal_id, role, held, accountable.get(goal_id)))
            if zone.effect is not None:
                self._outlined.append(zone)

    def drag_over(self, event: QDropEvent, target: QWidget) -> None:
        """A chip is over ``target`` (a zone, a card or the space between): near an edge, scroll."""
        self.edge_scroller.hover(event, target)

    def drag_left(self) -> None:
        """The chip left a zone, a card or the space between: for another, or off the board."""
        self.edge_scroller.leave()

    def end_drag(self) -> None:
        """Take the outlines away again."""
        self.edge_scroller.stop()
        if self.drag_payload is None and self.dragged_from is None:
            return
        self.drag_payload = None
        dragged = self.dragged_from
        self.dragged_from = None
        self.removing = False
        # Only the zones the drag outlined need their outline taken away (of cards still there).
        outlined, self._outlined = self._outlined, []
        for zone in outlined:
            card = self.cards.get(zone.goal_id)
            if card is not None and card.zones.get(zone.role) is zone:
                zone.set_effect(None)
        for card in self.cards.values():
            for zone in card.zones.values():
                zone.hovered = False
        if dragged is not None:
            self._update_holder(*dragged)

    def set_removing(self, removing: bool) -> None:
        """Show the dragged chip struck through while it hovers where it would come off."""
        if removing != self.removing:
            self.removing = removing
            if self.dragged_from is not None:
                self._update_holder(*self.dragged_from)

    def drag_chip(self, zone: DropZone, info: AssigneeInfo) -> Qt.DropAction:
        """Drag a chip off a zone: to another zone, to the palette, or off the goal."""
        if self.session is None:
            return Qt.DropAction.IgnoreAction
        payload = Payload(self.session.workshop_id, info.assignee, zone.goal_id, zone.role)
        drag = QDrag(zone)
        drag.setMimeData(make_mime(payload, info.name))
        pixmap = chip_pixmap(zone, info, bold=zone.role is Role.ACCOUNTABLE)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(pixmap.width() // (2 * max(1, round(pixmap.devicePixelRatio()))), 8))
        self.dragged_from = (zone.goal_id, info.assignee)
        self.begin_drag(payload)
        self._update_holder(zone.goal_id, info.assignee)
        self.sig_drag_started.emit()
        try:
            return exec_drag(
                drag,
                Qt.DropAction.MoveAction | Qt.DropAction.CopyAction,
                Qt.DropAction.MoveAction,
            )
        finally:
            self.end_drag()

    def drop_on(self, zone: DropZone, payload: Payload) -> bool:
        """Carry out a chip dropped on ``zone``, then select it there; True if it changed."""
        if not self.model.drop(payload, -1, zone.role_index()):
            return False
        self.select_goal(zone.goal_id, scroll=False)
        if self.model.holder_index(zone.goal_id, payload.assignee).isValid():
            self._set_chip((zone.goal_id, payload.assignee))
        return True

    # -- painting ------------------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        self.session = session
