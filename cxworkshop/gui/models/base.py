"""Item models over the loaded workshop that announce exactly what changed.

The workshop (domain objects in the store's cache) is the only state. A model
remembers the keys and a snapshot of each row it last showed; ``sync()``
compares them with the workshop now and emits precise rowsRemoved /
rowsInserted / dataChanged signals, so views keep their selection and scroll.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex

DRAGGABLE_ROW = (
    Qt.ItemFlag.ItemIsEnabled
    | Qt.ItemFlag.ItemIsSelectable
    | Qt.ItemFlag.ItemIsDragEnabled
    | Qt.ItemFlag.ItemNeverHasChildren
)
"""The flags of a row that can be picked up and dragged (and holds nothing under it)."""


def apply_diff(
    old: Sequence[Hashable],
    new: Sequence[Hashable],
    remove: Callable[[int, int], None],
    insert: Callable[[int, int, int], None],
) -> None:
    """Turn ``old`` into ``new`` by calls to remove(first, last) and insert(at, b0, b1).

    ``insert`` puts ``new[b0:b1]`` at row ``at``. The calls run from the end,
    so the row numbers of the ones still to come stay valid.
    """
    if old == new:
        return
    # The common cases of a first fill and of emptying need no diff at all.
    if not old:
        insert(0, 0, len(new))
        return
    if not new:
        remove(0, len(old) - 1)
        return
    import difflib

    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, a0, a1, b0, b1 in reversed(matcher.get_opcodes()):
        if tag in ("delete", "replace"):
            remove(a0, a1 - 1)
        if tag in ("insert", "replace"):
            insert(a0, b0, b1)


class SyncedTableModel(QAbstractTableModel):
    """A flat table (or list, with one column) whose rows follow a list in the workshop.

    Subclasses implement ``rows()`` (the current items, in display order),
    ``row_key(item)`` (a stable identity) and ``row_snapshot(item)`` (a value
    that changes whenever the row's display changes), plus ``data()``.
    ``flags()`` is Qt's default for a table (enabled and selectable) unless
    a subclass says more.
    """

    columns: Sequence[str] = ("",)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._keys: list[Hashable] = []
        self._snaps: list[Any] = []

    # -- to implement --------------------------------------------------------

    def rows(self) -> list[Any]:
        raise NotImplementedError

    def row_key(self, item: Any) -> Hashable:
        return item.id  # type: ignore[no-any-return]

    def row_snapshot(self, item: Any) -> Any:
        return repr(item)

    # -- the item model ------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section]
        return None

    def item(self, row: int) -> Any:
        return self._items[row]

    def item_at(self, index: Index) -> Any | None:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        return self._items[index.row()]

    def row_of(self, key: Hashable) -> int:
        """The row showing ``key``, or -1."""
        try:
            return self._keys.index(key)
        except ValueError:
            return -1

    def keys(self) -> list[Hashable]:
        return list(self._keys)

    # -- following the workshop ---------------------------------------------

    def sync(self) -> None:
        """Bring the rows in line with the workshop, announcing each difference."""
        items = list(self.rows())
        keys = [self.row_key(i) for i in items]
        snaps = [self.row_snapshot(i) for i in items]

        def remove(first: int, last: int) -> None:
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._items[first : last + 1], self._keys[first : last + 1]
            del self._snaps[first : last + 1]
            self.endRemoveRows()

        def insert(at: int, b0: int, b1: int) -> None:
            self.beginInsertRows(QModelIndex(), at, at + (b1 - b0) - 1)
            self._items[at:at] = items[b0:b1]
            self._keys[at:at] = keys[b0:b1]
            self._snaps[at:at] = snaps[b0:b1]
            self.endInsertRows()

        apply_diff(list(self._keys), keys, remove, insert)
        self._items = items
        self._emit_changed(range(len(keys)), snaps)

    def refresh_rows(self, keys: Iterable[Hashable]) -> None:
        """Re-read just the rows showing ``keys`` (changed in place), announcing each that changed.

        For an edit that changed items but not which rows there are or their
        order; anything else needs :meth:`sync`.
        """
        last_column = self.columnCount() - 1
        for key in keys:
            row = self.row_of(key)
            if row < 0:
                continue
            snap = self.row_snapshot(self._items[row])
            if snap != self._snaps[row] and last_column >= 0:
                self._snaps[row] = snap
                self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))

    def _emit_changed(self, rows: range, snaps: list[Any]) -> None:
        old = self._snaps
        self._keys = [self.row_key(i) for i in self._items]
        self._snaps = snaps
        changed = [r for r in rows if r >= len(old) or old[r] != snaps[r]]
        if not changed or self.columnCount() == 0:
            return
        last_column = self.columnCount() - 1
        # One signal per run of neighbouring rows.
        start = prev = changed[0]
        for r in [*changed[1:], None]:
            if r is not None and r == prev + 1:
                prev = r
                continue
            self.dataChanged.emit(self.index(start, 0), self.index(prev, last_column))
            if r is not None:
                start = prev = r
