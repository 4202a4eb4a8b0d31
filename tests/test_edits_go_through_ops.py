"""Every edit the window makes goes through gui/ops: no other GUI module writes to the store.

The Store's writing methods are worked out from its source (a public method
that opens an edit or a transaction, or calls one that does), so a new store
operation is covered without this test being touched. Then every module in
cxworkshop/gui outside gui/ops is read, and any use of such a method on a
store (``store.x``, ``self.store.x``, ``session.store.x``, ...) fails the test.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path

import cxworkshop.gui
from cxworkshop.storage.store import Store

GUI = Path(cxworkshop.gui.__file__).resolve().parent
OPS = GUI / "ops"

_WRITES = ("_edit", "atomic")
"""What a Store method calls on itself or its database to write: an edit, a transaction."""


def _calls_on_self(func: ast.FunctionDef) -> tuple[set[str], bool]:
    """The methods ``func`` calls on ``self``, and whether it opens an edit or a transaction."""
    called: set[str] = set()
    writes = False
    for node in ast.walk(func):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            continue
        target = node.func
        if isinstance(target.value, ast.Name) and target.value.id == "self":
            called.add(target.attr)
            writes = writes or target.attr in _WRITES
        elif (
            isinstance(target.value, ast.Attribute)
            and isinstance(target.value.value, ast.Name)
            and target.value.value.id == "self"
            and target.attr in _WRITES
        ):
            writes = True  # self.db.atomic()
    return called, writes


def writing_methods() -> set[str]:
    """The Store's public methods that write, directly or through another that does."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(Store)))
    methods = {
        node.name: _calls_on_self(node)
        for node in tree.body[0].body  # type: ignore[attr-defined]
        if isinstance(node, ast.FunctionDef)
    }
    writing = {name for name, (_, writes) in methods.items() if writes}
    while True:
        more = {name for name, (called, _) in methods.items() if called & writing} - writing
        if not more:
            break
        writing |= more
    return {name for name in writing if not name.startswith("_")}


def _is_store(node: ast.expr) -> bool:
    """``store``, ``_store``, or anything ending in ``.store`` / ``._store``."""
    if isinstance(node, ast.Name):
        return node.id in ("store", "_store")
    return isinstance(node, ast.Attribute) and node.attr in ("store", "_store")


def store_writes_in(path: Path, writing: set[str]) -> list[str]:
    """Where ``path`` names a writing Store method on a store: 'file:line store.method'."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in writing and _is_store(node.value):
            found.append(f"{path.relative_to(GUI.parent)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_the_store_methods_that_write_are_told_from_those_that_read() -> None:
    writing = writing_methods()
    # A sample of each kind, so a change in how the store writes cannot empty the list.
    assert {"update_goal", "assign", "create_workshop", "import_workshop", "cast_ballot"} <= writing
    assert {"set_timebox", "add_time_spent", "delete_workshop", "restore"} <= writing
    assert not {"workshop", "list_workshops", "counts", "data_version", "close"} & writing


def test_no_model_page_or_widget_writes_to_the_store_itself() -> None:
    writing = writing_methods()
    outside = [p for p in sorted(GUI.rglob("*.py")) if OPS not in p.parents]
    assert len(outside) > 20, "the GUI modules were found"
    offenders = [hit for path in outside for hit in store_writes_in(path, writing)]
    assert offenders == [], "edits belong in cxworkshop/gui/ops:\n" + "\n".join(offenders)


def test_the_check_sees_a_write_where_there_is_one(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def f(self, session, store):\n"
        "    self.session.store.update_goal(1, 'g', title='x')\n"
        "    undo(store.remove_goal)\n"
        "    session.store.workshop(1)\n",
        encoding="utf-8",
    )
    original = GUI
    try:
        globals()["GUI"] = tmp_path
        hits = store_writes_in(sample, writing_methods())
    finally:
        globals()["GUI"] = original
    assert [h.split(" ", 1)[1] for h in hits] == [
        "self.session.store.update_goal",
        "store.remove_goal",
    ]
