"""The real app in its own process: asked to stop by the system, it closes its file cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_the_app_stopped_by_the_system_closes_its_file_cleanly(tmp_path: Path, how: int):
    db = tmp_path / "workshops.sqlite3"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "CXWORKSHOP_LOG_DIR": str(tmp_path / "logs"),
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "cxworkshop.cli", "--db", str(db), "--demo"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        # The demo workshop is written once the window is up.
        while time.monotonic() < deadline and not Path(f"{db}-wal").exists():
            time.sleep(0.1)
        time.sleep(1.0)
        assert app.poll() is None, app.stderr.read() if app.stderr else ""
        app.send_signal(how)
        out, err = app.communicate(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
    assert app.returncode == 0, err
    assert "Traceback" not in err
    # A clean close checkpoints the write-ahead log away: nothing to recover next time.
    assert not Path(f"{db}-wal").exists()
    # The log, set up just after the first frame, saw the whole run.
    log = (tmp_path / "logs" / "cxworkshop.log").read_text(encoding="utf-8")
    assert "starting" in log and "closed" in log
    # The automatic backups, started once the library is there, backed up the demo.
    assert "Backup made" in log
