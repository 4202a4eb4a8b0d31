"""The facilitator's main window: the library, and the open workshop's steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QWidget

from .. import __version__
from . import heap, placement, theme
from .library_frame import LibraryFrame
from .options import Options

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from ..domain.model import Step
    from ..storage.store import Store
    from .changes import ChangesWindow
    from .library.actions import Library
    from .library.page import LibraryPage
    from .pages.base import StepPage
    from .reviews import ReviewsWindow
    from .room import RoomMode
    from .session import Session
    from .workshop_view import WorkshopView

SAVED_TEXT = "✓ All changes saved"

PREFERRED_SIZE = QSize(1600, 1000)
"""The window's first size, frame excluded, on a screen with room for it."""


class _FirstPaint(QObject):
    """Calls back once, just after the widget it watches has painted for the first time.

    A widget that is not painted soon (in a window shown minimised, on a
    screen that is off) gets the call anyway after a second.
    """

    FALLBACK_MS = 1000

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        self._widget = widget
        widget.installEventFilter(self)
        QTimer.singleShot(self.FALLBACK_MS, self, self._call)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            # After this paint has reached the screen, not in the middle of it.
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self.cancel()
        then()

    def cancel(self) -> None:
        """Stop watching; the call, if not made yet, is not made."""
        self._then = None
        self._widget.removeEventFilter(self)
        self.deleteLater()


