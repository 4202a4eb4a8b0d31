"""A second launch on the same workshop file brings the first window forward and exits.

Started for real, as separate processes, the way a facilitator double-clicks
the app twice: the second never opens the file, and exits with 0, whatever
path leads it to the file and whatever its temporary folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from cxworkshop.domain import editing
from cxworkshop.gui.single_instance import LOCK_ON_THE_FILE, Claim, SingleInstance
from cxworkshop.logging_setup import LOG_FILE
from cxworkshop.storage.store import Store

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def app_env(tmp_path: Path) -> dict[str, str]:
    """Settings, log, lock and socket of the test's own, so a real running app is never met."""
    folders = {name: tmp_path / name for name in ("config", "data", "logs", "run")}
    for folder in folders.values():
        folder.mkdir()
    return {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(folders["config"]),
        "XDG_DATA_HOME": str(folders["data"]),
        "CXWORKSHOP_LOG_DIR": str(folders["logs"]),
        "TMPDIR": str(folders["run"]),
    }


def launch(db: Path, env: dict[str, str], *, errors: int = subprocess.DEVNULL):  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-m", "cxworkshop.cli", "--db", str(db)],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=errors,
    )


def finished(process: subprocess.Popen[bytes], timeout: float = 30) -> int:
    """The exit code of a second launch, which must exit, not open a window of its own."""
    try:
        process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail("the second launch opened the file in a window of its own")
    return process.returncode


def log_of(env: dict[str, str]) -> str:
    path = Path(env["CXWORKSHOP_LOG_DIR"]) / LOG_FILE
    return path.read_text(encoding="utf-8") if path.exists() else ""


