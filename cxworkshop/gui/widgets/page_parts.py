"""The parts every step page is built from: a scrolling body, a header, panels, an error line.

The pages put their content in :func:`scrolling_body`, start it with
:func:`page_header`, and group it in :func:`panel` frames; an :class:`ErrorLine`
says in one line why the last change was refused.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..session import Session
from ..theme import TITLE_SCALE


class FittingScrollArea(QScrollArea):
    """A scroll area whose content fills the view, and scrolls only below its minimum height.

    QScrollArea's own resizing takes wrapped text at its preferred height as the
    least the content needs, so the page scrolled while its lists could still
    have given up some rows. Here the content's lists shrink first.

    It fits the content when it is resized, and whenever the content's layout
    asks again (the zoom, a message, the details rearranged).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._watched: QWidget | None = None
        # What has the keyboard stays in sight: a field reached by a click or a
        # shortcut, a table's editor opened by Enter on the next row down.
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def setWidget(self, widget: QWidget) -> None:
        super().setWidget(widget)
        widget.installEventFilter(self)
        self.fit()

    def _inside(self, widget: QWidget | None) -> bool:
        content = self.widget()
        return widget is not None and content is not None and content.isAncestorOf(widget)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if not self._inside(new):
            return
        assert new is not None
        self._watched = new
        new.installEventFilter(self)
        selection = new.selectionModel() if isinstance(new, QAbstractItemView) else None
        if selection is not None and not selection.property("followedByScrollArea"):
            # Moving about a table or list moves its current cell, not the focus:
            # the page follows that too.
            selection.setProperty("followedByScrollArea", True)
            selection.currentChanged.connect(self._current_changed)
        self._bring_focus_into_view()

    def _current_changed(self, *_: object) -> None:
        self._bring_focus_into_view()

    def _bring_focus_into_view(self) -> None:
        # After the layout has settled: a new row may have grown the content.
        QTimer.singleShot(0, self, self.show_focus)

    def show_focus(self) -> None:
        """Scroll so that the focused field, or a focused list's current cell, is in view."""
        content = self.widget()
        focus = QApplication.focusWidget()
        if content is None or focus is None or not self._inside(focus):
            return
        if isinstance(focus, QAbstractItemView) and focus.currentIndex().isValid():
            # A table or list: its current cell, as much of it as the table shows.
            shown = focus.viewport()
            part = focus.visualRect(focus.currentIndex()).intersected(shown.rect())
            if part.isEmpty():
                part = shown.rect()
        else:
            # A field, or a table's editor in a cell; a tall text shows where its cursor is.
            shown, part = focus, focus.rect()
            if part.height() > self.viewport().height():
                cursor = focus.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle)
                # A QRectF from most fields, a QRect from some.
                part = cursor.toRect() if isinstance(cursor, QRectF) else QRect(cursor)
        rect = QRect(shown.mapTo(content, part.topLeft()), part.size())
        margin = 8
        visible = QRect(-content.pos(), self.viewport().size())
        if visible.contains(rect):
            return
        centre = rect.center()
        self.ensureVisible(
            centre.x(),
            centre.y(),
            min(rect.width() // 2 + margin, visible.width() // 2),
            min(rect.height() // 2 + margin, visible.height() // 2),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        moved = event.type() in (QEvent.Type.Move, QEvent.Type.Resize)
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        elif moved and watched in (self._watched, self.widget()):
            # A table's editor is placed once its new row is laid out, after it has the
            # focus; and the page grows for the row after that.
            self._bring_focus_into_view()
        return super().eventFilter(watched, event)

    def fit(self) -> None:
        """Size the content to the view, or to its least height if that is more."""
        content = self.widget()
        if content is None:
            return
        layout = content.layout()
        bar = self.verticalScrollBar().sizeHint().width()
        width = self.width()
        least = self._least_height(layout, width) if layout is not None else 0
        if least > self.height():
            # It will scroll: the scroll bar takes its width from the content.
            width -= bar
            least = self._least_height(layout, width) if layout is not None else 0
        size = QSize(width, max(self.height(), least))
        if content.size() != size:
            content.resize(size)

    @staticmethod
    def _least_height(layout: QLayout, width: int) -> int:
        if layout.hasHeightForWidth():
            return layout.totalMinimumHeightForWidth(width)
        return layout.totalMinimumSize().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()


def scrolling_body(page: QWidget) -> QVBoxLayout:
    """Give ``page`` a frameless scroll area and return the layout of its content.

    At the usual zoom everything fits and nothing scrolls, the lists taking what
    height there is; zoomed far in for a projector, or on a small screen, the
    page scrolls instead of squeezing its lists below a few rows.
    """
    scroll = FittingScrollArea(page)
    scroll.setWidgetResizable(False)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    # Tab goes to the inputs inside, never to the scrolling frame itself.
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    content = QWidget()
    # The page's background shows through, in every theme.
    scroll.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    scroll.setWidget(content)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    body = QVBoxLayout(content)
    # Flush with the workshop's title and step bar above; a little air below the bar.
    body.setContentsMargins(0, 6, 0, 2)
    body.setSpacing(10)
    return body


class PageHeader(QWidget):
    """The page's name and one short line on what happens here, side by side.

    The line sits on the name's baseline; in a narrow window it wraps below that.
    """

    def __init__(self, title: str, intro: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(title)
        self.heading.setProperty("cxRole", "title")
        self.note = QLabel(intro)
        self.note.setProperty("cxRole", "muted")
        self.note.setWordWrap(True)
        # Narrow windows wrap the line; wide ones keep it beside the name.
        self.note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(16)
        self.row.addWidget(self.heading, 0, Qt.AlignmentFlag.AlignTop)
        self.row.addWidget(self.note, 1, Qt.AlignmentFlag.AlignTop)
        self._align()

    def add_beside(self, widget: QWidget) -> None:
        """Put ``widget`` on the row too, on the same baseline as the note."""
        self.row.addWidget(widget, 1, Qt.AlignmentFlag.AlignTop)
        self._align()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._align()

    def _align(self) -> None:
        # Top-aligned labels of different sizes: push the smaller text down to the
        # name's baseline. The name's font is the page's, as the theme scales it.
        title_font = QFont(self.font())
        title_font.setPointSizeF(self.font().pointSizeF() * TITLE_SCALE)
        title_font.setBold(True)
        drop = QFontMetrics(title_font).ascent() - QFontMetrics(self.font()).ascent()
        for i in range(1, self.row.count()):
            item = self.row.itemAt(i)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.setContentsMargins(0, max(0, drop), 0, 0)


def page_header(title: str, intro: str, error_line: ErrorLine | None = None) -> PageHeader:
    """The page's header: its name and a short intro line.

    The main window already shows the workshop and the step bar above, so the
    header stays small and leaves the height to the work. ``error_line``, if
    given, takes the intro's place while it has something to say.
    """
    header = PageHeader(title, intro)
    if error_line is not None:
        error_line.stands_in_for(header.note)
        error_line.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        header.add_beside(error_line)
    return header


def panel(title: str, hint: str) -> tuple[QFrame, QVBoxLayout]:
    """A bordered panel with a subheading and a hint; returns it and its layout."""
    frame = QFrame()
    frame.setProperty("cxRole", "panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 14, 20, 16)
    layout.setSpacing(8)
    heading = QLabel(title)
    heading.setProperty("cxRole", "subheading")
    layout.addWidget(heading)
    if hint:
        note = QLabel(hint)
        note.setProperty("cxRole", "hint")
        note.setWordWrap(True)
        layout.addWidget(note)
    return frame, layout


class ErrorLine(QLabel):
    """One line saying why the last change was refused; the next saved change clears it.

    Its space is kept while it is empty, so the page does not jump when it shows;
    or, after :meth:`stands_in_for`, it takes another widget's place while it shows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._stand_in_for: QWidget | None = None
        self.setWordWrap(True)
        # The theme maps BrightText to its error colour.
        self.setForegroundRole(QPalette.ColorRole.BrightText)
        self.setAccessibleName("Problem with the last change")
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def follow(self, session: Session | None) -> None:
        """Show ``session``'s refusals from now on."""
        if self._session is not None:
            self._session.sig_error.disconnect(self.show_message)
            self._session.sig_saved.disconnect(self.clear_message)
        self._session = session
        self.clear_message()
        if session is not None:
            session.sig_error.connect(self.show_message)
            session.sig_saved.connect(self.clear_message)

    def stands_in_for(self, other: QWidget) -> None:
        """Show in ``other``'s place while there is a message (so no space is kept for it)."""
        self._stand_in_for = other
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(False)
        self.setSizePolicy(policy)

    def show_message(self, message: str) -> None:
        self.setText(f"⚠  {message}")
        if self._stand_in_for is not None:
            self._stand_in_for.hide()
        self.show()

    def clear_message(self) -> None:
        self.setText(" ")
        self.hide()
        if self._stand_in_for is not None:
            self._stand_in_for.show()


# ----------------------------------------------------------------- delegates
