"""Where phones' writes meet the window: the one place a phone's vote or proposal is saved.

The phones' server runs on threads of its own; it hands each write here as a
:class:`~concurrent.futures.Future` and waits for it. A queued signal brings
the write to the window's thread, where it runs through the same edit as the
laptop's (a ballot exactly as the laptop ballot confirms one), and every
change to the workshop, from a phone or the laptop, publishes a fresh
snapshot for the phones to read.
"""

from __future__ import annotations

import logging
from collections import deque
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..phones.room import snapshot
from ..phones.server import PhoneServer
from .ops import phones as phone_ops
from .ops import voting
from .session import Session

_log = logging.getLogger(__name__)

SAVE_FAILED = "The laptop could not save that; please try again."


class PhonesBridge(QObject):
    """Phones for one session: the server, and its writes run on the window's thread."""

    sig_joined = Signal()
    """A phone joined (or a name was freed): who has joined changed."""

    _sig_wake = Signal()

    def __init__(
        self,
        session: Session,
        host: str = "127.0.0.1",
        port: int = 0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._pending: deque[tuple[str, str, dict[str, Any], Future[str]]] = deque()
        # One write per turn of the event loop: thirty phones confirming at once must
        # not hold the window still for thirty saves in a row.
        self._drain = QTimer(self)
        self._drain.setInterval(0)
        self._drain.timeout.connect(self._run_one)
        self._sig_wake.connect(self._wake, Qt.ConnectionType.QueuedConnection)
        self.server = PhoneServer(self._submit, host, port, joined=self.sig_joined.emit)
        session.sig_changed.connect(self.publish)
        self.publish()

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.session.sig_changed.disconnect(self.publish)
        self.server.stop()
        self._drain.stop()
        while self._pending:
            self._pending.popleft()[3].cancel()

    def publish(self) -> None:
        """Hand the phones the workshop as it is now."""
        self.server.publish(snapshot(self.session.workshop))

    def free(self, participant_id: str) -> bool:
        """Free a name taken by mistake; the phone that held it joins again."""
        freed = self.server.joins.free(participant_id)
        self.sig_joined.emit()
        return freed

    # ------------------------------------------------------------ writes

    def _submit(self, what: str, participant_id: str, values: dict[str, Any]) -> Future[str]:
        """Called on a server thread: queue the write for the window's thread."""
        outcome: Future[str] = Future()
        self._pending.append((what, participant_id, values, outcome))
        self._sig_wake.emit()
        return outcome

    def _wake(self) -> None:
        if self._pending and not self._drain.isActive():
            self._drain.start()

    def _run_one(self) -> None:
        if not self._pending:
            self._drain.stop()
            return
        what, participant_id, values, outcome = self._pending.popleft()
        if not outcome.set_running_or_notify_cancel():
            return  # the phone gave up waiting; it was told to try again
        try:
            if what == "ballot":
                refusal = voting.confirm_ballot(
                    self.session, values["round"], participant_id, values["dots"]
                )
            else:
                refusal = phone_ops.send_proposal(self.session, participant_id, values)
        except Exception as exc:
            # The kind of error only: what a phone sent never reaches the log.
            _log.error("A phone's %s could not be saved: %s", what, type(exc).__name__)
            refusal = SAVE_FAILED
        outcome.set_result(refusal)