def wait_for_log(env: dict[str, str], words: str, count: int = 1, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while log_of(env).count(words) < count:
        assert time.monotonic() < deadline, f"never logged {words!r}:\n{log_of(env)}"
        time.sleep(0.05)


@pytest.fixture
def first(db_path: Path, app_env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
    """The app, running on ``db_path`` with its window up and answering."""
    Store(db_path).close()
    with launch(db_path, app_env) as process:
        try:
            wait_for_log(app_env, "starting")
            yield process
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait()


def test_a_second_launch_on_the_same_file_brings_the_first_forward_and_exits(
    first: subprocess.Popen[bytes], db_path: Path, app_env: dict[str, str]
):
    with launch(db_path, app_env, errors=subprocess.PIPE) as second:
        _, err = second.communicate(timeout=30)
    assert second.returncode == 0, err.decode(errors="replace")
    wait_for_log(app_env, "the window was brought to the front")
    assert log_of(app_env).count("starting") == 1, "the second never opened the file"
    assert first.poll() is None, "the first is still running"


def test_the_same_file_reached_by_another_path_counts_as_the_same(
    first: subprocess.Popen[bytes], db_path: Path, app_env: dict[str, str], tmp_path: Path
):
    link = tmp_path / "link-to-workshops.sqlite3"
    link.symlink_to(db_path)
    with launch(link, app_env) as second:
        second.communicate(timeout=30)
    assert second.returncode == 0
    wait_for_log(app_env, "the window was brought to the front")


def test_a_crashed_first_app_does_not_keep_the_next_one_out(db_path: Path, app_env: dict[str, str]):
    with launch(db_path, app_env) as crashed:
        wait_for_log(app_env, "starting")
        crashed.send_signal(signal.SIGKILL)
        crashed.wait()
    with launch(db_path, app_env) as next_one:
        try:
            wait_for_log(app_env, "starting", count=2)
            assert next_one.poll() is None
        finally:
            next_one.send_signal(signal.SIGKILL)
            next_one.wait()


def test_a_second_launch_with_another_temporary_folder_is_still_the_same_app(
    first: subprocess.Popen[bytes], db_path: Path, app_env: dict[str, str], tmp_path: Path
):
    elsewhere = tmp_path / "another-tmp"
    elsewhere.mkdir()
    with launch(db_path, {**app_env, "TMPDIR": str(elsewhere)}) as second:
        assert finished(second) == 0
    wait_for_log(app_env, "the window was brought to the front")
    assert log_of(app_env).count("starting") == 1, "the second never opened the file"
    assert first.poll() is None


@pytest.mark.skipif(not LOCK_ON_THE_FILE, reason="the lock is on the file itself on Linux")
def test_a_second_launch_through_a_hard_link_is_still_the_same_app(
    first: subprocess.Popen[bytes], db_path: Path, app_env: dict[str, str], tmp_path: Path
):
    (tmp_path / "elsewhere").mkdir()
    link = tmp_path / "elsewhere" / "another-name.sqlite3"
    os.link(db_path, link)
    with launch(link, {**app_env, "TMPDIR": str(tmp_path)}) as second:
        assert finished(second) == 0
    wait_for_log(app_env, "the window was brought to the front")
    assert log_of(app_env).count("starting") == 1, "the second never opened the file"
    assert first.poll() is None


def test_a_first_start_that_makes_the_file_then_holds_it(db_path: Path, app_env: dict[str, str]):
    assert not db_path.exists()
    with launch(db_path, app_env) as first:
        try:
            wait_for_log(app_env, "This app holds the workshop file")
            with launch(db_path, app_env) as second:
                assert finished(second) == 0
            wait_for_log(app_env, "the window was brought to the front")
            assert log_of(app_env).count("starting") == 1
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait()


def test_another_file_is_another_app(qapp, tmp_path: Path):
    for name in ("a.sqlite3", "b.sqlite3"):
        Store(tmp_path / name).close()
    one = SingleInstance(tmp_path / "a.sqlite3")
    other = SingleInstance(tmp_path / "b.sqlite3")
    try:
        assert one.claim() is Claim.FIRST
        assert other.claim() is Claim.FIRST
        assert one.name != other.name
    finally:
        one.release()
        other.release()


@pytest.mark.skipif(not LOCK_ON_THE_FILE, reason="the lock is on the file itself on Linux")
def test_the_lock_follows_the_file_when_a_backup_is_put_in_its_place(qapp, db_path: Path):
    Store(db_path).close()
    holder = SingleInstance(db_path)
    try:
        assert holder.claim() is Claim.FIRST
        assert holder.listen()
        old_name = holder.name
        replacement = db_path.with_name("restored.sqlite3")
        Store(replacement).close()
        os.replace(replacement, db_path)

        assert holder.follow() is Claim.FIRST
        assert holder.name != old_name, "answering under the new file's name"
        newcomer = SingleInstance(db_path)
        assert newcomer._lock.take() is False, "the file now at the path is held"
    finally:
        holder.release()
    assert newcomer._lock.take() is True, "released at quit"
    newcomer.release()


@pytest.mark.skipif(not LOCK_ON_THE_FILE, reason="the lock is on the file itself on Linux only")
def test_taking_the_file_again_leaves_sqlites_own_locks_alone(qapp, db_path: Path):
    # As the app starts: the claim, then the store opens the file, then the lock is
    # taken again for the file now there. A command run beside the app must still
    # see the app's connection: else it folds away the -wal the app writes to.
    with Store(db_path) as store:
        store.create_workshop(editing.new_workshop("Spring CX workshop"))
    instance = SingleInstance(db_path)
    try:
        assert instance.claim() is Claim.FIRST
        with Store(db_path) as store:
            assert instance.follow() is Claim.FIRST
            store.create_workshop(editing.new_workshop("Made in the app"))
            wal = Path(f"{db_path}-wal")
            assert wal.exists()
            beside = subprocess.run(
                [sys.executable, "-m", "cxworkshop.cli", "--db", str(db_path), "list"],
                capture_output=True,
                text=True,
                timeout=60,
                check=False,
            )
            assert beside.returncode == 0, beside.stderr
            assert "Made in the app" in beside.stdout
            assert wal.exists(), "the command folded away the open app's -wal"
            store.create_workshop(editing.new_workshop("Made after the command"))
        with Store(db_path) as again:
            titles = {s.title for s in again.list_workshops()}
        assert {"Made in the app", "Made after the command"} <= titles
    finally:
        instance.release()
