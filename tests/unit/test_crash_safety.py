"""Kill a writer at random moments, the way SQLite tests itself: no edit is ever half-made.

A child process makes a scripted sequence of edits (tests/helpers/crash_writer.py)
and prints the number of each edit the store acknowledges. The test kills it
with SIGKILL at a random moment: while Python starts, while the store opens
(and recovers from the previous kill), in the middle of an edit, between
edits. After every kill the file passes ``PRAGMA integrity_check`` and
``PRAGMA foreign_key_check``, every acknowledged edit is in it, and the
workshop is exactly as after some prefix of the script: the acknowledged
edits, or those and the one under way. Kills come in chains on the same
file, so a crash while recovering from a crash is tried too.

200 kills in the normal run; ``CXWORKSHOP_LONG_TESTS=1`` makes it 2,000.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from cxworkshop.storage import safety
from cxworkshop.storage.store import Store
from tests.helpers import crash_writer

ROOT = Path(__file__).resolve().parents[2]
LONG = os.environ.get("CXWORKSHOP_LONG_TESTS") == "1"
KILLS = 2000 if LONG else 200
CHAIN = 5
"""Kills in a row on the same file before starting again from the template."""
WORKERS = 2

State = tuple[Any, ...]


def normalised(store: Store, workshop_id: int) -> Any:
    """A workshop's content, without its id and the moments it was made and edited."""
    ws = copy.deepcopy(store.workshop(workshop_id))
    return dataclasses.replace(ws, id=None, created_at=None, updated_at=None)


def last_id(conn: sqlite3.Connection) -> int:
    """The highest workshop id ever given out: a run's workshops all have higher ones."""
    row = conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'workshops'").fetchone()
    return int(row[0]) if row else 0


def made_since(store: Store, since: int) -> State:
    ids = sorted(s.id for s in store.list_workshops() if s.id > since)
    return tuple(normalised(store, i) for i in ids)


def kept_before(store: Store, since: int) -> dict[int, Any]:
    return {s.id: normalised(store, s.id) for s in store.list_workshops() if s.id <= since}


@pytest.fixture(scope="module")
def template_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "template.sqlite3"
    with Store(path) as store:
        crash_writer.template(store)
    assert not safety.wal_of(path).exists()
    return path


@pytest.fixture(scope="module")
def prefixes(template_file: Path, tmp_path_factory: pytest.TempPathFactory) -> list[State]:
    """The workshops a run has made after 0, 1, 2, ... of the script's edits."""
    path = tmp_path_factory.mktemp("expected") / "workshops.sqlite3"
    shutil.copyfile(template_file, path)
    with Store(path) as store:
        since = last_id(store.conn)
        states = [made_since(store, since)]
        for edit in crash_writer.script(store):
            edit()
            states.append(made_since(store, since))
    # Each edit must show: otherwise a lost acknowledged edit could pass unseen.
    assert all(a != b for a, b in itertools.pairwise(states))
    return states


