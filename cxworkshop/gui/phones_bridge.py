"""Where phones' writes meet the window: the one place a phone's vote or proposal is saved.

The phones' server runs in a process of its own (see
:mod:`cxworkshop.phones.process`); it hands each write here as a
:class:`~concurrent.futures.Future` and waits for it. A queued signal brings
the write to the window's thread, where it runs through the same edit as the
laptop's (a ballot exactly as the laptop ballot confirms one), and every
change to the workshop that phones can see, from a phone or the laptop,
publishes a fresh snapshot for the phones to read.

Thirty phones confirming at once are thirty saves, each its own committed
transaction, as many to a turn of the window's event loop as fit in
:data:`TURN_MS`. What the window shows of them (who has voted, the room's
screen) is brought up to date once the queue is empty, or every
:data:`SHOW_EVERY_MS` while it lasts, rather than after each: the phones' own
snapshot is published before the phones of a turn hear back, so a phone
always reads its own ballot.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Sequence
from concurrent.futures import Future
from time import monotonic
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from ..domain.changes import ChangeSet
from ..phones.process import PhoneProcess
from ..phones.room import snapshot
from ..phones.server import IDLE_SECONDS
from .ops import phones as phone_ops
from .ops import voting
from .session import Session

_log = logging.getLogger(__name__)

SAVE_FAILED = "The laptop could not save that; please try again."

SHOW_EVERY_MS = 100
"""While phones' ballots keep arriving, the window catches up at least this often."""

TURN_MS = 2
"""How long one turn of the window's event loop may spend saving phones' writes."""


def seen_by_phones(changes: ChangeSet) -> bool:
    """Whether a change touches what phones are shown (see :func:`..phones.room.snapshot`).

    The title and the step, the people, the goals (a ballot's titles and
    pillars), the rounds and the proposals; not the agenda's clock or the charter.
    """
    return bool(
        changes.everything
        or changes.details
        or changes.people
        or changes.goals
        or changes.rounds
        or changes.proposals
    )


class PhonesBridge(QObject):
    """Phones for one session: the server, and its writes run on the window's thread."""

    sig_joined = Signal()
    """A phone joined (or a name was freed): who has joined changed."""

    sig_gone = Signal()
    """The phones' server ended without being turned off (its process was killed)."""

    _sig_wake = Signal()

    def __init__(
        self,
        session: Session,
        host: str = "127.0.0.1",
        ports: Sequence[int] = (0,),
        parent: QObject | None = None,
        *,
        idle_seconds: float = IDLE_SECONDS,
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
        self._behind = False
        """Ballots were saved that the window has not been told about yet."""
        self._behind_since = monotonic()
        self._saved = False
        self._stopped = False
        self.server = PhoneProcess(
            self._submit,
            host,
            ports,
            joined=self.sig_joined.emit,
            gone=self.sig_gone.emit,
            idle_seconds=idle_seconds,
        )
        session.sig_changes.connect(self._changed)
        self.publish()

    def start(self) -> None:
        self.server.start()

    def stop(self) -> None:
        self.session.sig_changes.disconnect(self._changed)
        # The writes still queued are cancelled first, and any arriving from now on:
        # their phones hear "try again".
        self._stopped = True
        self._drain.stop()
        while self._pending:
            self._pending.popleft()[3].cancel()
        self.server.stop()
        self._catch_up()

    def publish(self) -> None:
        """Hand the phones the workshop as it is now."""
        self.server.publish(snapshot(self.session.workshop))

    def _changed(self, changes: ChangeSet) -> None:
        if seen_by_phones(changes):
            self.publish()

    def free(self, participant_id: str) -> bool:
        """Free a name taken by mistake; the phone that held it joins again."""
        freed = self.server.free(participant_id)
        self.sig_joined.emit()
        return freed

    # ------------------------------------------------------------ writes

    def _submit(self, what: str, participant_id: str, values: dict[str, Any]) -> Future[str]:
        """Called on the pipe's thread: queue the write for the window's thread."""
        outcome: Future[str] = Future()
        if self._stopped:
            outcome.cancel()
            return outcome
        self._pending.append((what, participant_id, values, outcome))
        self._sig_wake.emit()
        return outcome

    def _wake(self) -> None:
        if self._pending and not self._drain.isActive():
            self._drain.start()

    def _run_one(self) -> None:
        """One turn of the queue: the writes waiting, for up to :data:`TURN_MS`."""
        if not self._pending:
            self._drain.stop()
            self._catch_up()
            return
        if self._behind and (monotonic() - self._behind_since) * 1000 >= SHOW_EVERY_MS:
            self._catch_up()  # a turn of its own: the saves' turns stay short
            return
        until = monotonic() + TURN_MS / 1000
        answers: list[tuple[Future[str], str]] = []
        ballots = False
        while self._pending and (not answers or monotonic() < until):
            what, participant_id, values, outcome = self._pending.popleft()
            if not outcome.set_running_or_notify_cancel():
                continue  # the phone gave up waiting; it was told to try again
            answers.append((outcome, self._save(what, participant_id, values)))
            ballots = ballots or what == "ballot"
        if ballots:
            # The phones read their own ballots as soon as they hear back.
            self.publish()
        for outcome, refusal in answers:
            outcome.set_result(refusal)

    def _save(self, what: str, participant_id: str, values: dict[str, Any]) -> str:
        """Save one phone's write as the laptop's edit would: "" or why it was refused."""
        try:
            if what == "ballot":
                refusal = voting.confirm_ballot(
                    self.session,
                    values["round"],
                    participant_id,
                    values["dots"],
                    announce=False,
                )
                if not self._behind:
                    # Saved, or refused and the workshop read again: the window is behind.
                    self._behind = True
                    self._behind_since = monotonic()
                self._saved = self._saved or not refusal
                return refusal
            return phone_ops.send_proposal(self.session, participant_id, values)
        except Exception as exc:
            # The kind of error only: what a phone sent never reaches the log.
            _log.error("A phone's %s could not be saved: %s", what, type(exc).__name__)
            return SAVE_FAILED

    def _catch_up(self) -> None:
        """Tell the window about the ballots saved since it was last told."""
        if self._behind:
            self._behind = False
            if self._saved:
                self._saved = False
                self.session.sig_saved.emit()
            self.session.announce()
