"""One app per workshop file: a second launch on the same file brings the first window forward.

Two windows on one file would each hold their own idea of the workshops and
undo histories that no longer match the file. So the first app to open a
file holds a lock named after it (a :class:`QLockFile`, which knows a lock
left by a crashed app from its dead process id) and listens on a local
socket of the same name. A second launch finds the lock taken, asks the
first app over the socket to come to the front, and exits without opening
the file.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
CONNECT_PATIENCE_MS = 5000
"""How long a second launch keeps trying: the first may still be starting up."""


class Claim(Enum):
    """What :meth:`SingleInstance.claim` found."""

    FIRST = "first"
    """No other app has the file: this one may open it."""
    ANSWERED = "answered"
    """Another app has it and came to the front: this one should exit."""
    SILENT = "silent"
    """Another app holds the file but did not answer (it may be busy or hung)."""


def server_name(db_path: Path) -> str:
    """A name for the lock and socket, the same for every path that leads to this file."""
    try:
        resolved = db_path.expanduser().resolve()
    except OSError:
        resolved = db_path.expanduser().absolute()
    digest = hashlib.sha256(str(resolved).encode("utf-8", "surrogatepass")).hexdigest()[:20]
    user = os.getuid() if hasattr(os, "getuid") else os.environ.get("USERNAME", "user")
    return f"cxworkshop-{user}-{digest}"


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


class SingleInstance(QObject):
    """The lock and the socket that keep one app per workshop file."""

    sig_activation_requested = Signal()
    """Another launch on the same file asked this app's window to come to the front."""

    def __init__(self, db_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(db_path)
        self._lock = QLockFile(os.path.join(QDir.tempPath(), f"{self.name}.lock"))
        # Only a dead owner makes a lock stale, never its age: a workshop runs all day.
        self._lock.setStaleLockTime(0)
        self._server: object | None = None
        self._sockets: list[object] = []

    def claim(self) -> Claim:
        """Take the file for this app, or, if another app has it, ask that one to come forward."""
        if self._lock.tryLock(0):
            return Claim.FIRST
        if self._lock.error() != QLockFile.LockError.LockFailedError:
            # The lock cannot be made at all (an unwritable temp folder): go on
            # rather than refuse to start; SQLite still keeps the file whole.
            log.warning("No single-instance lock (%s); starting anyway", self._lock.error())
            return Claim.FIRST
        return Claim.ANSWERED if self._ask_first_to_come_forward() else Claim.SILENT

    def _ask_first_to_come_forward(self) -> bool:
        from PySide6.QtCore import QDeadlineTimer
        from PySide6.QtNetwork import QLocalSocket

        deadline = QDeadlineTimer(CONNECT_PATIENCE_MS)
        while not deadline.hasExpired():
            socket = QLocalSocket()
            socket.connectToServer(self.name)
            if socket.waitForConnected(500):
                socket.write(ACTIVATE)
                socket.flush()
                answered = socket.waitForReadyRead(2000) and bytes(socket.readAll()) == ANSWER
                socket.disconnectFromServer()
                if answered:
                    log.info("Another launch on this file: asked the running app to come forward")
                    return True
            socket.abort()
            time.sleep(0.1)
        return False

    def listen(self) -> bool:
        """Answer later launches on the same file (call once this app has the file)."""
        from PySide6.QtNetwork import QLocalServer

        server = QLocalServer(self)
        # A socket file left by a crashed app would refuse the name; the lock says it is ours.
        QLocalServer.removeServer(self.name)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
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
        if bytes(socket.readLine()) == ACTIVATE:
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

    def release(self) -> None:
        """Let the file go (at quit): the next launch will be the first."""
        if self._server is not None:
            self._server.close()  # type: ignore[attr-defined]
            self._server = None
        self._lock.unlock()
