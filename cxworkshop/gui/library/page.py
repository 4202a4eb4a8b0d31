"""The start screen: a search field, the table of workshops, a row of action
buttons and the recently opened workshops.

The page shows; :class:`~cxworkshop.gui.library.actions.Library` acts.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QHideEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.errors import WorkshopError
from ...domain.model import Step
from ...domain.wording import plural, size_text
from ...storage.store import WorkshopSummary
from .. import theme
from ..library_frame import LibraryFrame, role_label
from ..models.library import LibraryModel
from ..roles import WORKSHOP_ID_ROLE
from .views import BigButton, FlowRow, RecentList, SearchField, WorkshopTable

MAX_RECENT_SHOWN = 8


class LibraryPage(LibraryFrame):
    """The start screen: find a workshop, open it, or start a new one."""

    sig_open_requested = Signal(int)
    """The facilitator asked to open this workshop."""

    sig_new_requested = Signal()
    """The facilitator asked for a new workshop (from the empty library's button)."""

    sig_demo_requested = Signal()
    """The facilitator asked to open the demo workshop."""

    sig_import_requested = Signal()
    """The facilitator asked to import a workshop file (from the empty library)."""

    sig_selection_changed = Signal()
    """A different workshop (or none) is selected in the table."""

    sig_context_menu_requested = Signal(QPoint)
    """The facilitator asked for the selected workshop's menu (right-click or the Menu key),
    at this point of the screen."""

    WATCH_INTERVAL_MS = 1000
    """How often the shown library looks for workshops added, renamed or deleted elsewhere."""

    def __init__(self, model: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fresh = False
        self.model = model
        # The command line may add workshops while the app runs: while the page
        # is shown, it asks the file (cheaply) whether anyone else wrote to it.
        self._seen_version: int | None = None
        self._watch = QTimer(self)
        self._watch.setInterval(self.WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self._look_for_changes_elsewhere)
        self._recent_ids: list[int] = []
        self._action_buttons: list[QToolButton] = []
        self.setObjectName("libraryPage")
        self.setAccessibleName("Workshop library")

        # Containers first, children after: a widget tree added to its parent in
        # one piece is restyled once more as a whole.
        self.body = QStackedWidget()
        self.set_body(self.body)
        self._build_library()
        # Built the first time it is needed: most starts have workshops, and most
        # searches find some.
        self.empty_view: QWidget | None = None
        self.no_match: QWidget | None = None

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        model.modelReset.connect(self._after_model_change)
        model.dataChanged.connect(self._after_data_change)
        model.rowsInserted.connect(self._after_model_change)
        model.rowsRemoved.connect(self._after_model_change)
        self._tab_order()
        self._fit_to_font()
        self.refresh(reread=False)

    # -- building ------------------------------------------------------------

    def _build_library(self) -> None:
        self.library_view = QWidget()
        self.body.addWidget(self.library_view)
        grid = QGridLayout(self.library_view)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(14)

        self.search = SearchField()
        self.search.setPlaceholderText("Search workshops…")
        self.search.setAccessibleName("Search workshops")
        self.search.setAccessibleDescription(
            "Shows the workshops whose title or organisation contains what you type"
        )
        self.search.setToolTip("Search by title or organisation (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.sig_down.connect(self.focus_table)
        self.search.returnPressed.connect(self._open_from_search)

        self.table = WorkshopTable()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Workshops")
        self.table.setAccessibleDescription("Double-click or press Enter to open a workshop")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setSortingEnabled(False)
        self.table.setTabKeyNavigation(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        # Cells start where their column headings start (the theme pads headings alike).
        self.table.setProperty("cxRole", "library")
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionsClickable(False)
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (
            LibraryModel.ORGANISATION,
            LibraryModel.DATE,
            LibraryModel.STATUS,
            LibraryModel.EDITED,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.table.fit_rows()
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.sig_chosen.connect(self.request_open)
        self.table.sig_up_from_top.connect(self.focus_search)
        self.table.sig_menu_requested.connect(self.sig_context_menu_requested)

        self.results = QStackedWidget()
        self.results.addWidget(self.table)

        self.actions_row = FlowRow()
        self.count_label = role_label("", "muted")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.recent_heading = role_label("Recently opened", "subheading")
        self.recent = RecentList()
        self.recent.setAccessibleName("Recently opened workshops")
        self.recent.setAccessibleDescription("Click or press Enter to open a workshop")
        self.recent.sig_chosen.connect(self._open_recent)
        self.recent.currentItemChanged.connect(self._recent_current_changed)
        self.recent_hint = role_label(
            "The workshops you open will be listed here.", "hint", wrap=True
        )
        self.recent_hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.recent_box = recent_box = QWidget()
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.setContentsMargins(0, 0, 0, 0)
        recent_layout.setSpacing(0)
        recent_layout.addWidget(self.recent, 1)
        recent_layout.addWidget(self.recent_hint, 1)

        search_heading = QWidget()
        search_heading_layout = QHBoxLayout(search_heading)
        search_heading_layout.setContentsMargins(0, 0, 0, 0)
        search_heading_layout.addWidget(role_label("Your workshops", "subheading"))
        search_heading_layout.addStretch(1)
        search_heading_layout.addWidget(self.count_label)
        grid.addWidget(search_heading, 0, 0)
        grid.addWidget(self.recent_heading, 0, 1)
        grid.addWidget(self.search, 1, 0)
        grid.addWidget(self.results, 2, 0)
        grid.addWidget(recent_box, 1, 1, 2, 1)
        # The buttons run under both columns, so a narrow window still fits them all.
        grid.addLayout(self.actions_row, 3, 0, 1, 2)
        # Ignored widths, so the two columns share the width 3 : 1 whatever they hold.
        for part in (self.results, recent_box, search_heading, self.recent_heading):
            policy = part.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
            part.setSizePolicy(policy)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(2, 1)

    def _build_no_match(self) -> QWidget:
        self.no_match = no_match = QWidget()
        # Made after the page was styled: it carries the content's text size itself.
        theme.mark_content(no_match)
        self.results.addWidget(no_match)
        no_match_layout = QVBoxLayout(no_match)
        no_match_layout.setContentsMargins(0, 24, 0, 0)
        no_match_layout.setSpacing(12)
        self.no_match_label = role_label("", "subheading", wrap=True)
        self.no_match_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.clear_search_button = QPushButton("Clear the search")
        self.clear_search_button.setAccessibleName("Clear the search")
        self.clear_search_button.clicked.connect(self._clear_search)
        no_match_layout.addWidget(self.no_match_label)
        no_match_layout.addWidget(self.clear_search_button, 0, Qt.AlignmentFlag.AlignHCenter)
        no_match_layout.addStretch(1)
        return no_match

    def _build_empty_state(self) -> QWidget:
        self.empty_view = empty_view = QWidget()
        # Made after the page was styled: it carries the content's text size itself.
        theme.mark_content(empty_view)
        self.body.addWidget(empty_view)
        empty_view.setAccessibleName("The library is empty")
        outer = QVBoxLayout(empty_view)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(2)

        self.empty_panel = panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setSpacing(14)
        heading = role_label("Welcome! Let's set up your first workshop.", "heading", wrap=True)
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        body = role_label(
            "Start a new workshop for your team, or look around the demo first: a finished "
            "workshop for an outdoor retailer, with goals, accountability and a vote.",
            "muted",
            wrap=True,
        )
        body.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        steps = role_label("  →  ".join(step.label for step in Step), "hint", wrap=True)
        steps.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        steps.setAccessibleName("The steps of a workshop: " + ", ".join(s.label for s in Step))

        self.empty_new_button = BigButton("New workshop…")
        self.empty_new_button.setProperty("cxRole", "primary")
        self.empty_new_button.setAccessibleName("New workshop")
        self.empty_new_button.setToolTip("Start a new workshop (Ctrl+N)")
        self.empty_new_button.clicked.connect(self.sig_new_requested)
        self.demo_button = BigButton("Open the demo workshop")
        self.demo_button.setAccessibleName("Open the demo workshop")
        self.demo_button.setToolTip("A finished example workshop to explore")
        self.demo_button.clicked.connect(self.sig_demo_requested)
        buttons = QHBoxLayout()
        buttons.setSpacing(16)
        buttons.addStretch(1)
        buttons.addWidget(self.empty_new_button)
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)

        self.empty_import_button = QPushButton("Import a workshop file…")
        self.empty_import_button.setFlat(True)
        # A link-like button: a quieter third choice beside the two big ones.
        self.empty_import_button.setProperty("cxRole", "link")
        self.empty_import_button.setAccessibleName("Import a workshop file")
        self.empty_import_button.setToolTip("Import a workshop exported from CX Workshop (Ctrl+I)")
        self.empty_import_button.clicked.connect(self.sig_import_requested)

        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addSpacing(18)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_import_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(18)
        layout.addWidget(steps)

        # Stretches rather than an alignment flag: an aligned widget gets its size
        # hint, which is too short for wrapped text, and the welcome would be cut off.
        # The panel takes the width up to its maximum; the stretches share the rest.
        panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(panel, 100)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(3)
        self._fit_to_font()
        return empty_view

    def set_actions(
        self, actions: Sequence[QAction | None], primary: QAction | None = None
    ) -> None:
        """Show ``actions`` as buttons under the table (None: a gap); ``primary`` stands out."""
        while self.actions_row.count():
            item = self.actions_row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._action_buttons = []
        for action in actions:
            if action is None:
                self.actions_row.add_gap(18)
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setAccessibleName(action.iconText())
            if action is primary:
                button.setProperty("cxRole", "primary")
            self.actions_row.addWidget(button)
            self._action_buttons.append(button)
        self._tab_order()

    @property
    def action_buttons(self) -> list[QToolButton]:
        return list(self._action_buttons)

    def _tab_order(self) -> None:
        chain: list[QWidget] = [self.search, self.table, *self._action_buttons, self.recent]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- what the controller uses --------------------------------------------

    def _after_data_change(self) -> None:
        self.table.forget_widths()
        self.table.share_width()

    def refresh(self, *, reread: bool = True) -> None:
        """Read the library again: the table, the count, the recent list, the empty state.

        ``reread=False`` shows what the model already holds (it was just read).
        """
        if reread:
            self.model.sync()
        self._fresh = True
        self._seen_version = self._data_version()
        # Without a search the table already holds every workshop: no second query.
        everything = (
            list(self.model.summaries())
            if not self.model.search
            else self.model.store.list_workshops()
        )
        self._show_counts(len(everything))
        self._show_recent(everything)
        self.sig_selection_changed.emit()

    def selected_id(self) -> int | None:
        """The workshop selected in the table, or None."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.id_at(rows[0].row())

    def select(self, workshop_id: int) -> bool:
        """Select this workshop in the table (clearing a search that hides it); False if absent."""
        row = self.model.row_of(workshop_id)
        if row < 0 and self.model.search:
            self.search.clear()
            row = self.model.row_of(workshop_id)
        if row < 0:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        return True

    def set_recent(self, ids: list[int], *, reread: bool = True) -> None:
        """Show these workshops as recently opened, most recent first.

        ``reread=False`` uses what the table holds (it was just read).
        """
        self._recent_ids = list(ids)
        self.refresh(reread=reread)

    def request_open(self, workshop_id: int) -> None:
        """Ask for this workshop to be opened."""
        self.sig_open_requested.emit(workshop_id)

    def focus_search(self) -> None:
        """Put the keyboard in the search field, its text selected to type over."""
        if self.body.currentWidget() is self.library_view:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()
        else:
            self.empty_new_button.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_table(self) -> None:
        """Move the keyboard into the table, onto the selected (or else the first) workshop."""
        if self.model.rowCount() == 0:
            return
        if self.selected_id() is None:
            self.select(self.model.id_at(0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- reacting ------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_to_font()

    def _fit_to_font(self) -> None:
        if not hasattr(self, "recent_box"):
            return  # a style change while the page is still being built
        # Measured in characters, so the zoom that enlarges the text widens these too.
        chars = self.fontMetrics().averageCharWidth()
        if self.empty_view is not None:
            self.empty_panel.setMaximumWidth(chars * 78)
        self.recent_box.setMinimumWidth(chars * 24)

    def _data_version(self) -> int | None:
        # None while the file is closed for a moment (a restore): look again later.
        return self.model.store.data_version()

    def _look_for_changes_elsewhere(self) -> None:
        version = self._data_version()
        if version is None or version == self._seen_version:
            return
        try:
            self.refresh()
        except WorkshopError as exc:
            # Say it once and stop looking, rather than every second: the file the
            # library cannot read is dealt with when it is next opened.
            self._watch.stop()
            self._seen_version = version
            logging.getLogger(__name__).error(
                "The library could not be read again: %s", type(exc).__name__
            )

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._fresh = False
        self._watch.stop()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._watch.start()
        # Coming back from a workshop: "Today" may have become "Yesterday",
        # and the keyboard should be ready to search.
        if not self._fresh:
            self.refresh()
        focus = self.focusWidget()
        if focus is None or not focus.isVisible():
            QTimer.singleShot(0, self, self.focus_search)

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._show_counts(len(self.model.store.list_workshops()))
        self.sig_selection_changed.emit()

    def _clear_search(self) -> None:
        self.search.clear()
        self.search.setFocus()

    def _open_from_search(self) -> None:
        # Type a few letters, press Enter: the (selected or else the top) match opens.
        if self.model.rowCount() == 0:
            return
        chosen = self.selected_id()
        self.request_open(chosen if chosen is not None else self.model.id_at(0))

    def _open_recent(self, workshop_id: int) -> None:
        self.select(workshop_id)
        self.request_open(workshop_id)

    def _recent_current_changed(self, current: QListWidgetItem | None) -> None:
        # The actions work on the table's selection; keep it on the workshop the
        # keyboard is on in the recent list, so Delete never hits another one.
        if current is None or not self.recent.hasFocus():
            return
        workshop_id = int(current.data(WORKSHOP_ID_ROLE))
        if self.model.row_of(workshop_id) >= 0:
            self.select(workshop_id)
        else:
            self.table.clearSelection()

    def _selection_changed(self) -> None:
        self.sig_selection_changed.emit()

    def _after_model_change(self) -> None:
        self.table.share_width()
        self.sig_selection_changed.emit()

    def _show_counts(self, total: int) -> None:
        shown = self.model.rowCount()
        empty = total == 0
        if empty:
            self.body.setCurrentWidget(self.empty_view or self._build_empty_state())
        else:
            self.body.setCurrentWidget(self.library_view)
        # Whoever focuses the page lands where work starts: the search, or New workshop.
        self.setFocusProxy(self.empty_new_button if empty else self.search)
        if shown == 0 and self.model.search.strip():
            self.results.setCurrentWidget(self.no_match or self._build_no_match())
            self.no_match_label.setText(f"No workshop matches “{self.model.search.strip()}”.")
        else:
            self.results.setCurrentWidget(self.table)
        if shown == total:
            self.count_label.setText(plural(total, "workshop", "workshops"))
        else:
            self.count_label.setText(f"Showing {shown} of {plural(total, 'workshop', 'workshops')}")

    def _show_recent(self, everything: Sequence[WorkshopSummary]) -> None:
        by_id = {s.id: s for s in everything}
        shown = [by_id[i] for i in self._recent_ids if i in by_id][:MAX_RECENT_SHOWN]
        self.recent.show_workshops(shown, lambda i: size_text(*self.model.store.counts(i)))
        self.recent.setVisible(bool(shown))
        self.recent_hint.setVisible(not shown)
