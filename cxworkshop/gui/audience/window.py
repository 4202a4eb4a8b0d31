"""The audience window: what the room sees on the projector while the laptop stays the console.

A second top-level window, read-only, in a projector theme of its own, with
every size a multiple of the type floor (28 px at 720 lines, 42 px at 1080).
Each step shows an overview that fits at the floor, in pages ("2 / 3" in the
corner) turned from the console or by a presenter's clicker, and, when the
facilitator selects a goal, that goal alone in focus. Nothing is ever drawn
smaller to make it fit.

It follows the facilitator's step and selection, and it is built so that it
cannot show what the room must not see: it holds no ballot widget and no
ballot model, reads totals only through :class:`ResultsModel` (empty until a
round is closed and revealed), and shows none of the console's hints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.changes import ChangeSet
from ...domain.model import Pillar, Step
from ..models.goals import PillarGoalsModel
from ..models.voting import ResultsModel
from ..room_timer import RoomClock, RoomTimerWidget
from ..session import Session
from .boards import AccountabilityView, GoalsView
from .canvas import elide_words, floor_px_for
from .colours import PROJECTOR, projector_palette
from .results import PrioritiesView, ProgressView
from .views import STEPS, BlankCard, CharterView, PaintedView, SetupView, VisionView

HEADINGS = {step: step.label for step in Step} | {Step.SETUP: "Welcome"}
"""The room's name for each step: the console's "Set up" is the room's welcome."""
PROGRESS = "progress"
"""What :meth:`AudienceWindow.showing` says while the progress board is up."""
FOCUS_STEPS = (Step.GOALS, Step.ACCOUNTABILITY)
"""The steps whose screen shows the selected goal in focus."""


class FittedLabel(QLabel):
    """A one-line label that ends in "…" when it is too long, instead of being cut."""

    def __init__(self, colour: str) -> None:
        super().__init__()
        self.colour = colour
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def shown_text(self) -> str:
        """The text as drawn at the label's width now."""
        return elide_words(self.font(), self.text(), float(self.width()))

    def minimumSizeHint(self) -> QSize:
        return QSize(0, round(QFontMetricsF(self.font()).height()))

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        return QSize(round(metrics.horizontalAdvance(self.text())) + 2, round(metrics.height()))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setFont(self.font())
        painter.setPen(QColor(self.colour))
        align = self.alignment() | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(self.rect()), align, self.shown_text())
        painter.end()