def start_writer(db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_writer", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def run_seconds(template_file: Path, prefixes: list[State], tmp_path_factory) -> float:  # type: ignore[no-untyped-def]
    """How long a whole run takes when nobody kills it (and that it ends as the script says)."""
    db = tmp_path_factory.mktemp("whole") / "workshops.sqlite3"
    shutil.copyfile(template_file, db)
    start = time.perf_counter()
    with start_writer(db) as child:
        out, _ = child.communicate(timeout=60)
    took = time.perf_counter() - start
    assert child.returncode == 0
    assert out.split() == [str(n) for n in range(1, len(prefixes))]
    with Store(db) as store:
        assert made_since(store, crash_writer.TEMPLATE_ID) == prefixes[-1]
    return took


@dataclasses.dataclass
class Kill:
    """One kill: how it was timed, for the failure message."""

    seed: int
    after_acks: int | None
    delay: float


def kill_at_random(db: Path, rng: random.Random, whole_run: float, edits: int) -> tuple[int, Kill]:
    """Start a writer on ``db`` and kill it at a random moment; the edits it acknowledged."""
    seed = rng.randrange(2**32)
    timing = random.Random(seed)
    acks: list[str] = []
    with start_writer(db) as child:
        assert child.stdout is not None
        if timing.random() < 0.5:
            # Right after a chosen edit is acknowledged: lands in or between edits.
            after: int | None = timing.randint(0, edits)
            while len(acks) < after:
                line = child.stdout.readline()
                if not line:
                    break
                acks.append(line)
            delay = timing.uniform(0, 0.003)
        else:
            # Anywhere in the run: starting up, opening and recovering, editing.
            after, delay = None, timing.uniform(0, whole_run * 1.1)
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        acks += child.stdout.read().split()
    return len(acks), Kill(seed, after, delay)


def as_left(db: Path, scratch: Path) -> Path:
    """A copy of the file and its -wal as the kill left them, to check without recovering them.

    Checking the file itself would recover and tidy it; the next writer in
    the chain must find it exactly as the kill left it.
    """
    for leftover in [scratch, *safety.sidecars(scratch)]:
        leftover.unlink(missing_ok=True)
    shutil.copyfile(db, scratch)
    wal = safety.wal_of(db)
    if wal.exists():
        shutil.copyfile(wal, safety.wal_of(scratch))
    return scratch


def check_after_kill(
    copy: Path, since: int, earlier: dict[int, Any], acked: int, prefixes: list[State], kill: Kill
) -> tuple[int, dict[int, Any]]:
    """Check the file as a kill left it; returns what the next writer starts from."""
    where = f"after {kill} with {acked} edits acknowledged"
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)], where
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == [], where
    finally:
        conn.close()
    with Store(copy) as store:
        state = made_since(store, since)
        kept = kept_before(store, since)
        following = last_id(store.conn)
        next_earlier = kept_before(store, following)
    assert kept == earlier, f"earlier workshops changed {where}"
    allowed = prefixes[acked : acked + 2]
    assert state in allowed, f"not the state after {acked} or {acked + 1} edits {where}"
    return following, next_earlier


@dataclasses.dataclass(frozen=True)
class Plan:
    """What every chain of kills shares."""

    template_file: Path
    template: dict[int, Any]
    prefixes: list[State]
    run_seconds: float


def chain_of_kills(plan: Plan, folder: Path, kills: int, seed: int) -> int:
    """Kill writers one after another on one file, checking the file after each kill."""
    rng = random.Random(seed)
    edits = len(plan.prefixes) - 1
    db = folder / "workshops.sqlite3"
    scratch = folder / "checked" / "workshops.sqlite3"
    scratch.parent.mkdir(parents=True)
    done = 0
    while done < kills:
        for leftover in [db, *safety.sidecars(db)]:
            leftover.unlink(missing_ok=True)
        shutil.copyfile(plan.template_file, db)
        since, earlier = crash_writer.TEMPLATE_ID, plan.template
        for _ in range(min(CHAIN, kills - done)):
            acked, kill = kill_at_random(db, rng, plan.run_seconds, edits)
            since, earlier = check_after_kill(
                as_left(db, scratch), since, earlier, acked, plan.prefixes, kill
            )
            done += 1
    return done


@pytest.mark.slow
def test_a_writer_killed_at_random_moments_never_leaves_a_half_made_edit(
    template_file: Path, prefixes: list[State], run_seconds: float, tmp_path: Path
):
    with Store(template_file) as store:
        template = kept_before(store, last_id(store.conn))
    plan = Plan(template_file, template, prefixes, run_seconds)
    share = [KILLS // WORKERS + (1 if i < KILLS % WORKERS else 0) for i in range(WORKERS)]
    # A failure names its seed: CXWORKSHOP_CRASH_SEED replays the same kills.
    seed = int(os.environ.get("CXWORKSHOP_CRASH_SEED", random.randrange(2**32)))
    with ThreadPoolExecutor(WORKERS) as pool:
        futures = [
            pool.submit(chain_of_kills, plan, tmp_path / f"writer{i}", kills, seed + i)
            for i, kills in enumerate(share)
        ]
        try:
            done = sum(f.result() for f in futures)
        except AssertionError as failure:
            raise AssertionError(f"{failure} (CXWORKSHOP_CRASH_SEED={seed})") from failure
    assert done == KILLS
