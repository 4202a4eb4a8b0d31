"""What a facilitator cannot read or reach in a window: clipped text and controls out of reach.

Text is clipped when a label or button is smaller than its text needs and does
not elide it: a single line is measured with the widget's font against its
contents, a wrapped label against its height for its width. A control is out of
reach when the part of it that an ancestor cuts off cannot be scrolled into view.
Rows of item views are painted by their delegates: a row is clipped when it is
lower than its delegate asks, and a delegate that lays its text out (a
``geometry`` with a ``text`` rectangle) must leave that text room for its
longest word. Boards that paint their own text are not covered here: they elide
as they paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QScrollBar,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTextEdit,
    QToolButton,
    QWidget,
)

SLACK = 1
"""Pixels of rounding forgiven in every comparison."""

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QAbstractSlider,
)


@dataclass(frozen=True)
class Problem:
    """One widget a facilitator cannot fully read or reach, and why."""

    where: str
    widget: QWidget
    why: str

    def __str__(self) -> str:
        w = self.widget
        text = shown_text(w)
        name = w.objectName() or "-"
        said = f" {text[:60]!r}" if text else ""
        return f"{self.where}: {type(w).__name__} {name}{said}: {self.why}"


def shown_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    return ""


def _plain(text: str) -> str:
    """A button's text as drawn: "&&" is an ampersand, a lone "&" marks the mnemonic."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _is_scroll_bar(widget: QWidget) -> bool:
    return isinstance(widget, QScrollBar) or (
        widget.parentWidget() is not None
        and widget.parentWidget().objectName() == "qt_scrollarea_vcontainer"
    )


def visible_widgets(window: QWidget) -> list[QWidget]:
    """The widgets on screen in ``window``: shown, with every ancestor shown."""
    return [
        w
        for w in window.findChildren(QWidget)
        if w.isVisible() and w.window() is window and w.width() > 0 and w.height() > 0
    ]


# ----------------------------------------------------------------- clipped text


def _label_problem(label: QLabel) -> str | None:
    text = label.text()
    if not text.strip() or not label.pixmap().isNull():
        return None
    if label.wordWrap():
        least = label.minimumSizeHint().width()
        if label.width() + SLACK < least:
            return f"{label.width()} px wide, its longest word needs {least} px"
        needed = label.heightForWidth(label.width())
        if needed > 0 and label.height() + SLACK < needed:
            return f"{label.height()} px high, its text needs {needed} px at this width"
        return None
    hint = label.sizeHint()
    if label.width() + SLACK < hint.width():
        return f"{label.width()} px wide, its text needs {hint.width()} px"
    if label.height() + SLACK < hint.height():
        return f"{label.height()} px high, its text needs {hint.height()} px"
    return None


def _button_contents(button: QAbstractButton) -> QRect | None:
    """The area a check box, radio button or push button draws its text in."""
    style = button.style()
    option = QStyleOptionButton()
    option.initFrom(button)
    option.text = button.text()
    option.icon = button.icon()
    option.iconSize = button.iconSize()
    if isinstance(button, QCheckBox):
        element = QStyle.SubElement.SE_CheckBoxContents
    elif isinstance(button, QRadioButton):
        element = QStyle.SubElement.SE_RadioButtonContents
    elif isinstance(button, QPushButton):
        element = QStyle.SubElement.SE_PushButtonContents
    else:
        return None
    return style.subElementRect(element, option, button)


def _button_problem(button: QAbstractButton) -> str | None:
    text = _plain(button.text())
    if not text.strip():
        return None
    if (
        isinstance(button, QToolButton)
        and button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        and not button.icon().isNull()
    ):
        return None
    metrics = button.fontMetrics()
    width = max(metrics.horizontalAdvance(line) for line in text.split("\n"))
    if not button.icon().isNull():
        width += button.iconSize().width() + 4
    contents = _button_contents(button)
    if contents is None:
        # A tool button: the style's size for its text is what it needs.
        hint = button.sizeHint()
        if button.width() + SLACK < hint.width():
            return f"{button.width()} px wide, its text needs {hint.width()} px"
        if button.height() + SLACK < metrics.height():
            return f"{button.height()} px high, its text needs {metrics.height()} px"
        return None
    if contents.width() + SLACK < width:
        return f"text area {contents.width()} px wide, its text needs {width} px"
    if button.height() + SLACK < metrics.height():
        return f"{button.height()} px high, its text needs {metrics.height()} px"
    return None


def _shown_indexes(view: QAbstractItemView) -> list[QModelIndex]:
    """The top-level cells of ``view`` that show in its viewport."""
    model = view.model()
    if model is None:
        return []
    shown = view.viewport().rect()
    indexes = []
    root = view.rootIndex()
    try:
        columns = model.columnCount(root)
    except TypeError:  # A list model keeps its one column to itself.
        columns = 1
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column, root)
            rect = view.visualRect(index)
            if rect.isValid() and rect.intersects(shown):
                indexes.append(index)
    return indexes


