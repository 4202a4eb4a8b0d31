"""One app per workshop file: a second launch on the same file brings the first window forward.

Two windows on one file would each hold their own idea of the workshops and
undo histories that no longer match the file: one window's edits would undo
the other's. So the first app to open a file holds an operating-system lock
on it, and listens on a local socket named after it; a second launch finds
the lock taken, asks the first app over the socket to come to the front,
and exits without opening the file.

On Linux the lock is a ``flock`` on the database file itself, so it belongs
to the file and not to a name: every path that leads there (a symbolic or a
hard link, another working folder, another ``TMPDIR``) meets the same lock,
and the socket is named after the file's device and inode in the abstract
namespace, which no ``TMPDIR`` moves. SQLite's own locks are byte ranges
taken with ``fcntl``, which a ``flock`` never meets there, so the
command-line ``import`` and ``demo`` can still add workshops while the app
runs. The system lets the lock go when the app ends, however it ends, so a
crashed app never keeps the next one out.

Elsewhere (macOS and Windows, where a whole-file lock would meet SQLite's)
the lock is a :class:`QLockFile` beside the file, named after its real path,
which knows a lock left by a crashed app from its dead process id.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
import sys
import time
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
CONNECT_PATIENCE_MS = 5000
"""How long a second launch keeps trying: the first may still be starting up."""

LOCK_ON_THE_FILE = sys.platform.startswith("linux")
"""Whether the lock is a ``flock`` on the database file itself (see the module's notes)."""


class Claim(Enum):
    """What :meth:`SingleInstance.claim` found."""

    FIRST = "first"
    """No other app has the file: this one may open it."""
    ANSWERED = "answered"
    """Another app has it and came to the front: this one should exit."""
    SILENT = "silent"
    """Another app holds the file but did not answer (it may be busy or hung)."""


def _user() -> str:
    return str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")


def _real_path(db_path: Path) -> Path:
    try:
        return db_path.expanduser().resolve()
    except OSError:
        return db_path.expanduser().absolute()


def server_name(db_path: Path) -> str:
    """A name for the lock and socket beside ``db_path``, the same for every path to it."""
    digest = hashlib.sha256(str(_real_path(db_path)).encode("utf-8", "surrogatepass"))
    return f"cxworkshop-{_user()}-{digest.hexdigest()[:20]}"


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` unminimised and on top, or at least ask for attention.

    A dialog waiting for an answer (at start, say, about a damaged file) comes
    up with it, on top.
    """
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
    dialog = QApplication.activeModalWidget()
    if dialog is not None and dialog is not window:
        dialog.raise_()
        dialog.activateWindow()
    QApplication.alert(window)


class _FileLock:
    """A ``flock`` on the database file itself, which every path to the file meets."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.expanduser()
        self._descriptor: int | None = None
        self._held: tuple[int, int] | None = None
        self.name: str | None = None
        """The socket's name: after the file's device and inode, once there is a file."""

    def take(self) -> bool | None:
        """Hold the file now at the path: True if this app holds it (or there is none
        yet), False if another app does, None if it cannot be locked at all."""
        import fcntl

        # Asked by name first, never by opening the file: once SQLite has the file open
        # in this process, closing any other descriptor of it would let go of SQLite's
        # own locks on it, and another process closing its connection would then take
        # itself for the last one and fold away the -wal this app still writes to.
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            return True  # the store makes it; follow() takes it then
        except OSError as exc:
            log.warning("No single-instance lock: %s", exc.strerror)
            return None
        if not stat.S_ISREG(found.st_mode) or (found.st_dev, found.st_ino) == self._held:
            # Not a file the store will open (it says so), or the one held already.
            return True
        try:
            # Non-blocking, so that a path to a pipe cannot hang the start.
            descriptor = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        except FileNotFoundError:
            return True
        except OSError as exc:
            log.warning("No single-instance lock: %s", exc.strerror)
            return None
        info = os.fstat(descriptor)
        identity = (info.st_dev, info.st_ino)
        if not stat.S_ISREG(info.st_mode) or identity == self._held:
            # Replaced in between by the file held already, or by something else.
            os.close(descriptor)
            return True
        self.name = f"cxworkshop-{_user()}-{info.st_dev:x}-{info.st_ino:x}"
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(descriptor)
            return False
        except OSError as exc:
            os.close(descriptor)
            log.warning("No single-instance lock: %s", exc.strerror)
            return None
        self.release()
        self._descriptor, self._held = descriptor, identity
        return True

    def release(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing it lets the lock go
        self._descriptor = self._held = None


class _LockBeside:
    """A :class:`QLockFile` beside the file, named after its real path."""

    def __init__(self, db_path: Path) -> None:
        self.name: str | None = server_name(db_path)
        self._lock = QLockFile(str(_real_path(db_path).with_name(f".{self.name}.lock")))
        # Only a dead owner makes a lock stale, never its age: a workshop runs all day.
        self._lock.setStaleLockTime(0)

    def take(self) -> bool | None:
        if self._lock.isLocked() or self._lock.tryLock(0):
            return True
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            return False
        log.warning("No single-instance lock (%s)", self._lock.error())
        return None

    def release(self) -> None:
        self._lock.unlock()


class SingleInstance(QObject):
    """The lock and the socket that keep one app per workshop file."""

    sig_activation_requested = Signal()
    """Another launch on the same file asked this app's window to come to the front."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = _FileLock(db_path) if LOCK_ON_THE_FILE else _LockBeside(db_path)
        self._server: QLocalServer | None = None
        self._answering = False
        self._sockets: list[object] = []

    @property
    def name(self) -> str | None:
        """The socket's name, once there is a file to name it after."""
        return self._lock.name

    def claim(self) -> Claim:
        """Take the file for this app, or, if another app has it, ask that one to come forward."""
        taken = self._lock.take()
        if taken is None:
            # The lock cannot be made at all (a file system without locks): go
            # on rather than refuse to start; SQLite still keeps the file whole.
            return Claim.FIRST
        if taken:
            return Claim.FIRST
        return Claim.ANSWERED if self._ask_first_to_come_forward() else Claim.SILENT

    def follow(self) -> Claim:
        """Take the file now at the path (made or replaced since :meth:`claim`) and answer
        under its name; if another app took it meanwhile, ask that one to come forward."""
        listening_as = self._listening_as()
        claim = self.claim()
        if claim is Claim.FIRST and self._answering and self.name != listening_as:
            self._stop_listening()
            self.listen()
        return claim

    def _listening_as(self) -> str | None:
        from PySide6.QtNetwork import QLocalServer

        server = self._server
        return server.serverName() if isinstance(server, QLocalServer) else None

    def _connect(self, socket: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(socket, QLocalSocket)
        if LOCK_ON_THE_FILE:
            socket.setSocketOptions(QLocalSocket.SocketOption.AbstractNamespaceOption)
        name = self.name
        assert name is not None, "only asked once another app's lock on the file was met"
        socket.connectToServer(name)

    def _ask_first_to_come_forward(self) -> bool:
        from PySide6.QtCore import QDeadlineTimer
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(CONNECT_PATIENCE_MS)
        while not deadline.hasExpired():
            socket = QLocalSocket()
            self._connect(socket)
            if socket.waitForConnected(500):
                socket.write(ACTIVATE)
                socket.flush()
                answered = (
                    socket.waitForReadyRead(2000) and bytes(socket.readAll().data()) == ANSWER
                )
                socket.disconnectFromServer()
                if answered:
                    log.info("Another launch on this file: asked the running app to come forward")
                    return True
            socket.abort()
            time.sleep(0.1)
        return False

    def listen(self) -> bool:
        """Answer later launches on the same file (call once this app has the file).

        Until there is a file (a first start, before the store makes it) there
        is nothing to answer for: :meth:`follow` listens once there is.
        """
        from PySide6.QtNetwork import QLocalServer

        self._answering = True
        name = self.name
        if name is None:
            return False
        server = QLocalServer(self)
        if LOCK_ON_THE_FILE:
            # No socket file to leave behind or for TMPDIR to move.
            server.setSocketOptions(QLocalServer.SocketOption.AbstractNamespaceOption)
        else:
            # A socket file left by a crashed app would refuse the name; the lock says it is ours.
            QLocalServer.removeServer(name)
            server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("Cannot answer second launches: %s", server.errorString())
            return False
        server.newConnection.connect(self._accept)
        self._server = server
        return True

    def _accept(self) -> None:
        from PySide6.QtNetwork import QLocalServer, QLocalSocket

        server = self._server
        assert isinstance(server, QLocalServer)
        while server.hasPendingConnections():
            socket = server.nextPendingConnection()
            if not isinstance(socket, QLocalSocket):
                continue
            self._sockets.append(socket)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))

    def _read(self, socket: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        assert isinstance(socket, QLocalSocket)
        if not socket.canReadLine():
            return
        if bytes(socket.readLine().data()) == ACTIVATE:
            socket.write(ANSWER)
            socket.flush()
            log.info("A second launch on this file: the window was brought to the front")
            self.sig_activation_requested.emit()

    def _forget(self, socket: object) -> None:
        from PySide6.QtNetwork import QLocalSocket

        if socket in self._sockets:
            self._sockets.remove(socket)
        if isinstance(socket, QLocalSocket):
            socket.deleteLater()

    def _stop_listening(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def release(self) -> None:
        """Let the file go (at quit): the next launch will be the first."""
        self._answering = False
        self._stop_listening()
        self._lock.release()
