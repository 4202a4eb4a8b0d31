"""An open workshop's view: its title, the step bar, the current step's page, Back and Next.

Imported when a workshop is first opened, so the library's start does not pay for it.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.model import Status, Step
from . import theme
from .pages.base import StepPage
from .status import StatusMenu, status_text
from .step_bar import StepBar
from .widgets.keys import chain_end, chain_of

if TYPE_CHECKING:
    from .session import Session

STEPS = list(Step)


def make_page(step: Step, parent: QWidget | None = None) -> StepPage:
    """A new page for ``step``; its module is imported here, when the page is first wanted.

    The Goals and Accountability pages are made in ``parent``: what they hold is then
    styled once, where it stays (inside the workshop's content mark), instead of again
    when the page is moved in.
    """
    if step is Step.SETUP:
        from .pages.setup import SetupPage

        return SetupPage()
    if step is Step.VISION:
        from .pages.vision import VisionPage

        return VisionPage()
    if step is Step.GOALS:
        from .pages.goals import GoalsPage

        return GoalsPage(parent)
    if step is Step.ACCOUNTABILITY:
        from .pages.accountability import AccountabilityPage

        return AccountabilityPage(parent)
    if step is Step.PRIORITIES:
        from .pages.priorities.page import PrioritiesPage

        return PrioritiesPage()
    from .pages.charter import CharterPage

    return CharterPage()


class Pages(Mapping[Step, StepPage]):
    """The steps' pages, each built (and its module imported) the first time it is asked for.

    Opening a workshop builds only the page of the step it opens at; the
    others follow when the facilitator goes to them, or when something asks
    for them (an export, a test). :meth:`built` gives the pages there are now.
    """

    def __init__(self, view: WorkshopView) -> None:
        self._view = view
        self._built: dict[Step, StepPage] = {}

    def __getitem__(self, step: Step) -> StepPage:
        page = self._built.get(step)
        if page is None:
            page = self._built[step] = self._view._build_page(step)
            self._view.sig_page_built.emit(page)
        return page

    def __iter__(self) -> Iterator[Step]:
        return iter(STEPS)

    def __len__(self) -> int:
        return len(STEPS)

    def built(self) -> dict[Step, StepPage]:
        """The pages built so far, by step."""
        return dict(self._built)


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when the window is narrower than it.

    A plain label insists on its whole text as its minimum width, which would
    push the window past a small laptop screen at a large zoom.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        self.setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        )


class WorkshopView(QWidget):
    """An open workshop: its title, the step bar, the current step's page, Back and Next."""

    sig_page_built = Signal(StepPage)
    """A step's page was just built and given the open session: wire it up."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session: Session | None = None
        self.title = ElidedLabel()
        self.title.setProperty("cxRole", "heading")
        self.title.setAccessibleName("Workshop title")
        # The status beside the title, and the way to set it by hand.
        self.status_menu = StatusMenu(parent=self)
        self.status_button = QToolButton()
        self.status_button.setMenu(self.status_menu)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.status_button.setAccessibleName("Workshop status")
        self.status_button.setToolTip(
            "Draft while you prepare; Running once the room starts (audience screen or "
            "timer); Done once the final charter is exported. Click to set it by hand."
        )
        self.step_bar = StepBar()
        self.stack = QStackedWidget()
        self.pages = Pages(self)
        """Each step's page, built when first wanted (see :class:`Pages`)."""
        self.back_button = QPushButton("‹ Back")
        self.back_button.setAccessibleName("Back to the previous step")
        self.next_button = QPushButton("Next ›")
        self.next_button.setProperty("cxRole", "primary")
        self.next_button.setAccessibleName("On to the next step")
        self.position = QLabel()
        self.position.setProperty("cxRole", "muted")
        # Whole or not at all (the step bar says it too): it gives way first on a
        # narrow screen, so that Back, the timer and Next stay in the window.
        self.position.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        footer = QHBoxLayout()
        footer.addWidget(self.back_button)
        footer.addStretch(1)
        footer.addWidget(self.position)
        footer.addStretch(1)
        footer.addWidget(self.next_button)
        self.footer = footer

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(12)
        heading = QHBoxLayout()
        heading.setSpacing(16)
        heading.addWidget(self.title, 1)
        heading.addWidget(self.status_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(heading)
        layout.addWidget(self.step_bar)
        layout.addWidget(self.stack, 1)
        layout.addLayout(footer)

    def _build_page(self, step: Step) -> StepPage:
        """Build the page of ``step``, showing the open session's workshop."""
        page = make_page(step, self.stack)
        # Stylesheet fonts reach only children present when the parent is
        # polished: a page added later carries the content mark itself.
        theme.mark_content(page)
        self.stack.addWidget(page)
        self._footer_after(page)
        if self.session is not None:
            page.set_session(self.session)
        return page

    def _footer_after(self, page: StepPage) -> None:
        """Tab goes from the page's last control on to Back and Next, as on every page.

        A widget added to a window joins the end of its Tab order: a page built
        after the footer would otherwise come after it.
        """
        last = chain_end(page)
        for i in range(self.footer.count()):
            item = self.footer.itemAt(i)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            for stop in chain_of(widget):
                QWidget.setTabOrder(last, stop)
                last = stop

    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s workshop on the pages built so far, and on those built later."""
        self.session = session
        for page in self.pages.built().values():
            page.set_session(session)

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            # Resized, or something in it changed size (a button's text, the timer).
            self._fit_footer()
        return super().event(event)

    def _fit_footer(self) -> None:
        """Show the step's position in the footer only if everything there fits whole."""
        label = self.position
        whole = label.sizeHint().width()
        if label.isVisibleTo(self):
            item = self.footer.itemAt(self.footer.indexOf(label))
            layout = self.layout()
            assert item is not None and layout is not None, "the label sits in the footer"
            shown = item.sizeHint().width()
            margins = layout.contentsMargins()
            room = self.width() - margins.left() - margins.right()
            needed = self.footer.sizeHint().width() - shown + whole
            label.setMaximumWidth(whole if needed <= room else 0)

    def show_status(self, status: Status) -> None:
        """Show the workshop's status beside its title, as a symbol and a word."""
        # The arrow says a click opens a menu: the theme draws no indicator of its own.
        self.status_button.setText(f"Status: {status_text(status)}  ▾")
        self.status_button.setAccessibleDescription(f"{status.label}; choose to change it")
        self.status_menu.set_current(status)

    def show_step(self, step: Step) -> None:
        self.stack.setCurrentWidget(self.pages[step])
        self.step_bar.set_current(step)
        i = STEPS.index(step)
        self.back_button.setEnabled(i > 0)
        self.next_button.setEnabled(i < len(STEPS) - 1)
        self.next_button.setText(f"{STEPS[i + 1].label} ›" if i < len(STEPS) - 1 else "Next ›")
        self.back_button.setText(f"‹ {STEPS[i - 1].label}" if i > 0 else "‹ Back")
        self.position.setText(f"Step {i + 1} of {len(STEPS)}: {step.label}")