def _row_problem(view: QAbstractItemView, index: QModelIndex) -> str | None:
    option = QStyleOptionViewItem()
    view.initViewItemOption(option)
    rect = view.visualRect(index)
    option.rect = rect
    delegate = view.itemDelegateForIndex(index)
    text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
    where = f"row {index.row()} {text[:40]!r}"
    hint = delegate.sizeHint(option, index)
    if rect.height() + SLACK < hint.height():
        return f"{where}: {rect.height()} px high, its delegate needs {hint.height()} px"
    geometry = getattr(delegate, "geometry", None)
    if geometry is None or not text.strip():
        return None
    laid_out = geometry(option, index)
    area = getattr(laid_out, "text", None)
    if not isinstance(area, QRect):
        return None
    metrics = QFontMetrics(option.font)
    longest = max(metrics.horizontalAdvance(word) for word in text.split())
    if area.width() + SLACK < longest:
        return f"{where}: text drawn {area.width()} px wide, its longest word needs {longest} px"
    flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
    needed = metrics.boundingRect(0, 0, area.width(), 10**6, flags, text).height()
    if area.height() + SLACK < needed:
        return f"{where}: text drawn {area.height()} px high, it needs {needed} px"
    return None


def clipped_text(window: QWidget, where: str) -> list[Problem]:
    """Labels, buttons and item-view rows in ``window`` whose text does not fit them."""
    problems = []
    for w in visible_widgets(window):
        why = None
        if isinstance(w, QLabel):
            why = _label_problem(w)
        elif isinstance(w, QAbstractButton) and not _is_scroll_bar(w):
            why = _button_problem(w)
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            for index in _shown_indexes(w):
                if row_why := _row_problem(w, index):
                    problems.append(Problem(where, w, row_why))
        if why:
            problems.append(Problem(where, w, why))
    return problems


# ----------------------------------------------------------------- out of reach


def _rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def _scrolled_by(viewport: QWidget) -> QAbstractScrollArea | None:
    area = viewport.parentWidget()
    if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport:
        return area
    return None


def _reachable_in(area: QScrollArea, content: QWidget, rect: QRect) -> str | None:
    """Whether scrolling ``area`` can bring ``rect`` (in ``content``'s coordinates) into view."""
    view = area.viewport().size()
    for axis, bar, start, end, size in (
        ("down", area.verticalScrollBar(), rect.top(), rect.bottom(), view.height()),
        ("across", area.horizontalScrollBar(), rect.left(), rect.right(), view.width()),
    ):
        if start >= 0 and end < size + SLACK:
            continue
        if start < -SLACK:
            return f"starts {-start} px before the scrolled content"
        policy = (
            area.verticalScrollBarPolicy()
            if bar is area.verticalScrollBar()
            else area.horizontalScrollBarPolicy()
        )
        reach = bar.maximum() + size
        if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff or end >= reach + SLACK:
            return (
                f"{end - size + 1} px out of view and the page cannot scroll {axis} to it "
                f"(scroll range {bar.maximum()} px)"
            )
    return None


def _cut_content(area: QScrollArea) -> str | None:
    """Whether ``area`` shows its content cut off along an axis it does not scroll."""
    content, view = area.widget(), area.viewport()
    if content is None:
        return None
    for axis, policy, needed, shown in (
        ("across", area.horizontalScrollBarPolicy(), content.width(), view.width()),
        ("down", area.verticalScrollBarPolicy(), content.height(), view.height()),
    ):
        if policy == Qt.ScrollBarPolicy.ScrollBarAlwaysOff and needed > shown + SLACK:
            return f"content {needed} px, only {shown} px shown and it cannot scroll {axis}"
    return None


def out_of_reach(window: QWidget, where: str) -> list[Problem]:
    """Controls in ``window`` that lie (partly) outside what the window shows, out of reach.

    A scroll area that cuts its content off along an axis it cannot scroll counts too:
    whatever lies in the cut-off strip is out of reach.
    """
    problems = []
    for w in visible_widgets(window):
        if isinstance(w, QScrollArea) and (why := _cut_content(w)):
            problems.append(Problem(where, w, why))
        if not isinstance(w, INTERACTIVE) or _is_scroll_bar(w):
            continue
        why = _unreachable(w, window)
        if why:
            problems.append(Problem(where, w, why))
    return problems


def _unreachable(widget: QWidget, window: QWidget) -> str | None:
    # Walk up from the control: each ancestor clips it to its own rectangle, except
    # a scroll area's viewport, which the user can scroll over its content.
    child = widget
    rect = QRect(QPoint(0, 0), widget.size())  # in child's coordinates
    parent = widget.parentWidget()
    while parent is not None and child is not window:
        rect = QRect(child.mapToParent(rect.topLeft()), rect.size())
        area = _scrolled_by(parent)
        if isinstance(area, QScrollArea) and area.widget() is child:
            in_content = QRect(rect.topLeft() - child.pos(), rect.size())
            why = _reachable_in(area, child, in_content)
            if why:
                return f"{why} in {type(area).__name__} {area.objectName() or '-'}"
            # Scrolled to, the control shows where the viewport is: from here up,
            # the viewport is what must stay in the window.
            rect = QRect(QPoint(0, 0), rect.size().boundedTo(parent.size()))
        elif area is not None:
            # An item view's index widgets and editors scroll with it.
            rect = rect.intersected(QRect(QPoint(0, 0), parent.size()))
        else:
            bounds = QRect(QPoint(0, 0), parent.size())
            if not bounds.adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(rect):
                cut = rect.intersected(bounds)
                return (
                    f"cut by {type(parent).__name__} {parent.objectName() or '-'}: "
                    f"{rect.width()}×{rect.height()} px, {cut.width()}×{cut.height()} px shown"
                )
        child, parent = parent, parent.parentWidget()
    return None


def layout_problems(window: QWidget, where: str) -> list[Problem]:
    """Every clipped text and every control out of reach in ``window``."""
    return clipped_text(window, where) + out_of_reach(window, where)
