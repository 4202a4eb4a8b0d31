"""Fitting a window to a screen: the arithmetic alone, for any window and any screen."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st
from PySide6.QtCore import QRect, QSize

from cxworkshop.gui.placement import centred, fit_frame, fit_size

coordinate = st.integers(-6000, 6000)
length = st.integers(1, 6000)


@st.composite
def rects(draw: st.DrawFn) -> QRect:
    return QRect(draw(coordinate), draw(coordinate), draw(length), draw(length))


@st.composite
def sizes(draw: st.DrawFn, most: int = 6000) -> QSize:
    return QSize(draw(st.integers(1, most)), draw(st.integers(1, most)))


@st.composite
def frames_on(draw: st.DrawFn, screen: QRect) -> QRect:
    """A frame whole on ``screen``."""
    width = draw(st.integers(1, screen.width()))
    height = draw(st.integers(1, screen.height()))
    x = draw(st.integers(screen.x(), screen.x() + screen.width() - width))
    y = draw(st.integers(screen.y(), screen.y() + screen.height() - height))
    return QRect(x, y, width, height)


@st.composite
def frames_across(draw: st.DrawFn, screen: QRect) -> QRect:
    """A frame that covers at least one pixel of ``screen``."""
    px = draw(st.integers(screen.x(), screen.x() + screen.width() - 1))
    py = draw(st.integers(screen.y(), screen.y() + screen.height() - 1))
    x, y = px - draw(st.integers(0, 4000)), py - draw(st.integers(0, 4000))
    return QRect(x, y, px - x + draw(length), py - y + draw(length))


def right(rect: QRect) -> int:
    return rect.x() + rect.width()


def bottom(rect: QRect) -> int:
    return rect.y() + rect.height()


@given(rects(), rects())
def test_a_frame_always_ends_up_whole_on_the_screen(frame: QRect, screen: QRect):
    fitted = fit_frame(frame, screen)
    assert screen.contains(fitted)


@given(rects(), rects())
def test_only_what_does_not_fit_is_shrunk(frame: QRect, screen: QRect):
    fitted = fit_frame(frame, screen)
    assert fitted.width() == min(frame.width(), screen.width())
    assert fitted.height() == min(frame.height(), screen.height())


@given(st.data(), rects())
def test_a_frame_already_on_the_screen_stays_exactly_where_it_is(
    data: st.DataObject, screen: QRect
):
    frame = data.draw(frames_on(screen))
    assert fit_frame(frame, screen) == frame


@given(st.data(), rects())
def test_a_frame_partly_off_the_screen_slides_on_only_along_the_sides_that_stick_out(
    data: st.DataObject, screen: QRect
):
    frame = data.draw(frames_across(screen))
    assert frame.intersects(screen)
    fitted = fit_frame(frame, screen)
    if screen.x() <= frame.x() and right(frame) <= right(screen):
        assert (fitted.x(), fitted.width()) == (frame.x(), frame.width())
    if screen.y() <= frame.y() and bottom(frame) <= bottom(screen):
        assert (fitted.y(), fitted.height()) == (frame.y(), frame.height())


@given(rects(), rects())
def test_a_frame_left_on_a_screen_that_is_gone_comes_back_centred(frame: QRect, screen: QRect):
    assume(not frame.intersects(screen))
    fitted = fit_frame(frame, screen)
    assert abs((fitted.x() - screen.x()) - (right(screen) - right(fitted))) <= 1
    assert abs((fitted.y() - screen.y()) - (bottom(screen) - bottom(fitted))) <= 1


@given(rects(), rects())
def test_fitting_twice_changes_nothing_more(frame: QRect, screen: QRect):
    once = fit_frame(frame, screen)
    assert fit_frame(once, screen) == once


@given(rects(), rects(), sizes())
def test_a_window_that_cannot_shrink_enough_keeps_its_title_bar_on_the_screen(
    frame: QRect, screen: QRect, minimum: QSize
):
    fitted = fit_frame(frame, screen, minimum)
    assert fitted.width() >= minimum.width() and fitted.height() >= minimum.height()
    # Its top-left corner, where the title bar and the menus are, is on the screen.
    assert screen.contains(fitted.topLeft())
    if minimum.width() <= screen.width() and minimum.height() <= screen.height():
        assert screen.contains(fitted)


@given(sizes(), sizes())
def test_a_size_too_large_for_the_room_shrinks_keeping_its_shape(size: QSize, room: QSize):
    fitted = fit_size(size, room)
    assert 1 <= fitted.width() <= max(1, room.width())
    assert 1 <= fitted.height() <= max(1, room.height())
    assert fitted.width() <= size.width() and fitted.height() <= size.height()
    if size.width() <= room.width() and size.height() <= room.height():
        assert fitted == size
    else:
        # Its shape is kept to within a pixel's rounding, and one side fills the room.
        assert abs(fitted.width() * size.height() - fitted.height() * size.width()) <= max(
            size.width(), size.height()
        )
        assert fitted.width() == room.width() or fitted.height() == room.height()


@given(sizes(most=3000), rects())
def test_centred_leaves_the_same_room_on_either_side(size: QSize, screen: QRect):
    placed = centred(size, screen)
    assert placed.size() == size
    assert abs((placed.x() - screen.x()) - (right(screen) - right(placed))) <= 1
    assert abs((placed.y() - screen.y()) - (bottom(screen) - bottom(placed))) <= 1
