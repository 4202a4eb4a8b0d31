"""Fixtures shared by the unit and GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cxworkshop.storage.store import ENV_DB, Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file of the test's own, never the user's real one."""
    return tmp_path / "workshops.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture(autouse=True)
def _no_real_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the user's own workshops, even by accident."""
    monkeypatch.setenv(ENV_DB, str(tmp_path / "default-workshops.sqlite3"))


@pytest.fixture
def blank_session(qtbot, store: Store):  # type: ignore[no-untyped-def]
    """A session on a new workshop with the default functions and nothing else."""
    from cxworkshop.domain import editing
    from cxworkshop.domain.defaults import default_functions
    from cxworkshop.gui.session import Session

    ws = editing.new_workshop("Spring CX workshop", organisation="Acme Outdoor")
    ws.functions = default_functions()
    created = store.create_workshop(ws)
    assert created.id is not None
    return Session(store, created.id)


@pytest.fixture
def demo_session(qtbot, store: Store):  # type: ignore[no-untyped-def]
    """A session on the demo workshop."""
    from cxworkshop.domain.demo import demo_workshop
    from cxworkshop.gui.session import Session

    created = store.create_workshop(demo_workshop())
    assert created.id is not None
    return Session(store, created.id)