class MainWindow(QMainWindow):
    """The library when no workshop is open; otherwise the workshop, step by step.

    ``MainWindow(store)`` builds everything at once. The app itself starts with
    ``MainWindow(None)``: the window appears at once, showing the library's
    heading, and :meth:`attach` builds the rest once the file is open (see
    :func:`cxworkshop.gui.app.start`), so the first frame waits for neither the
    file nor the modules that read it.
    """

    sig_ready = Signal()
    """The window is whole: the library lists its workshops, the menus are filled."""

    sig_file_replaced = Signal()
    """The workshop file was put back from a backup: a new file now stands at its path."""

    store: Store
    library: Library
    room: RoomMode

    # The menus' contents, filled by gui/menus.py once the window is whole.
    recent_menu: QMenu
    locked_menus: list[QMenu]
    """The menus a voter must not reach while casting a secret ballot."""
    step_actions: dict[Step, QAction]
    export_pdf_action: QAction
    close_action: QAction
    restore_backup_action: QAction
    undo_action: QAction
    redo_action: QAction
    zoom_in_action: QAction
    zoom_out_action: QAction
    zoom_reset_action: QAction
    full_screen_action: QAction
    back_action: QAction
    next_action: QAction
    library_action: QAction
    reviews_action: QAction
    changes_action: QAction
    open_log_action: QAction

    def __init__(
        self, store: Store | None, options: Options | None = None, *, heading: bool = True
    ) -> None:
        """``heading``: with no store yet, show the library's heading until it comes
        (False when a workshop is about to open, so the library does not flash by)."""
        super().__init__()
        self.options = options or Options()
        self.session: Session | None = None
        self.reviews_window: ReviewsWindow | None = None
        self.changes_window: ChangesWindow | None = None
        self._attached = False
        self._complete_done = False
        # The library is what the window shows, but its page is not built yet: it is
        # built as the window shows it, unless a workshop opens first.
        self._library_due = False
        self._waiting: _FirstPaint | None = None
        self._scheme_guess: theme.ThemeName | None = None
        self.setWindowTitle("CX Workshop")
        if store is not None:
            # Loading the icon (an SVG) need not hold up the first frame, as at start
            # (without a store, the app is starting: app.start gives the icon).
            self.call_after_first_paint(lambda: self.setWindowIcon(theme.app_icon()))
        self.undo_group = QUndoGroup(self)
        # Dress the app before building widgets: restyling them afterwards costs
        # a polish of every widget.
        self.theme_actions: dict[theme.ThemeName, QAction] = {}
        self._locked: dict[QAction, bool] = {}
        self.apply_view(first_frame=store is None)

        self._workshop_view: WorkshopView | None = None
        self.pages = QStackedWidget()
        # Marked before anything is added: the mark must be there when it is polished.
        theme.mark_content(self.pages)
        self._placeholder: QWidget | None = None
        if store is None:
            self._placeholder = LibraryFrame() if heading else QWidget()
            if isinstance(self._placeholder, LibraryFrame):
                # The heading where the library page will have it, the rest empty.
                self._placeholder.set_body(QWidget())
            self.pages.addWidget(self._placeholder)
        self.setCentralWidget(self.pages)

        self.saved_label = QLabel(SAVED_TEXT)
        self.saved_label.setAccessibleName("Save status")
        self.statusBar().addPermanentWidget(self.saved_label)
        self.statusBar().setSizeGripEnabled(False)
        # The menu titles are there from the first frame; attach() fills them.
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.edit_menu = bar.addMenu("&Edit")
        self.view_menu = bar.addMenu("&View")
        self.go_menu = bar.addMenu("&Go")
        self.help_menu = bar.addMenu("&Help")
        self._place_on_screen()
        if store is not None:
            self.attach(store)

    def _place_on_screen(self) -> None:
        """Where the window was last time, or centred at its preferred size; whole on the
        screen either way."""
        saved = self.options.geometry
        earlier = self.options.earlier_geometry if saved is None else None
        if earlier is not None and self.restoreGeometry(earlier):
            saved = placement.geometry_of(self)  # as Qt put it back, to be fitted all the same
        self.placement = placement.Placement(self, saved, PREFERRED_SIZE)

    def call_after_first_paint(self, then: Callable[[], None]) -> None:
        """Call ``then`` once the window has painted its first frame."""
        _FirstPaint(self, then)

    def is_attached(self) -> bool:
        """Whether the window holds a file (see :meth:`attach`)."""
        return self._attached

    def attach(self, store: Store) -> None:
        """Show ``store``: list its workshops, then fill the menus and set up the room mode.

        Built at once when the window was made with its store; after a window
        made without one, the menus and the room mode follow the library's
        first paint (or come at once when a workshop is opened). The library's
        page is built as the window shows it: a workshop opened before that
        (as at a start that reopens one) leaves it unbuilt until it is wanted.
        """
        if self._attached:
            return
        from .library.actions import Library

        self._attached = True
        self.store = store
        if self._scheme_guess is not None:
            self._settle_theme()
        self.library = Library(store, self)
        self.library.sig_page_built.connect(self._place_library_page)
        self.library.sig_open_requested.connect(self.open_workshop)
        self.library.sig_error.connect(self.show_error)
        self.library.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.library.sig_library_requested.connect(self.show_library)
        self.library.sig_workshop_deleted.connect(self._workshop_deleted)
        self.undo_group.addStack(self.library.undo_stack)
        self.undo_group.setActiveStack(self.library.undo_stack)
        self._library_due = True
        placeholder, self._placeholder = self._placeholder, None
        if placeholder is None:
            # Not shown yet: the page comes as the window is shown (see setVisible).
            self._complete()
        elif isinstance(placeholder, LibraryFrame):
            # The heading is on screen: the library fills in below it now.
            self._show_due_library()
        else:
            # A blank first frame: a workshop opens next. Should it not, the library shows.
            QTimer.singleShot(0, self, self._show_due_library)
        if placeholder is not None:
            # Qt owns it and takes it out of the stack as it goes.
            placeholder.deleteLater()

    @property
    def library_page(self) -> LibraryPage:
        """The library's page, built the first time it is shown or asked for."""
        self._show_due_library()
        return self.library.page

    def _place_library_page(self, page: LibraryPage) -> None:
        """The library's page was just built: it goes into the window's stack."""
        # Stylesheet fonts reach only children present when the parent is
        # polished: a page added after the first frame carries the mark itself.
        theme.mark_content(page)
        self.pages.addWidget(page)
        page.set_recent(self.options.recent, reread=False)

    def _show_due_library(self) -> None:
        """Show the library, its page built now, if the window is to show it and does not yet."""
        if not self._library_due:
            return
        self._library_due = False
        page = self.library.page
        self.pages.setCurrentWidget(page)
        page.setFocus()
        if not self._complete_done:
            self._waiting = _FirstPaint(page, self._complete)

    def setVisible(self, visible: bool) -> None:
        if visible:
            # Built before the window is polished and laid out, as if it had been there.
            self._show_due_library()
        super().setVisible(visible)

    def _complete(self) -> None:
        """The rest of the window: the room mode and the menus' contents (once)."""
        if self._complete_done:
            return
        from .room import RoomMode

        self._complete_done = True
        if self._waiting is not None:
            # Asked for before the library's first paint (a workshop opened): stop waiting.
            self._waiting.cancel()
            self._waiting = None
        self.room = RoomMode(self, self.options)
        self.room.sig_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.room.sig_error.connect(self.show_error)
        from .phones import PhonesControl

        self.phones = PhonesControl(self)
        self.phones.sig_changed.connect(self._phones_changed)
        from .menus import build_menus

        build_menus(self)
        self.theme_actions[self.options.theme].setChecked(True)
        self._update_actions()
        self.sig_ready.emit()

    @property
    def workshop_view(self) -> WorkshopView:
        """The open workshop's view, built the first time a workshop is opened."""
        if self._workshop_view is None:
            from ..domain.model import Step
            from .workshop_view import WorkshopView

            view = WorkshopView(self.pages)
            # Stylesheet fonts reach only children present when the parent is
            # polished, so a view added later carries the content mark itself.
            theme.mark_content(view)
            view.step_bar.sig_step_chosen.connect(lambda s: self.go_to(Step(s)))
            view.status_menu.sig_chosen.connect(self.set_status)
            view.back_button.clicked.connect(self.go_back)
            view.next_button.clicked.connect(self.go_next)
            # Each page is wired up as it is built: on its first showing, or when asked for.
            view.sig_page_built.connect(self._wire_page)
            self._wire_room(view)
            self.pages.addWidget(view)
            self._workshop_view = view
        return self._workshop_view

    # ------------------------------------------------------------------ workshops

    def show_library(self, *, reread: bool = True) -> None:
        """Close the open workshop (everything is saved) and show the library.

        ``reread=False`` when the library was read a moment ago (at start).
        """
        self._complete()
        self._set_session(None)
        self._library_due = False
        self.library_page.set_recent(self.options.recent, reread=reread)
        self.pages.setCurrentWidget(self.library_page)
        self.undo_group.setActiveStack(self.library.undo_stack)
        self.setWindowTitle("CX Workshop")
        self._update_actions()
        self.library_page.setFocus()

    def open_workshop(self, workshop_id: int) -> None:
        """Open a workshop where the team left it."""
        from ..domain.errors import WorkshopError
        from .session import Session

        # Until its first frame (heap.settle below), the collector waits: what
        # opening makes is what the workshop will hold.
        heap.pause()
        try:
            self._complete()
            ws = self.store.workshop(workshop_id)
        except WorkshopError as exc:
            heap.resume()
            self.show_error(str(exc))
            self.options.forget_recent(workshop_id)
            # It was to open instead of the library (at start): the library it is.
            self._show_due_library()
            return
        except BaseException:
            heap.resume()
            raise
        # Once on screen, what the workshop holds is set aside from later collections
        # (and the collector runs again): after a second at the latest.
        _FirstPaint(self.workshop_view, heap.settle)
        self._library_due = False
        session = Session(self.store, workshop_id, self)
        self._set_session(session)
        self.options.add_recent(workshop_id)
        # File > Export and Duplicate then act on the workshop that is open.
        self.library.select(workshop_id)
        self.pages.setCurrentWidget(self.workshop_view)
        self.undo_group.setActiveStack(session.undo_stack)
        self.go_to(ws.current_step, remember=False)
        self._refresh_header()

    def show_reviews(self) -> None:
        """Open the progress reviews of the open workshop, in a window beside this one."""
        if self.session is None:
            return
        from .reviews import ReviewsWindow

        window = self.reviews_window
        if window is None or window.session is not self.session:
            if window is not None:
                window.close()
                window.deleteLater()
            window = self.reviews_window = ReviewsWindow(self.session, self)
            window.sig_next_requested.connect(self.library.start_next)
            # While the reviews are open, the room sees the progress board.
            window.finished.connect(lambda _=0: self.room.set_progress_board(False))
        self.room.set_progress_board(True)
        window.show()
        window.raise_()
        window.activateWindow()

    def show_changes(self) -> None:
        """Open what changed between the open (or selected) workshop and the one it
        carries on from, in a window beside this one."""
        workshop_id = self._changes_target()
        if workshop_id is None:
            return
        from .changes import ChangesWindow

        window = self.changes_window
        if window is not None:
            window.close()
            window.deleteLater()
        window = self.changes_window = ChangesWindow(self.store, workshop_id, self.session, self)
        window.show()
        window.raise_()
        window.activateWindow()

    def _changes_target(self) -> int | None:
        if self.session is not None:
            return self.session.workshop_id
        if self.library.has_page() and self.pages.currentWidget() is self.library.page:
            return self.library.selected_id()
        return None

    def _set_session(self, session: Session | None) -> None:
        old = self.session
        changes = self.changes_window
        if changes is not None and changes.session is not session:
            changes.close()
            changes.deleteLater()
            self.changes_window = None
        reviews = self.reviews_window
        if reviews is not None and reviews.session is not session:
            reviews.close()
            reviews.deleteLater()
            self.reviews_window = None
        if old is not None:
            self.undo_group.removeStack(old.undo_stack)
            # What the closing workshop held may be collected again.
            heap.release()
        self.session = session
        if session is not None:
            self.undo_group.addStack(session.undo_stack)
            session.sig_changed.connect(self._refresh_header)
            session.sig_error.connect(self.show_error)
            session.sig_saved.connect(self._show_saved)
        if session is not None or self._workshop_view is not None:
            self.workshop_view.set_session(session)
        self.room.set_session(session)
        self.phones.set_session(session)
        if session is not None:
            # After the pages, so the round the Priorities page shows is already known.
            session.sig_changed.connect(self._follow_round)
            self._follow_round()
        if old is not None:
            old.deleteLater()
        self._update_actions()

    def _refresh_header(self) -> None:
        if self.session is None:
            return
        from ..domain.progress import completed_steps

        ws = self.session.workshop
        full = f"{ws.title}  ·  {ws.organisation}" if ws.organisation else ws.title
        self.workshop_view.title.set_full_text(full)
        self.workshop_view.step_bar.set_complete(completed_steps(ws))
        self.workshop_view.show_status(ws.status)
        self.setWindowTitle(f"{ws.title} — CX Workshop")

    def set_status(self, status: str) -> None:
        """Set the open workshop's status by hand (one undo step)."""
        from ..domain.model import Status
        from .status import set_status

        if self.session is not None:
            set_status(self.session, Status(status))

    def _workshop_deleted(self, workshop_id: int) -> None:
        self.options.forget_recent(workshop_id)
        if self.session is not None and self.session.workshop_id == workshop_id:
            self.show_library()

    # ------------------------------------------------------------------ steps

    def current_step(self) -> Step | None:
        if self.session is None or self._workshop_view is None:
            return None
        return self.workshop_view.step_bar.current()

    def go_to(self, step: Step, *, remember: bool = True) -> None:
        """Show ``step``; the workshop remembers it, so reopening lands here."""
        from ..domain.errors import WorkshopError

        if self.session is None:
            return
        self.workshop_view.show_step(step)
        if remember:
            from .ops.details import remember_step

            try:
                remember_step(self.session, step)
            except WorkshopError as exc:
                self.show_error(str(exc))
        self._update_actions()
        page = self.workshop_view.pages[step]
        selected = getattr(page, "selected_goal_id", None)
        self.room.set_step(step, selected() if callable(selected) else None)
        QTimer.singleShot(0, page, page.focus_first)

    def go_back(self) -> None:
        from .workshop_view import STEPS

        step = self.current_step()
        if step is not None and STEPS.index(step) > 0:
            self.go_to(STEPS[STEPS.index(step) - 1])

    def go_next(self) -> None:
        from .workshop_view import STEPS

        step = self.current_step()
        if step is not None and STEPS.index(step) < len(STEPS) - 1:
            self.go_to(STEPS[STEPS.index(step) + 1])

    def _lock_for_ballot(self, voting: bool) -> None:
        """While a voter has the laptop, only the ballot answers: no steps, menus or undo."""
        view = self.workshop_view
        view.step_bar.setEnabled(not voting)
        view.back_button.setVisible(not voting)
        view.next_button.setVisible(not voting)
        view.position.setVisible(not voting)
        self.phones.set_locked(voting)
        if voting:
            self._locked = {
                action: action.isEnabled()
                for menu in self.locked_menus
                for action in menu.actions()
                if action.isEnabled()
            }
            for action in self._locked:
                action.setEnabled(False)
        else:
            for action, enabled in self._locked.items():
                action.setEnabled(enabled)
            self._locked = {}
            self._update_actions()

    def export_pdf(self) -> None:
        """Export the open workshop's charter as a PDF, from any step."""
        from ..domain.model import Step

        if self.session is not None:
            self.workshop_view.pages[Step.CHARTER].export_pdf()  # type: ignore[attr-defined]

    def _update_actions(self) -> None:
        from .workshop_view import STEPS

        open_ = self.session is not None
        step = self.current_step()
        for action in (self.close_action, self.export_pdf_action, *self.step_actions.values()):
            action.setEnabled(open_)
        self.reviews_action.setEnabled(open_)
        self.changes_action.setEnabled(self._changes_target() is not None)
        self.back_action.setEnabled(open_ and step is not None and step is not STEPS[0])
        self.next_action.setEnabled(open_ and step is not None and step is not STEPS[-1])

    # ------------------------------------------------------------------ room mode

    def _wire_page(self, page: StepPage) -> None:
        """A step's page was just built: connect it to the window, the phones and the room."""
        from PySide6.QtGui import QKeySequence

        from ..domain.model import Step

        step = page.step
        selection = getattr(page, "sig_selection_changed", None)
        if selection is not None:
            selection.connect(lambda goal_id: self._selection_changed(step, goal_id))
        if step is Step.CHARTER:
            # The window's File menu holds the export shortcut, for every step.
            page.export_action.setShortcut(QKeySequence())  # type: ignore[attr-defined]
            page.sig_step_requested.connect(lambda s: self.go_to(Step(s)))  # type: ignore[attr-defined]
            # The export dialog opens where the last export went, from one run to the next.
            page.options = self.options  # type: ignore[attr-defined]
            # Seen from any step: Ctrl+E exports from every one of them.
            page.sig_notice.connect(self.show_error)  # type: ignore[attr-defined]
        elif step is Step.ACCOUNTABILITY:
            page.sig_status.connect(  # type: ignore[attr-defined]
                lambda text: self.statusBar().showMessage(text, 8000)
            )
        elif step is Step.PRIORITIES:
            page.sig_ballot_in_progress.connect(self._lock_for_ballot)  # type: ignore[attr-defined]
            page.sig_ballot_in_progress.connect(self.room.set_ballot)  # type: ignore[attr-defined]
            page.rounds_combo.currentIndexChanged.connect(self._follow_round)  # type: ignore[attr-defined]
        if step in (Step.GOALS, Step.PRIORITIES):
            self.phones.add_button(page.phones_button)  # type: ignore[attr-defined]
        if step is Step.PRIORITIES:
            self._follow_round()
        _FirstPaint(page, heap.settle)

    def _wire_room(self, view: WorkshopView) -> None:
        """The footer shows the room's timer."""
        from .room_timer import ConsoleTimer

        room = self.room
        timer = ConsoleTimer(room.clock, room.timer_action, room.minute_action, room.reset_action)
        view.footer.insertWidget(view.footer.count() - 1, timer)
        view.footer.insertSpacing(view.footer.count() - 1, 12)
        self.console_timer = timer

    def _phones_changed(self, on: bool) -> None:
        """Phones on: the audience screen shows how to join (its panel is added once)."""
        if on and not getattr(self, "_phones_on_screen", False):
            self._phones_on_screen = True
            self.phones.attach_audience(self.room.audience)
        status = (
            "Phones are on: the audience screen shows how to join." if on else "Phones are off."
        )
        self.statusBar().showMessage(status, 5000)

    def _selection_changed(self, step: Step, goal_id: str) -> None:
        if self.current_step() is step:
            self.room.set_selected_goal(goal_id)

    def _follow_round(self, *_: object) -> None:
        """The audience shows the round the Priorities page shows."""
        from ..domain.model import Step

        view, session = self._workshop_view, self.session
        if view is None:
            return
        page = view.pages.built().get(Step.PRIORITIES)
        if page is not None:
            self.room.set_round(getattr(page, "round_id", None))
        elif session is not None:
            # The page, once built, shows the latest round: so does the room until then.
            rounds = session.workshop.rounds
            self.room.set_round(rounds[-1].id if rounds else None)

    # ------------------------------------------------------------------ view

    def apply_view(self, *, first_frame: bool = False) -> None:
        """Dress the app in the chosen theme and zoom.

        ``first_frame``: the desktop's scheme as last seen and no font
        propagation yet (see :func:`theme.enable_propagation`): the Qt
        namespace they need loads after the first paint, in :meth:`attach`.
        """
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if first_frame:
                guess = theme.guess_system_scheme(self.options.system_scheme)
                self._scheme_guess = guess
                theme.apply(
                    app, self.options.theme, self.options.zoom, system=guess, first_frame=True
                )
            else:
                system = theme.system_scheme()
                self.options.system_scheme = system
                self._scheme_guess = None
                theme.apply(app, self.options.theme, self.options.zoom, system=system)
        if self.options.theme in self.theme_actions:
            self.theme_actions[self.options.theme].setChecked(True)

    def set_theme(self, name: theme.ThemeName) -> None:
        self.options.theme = name
        self.apply_view()

    def zoom_by(self, steps: int) -> None:
        zooms = theme.ZOOM_STEPS
        i = zooms.index(self.options.zoom) if self.options.zoom in zooms else zooms.index(1.0)
        self.options.zoom = zooms[max(0, min(len(zooms) - 1, i + steps))]
        self.apply_view()
        self.statusBar().showMessage(f"Zoom {round(self.options.zoom * 100)}%", 2000)

    def zoom_reset(self) -> None:
        self.options.zoom = 1.0
        self.apply_view()
        self.statusBar().showMessage("Zoom 100%", 2000)

    def _settle_theme(self) -> None:
        """After a first frame dressed by a guess: the desktop's real scheme, and font
        propagation, before any page is built."""
        guess, self._scheme_guess = self._scheme_guess, None
        system = theme.system_scheme()
        self.options.system_scheme = system
        if self.options.theme is theme.ThemeName.SYSTEM and system is not guess:
            self.apply_view()  # the desktop changed since the last run: dress it again
        else:
            theme.enable_propagation()

    def toggle_full_screen(self) -> None:
        from PySide6.QtCore import Qt

        self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)

    # ------------------------------------------------------------------ messages

    def show_error(self, message: str) -> None:
        """Say in one sentence what went wrong; nothing else changes."""
        self.saved_label.setText(SAVED_TEXT)
        self.statusBar().showMessage(f"⚠ {message}", 10000)

    def _show_saved(self) -> None:
        self.saved_label.setText(SAVED_TEXT)
        self.statusBar().clearMessage()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(
            self,
            "About CX Workshop",
            f"<h3>CX Workshop {__version__}</h3>"
            "<p>Run a customer-experience accountability workshop in the room: "
            "goals, who is accountable, priorities, and a charter for the sponsor.</p>",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        heap.resume()  # closed before a workshop it was opening came on screen
        # Closed before the file was open (it could not be): nothing to remember.
        if self._attached:
            if self._complete_done:
                self.phones.turn_off()
                self.room.close()
            self.options.last_workshop = self.session.workshop_id if self.session else None
            self.options.geometry = self.placement.saved()
            self.options.sync()
        super().closeEvent(event)

    # ------------------------------------------------------------------ safety

    def restore_from_backup(self) -> None:
        """Choose a backup and put it back in place of every workshop."""
        from .recovery import restore_from_backup

        restore_from_backup(self)

    def open_log_folder(self) -> None:
        """Show the folder holding the app's log, to send along with a fault report."""
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from ..logging_setup import log_folder

        folder = log_folder()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self.show_error(f"The log folder {folder} cannot be made: {exc.strerror or exc}.")
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
