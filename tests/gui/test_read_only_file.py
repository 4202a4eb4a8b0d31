"""The app refuses a read-only workshop file in one sentence and leaves nothing beside it.

Run in a process of its own that obeys file permissions, as a user who may
not write the file would (root would write regardless).
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from cxworkshop.storage import safety
from tests.unit.test_true_messages import a_workshop_file, without_override

ROOT = Path(__file__).resolve().parents[2]

OPEN_IN_THE_APP = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QMessageBox
    from cxworkshop.gui.app import application, open_store

    application()
    QMessageBox.critical = lambda parent, title, text: print(text)
    store = open_store(Path(sys.argv[1]))
    print("opened" if store is not None else "refused")
    """
)


def test_the_app_refuses_a_read_only_file_in_one_sentence_and_writes_nothing_beside_it(
    db_path: Path,
):
    prefix = without_override()
    a_workshop_file(db_path)
    os.chmod(db_path, 0o444)
    before = db_path.read_bytes()
    done = subprocess.run(
        [*prefix, sys.executable, "-c", OPEN_IN_THE_APP, str(db_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )
    assert done.stdout.splitlines() == [
        f"{db_path} could not be opened for writing: the file is read-only. "
        "The file has not been changed.",
        "refused",
    ], done.stderr
    assert [p for p in safety.sidecars(db_path) if p.exists()] == []
    assert db_path.read_bytes() == before
