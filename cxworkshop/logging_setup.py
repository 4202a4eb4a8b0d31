"""The app's log: a small rotating file in the user's data folder, for errors and their context.

What is logged is what helps find a fault: which workshop (by id), which
file, which kind of error, and where in the code. What a workshop says
(titles, names, goals, votes) is never logged: the log may be sent to
someone, and a charter can be confidential. Unexpected exceptions are
logged with their traceback but without their message, which could quote
workshop text; messages of SQLite and system errors are kept, as they only
name tables, files and conditions such as a full disk.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sqlite3
import sys
import traceback
from pathlib import Path
from types import TracebackType

ENV_LOG_DIR = "CXWORKSHOP_LOG_DIR"
LOG_FILE = "cxworkshop.log"
MAX_BYTES = 512 * 1024
KEPT_FILES = 3
FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"

log = logging.getLogger("cxworkshop")


def log_folder() -> Path:
    """Where the log is written: ``$CXWORKSHOP_LOG_DIR``, else ``logs`` in the user data folder."""
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    from .storage.store import APP_NAME

    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "logs"


def configure(folder: Path | None = None) -> Path | None:
    """Log to a rotating file in ``folder`` (default :func:`log_folder`); returns its path.

    A folder that cannot be made (a read-only home, say) leaves the app
    without a log rather than without a window: None is returned.
    """
    folder = folder or log_folder()
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEPT_FILES, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.set_name("cxworkshop-file")
    for old in [h for h in log.handlers if h.get_name() == "cxworkshop-file"]:
        log.removeHandler(old)
        old.close()
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    sys.excepthook = log_uncaught
    return path


def describe(exc: BaseException) -> str:
    """An exception as the log records it: its kind, and its message only if it holds no content."""
    kind = type(exc).__name__
    if isinstance(exc, sqlite3.Error | OSError):
        return f"{kind}: {exc}"
    return kind


def log_uncaught(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Record an exception nothing caught (Qt slots included), then report it as Python would."""
    stack = "".join(traceback.format_tb(tb))
    log.error("Unexpected %s\n%s", describe(exc), stack.rstrip())
    sys.__excepthook__(kind, exc, tb)
