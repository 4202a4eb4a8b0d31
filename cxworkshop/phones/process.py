"""The phones' web server in a process of its own, so the room's requests never hold the window.

Every request a phone makes is read, parsed and answered in Python. Served
from threads of the app's own process, thirty phones at once kept the
window's thread waiting for the interpreter lock: its event loop stalled
while nothing of its own was running. In a child process the server has an
interpreter of its own; what crosses to the app is only what the app must do:

- a phone's write (a ballot or a proposal), which the app runs through the
  same edit as the laptop's and answers with "" or a refusal;
- who joined, each time it changes;
- the server's log lines (ids only, as :mod:`.server` writes them).

The app sends the other way the room as phones may see it (a
:class:`~.room.Snapshot`) after every change, and the facilitator's "free
this name". The child stops when told, when phones are turned off, or when
the app goes away (its end of the pipe closes).

No Qt here: the child imports only the standard library and the phones' server.
"""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import logging
import multiprocessing
import signal
import threading
from collections.abc import Callable, Hashable, Sequence
from concurrent.futures import Future
from multiprocessing.connection import Connection
from types import MappingProxyType
from typing import Any

from ..domain.model import Step
from .room import Joins, Snapshot
from .server import IDLE_SECONDS, WRITE_SECONDS, PhoneServer, Write

_log = logging.getLogger(__name__)

START_SECONDS = 10.0
"""How long turning phones on waits for the server's process to listen."""

REPLY_SECONDS = 5.0
"""How long the app waits for the server's process to answer a question."""

STOP_SECONDS = 1.0
"""How long the server's process, told to stop, lets the phones it is answering hear back."""


# ---------------------------------------------------------------- the room, across


def portable(room: Snapshot) -> Snapshot:
    """``room`` in a form that can be pickled (its ballots as plain dicts)."""
    own = {v: dict(b) for v, b in room.own_ballots.items()}
    return dataclasses.replace(room, own_ballots=own)


def sealed(room: Snapshot) -> Snapshot:
    """A room that came across, made read-only again."""
    own = MappingProxyType({v: MappingProxyType(dict(b)) for v, b in room.own_ballots.items()})
    return dataclasses.replace(room, own_ballots=own)


def _joined_portable(joins: Joins) -> dict[str, str]:
    return {pid: step.value for pid, step in joins.joined().items()}


class _Questions:
    """Questions sent across the pipe, each waiting for its answer under a key of its own.

    Either side asks (the app "free this name", the server "joined" and
    "cancel"); the side's reader thread hands the answer over.
    """

    def __init__(self) -> None:
        self._waiting: dict[Hashable, tuple[threading.Event, list[Any]]] = {}

    def ask(self, key: Hashable, send: Callable[[], None]) -> list[Any]:
        """Call ``send`` and wait for the answer to ``key`` (empty: none came in time)."""
        event, reply = threading.Event(), list[Any]()
        self._waiting[key] = (event, reply)
        try:
            send()
            event.wait(REPLY_SECONDS)
            return reply
        finally:
            self._waiting.pop(key, None)

    def answer(self, key: Hashable, values: Sequence[Any]) -> None:
        waiting = self._waiting.get(key)
        if waiting is not None:
            waiting[1].extend(values)
            waiting[0].set()

    def give_up(self) -> None:
        """No answer will come (the other side has gone): stop waiting for any."""
        for event, _ in list(self._waiting.values()):
            event.set()


# ---------------------------------------------------------------- the app's side


