"""Room mode on the console: the audience screen, where it shows, blanking it, and the timer.

The main window owns one :class:`RoomMode`. It holds the View menu's room
actions and keeps the audience window (made on first use, so start-up never
pays for it) in step with the console: the step, the selected goal, the
round on show, and a ballot in progress, which always blanks the room's view.

Where the audience shows: with a second screen it goes full-screen there; on
the console's own screen it is a window that fits the screen and opens in
front of the console, until Present (F5) puts it full-screen; Esc (or F5
again) gives the console back, in front.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ..domain.agenda import Level
from ..domain.errors import WorkshopError
from ..domain.model import Step
from ..domain.progress import status_when_room_starts
from .ops.agenda import record_time_spent
from .options import Options
from .placement import FRAME_GUESS, centred, fit_frame, fit_size, frame_margins
from .room_timer import RoomClock

if TYPE_CHECKING:
    from .audience import AudienceWindow
    from .session import Session

TAKES_LETTERS = "cxTakesLetters"
"""A widget with this property set true (or inside one) types letters: B, T and M pass to it."""

PREVIEW_SIZE = QSize(1280, 720)
"""The audience window on the console's screen: a projector's picture, where there is room."""

_TYPED_INTO = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox, QMenu)
"""Widgets (and widgets inside them) that take letters: text, numbers, dates, lists to
search by typing, menus."""


def takes_letters(widget: QWidget | None) -> bool:
    """Whether plain letter keys belong to typing, not to the room's one-letter shortcuts.

    They do while a popup, a menu or a dialog is open, and while the keyboard is in a
    field, a spin box, a combo box, a cell being edited (or a table that starts
    editing on any key) or anything marked with :data:`TAKES_LETTERS`.
    """
    if QApplication.activePopupWidget() is not None or QApplication.activeModalWidget():
        return True
    if widget is not None and isinstance(widget.window(), QDialog):
        return True
    while widget is not None:
        if isinstance(widget, _TYPED_INTO) or widget.property(TAKES_LETTERS):
            return True
        if isinstance(widget, QAbstractItemView) and (
            widget.state() == QAbstractItemView.State.EditingState
            or widget.editTriggers() & QAbstractItemView.EditTrigger.AnyKeyPressed
        ):
            return True
        widget = widget.parentWidget()
    return False


def screen_label(number: int, screen: QScreen) -> str:
    """'2: DELL U2720Q (2560×1440)'."""
    size = screen.size()
    name = screen.model() or screen.name() or "Screen"
    return f"{number}: {name} ({size.width()}×{size.height()})"


class RoomMode(QObject):
    """The audience screen and the timer, driven from the console's menus and keys."""

    sig_message = Signal(str)
    """A short note for the console's status bar (the timer's warning, where the view went)."""

    sig_error = Signal(str)
    """Something could not be saved (the time spent); one sentence."""

    def __init__(self, console: QWidget, options: Options) -> None:
        super().__init__(console)
        self.console = console
        self.options = options
        self.clock = RoomClock(parent=self)
        self.clock.sig_time_spent.connect(self._record)
        self.clock.sig_alert.connect(self._alert)
        self.clock.sig_changed.connect(self._timer_changed)
        self.session: Session | None = None
        self._audience: AudienceWindow | None = None
        self.step = Step.SETUP
        self.selected_goal: str | None = None
        self.round_id: str | None = None
        self.ballot = False
        self._shown = False
        self._presenting = False
        self._preview: QRect | None = None
        self._shared: list[QAction] = []
        self._back: QAction | None = None
        self._next: QAction | None = None

        self.show_action = self._action(
            "Show &Audience Screen", self.show_audience, "Ctrl+Shift+A", checkable=True
        )
        self.present_action = self._action("&Present", self.present, "F5", checkable=True)
        self.blank_action = self._action(
            "&Blank Audience Screen", self.set_blanked, "Ctrl+B", "B", checkable=True
        )
        self.timer_action = self._action("&Start Timer", self.toggle_timer, "Ctrl+T", "T")
        self.reset_action = self._action("&Reset Timer", self.reset_timer, "Ctrl+Shift+T")
        self.minute_action = self._action("Add One &Minute", self.add_minute, "Ctrl+Shift+M", "M")
        self.next_page_action = self._action(
            "Next Page on Audience Screen", lambda: self.turn_page(1), "Ctrl+Shift+PgDown"
        )
        self.previous_page_action = self._action(
            "Previous Page on Audience Screen", lambda: self.turn_page(-1), "Ctrl+Shift+PgUp"
        )
        self.overview_action = self._action(
            "Audience Screen Shows the &Overview", self.set_overview, "Ctrl+Shift+O", checkable=True
        )
        self.progress_board = False
        self.room_actions = [
            self.show_action,
            self.present_action,
            self.blank_action,
            self.timer_action,
            self.reset_action,
            self.minute_action,
            self.next_page_action,
            self.previous_page_action,
            self.overview_action,
        ]
        self._letters = {
            self.blank_action: "B",
            self.timer_action: "T",
            self.minute_action: "M",
        }
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
        self._timer_changed()

    def _action(
        self,
        text: str,
        slot: Callable[..., object],
        shortcut: str,
        letter: str | None = None,
        *,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.console)
        keys = [QKeySequence(shortcut)] + ([QKeySequence(letter)] if letter else [])
        action.setShortcuts(keys)
        action.setCheckable(checkable)
        if checkable:
            action.toggled.connect(slot)
        else:
            action.triggered.connect(lambda _=False: slot())
        return action

    # -- the menu ------------------------------------------------------------------

    def add_to_menu(self, menu: QMenu) -> QMenu:
        """Put the room's actions in ``menu`` (the View menu); returns the screens submenu."""
        menu.addSeparator()
        menu.addAction(self.show_action)
        screens = menu.addMenu("Present on &Screen")
        screens.aboutToShow.connect(lambda: self.fill_screen_menu(screens))
        self.fill_screen_menu(screens)
        menu.addAction(self.present_action)
        menu.addAction(self.blank_action)
        menu.addAction(self.overview_action)
        menu.addAction(self.next_page_action)
        menu.addAction(self.previous_page_action)
        menu.addSeparator()
        for action in (self.timer_action, self.reset_action, self.minute_action):
            menu.addAction(action)
        self.screens_menu = screens
        return screens

    def fill_screen_menu(self, menu: QMenu) -> None:
        menu.clear()
        chosen = self.chosen_screen()
        for number, screen in enumerate(QGuiApplication.screens(), start=1):
            action = menu.addAction(screen_label(number, screen))
            action.setCheckable(True)
            action.setChecked(screen is chosen)
            action.triggered.connect(lambda _=False, s=screen: self.choose_screen(s))

    def share_actions(self, back: QAction, next_: QAction, others: Iterable[QAction]) -> None:
        """The console's own actions (Back, Next, the steps) also answer in the audience window;
        a clicker's Page Down and Page Up there are Next and Back."""
        self._back, self._next = back, next_
        self._shared = [back, next_, *others]
        if self._audience is not None:
            self._audience.addActions(self._shared)

    def _move(self, delta: int) -> None:
        action = self._next if delta > 0 else self._back
        if action is not None and action.isEnabled():
            action.trigger()

    # -- where the audience shows ---------------------------------------------------

    def console_screen(self) -> QScreen | None:
        handle = self.console.windowHandle()
        return handle.screen() if handle is not None else QGuiApplication.primaryScreen()

    def chosen_screen(self) -> QScreen | None:
        """The remembered screen if it is connected; else one that is not the console's."""
        screens = QGuiApplication.screens()
        for screen in screens:
            if screen.name() and screen.name() == self.options.audience_screen:
                return screen
        console = self.console_screen()
        others = [s for s in screens if s is not console]
        return others[0] if others else console

    def choose_screen(self, screen: QScreen) -> None:
        self.options.audience_screen = screen.name()
        self._place(in_front=self._presenting)
        self.sig_message.emit(f"The audience screen shows on {screen.name() or 'that screen'}.")

    def second_screen(self) -> bool:
        """Whether the audience has a screen of its own."""
        return self.chosen_screen() is not self.console_screen()

    @property
    def audience(self) -> AudienceWindow:
        """The audience window, made the first time it is needed."""
        if self._audience is None:
            from .audience import AudienceWindow

            window = AudienceWindow(self.clock, self.console)
            window.addActions([*self.room_actions, *self._shared])
            window.escape.activated.connect(self._escape)
            window.sig_move_requested.connect(self._move)
            window.sig_closed.connect(self._closed_by_user)
            window.set_session(self.session)
            window.set_step(self.step)
            window.set_selected_goal(self.selected_goal)
            window.set_round(self.round_id)
            window.set_blanked(self.blank_action.isChecked())
            window.set_ballot_in_progress(self.ballot)
            window.set_overview(self.overview_action.isChecked())
            window.set_progress_board(self.progress_board)
            self._audience = window
        return self._audience

    def audience_if_made(self) -> AudienceWindow | None:
        return self._audience

    def show_audience(self, shown: bool) -> None:
        """Show or hide the audience screen (Ctrl+Shift+A).

        On the console's own screen it opens in front, so the facilitator sees
        what the room will see; Esc gives the console back.
        """
        self._shown = bool(shown)
        if not shown and self._presenting:
            self.present_action.setChecked(False)
            return
        self._place(in_front=self._shown)
        if shown:
            self._room_started("audience screen shown")

    def present(self, on: bool) -> None:
        """Present full-screen on the chosen screen (F5); off gives the console back."""
        self._presenting = bool(on)
        self._place(in_front=self._presenting)
        if on:
            self._room_started("presenting")
            where = "on the second screen" if self.second_screen() else "full-screen"
            self.sig_message.emit(f"Presenting {where}. Esc or F5 returns to the console.")
        else:
            # Replaces "Presenting…", which would otherwise stay as if it still were.
            self.sig_message.emit("Back at the console.")

    def _place(self, *, in_front: bool = False) -> None:
        """Show the audience where it belongs now; ``in_front``: on the console's screen,
        in front of the console with the keyboard (else the console keeps both)."""
        visible = self._shown or self._presenting
        for action, value in ((self.show_action, visible), (self.present_action, self._presenting)):
            if action.isChecked() != value:
                action.blockSignals(True)
                action.setChecked(value)
                action.blockSignals(False)
        if not visible:
            if self._audience is not None and self._audience.isVisible():
                self._remember_preview()
                self._audience.close_from_console()
                self._give_back_console()
            return
        window = self.audience
        self._remember_preview()
        screen = self.chosen_screen()
        own_screen = screen is not None and screen is not self.console_screen()
        if screen is not None and window.screen() is not screen:
            window.setScreen(screen)
            window.move(screen.geometry().topLeft())
        if self._presenting or own_screen:
            if screen is not None:
                window.setGeometry(screen.geometry())
            window.showFullScreen()
        else:
            if window.isFullScreen() or not window.isVisible():
                # A window of its own, whole on the screen: the size of a projector's
                # picture if there is room for it and its frame, smaller if not.
                window.setWindowState(Qt.WindowState.WindowNoState)
                window.setGeometry(self._preview_geometry(window))
            window.show()
        if in_front and not own_screen:
            window.raise_()
            window.activateWindow()
        else:
            self._give_back_console()

    def _remember_preview(self) -> None:
        """Note where the audience window is while it is a window, to put it back there."""
        window = self._audience
        if window is not None and window.isVisible() and not window.isFullScreen():
            self._preview = QRect(window.geometry())

    def _preview_geometry(self, window: AudienceWindow) -> QRect:
        """Where the audience window goes on the console's screen: where it was last time,
        else in the middle; either way whole on the screen, frame included."""
        screen = self.console_screen() or window.screen()
        available = screen.availableGeometry()
        # Not shown yet, its frame is unknown: the console's is of the same kind.
        margins = frame_margins(window)
        if margins is None:
            margins = frame_margins(self.console)
        if margins is None:
            margins = FRAME_GUESS
        if self._preview is None:
            room = available.size().shrunkBy(margins)
            frame = centred(fit_size(PREVIEW_SIZE, room).grownBy(margins), available)
        else:
            frame = self._preview.marginsAdded(margins)
        return fit_frame(frame, available).marginsRemoved(margins)

    def _screens_changed(self, *_: object) -> None:
        """A projector was plugged in or out: put the audience where it now belongs."""
        if self._shown or self._presenting:
            self._place(in_front=self._presenting)

    def _give_back_console(self) -> None:
        """The console in front, with the keyboard."""
        self.console.raise_()
        self.console.activateWindow()

    def _escape(self) -> None:
        if self._presenting:
            self.present_action.setChecked(False)
        else:
            self._give_back_console()

    def _closed_by_user(self) -> None:
        self._remember_preview()
        self._shown = self._presenting = False
        for action in (self.show_action, self.present_action):
            action.blockSignals(True)
            action.setChecked(False)
            action.blockSignals(False)

    def close(self) -> None:
        """The console is closing: save the time run, and close the audience screen."""
        self.clock.flush()
        if self._audience is not None:
            self._audience.close_from_console()

    # -- what the room sees ----------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        """Follow ``session``'s workshop; the timers of the one before are saved and dropped."""
        self.clock.forget()
        self.session = session
        self.selected_goal = None
        self.round_id = None
        if session is not None:
            self.clock.set_timeboxes(session.workshop.timeboxes)
            session.sig_changed.connect(self._workshop_changed)
        if self._audience is not None:
            self._audience.set_session(session)
        self._timer_changed()
        if self._shown or self._presenting:
            # Opened with the audience screen up: the room sees it, so it has started.
            self._room_started("audience screen shown")

    def _room_started(self, why: str) -> None:
        """The room works in the workshop now: a draft becomes Running, as its own undo step."""
        if self.session is None:
            return
        new = status_when_room_starts(self.session.workshop)
        if new is None:
            return
        from .status import set_status

        if set_status(self.session, new, why):
            self.sig_message.emit(f"The workshop is now Running ({why}).")

    def _workshop_changed(self) -> None:
        if self.session is not None:
            self.clock.set_timeboxes(self.session.workshop.timeboxes)

    def set_step(self, step: Step, selected_goal: str | None = None) -> None:
        self.step = step
        self.selected_goal = selected_goal or None
        self.clock.set_step(step)
        if self._audience is not None:
            self._audience.set_step(step)
            self._audience.set_selected_goal(self.selected_goal)

    def set_selected_goal(self, goal_id: str | None) -> None:
        changed = (goal_id or None) != self.selected_goal
        self.selected_goal = goal_id or None
        if changed and self.selected_goal is not None:
            # A newly selected goal comes to the front of the room.
            self.overview_action.setChecked(False)
        if self._audience is not None:
            self._audience.set_selected_goal(self.selected_goal)

    def set_overview(self, overview: bool) -> None:
        """The room sees the overview (True) or the selected goal in focus (False)."""
        if self._audience is not None:
            self._audience.set_overview(overview)

    def turn_page(self, delta: int) -> None:
        """Show the room the next (1) or previous (-1) page of what it sees."""
        window = self._audience
        if window is None or not window.isVisible():
            self.sig_message.emit("The audience screen is not showing.")
            return
        if window.turn_page(delta):
            self.sig_message.emit(
                f"The audience screen shows page {window.page + 1} of {window.page_count()}."
            )
        else:
            where = "last" if delta > 0 else "first"
            self.sig_message.emit(f"The audience screen is on its {where} page.")

    def set_progress_board(self, shown: bool) -> None:
        """Show the room the progress board (while the progress reviews are open)."""
        self.progress_board = shown
        if self._audience is not None:
            self._audience.set_progress_board(shown)

    def set_round(self, round_id: str | None) -> None:
        self.round_id = round_id
        if self._audience is not None:
            self._audience.set_round(round_id)

    def set_ballot(self, voting: bool) -> None:
        """A voter has the laptop: the room sees a neutral card until the ballots are done,
        and nobody at the laptop can show it, move it or unblank it meanwhile."""
        self.ballot = voting
        for action in (self.show_action, self.present_action, self.blank_action):
            action.setEnabled(not voting)
        if self._audience is not None:
            self._audience.set_ballot_in_progress(voting)

    def set_blanked(self, blanked: bool) -> None:
        """Blank the audience screen to a neutral card (B), or show the step again."""
        if self.blank_action.isChecked() != blanked:
            self.blank_action.setChecked(blanked)
            return
        if self._audience is not None:
            self._audience.set_blanked(blanked)
        self.sig_message.emit(
            "The audience screen is blank (B to show it again)."
            if blanked
            else "The audience screen shows the step again."
        )

    def showing(self) -> str:
        """What the room sees now: "hidden", "ballot", "blank" or the step's value."""
        if self._audience is None or not self._audience.isVisible():
            return "hidden"
        return self._audience.showing()

    # -- the timer -----------------------------------------------------------------

    def toggle_timer(self) -> None:
        running = self.clock.toggle()
        if running:
            self._room_started("timer started")
        self.sig_message.emit(
            f"Timer running for {self.step.label}." if running else "Timer paused."
        )

    def reset_timer(self) -> None:
        self.clock.reset()
        self.sig_message.emit(f"Timer reset to the {self.step.label} timebox.")

    def add_minute(self) -> None:
        self.clock.add_minute()
        self.sig_message.emit("One more minute on the timer.")

    def _timer_changed(self) -> None:
        text = "&Pause Timer" if self.clock.running else "&Start Timer"
        if self.timer_action.text() != text:
            self.timer_action.setText(text)
        open_ = self.session is not None
        for action in (self.timer_action, self.reset_action, self.minute_action):
            action.setEnabled(open_)

    def _alert(self, level: object) -> None:
        if level is Level.WARNING:
            self.sig_message.emit(f"⚠ One minute left for {self.step.label}.")
        elif level is Level.TIME_UP:
            self.sig_message.emit(f"⚑ Time's up for {self.step.label}.")

    def _record(self, step: str, seconds: int) -> None:
        """Save the time a step's timer ran: the record, not an edit, so not an undo step."""
        if self.session is None:
            return
        try:
            record_time_spent(self.session, Step(step), seconds)
        except WorkshopError as exc:
            self.sig_error.emit(str(exc))

    # -- letters belong to typing ---------------------------------------------------

    def _focus_changed(self, old: QWidget | None, now: QWidget | None) -> None:
        """B, T and M answer unless the focus types letters; their Ctrl keys always do."""
        typing = takes_letters(now)
        for action, letter in self._letters.items():
            keys = [k for k in action.shortcuts() if k.toString() != letter]
            if not typing:
                keys.append(QKeySequence(letter))
            if [k.toString() for k in keys] != [k.toString() for k in action.shortcuts()]:
                action.setShortcuts(keys)


__all__ = ["TAKES_LETTERS", "RoomMode", "screen_label", "takes_letters"]
