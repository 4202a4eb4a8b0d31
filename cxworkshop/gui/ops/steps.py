"""The kinds of undo step the workshop's lists share: add, change, remove.

Each function makes one :meth:`Session.edit` from a store operation, and
knows how that kind of edit is undone: an added item is removed again, a
change hands the previous values back to the same operation, and a removal
is restored with everything it took along. ``goal_id`` names the goal an
edit is about, if any: after an undo or redo of it, the boards show that goal.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from typing import Any, Protocol, TypeVar

from ...domain.editing import Removal
from ...domain.errors import WorkshopError
from ...domain.model import Workshop
from ..session import Session


class _Item(Protocol):
    id: str


ItemT = TypeVar("ItemT", bound=_Item)
FoundT = TypeVar("FoundT")


def found(
    session: Session, lookup: Callable[[Workshop, str], FoundT], item_id: str
) -> FoundT | None:
    """What ``lookup`` finds in the open workshop by its id; None once the window has
    been told, in one line, why there is no such thing (it went in another edit)."""
    try:
        return lookup(session.workshop, item_id)
    except WorkshopError as exc:
        session.sig_error.emit(str(exc))
        return None


def add_step(
    session: Session,
    text: str,
    item: ItemT,
    add: Callable[[int, ItemT], ItemT],
    remove: Callable[[int, str], object],
    *,
    goal_id: str | None = None,
) -> ItemT | None:
    """Add ``item`` with ``add`` as one undo step (undone by ``remove``); None if refused.

    ``item`` is a template: each run adds a fresh copy of it as it was when
    the step was made, so a redo adds exactly what was first added.
    """
    wid = session.workshop_id
    template = copy.deepcopy(item)
    return session.edit(
        text,
        lambda: add(wid, copy.deepcopy(template)),
        lambda added: remove(wid, added.id),
        goal_id=goal_id,
    )


def add_all_step(
    session: Session,
    text: str,
    items: Sequence[ItemT],
    add: Callable[[int, ItemT], ItemT],
    remove: Callable[[int, str], object],
    *,
    goal_id: str | None = None,
) -> list[ItemT] | None:
    """Add ``items`` in turn as ONE undo step; None if refused.

    The items given are templates: each run adds fresh copies with the same
    ids, so redo after undo brings back the very same items.
    """
    wid = session.workshop_id
    templates = [copy.deepcopy(i) for i in items]

    def remove_all(added: list[ItemT]) -> None:
        for item in reversed(added):
            remove(wid, item.id)

    def add_all() -> list[ItemT]:
        added: list[ItemT] = []
        try:
            for template in templates:
                added.append(add(wid, copy.deepcopy(template)))
        except WorkshopError:
            # Several transactions make this step; take back the ones that landed,
            # so one undo step never leaves half a list behind.
            remove_all(added)
            raise
        return added

    return session.edit(text, add_all, remove_all, goal_id=goal_id)


def update_step(
    session: Session,
    text: str,
    update: Callable[..., dict[str, Any]],
    /,
    *key: str,
    goal_id: str | None = None,
    **changes: Any,
) -> bool:
    """Change fields with ``update(workshop id, *key, **changes)`` as one undo step.

    ``update`` returns the previous values of the fields it changed; undo hands
    them back to it. False if refused. (The parameters before ``key`` are
    positional only, so a field may be called ``text``.)
    """
    wid = session.workshop_id
    done = session.edit(
        text,
        lambda: update(wid, *key, **changes),
        lambda previous: update(wid, *key, **previous),
        goal_id=goal_id,
    )
    return done is not None


def remove_step(
    session: Session,
    text: str,
    remove: Callable[[int, str], Removal],
    item_id: str,
    *,
    goal_id: str | None = None,
) -> bool:
    """Remove an item with ``remove`` as one undo step; undo restores all it took along."""
    wid = session.workshop_id
    done = session.edit(
        text,
        lambda: remove(wid, item_id),
        lambda removal: session.store.restore(wid, removal),
        goal_id=goal_id,
    )
    return done is not None


def removal_preview(
    ws: Workshop, remove: Callable[[Workshop, str], Removal], item_id: str
) -> Removal:
    """What ``remove`` would take away with an item, worked out on a copy (nothing changes)."""
    return remove(copy.deepcopy(ws), item_id)