class JoinedMirror:
    """Who joined, as the server's process last said: what the app reads of :class:`Joins`."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._joined: dict[str, Step] = {}

    def set(self, joined: dict[str, str]) -> None:
        with self._lock:
            self._joined = {pid: Step(step) for pid, step in joined.items()}

    def joined(self) -> dict[str, Step]:
        """Participant id -> the step the room was on when their phone joined."""
        with self._lock:
            return dict(self._joined)

    def taken(self) -> frozenset[str]:
        with self._lock:
            return frozenset(self._joined)


class PhoneProcess:
    """The phones' server for one workshop, run in a child process.

    The same roles as :class:`~.server.PhoneServer`: ``write`` runs a phone's
    vote or proposal where the window's edits run (it is called on a thread
    of this class's, and returns a future); ``joined`` is told whenever
    who-joined changes; ``gone`` if the process ends without being stopped.
    ``ports`` are tried in turn (0: any free port); an :class:`OSError` says
    none could be had.
    """

    def __init__(
        self,
        write: Write,
        host: str = "127.0.0.1",
        ports: Sequence[int] = (0,),
        *,
        joined: Callable[[], None] | None = None,
        gone: Callable[[], None] | None = None,
        write_seconds: float = WRITE_SECONDS,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self.key = Joins.new_token()
        """The room's key: 128 random bits, the first segment of every address."""
        self.joins = JoinedMirror()
        self._write = write
        self._on_joined = joined
        self._on_gone = gone
        self._stopping = False
        self._room: Snapshot | None = None
        self._send_lock = threading.Lock()
        self._questions = _Questions()
        self._ids = itertools.count(1)
        self._running: dict[int, Future[str]] = {}
        context = multiprocessing.get_context("spawn")
        self._conn, child_end = context.Pipe()
        self._process = context.Process(
            target=_serve,
            args=(child_end, self.key, host, tuple(ports), write_seconds, idle_seconds),
            name="cxworkshop-phones",
            daemon=True,
        )
        self._process.start()
        child_end.close()
        try:
            if not self._conn.poll(START_SECONDS):
                raise OSError("the phones' server did not start")
            kind, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            self._end()
            raise OSError("the phones' server ended as it started") from exc
        if kind != "ready":
            self._end()
            raise OSError(value)
        self.port = int(value)
        self._reader = threading.Thread(target=self._read, name="phones-pipe", daemon=True)
        self._reader.start()

    # ------------------------------------------------------------ life

    def start(self) -> None:
        self._send(("start",))

    def stop(self) -> None:
        """Stop answering: the process ends, and every phone's device token with it."""
        self._stopping = True
        self._send(("stop",))
        self._end()
        self._questions.give_up()
        self.joins.set({})
        _log.info("Phones off")

    def _end(self) -> None:
        self._stopping = True
        self._process.join(2.0)
        if self._process.is_alive():
            self._process.kill()
            self._process.join(2.0)
        self._conn.close()

    def path(self) -> str:
        """The address's path: the room's key."""
        return f"/{self.key}/"

    # ------------------------------------------------------------ the room

    def publish(self, room: Snapshot) -> None:
        """Serve ``room`` from now on."""
        self._room = room
        self._send(("publish", portable(room)))

    def room(self) -> Snapshot | None:
        """The room as last published."""
        return self._room

    def free(self, participant_id: str) -> bool:
        """Let go of a name taken by mistake; the phone that held it has to join again."""
        if not self._reader.is_alive():
            return False  # the process has gone: no answer will come
        n = next(self._ids)
        reply = self._questions.ask(n, lambda: self._send(("free", n, participant_id)))
        return bool(reply and reply[0])

    # ------------------------------------------------------------ the pipe

    def _send(self, message: tuple[Any, ...]) -> None:
        # If the process has gone, phones get no answer and the window goes on.
        with self._send_lock, contextlib.suppress(OSError, ValueError):
            self._conn.send(message)

    def _read(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except (EOFError, OSError):
                self._questions.give_up()
                if not self._stopping:
                    _log.error("The phones' server ended on its own")
                    if self._on_gone is not None:
                        self._on_gone()
                return
            kind = message[0]
            if kind == "write":
                _, n, what, participant_id, values = message
                if self._stopping:
                    self._send(("answer", n, None))  # phones are being turned off
                else:
                    self._run_write(n, what, participant_id, values)
            elif kind == "cancel":
                future = self._running.get(message[1])
                # No entry: the write is done and its answer is already in the pipe,
                # ahead of this reply.
                cancelled = future is not None and future.cancel()
                self._send(("cancelled", message[1], cancelled))
            elif kind == "joined":
                _, n, joined = message
                self.joins.set(joined)
                if self._on_joined is not None:
                    self._on_joined()
                self._send(("ack", n))
            elif kind == "reply":
                _, n, *values = message
                self.joins.set(values[-1])
                self._questions.answer(n, values)
            elif kind == "log":
                _, level, name, text = message
                logging.getLogger(name).log(level, "%s", text)

    def _run_write(self, n: int, what: str, participant_id: str, values: dict[str, Any]) -> None:
        future = self._write(what, participant_id, values)
        self._running[n] = future

        def done(f: Future[str]) -> None:
            self._send(("answer", n, None if f.cancelled() else f.result()))
            # Only now: a write no longer listed has its answer in the pipe already.
            self._running.pop(n, None)

        future.add_done_callback(done)


# ---------------------------------------------------------------- the child's side


class _Forward(logging.Handler):
    """Hands each log record to the app, which writes it to the app's own log."""

    def __init__(self, send: Callable[[tuple[Any, ...]], None]) -> None:
        super().__init__()
        self._forward = send

    def emit(self, record: logging.LogRecord) -> None:
        # A log line must never break an answer.
        with contextlib.suppress(Exception):
            self._forward(("log", record.levelno, record.name, record.getMessage()))


class _Remote(Future[str]):
    """A write the app runs: cancelled only if the app had not started it yet."""

    def __init__(self, child: _Child, n: int) -> None:
        super().__init__()
        self._child, self._n = child, n

    def cancel(self) -> bool:
        if self.done():
            return super().cancel()
        reply = self._child.ask("cancel", self._n)
        if reply and reply[0]:
            return super().cancel()
        return False


class _Child:
    """The server's process: the server, and its side of the pipe."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._send_lock = threading.Lock()
        self._ids = itertools.count(1)
        self._writes: dict[int, _Remote] = {}
        self._questions = _Questions()
        self.server: PhoneServer | None = None
        self._closing = False

    def send(self, message: tuple[Any, ...]) -> None:
        with self._send_lock:
            self.conn.send(message)

    def send_joined(self, *message: Any) -> None:
        """Send ``message`` with who joined as it is now: taken under the lock, so the
        app never hears an older list after a newer one."""
        assert self.server is not None
        with self._send_lock:
            self.conn.send((*message, _joined_portable(self.server.joins)))

    def ask(self, kind: str, n: int | None = None) -> list[Any]:
        """Send ``kind`` and wait for the app's answer to it."""
        n = next(self._ids) if n is None else n
        answer = "cancelled" if kind == "cancel" else "ack"

        def send() -> None:
            if kind == "joined":
                self.send_joined(kind, n)
            else:
                self.send((kind, n))

        return self._questions.ask((answer, n), send)

    def write(self, what: str, participant_id: str, values: dict[str, Any]) -> Future[str]:
        n = next(self._ids)
        outcome = _Remote(self, n)
        if self._closing:
            Future.cancel(outcome)
            return outcome
        self._writes[n] = outcome
        self.send(("write", n, what, participant_id, values))
        return outcome

    def joined(self) -> None:
        self.ask("joined")

    def serve(self) -> None:
        while True:
            try:
                message = self.conn.recv()
            except (EOFError, OSError):
                break  # the app has gone
            kind = message[0]
            if kind == "stop":
                self._wind_down()
                break
            assert self.server is not None
            if kind == "start":
                self.server.start()
            elif kind == "publish":
                self.server.publish(sealed(message[1]))
            elif kind == "answer":
                _, n, refusal = message
                outcome = self._writes.pop(n, None)
                if outcome is not None and not outcome.done():
                    if refusal is None:
                        Future.cancel(outcome)
                    else:
                        outcome.set_result(refusal)
            elif kind == "free":
                _, n, participant_id = message
                freed = self.server.joins.free(participant_id)
                self.send_joined("reply", n, freed)
            elif kind in ("ack", "cancelled"):
                self._questions.answer((kind, message[1]), message[2:])
        # The process ends, and its sockets and threads with it.

    def _wind_down(self) -> None:
        """Phones are being turned off: the writes still waiting are told to try again."""
        self._closing = True
        for outcome in list(self._writes.values()):
            Future.cancel(outcome)
        self._questions.give_up()
        if self.server is not None:
            self.server.quiet(STOP_SECONDS)


def _serve(
    conn: Connection,
    key: str,
    host: str,
    ports: tuple[int, ...],
    write_seconds: float,
    idle_seconds: float,
) -> None:
    """The child process: listen on the first port that can be had, then serve until told."""
    # Ctrl+C in the terminal is for the app, which closes its window and then this.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    child = _Child(conn)
    root = logging.getLogger()
    root.handlers[:] = [_Forward(child.send)]
    root.setLevel(logging.INFO)
    failure = "no port"
    for port in ports:
        try:
            child.server = PhoneServer(
                child.write,
                host,
                port,
                key=key,
                joined=child.joined,
                write_seconds=write_seconds,
                idle_seconds=idle_seconds,
            )
            break
        except OSError as exc:
            failure = exc.strerror or type(exc).__name__
    if child.server is None:
        child.send(("failed", failure))
        return
    child.send(("ready", child.server.port))
    child.serve()