class AudienceWindow(QWidget):
    """The projector's window: the current step, read-only, large, in the projector theme."""

    sig_closed = Signal()
    """The window was closed from its title bar (not by the console)."""

    sig_move_requested = Signal(int)
    """A presenter's clicker or arrow key asked for the next (1) or previous (-1) step."""

    sig_page_changed = Signal(int, int)
    """The room sees page (int, from 1) of (int) pages now."""

    def __init__(self, clock: RoomClock | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("audience")
        # The desktop adds the app's name after it ("Audience screen — CX Workshop").
        self.setWindowTitle("Audience screen")
        self.setAccessibleName("Audience screen")
        self.session: Session | None = None
        self.step = Step.SETUP
        self.selected_goal: str | None = None
        self.overview = False
        """The facilitator asked for the overview although a goal is selected."""
        self.progress_board = False
        """The progress board is up (the facilitator has the progress reviews open)."""
        self.page = 0
        self._page_count: int | None = None
        self.blanked = False
        self.ballot_in_progress = False
        self.base_px = floor_px_for(720)
        self.family = QApplication.font().family()
        self._closing_from_console = False

        self.setPalette(projector_palette())
        self.setAutoFillBackground(True)
        # The app's stylesheet styles the console; this window sets its own look.
        self.setStyleSheet(
            f"#audience, #audience QWidget {{ background: {PROJECTOR.background};"
            f" color: {PROJECTOR.text}; }}"
        )

        self.goal_models = {p: PillarGoalsModel(p, parent=self) for p in Pillar}
        self.results_model = ResultsModel(parent=self)

        self.context = FittedLabel(PROJECTOR.muted)
        self.context.setAccessibleName("Workshop")
        self.position = QLabel()
        self.position.setAccessibleName("Step number")
        self.position.setStyleSheet(f"color: {PROJECTOR.muted};")
        self.timer = RoomTimerWidget(clock)
        self.heading = FittedLabel(PROJECTOR.text)
        self.heading.setAccessibleName("Step")
        self.pager = QLabel()
        self.pager.setAccessibleName("Page")
        self.pager.setStyleSheet(f"color: {PROJECTOR.text};")

        self.views: dict[Step, PaintedView] = {
            Step.SETUP: SetupView(self),
            Step.VISION: VisionView(self),
            Step.GOALS: GoalsView(self),
            Step.ACCOUNTABILITY: AccountabilityView(self),
            Step.PRIORITIES: PrioritiesView(self),
            Step.CHARTER: CharterView(self),
        }
        self.progress_view = ProgressView(self)
        self.blank_card = BlankCard(self)
        self.stack = QStackedWidget()
        for view in (*self.views.values(), self.progress_view, self.blank_card):
            self.stack.addWidget(view)

        top = QHBoxLayout()
        top.setSpacing(0)
        top.addWidget(self.context, 1)
        top.addWidget(self.position)
        top.addWidget(self.timer, 0, Qt.AlignmentFlag.AlignVCenter)
        self._top = top
        second = QHBoxLayout()
        second.addWidget(self.heading, 1)
        second.addWidget(self.pager, 0, Qt.AlignmentFlag.AlignBottom)
        self._second = second
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addLayout(second)
        self._layout.addWidget(self.stack, 1)

        # Presenting on the only screen, Esc gives the console back. A presenter's clicker
        # (Page Down / Page Up) turns the pages, then walks on to the next step; the arrow
        # keys walk the steps.
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.escape.setContext(Qt.ShortcutContext.WindowShortcut)
        for key, delta in ((Qt.Key.Key_PageDown, 1), (Qt.Key.Key_PageUp, -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda d=delta: self.click(d))
        for key, delta in ((Qt.Key.Key_Right, 1), (Qt.Key.Key_Left, -1)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.activated.connect(lambda d=delta: self.sig_move_requested.emit(d))

        self.resize(1280, 720)
        self._rescale()
        self.refresh()

    # -- what it follows -----------------------------------------------------------

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s workshop (None: a blank card)."""
        if self.session is not None:
            self.session.sig_changes.disconnect(self._follow)
        self.session = session
        self.selected_goal = None
        self.page = 0
        for model in self.goal_models.values():
            model.set_session(session)
        self.results_model.set_session(session)
        if session is not None:
            session.sig_changes.connect(self._follow)
        self.refresh()

    def _follow(self, changes: ChangeSet) -> None:
        """Show what one edit changed: the same change set the facilitator's window follows."""
        if changes.everything or changes.details or changes.reviews:
            self.refresh()
            return
        for model in self.goal_models.values():
            model.apply_changes(changes)
        if changes.rounds or changes.goal_rows or changes.goals_changed:
            self.results_model.sync()
        if changes:
            # A longer title or another holder can move what fits on a page.
            self.forget_pages()
            self.show_page()

    def set_step(self, step: Step) -> None:
        if step is not self.step:
            self.step = step
            self.page = 0
            self.refresh()

    def set_selected_goal(self, goal_id: str | None) -> None:
        """Follow the facilitator's selected goal: in focus on the goal screens ("": none)."""
        goal_id = goal_id or None
        if goal_id != self.selected_goal:
            self.selected_goal = goal_id
            # A new selection brings the focus back; none leaves the overview on its page.
            if goal_id is not None:
                self.overview = False
                self.page = 0
            self.refresh()

    def set_overview(self, overview: bool) -> None:
        """Show the overview (True), on the page with the selected goal, or that goal in
        focus (False)."""
        if overview != self.overview:
            self.overview = overview
            self.page = 0
            self.refresh()
            if overview and self.selected_goal is not None:
                self.page = self.current_view().page_of(self.selected_goal) or 0
                self.show_page()

    def set_progress_board(self, shown: bool) -> None:
        """Show the progress board instead of the step (the progress reviews are open)."""
        if shown != self.progress_board:
            self.progress_board = shown
            self.page = 0
            self.refresh()

    def set_round(self, round_id: str | None) -> None:
        """Show the results of the round the console shows (once it is closed and revealed)."""
        if round_id == self.results_model.round_id:
            return  # the same round: its changes arrive as change sets (see _follow)
        self.results_model.set_round(round_id)
        self.refresh()

    def set_blanked(self, blanked: bool) -> None:
        if blanked != self.blanked:
            self.blanked = blanked
            self.refresh()

    def set_ballot_in_progress(self, voting: bool) -> None:
        """While a voter has the laptop the room sees only a neutral card, whatever else is set."""
        if voting != self.ballot_in_progress:
            self.ballot_in_progress = voting
            self.refresh()

    def showing(self) -> str:
        """What the room sees: "ballot", "blank", "progress", or the step's value."""
        if self.ballot_in_progress:
            return "ballot"
        if self.blanked or self.session is None:
            return "blank"
        if self.progress_board:
            return PROGRESS
        return self.step.value

    def focused_goal(self) -> str | None:
        """The goal the screen shows in focus now, or None for the overview."""
        if self.overview or self.selected_goal is None:
            return None
        if self.progress_board or self.step in FOCUS_STEPS:
            return self.selected_goal
        return None

    # -- pages -----------------------------------------------------------------------

    def current_view(self) -> PaintedView:
        widget = self.stack.currentWidget()
        assert isinstance(widget, PaintedView)
        return widget

    def page_count(self) -> int:
        """How many pages the room's screen has now (counted once per change)."""
        if self._page_count is None:
            self._page_count = self.current_view().page_count()
        return self._page_count

    def forget_pages(self) -> None:
        """What the screen shows, or its size, changed: count the pages anew."""
        self._page_count = None

    def turn_page(self, delta: int) -> bool:
        """Show the next (1) or previous (-1) page; False when there is none that way."""
        target = self.page + delta
        if not 0 <= target < self.page_count():
            return False
        self.page = target
        self.show_page()
        return True

    def click(self, delta: int) -> None:
        """A presenter's clicker: the next page, and past the last one the next step."""
        if not self.turn_page(delta):
            self.sig_move_requested.emit(delta)

    def show_page(self) -> None:
        count = self.page_count()
        self.page = max(0, min(self.page, count - 1))
        self.pager.setText(f"{self.page + 1} / {count}" if count > 1 else "")
        self.pager.setVisible(count > 1)
        self.current_view().update()
        self.sig_page_changed.emit(self.page + 1, count)

    # -- showing it ------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the workshop and show what the room may see now."""
        self.forget_pages()
        for model in self.goal_models.values():
            model.sync()
        self.results_model.sync()
        ws = None if self.session is None else self.session.workshop
        self.context.setText(" · ".join(v for v in (ws.organisation, ws.title) if v) if ws else "")
        showing = self.showing()
        covered = showing in ("ballot", "blank")
        self.heading.setVisible(not covered)
        self.position.setVisible(not covered and showing != PROGRESS)
        if showing == PROGRESS:
            self.heading.setText("Progress")
        elif not covered:
            i = STEPS.index(self.step)
            self.heading.setText(HEADINGS[self.step])
            self.position.setText(f"Step {i + 1} of {len(STEPS)}")
        if covered:
            widget: PaintedView = self.blank_card
        elif showing == PROGRESS:
            widget = self.progress_view
        else:
            widget = self.views[self.step]
        self.stack.setCurrentWidget(widget)
        self.context.update()
        self.heading.update()
        self.show_page()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()

    def _rescale(self) -> None:
        """Every size from the window's height, so a projector and a 4K screen look alike."""
        base = floor_px_for(self.height())
        self.base_px = base
        self.forget_pages()

        def font(factor: float, bold: bool = False) -> QFont:
            f = QFont(self.family)
            f.setPixelSize(max(base, round(base * factor)))
            f.setBold(bold)
            return f

        self.setFont(font(1.0))
        for label in (self.context, self.position, self.pager):
            label.setFont(font(1.0))
        self.pager.setFont(font(1.0, bold=True))
        self.heading.setFont(font(1.6, bold=True))
        self.timer.setFont(font(1.0))
        self.timer.updateGeometry()
        margin = round(base * 1.0)
        self._layout.setContentsMargins(margin, round(base * 0.4), margin, round(base * 0.6))
        self._layout.setSpacing(round(base * 0.3))
        self._top.setSpacing(round(base * 0.8))
        self._second.setSpacing(round(base * 0.8))
        if hasattr(self, "stack"):
            self.show_page()

    def add_phones_panel(self, panel: QWidget) -> None:
        """Show ``panel`` (how to join from a phone) under the step's view."""
        self._layout.addWidget(panel)

    # -- what the tests and the screenshots read ----------------------------------

    def rendered_text(self) -> list[str]:
        """Every text the room can see now: labels, painted views and the timer."""
        out = []
        for label in self.findChildren(QLabel):
            if label.isVisibleTo(self) and label.text():
                out.append(label.shown_text() if isinstance(label, FittedLabel) else label.text())
        out += self.current_view().texts()
        if self.timer.isVisibleTo(self):
            out.append(self.timer.text())
        return out

    # -- closing -------------------------------------------------------------------

    def close_from_console(self) -> None:
        """Hide without reporting a close by the user."""
        self._closing_from_console = True
        try:
            self.hide()
        finally:
            self._closing_from_console = False

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        if not self._closing_from_console:
            self.sig_closed.emit()

    def sizeHint(self) -> QSize:
        return QSize(1280, 720)


# ----------------------------------------------------------------- pictures for the README


def render_png(
    session: Session,
    step: Step,
    path: Path | str,
    size: tuple[int, int] = (1920, 1080),
    *,
    goal_id: str | None = None,
    round_id: str | None = None,
    clock: RoomClock | None = None,
    overview: bool = False,
    progress: bool = False,
    page: int = 0,
) -> Path:
    """Save the audience view of ``step`` at ``size`` as a PNG, as the room would see it.

    ``goal_id`` is the selected goal (in focus unless ``overview``); ``round_id`` the
    round whose results show (default: the workshop's latest round); ``progress``
    shows the progress board. Needs a QApplication.
    """
    window = AudienceWindow(clock)
    try:
        window.set_session(session)
        window.set_step(step)
        window.set_selected_goal(goal_id)
        window.set_overview(overview)
        window.set_progress_board(progress)
        rounds = session.workshop.rounds
        window.set_round(round_id or (rounds[-1].id if rounds else None))
        window.resize(*size)
        window.show()
        for _ in range(3):
            QApplication.processEvents()
        for _ in range(page):
            window.turn_page(1)
        QApplication.processEvents()
        target = Path(path)
        window.grab().save(str(target))
        return target
    finally:
        window.close_from_console()
        window.deleteLater()


__all__ = ["HEADINGS", "PROGRESS", "AudienceWindow", "FittedLabel", "render_png"]
