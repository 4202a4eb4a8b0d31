"""The library's table: every workshop in the store, newest first, filtered as the user types."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from typing import Any

from PySide6.QtCore import QObject, Qt

from ...domain.model import Status
from ...domain.wording import size_text
from ...storage.store import Store, WorkshopSummary
from ..roles import SUMMARY_ROLE, WORKSHOP_ID_ROLE
from .base import Index, SyncedTableModel

# Fixed English month names: the rest of the app's text is English, and the
# system locale must not turn one row into "12 nov. 2026" and the next into "Yesterday".
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

STATUS_SYMBOLS = {Status.DRAFT: "○", Status.RUNNING: "◐", Status.DONE: "✓"}
"""A shape beside each status word, so the state reads at a glance without colour."""


def short_date(day: dt.date) -> str:
    """A date as people write it: ``12 Nov 2026``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def last_edited(when: dt.datetime | None, now: dt.datetime | None = None) -> str:
    """When a workshop was last edited, in local time.

    ``Today 14:05``, ``Yesterday``, or the date: ``12 Nov 2026``.
    """
    return _edited_text(when, (now or dt.datetime.now(dt.UTC)).astimezone().date())


def _edited_text(when: dt.datetime | None, today: dt.date) -> str:
    if when is None:
        return ""
    # Stored times are UTC; a naive one (older files) is taken to be UTC too.
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    if local.date() == today:
        return f"Today {local:%H:%M}"
    if local.date() == today - dt.timedelta(days=1):
        return "Yesterday"
    return short_date(local.date())


def status_text(status: Status) -> str:
    """The status as a symbol and a word: ``◐ Running``."""
    return f"{STATUS_SYMBOLS[status]} {status.label}"


class LibraryModel(SyncedTableModel):
    """The workshops in the store, most recently edited first, matching the search."""

    TITLE, ORGANISATION, DATE, STATUS, EDITED = range(5)
    columns = ("Title", "Organisation", "Date", "Status", "Last edited")

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._search = ""
        self._today = dt.date.today()
        self.sync()

    @property
    def search(self) -> str:
        return self._search

    def set_search(self, text: str) -> None:
        """Show only workshops whose title or organisation contains ``text`` (any case)."""
        if text != self._search:
            self._search = text
            self.sync()

    def summaries(self) -> list[WorkshopSummary]:
        """The workshops shown now, in order."""
        return [self.item(row) for row in range(self.rowCount())]

    def sync(self) -> None:
        # One "today" for every row (and not a clock reading per row).
        self._today = dt.datetime.now(dt.UTC).astimezone().date()
        super().sync()

    def rows(self) -> list[WorkshopSummary]:
        # The store already orders by last edit, newest first.
        return self.store.list_workshops(self._search)

    def row_key(self, item: Any) -> Hashable:
        return item.id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        # "Today 14:05" turns into "Yesterday" at midnight without any edit, so the
        # day is part of what a row looks like; the text is made when a row is shown.
        return (item, self._today)

    def summary(self, workshop_id: int) -> WorkshopSummary | None:
        """The shown summary of this workshop, or None when the search hides it."""
        row = self.row_of(workshop_id)
        return None if row < 0 else self.item(row)

    def id_at(self, row: int) -> int:
        return int(self.item(row).id)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def column_texts(self, column: int) -> set[str]:
        """Every text the column shows now (to measure the widest)."""
        return {self._text(row, column) for row in range(self.rowCount())}

    def _text(self, row: int, column: int) -> str:
        s: WorkshopSummary = self.item(row)
        if column == self.TITLE:
            return s.title
        if column == self.ORGANISATION:
            return s.organisation
        if column == self.DATE:
            return "" if s.date is None else short_date(s.date)
        if column == self.STATUS:
            return status_text(s.status)
        return _edited_text(s.updated_at, self._today)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        s: WorkshopSummary | None = self.item_at(index)
        if s is None or not 0 <= index.column() < len(self.columns):
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # A screen reader should say "Running", not the name of a symbol.
            if column == self.STATUS and role == Qt.ItemDataRole.AccessibleTextRole:
                return s.status.label
            return self._text(index.row(), column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(s)
        if role == WORKSHOP_ID_ROLE:
            return s.id
        if role == SUMMARY_ROLE:
            return s
        return None

    def _tooltip(self, s: WorkshopSummary) -> str:
        where = f" — {s.organisation}" if s.organisation else ""
        return f"{s.title}{where}\n{size_text(*self.store.counts(s.id))}\nStatus: {s.status.label}"
