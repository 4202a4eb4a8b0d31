"""The palette of chips to drag onto goals, and the picker that does the same by keyboard.

The palette lists the functions (colour swatch, name, front or back office)
and the people (their function's colour, initials, name and function), with
one filter box for both. A chip dragged off a goal and dropped on the palette
comes off that goal (the palette as a whole takes it, lists and all).

The picker is a small popup over a goal: type to find someone, then press
A, R, C or I to give them that role, or Delete to take them off.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QFont,
    QFontMetricsF,
    QHideEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGraphicsDropShadowEffect,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ...domain import editing
from ...domain.errors import WorkshopError
from ...domain.model import Assignee, Role
from ...domain.wording import quoted_title as quoted
from ..models.accountability.assignees import item_data
from ..models.accountability.board import AssigneesModel
from ..models.accountability.payload import read_mime
from ..models.base import Index
from ..ops.accountability import Edits
from ..roles import ASSIGNEE_ROLE, FRONT_OFFICE_ROLE, GOAL_ROLE, SEARCH_ROLE
from ..session import Session
from ..theme import mark_content
from .goal_card import app_palette, blend
from .keys import modifiers
from .raci import (
    ChipMetrics,
    chip_pixmap,
    exec_drag,
    info_from_index,
    is_dark,
    paint_chip,
    paint_mark,
    paint_role_badge,
    scaled,
)
from .raci_board import ROLE_KEYS

_PLAIN = Qt.KeyboardModifier.NoModifier
_ALT = Qt.KeyboardModifier.AltModifier


def folded(text: str) -> str:
    """``text`` without case or accents, so "zoe" finds "Zoë"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class AssigneeFilter(QSortFilterProxyModel):
    """Keeps the rows whose name, function or office have a word starting with each word typed."""

    def __init__(self, parent: QObject | None = None, *, front_office: bool | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.front_office = front_office
        """Keep only front-office (True) or back-office (False) functions; None keeps all."""

    def set_text(self, text: str) -> None:
        words = folded(text).split()
        if words == self._words:
            return
        self.beginFilterChange()
        self._words = words
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        if (
            self.front_office is not None
            and item_data(index, FRONT_OFFICE_ROLE) is not self.front_office
        ):
            return False
        if not self._words:
            return True
        # Each word typed starts a word of the name, function or office: "ana"
        # finds Ana Silva, not Product Management.
        words = folded(str(item_data(index, SEARCH_ROLE) or "")).replace("-", " ").split()
        return all(any(w.startswith(typed) for w in words) for typed in self._words)


# ----------------------------------------------------------------- painting rows


class AssigneeDelegate(QStyledItemDelegate):
    """An assignee as a chip-like row: mark, name, and a quiet detail.

    Functions show "Front office" or "Back office" on the right; people show
    their function under their name. In the picker, the role the assignee
    holds on the goal shows as its letter badge on the right.
    """

    def __init__(self, view: QListView, *, show_roles: bool = False) -> None:
        super().__init__(view)
        self._view = view
        self.show_roles = show_roles

    def _metrics(self, option: QStyleOptionViewItem) -> tuple[ChipMetrics, float, float]:
        chips = ChipMetrics.for_font(option.font)
        fm = QFontMetricsF(option.font)
        return chips, fm.height(), round(fm.height() * 0.22)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        chips, line, gap = self._metrics(option)
        two_lines = item_data(index, FRONT_OFFICE_ROLE) is None
        small = QFontMetricsF(scaled(option.font, 0.86)).height()
        height = line + small + chips.pad * 0.9 if two_lines else chips.height
        width = self._view.viewport().width() if self._view.viewport() else option.rect.width()
        return QSize(max(60, width), int(height + 2 * gap + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        info = info_from_index(index)
        if info is None:
            return
        palette = app_palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        border = palette.color(QPalette.ColorRole.Mid)
        chips, line, gap = self._metrics(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)

        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        row = QRectF(option.rect).adjusted(1, gap, -1, -gap)
        radius = min(row.height() / 2, chips.height / 2)
        fill = blend(base, accent, 0.22) if selected else base
        painter.setBrush(fill)
        edge = accent if selected or focused else blend(border, accent, 0.5) if hovered else border
        painter.setPen(QPen(edge, 2.0 if selected or focused else 1.0))
        painter.drawRoundedRect(row.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)

        mark = QRectF(
            row.left() + chips.pad * 0.6, row.center().y() - chips.mark / 2, chips.mark, chips.mark
        )
        paint_mark(painter, mark, info)
        left = mark.right() + chips.pad * 0.8
        right = row.right() - chips.pad
        held = item_data(index, GOAL_ROLE) if self.show_roles else None
        if isinstance(held, Role):
            radius_badge = chips.mark / 2
            centre = row.right() - chips.pad - radius_badge
            paint_role_badge(painter, QPointF(centre, row.center().y()), radius_badge, held)
            right = centre - radius_badge - chips.pad * 0.6
        small_font = scaled(option.font, 0.86)
        small = QFontMetricsF(small_font)
        painter.setPen(text)
        if info.is_person:
            name_rect = QRectF(left, row.top() + chips.pad * 0.45, right - left, line)
            detail_rect = QRectF(left, name_rect.bottom(), right - left, small.height())
            painter.setFont(option.font)
            painter.drawText(
                name_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetricsF(option.font).elidedText(
                    info.name, Qt.TextElideMode.ElideRight, name_rect.width()
                ),
            )
            painter.setFont(small_font)
            painter.setPen(muted)
            painter.drawText(
                detail_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                small.elidedText(info.detail, Qt.TextElideMode.ElideRight, detail_rect.width()),
            )
        else:
            tag = info.detail
            tag_width = small.horizontalAdvance(tag) + chips.pad
            painter.setFont(small_font)
            tag_rect = QRectF(right - tag_width, row.top(), tag_width, row.height())
            painter.setPen(muted)
            painter.drawText(
                tag_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, tag
            )
            painter.setFont(option.font)
            painter.setPen(text)
            name_rect = QRectF(left, row.top(), tag_rect.left() - left - 6, row.height())
            painter.drawText(
                name_rect,
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                QFontMetricsF(option.font).elidedText(
                    info.name, Qt.TextElideMode.ElideRight, name_rect.width()
                ),
            )
        painter.restore()


# ----------------------------------------------------------------- the palette


class ChipDelegate(QStyledItemDelegate):
    """A palette item as a chip as wide as the palette: a function's swatch and name,
    or a person's initials, name and (smaller, below) function."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    @staticmethod
    def chip_height(font: QFont, info_is_person: bool) -> float:
        chips = ChipMetrics.for_font(font)
        if not info_is_person:
            return chips.height
        small = QFontMetricsF(scaled(font, 0.82))
        return QFontMetricsF(font).height() + small.height() + chips.pad * 0.8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        person = item_data(index, FRONT_OFFICE_ROLE) is None
        width = max(60, self._view.viewport().width() - 2 * self._view.spacing())
        return QSize(width, int(self.chip_height(option.font, person) + 0.999))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        info = info_from_index(index)
        if info is None:
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus) and self._view.hasFocus()
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        chips = ChipMetrics.for_font(option.font)
        rect = QRectF(option.rect)
        if not info.is_person:
            paint_chip(
                painter, rect, info, chips, selected=focused, highlighted=selected, hover=hovered
            )
            return
        palette = app_palette()
        base = palette.color(QPalette.ColorRole.Base)
        accent = palette.color(QPalette.ColorRole.Highlight)
        border = palette.color(QPalette.ColorRole.Mid)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        colour = QColor(info.colour)
        tint = 0.10 if not is_dark() else 0.18
        fill = blend(base, accent, 0.28) if selected else blend(base, colour, tint)
        edge = accent if selected or focused else blend(border, colour, 0.55)
        if hovered and not (selected or focused):
            edge = blend(edge, accent, 0.6)
        width = 3.0 if focused else 2.0 if selected else 1.0
        radius = chips.height / 2
        painter.setBrush(fill)
        painter.setPen(QPen(edge, width))
        inset = width / 2 + 0.5
        painter.drawRoundedRect(rect.adjusted(inset, inset, -inset, -inset), radius, radius)
        mark_size = chips.mark * 1.25
        mark = QRectF(
            rect.left() + chips.pad * 0.55,
            rect.center().y() - mark_size / 2,
            mark_size,
            mark_size,
        )
        paint_mark(painter, mark, info)
        left = mark.right() + chips.pad * 0.7
        text_width = rect.right() - chips.pad - left
        fm = QFontMetricsF(option.font)
        small_font = scaled(option.font, 0.82)
        small = QFontMetricsF(small_font)
        top = rect.center().y() - (fm.height() + small.height()) / 2
        painter.setFont(option.font)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            QRectF(left, top, text_width, fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            fm.elidedText(info.name, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.setFont(small_font)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(left, top + fm.height(), text_width, small.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small.elidedText(info.detail, Qt.TextElideMode.ElideRight, text_width),
        )
        painter.restore()


class PaletteList(QListView):
    """One group of the palette's chips, one under another, as tall as they need."""

    sig_drag_started = Signal(object)
    """A chip is being dragged from here (its Payload)."""

    sig_drag_finished = Signal()
    """The drag from here ended, dropped or not."""

    SPACING = 4

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self._fitted_height = -1
        self._height: int | None = None
        """How tall the chips stand, worked out once until the rows or the font change."""
        self.setAccessibleName(name)
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setSpacing(self.SPACING)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Chips only leave from here; one coming back off a goal falls through to
        # the palette, which takes it anywhere on itself.
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDragEnabled(True)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        # A group holds one kind of chip (functions, or people), all of one height and
        # as wide as the list: measured once, not row by row.
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QListView { background: transparent; border: none; }")
        self.viewport().setAutoFillBackground(False)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_Hover)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setItemDelegate(ChipDelegate(self))

    def setModel(self, model: QSortFilterProxyModel) -> None:  # type: ignore[override]
        super().setModel(model)
        self._height = None
        for signal in (
            model.rowsInserted,
            model.rowsRemoved,
            model.modelReset,
            model.layoutChanged,
        ):
            signal.connect(self._refit)
        model.dataChanged.connect(self._refit)

    def _refit(self, *args: object) -> None:
        self._height = None
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._height = None

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """How tall the chips stand, one under another (whatever the width: chips fill it)."""
        if self._height is None:
            self._height = self._stacked_height()
        return self._height

    def _stacked_height(self) -> int:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return 0
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        chip = self.itemDelegate().sizeHint(option, model.index(0, 0)).height()
        total = model.rowCount() * (chip + 2 * self.spacing())
        return int(total + 2 * self.frameWidth())

    def sizeHint(self) -> QSize:
        width = self.width() if self.width() > 0 else 280
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self._fitted_height:
            self._fitted_height = height
            self.updateGeometry()

    def current_assignee(self) -> Assignee | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        who = item_data(index, ASSIGNEE_ROLE)
        return who if isinstance(who, Assignee) else None

    # -- dragging out ----------------------------------------------------------

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        index = self.currentIndex()
        model = self.model()
        if not index.isValid() or model is None:
            return
        mime = model.mimeData([index])
        info = info_from_index(index)
        if mime is None or info is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        pixmap = chip_pixmap(self, info)
        drag.setPixmap(pixmap)
        ratio = max(1.0, pixmap.devicePixelRatio())
        drag.setHotSpot(QPoint(int(pixmap.width() / ratio / 2), int(pixmap.height() / ratio / 2)))
        self.sig_drag_started.emit(read_mime(mime, self.session))
        try:
            exec_drag(drag, Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)
        finally:
            self.sig_drag_finished.emit()


# ----------------------------------------------------------------- the picker


PICKER_KEYS_TEXT = (
    "Type to find · Enter goes to the list · A, R, C or I gives the role "
    "(Alt+letter while typing) · Delete takes it off · Esc closes"
)


class AssigneePicker(QFrame):
    """A panel over a goal's card: find a function or person and give them a role by key.

    It lives inside the page (not a window of its own), so it takes the
    page's zoom and theme; it closes on Escape, or when the keyboard or a
    click goes elsewhere.
    """

    sig_closed = Signal()
    """The picker closed; the board takes the keyboard back."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        # Letters typed here search and assign (A, R, C, I); the room's one-letter
        # shortcuts (B, T, M) must not take them while the picker is open.
        self.setProperty("cxTakesLetters", True)
        self.setObjectName("assignee_picker")
        self.setAccessibleName("Give a role on this goal")
        # Made after the theme reached the page: marked, it takes the content font itself.
        mark_content(self)
        self.setAutoFillBackground(True)
        self.setStyleSheet(
            "#assignee_picker { background: palette(base); border: 2px solid palette(highlight);"
            " border-radius: 12px; }"
        )
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(28)
        shadow.setOffset(0, 6)
        shadow.setColor(QColor(0, 0, 0, 90))
        self.setGraphicsEffect(shadow)
        self.hide()
        self.session: Session | None = None
        self.edits: Edits | None = None
        self.goal_id: str | None = None

        self.heading = QLabel()
        self.heading.setProperty("cxRole", "subheading")
        self.heading.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("picker_filter")
        self.filter.setPlaceholderText("Find a function or person…")
        self.filter.setAccessibleName("Find a function or person")
        self.filter.setClearButtonEnabled(True)
        self.filter.setToolTip(PICKER_KEYS_TEXT)
        self.model = AssigneesModel(parent=self)
        self.proxy = AssigneeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.list = QListView()
        self.list.setObjectName("picker_list")
        self.list.setAccessibleName("Functions and people")
        self.list.setAccessibleDescription(PICKER_KEYS_TEXT)
        self.list.setToolTip(PICKER_KEYS_TEXT)
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(AssigneeDelegate(self.list, show_roles=True))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setUniformItemSizes(False)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.hint = QLabel(PICKER_KEYS_TEXT)
        self.hint.setProperty("cxRole", "hint")
        self.hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)

        self.filter.textChanged.connect(self._filter_changed)
        self.filter.installEventFilter(self)
        self.list.installEventFilter(self)
        self.setTabOrder(self.filter, self.list)
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    # -- opening ------------------------------------------------------------------

    def open_for(self, session: Session, edits: Edits, goal_id: str, anchor: QWidget) -> None:
        """Show the picker for a goal, over ``anchor`` (its card), ready for typing."""
        self.session, self.edits, self.goal_id = session, edits, goal_id
        try:
            title = editing.goal(session.workshop, goal_id).title
        except WorkshopError as exc:
            session.sig_error.emit(str(exc))
            return
        self.heading.setText(f"Roles on {quoted(title)}")
        self.model.set_session(session, edits)
        self.model.set_goal(goal_id)
        self.filter.setText("")
        host = self.parentWidget()
        assert host is not None
        unit = QFontMetricsF(anchor.font()).height()
        width = int(min(max(anchor.width(), unit * 22), host.width() - 16))
        height = int(min(unit * 24, host.height() - 16))
        self.resize(width, height)
        # Beside the card where there is room, so the card stays in sight as it fills.
        origin = anchor.mapTo(host, QPoint(0, 0))
        gap = int(unit * 0.6)
        if origin.x() + anchor.width() + gap + width <= host.width() - 8:
            x = origin.x() + anchor.width() + gap
        elif origin.x() - gap - width >= 8:
            x = origin.x() - gap - width
        else:
            x = min(max(8, origin.x()), host.width() - width - 8)
        y = min(max(8, origin.y()), host.height() - height - 8)
        self.move(x, y)
        self.show()
        self.raise_()
        self._ensure_current()
        self.filter.setFocus(Qt.FocusReason.PopupFocusReason)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # The keyboard went elsewhere (a click on the board, Tab away): the picker goes.
        if self.isVisible() and new is not None and not self.isAncestorOf(new) and new is not self:
            self.close()

    def refresh(self) -> None:
        """Show each one's role on the goal again (after any edit, undo or redo)."""
        if self.session is None or self.goal_id is None:
            return
        if not any(g.id == self.goal_id for g in self.session.workshop.goals):
            self.close()
            return
        self.model.sync()
        self._ensure_current()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.sig_closed.emit()

    # -- keys ---------------------------------------------------------------------

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _ensure_current(self) -> None:
        if not self.list.currentIndex().isValid() and self.proxy.rowCount() > 0:
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def current_assignee(self) -> Assignee | None:
        who = item_data(self.list.currentIndex(), ASSIGNEE_ROLE)
        return who if isinstance(who, Assignee) else None

    def give(self, role: Role | None) -> bool:
        """Give the highlighted assignee ``role`` on the goal (None: take them off)."""
        who = self.current_assignee()
        if who is None or self.edits is None or self.goal_id is None:
            return False
        changed = self.edits.set_role(self.goal_id, who, role)
        # Ready for the next name: what was typed is selected, so typing replaces it.
        self.filter.selectAll()
        self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
        return changed

    def _step(self, rows: int) -> None:
        count = self.proxy.rowCount()
        if count == 0:
            return
        row = self.list.currentIndex().row()
        row = max(0, min(count - 1, (row if row >= 0 else -1) + rows))
        self.list.setCurrentIndex(self.proxy.index(row, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and watched is self.filter:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                # Ctrl+Z here undoes the last role given, not the letters typed.
                event.ignore()
                return True
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = Qt.Key(event.key())
        mods = modifiers(event)
        if key == Qt.Key.Key_Escape:
            self.close()
            return True
        if watched is self.filter:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and mods == _PLAIN:
                self._step(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp) and mods == _PLAIN:
                self._step(8 if key == Qt.Key.Key_PageDown else -8)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and mods == _PLAIN:
                self._ensure_current()
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if mods == _ALT and key in ROLE_KEYS:
                self.give(ROLE_KEYS[key])
                return True
            if mods == _ALT and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.give(None)
                return True
        elif watched is self.list:
            if mods in (_PLAIN, _ALT) and key in ROLE_KEYS:
                self.give(ROLE_KEYS[key])
                return True
            if mods == _PLAIN and key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.give(None)
                return True
            text = event.text()
            if mods == _PLAIN and text and text.isprintable() and not text.isspace():
                # Any other letter goes on the search.
                self.filter.setFocus(Qt.FocusReason.OtherFocusReason)
                self.filter.insert(text)
                return True
        return super().eventFilter(watched, event)


__all__ = [
    "PICKER_KEYS_TEXT",
    "AssigneeDelegate",
    "AssigneeFilter",
    "AssigneePicker",
    "PaletteList",
    "folded",
]
