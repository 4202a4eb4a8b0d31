"""The web server phones in the room talk to: the standard library's, on a thread of its own.

A room's Wi-Fi is not a trusted network, so every request is treated as
hostile until shown otherwise:

- the first path segment is a key of 128 random bits, new each time phones
  are turned on; without it every address is a bare 404;
- a connection that sends nothing is dropped after a few seconds, bodies
  over a few kilobytes are refused unread (413), each device (or address,
  before it has joined) has a rate limit (429), and only so many
  connections are served at once;
- reads come from the latest :class:`~.room.Snapshot`, which holds only what
  phones may see, so a read never waits for the window and never sees a
  ballot or a total;
- writes are handed to ``write`` (the window's side runs them on its own
  thread, through the same edit as the laptop's) and waited for with a
  time limit;
- error bodies are one generic line; the log names ids, never what was typed.

No widgets here, and no Qt at all.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import CancelledError, Future
from concurrent.futures import TimeoutError as FutureTimeout
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from .. import resources
from ..domain import proposals
from ..domain.editing import MAX_DOTS
from ..domain.errors import WorkshopError
from ..domain.model import Step
from .room import Joins, Snapshot, phone_state

_log = logging.getLogger(__name__)

MAX_BODY = 4096
"""The largest request body taken, in bytes: a ballot or a proposal is far smaller."""

IDLE_SECONDS = 5.0
"""A connection that sends nothing for this long is dropped."""

WRITE_SECONDS = 5.0
"""How long a write may wait for the window before the phone is told to try again."""

MAX_CONNECTIONS = 64
"""Connections served at once; more are closed at once rather than queued."""

RATE = 8.0
"""Requests per second a device may make, on average (a page polls about once a second)."""

BURST = 40
"""Requests a device may make at once before the rate applies."""

COOKIE = "cxphone"

Write = Callable[[str, str, dict[str, Any]], "Future[str]"]
"""(what, participant id, checked values) -> a future of "" (done) or why it was refused."""

_STATIC = {
    "": ("index.html", "text/html; charset=utf-8"),
    "app.js": ("app.js", "text/javascript; charset=utf-8"),
    "style.css": ("style.css", "text/css; charset=utf-8"),
    "icon.svg": ("icon.svg", "image/svg+xml"),
}

_SECURITY_HEADERS = (
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
        "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    ),
)


class _Buckets:
    """A token bucket per device: :data:`BURST` at once, :data:`RATE` a second after that."""

    def __init__(self, rate: float = RATE, burst: int = BURST) -> None:
        self._rate, self._burst = rate, burst
        self._lock = threading.Lock()
        self._buckets: dict[str, tuple[float, float]] = {}

    def allow(self, who: str) -> bool:
        now = time.monotonic()
        with self._lock:
            level, then = self._buckets.get(who, (float(self._burst), now))
            level = min(float(self._burst), level + (now - then) * self._rate)
            if len(self._buckets) > 10_000:
                # Forget the quiet ones rather than grow without bound.
                self._buckets = {k: v for k, v in self._buckets.items() if now - v[1] < 60}
            if level < 1.0:
                self._buckets[who] = (level, now)
                return False
            self._buckets[who] = (level - 1.0, now)
            return True


class _Counter:
    """How many requests are being answered: ``with counter:`` around each."""

    def __init__(self) -> None:
        self._now = 0
        self._changed = threading.Condition()

    def __enter__(self) -> None:
        with self._changed:
            self._now += 1

    def __exit__(self, *_: object) -> None:
        with self._changed:
            self._now -= 1
            self._changed.notify_all()

    def wait_for_none(self, seconds: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: self._now == 0, seconds)


class _Refused(Exception):
    """A request answered with ``status`` and one line for the phone to show."""

    def __init__(self, status: HTTPStatus, message: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class _Http(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # A room's phones connect at the same moment when voting opens.
    request_queue_size = 128
    phones: PhoneServer

    def __init__(self, address: tuple[str, int], phones: PhoneServer) -> None:
        self.phones = phones
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        # The standard one prints a traceback with the request to stderr.
        _log.warning("A phone request failed inside the server")


class _Handler(BaseHTTPRequestHandler):
    server: _Http
    server_version = "CXWorkshop"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = IDLE_SECONDS
    # The head and the body of an answer go out in two writes: with Nagle's algorithm
    # the body waits for the phone's delayed acknowledgement, about 40 ms a request.
    disable_nagle_algorithm = True

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(self.server.phones.idle_seconds)

    def log_message(self, format: str, *args: Any) -> None:
        # The standard log line holds the path, and the path holds the room's key.
        pass

    def log_error(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Malformed request lines and the like: a bare status, never the standard page.
        self.close_connection = True
        # A request line too broken to read leaves the version at HTTP/0.9, which
        # would send the body without a status line.
        self.request_version = self.protocol_version
        self._bare(HTTPStatus(code))

    # ------------------------------------------------------------ answering

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, *extra: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in _SECURITY_HEADERS:
            self.send_header(name, value)
        for cookie in extra:
            self.send_header("Set-Cookie", cookie)
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _bare(self, status: HTTPStatus) -> None:
        self._send(status, f"{status.phrase}.\n".encode(), "text/plain; charset=utf-8")

    def _json(self, status: HTTPStatus, value: dict[str, Any], *cookies: str) -> None:
        body = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
        self._send(status, body, "application/json; charset=utf-8", *cookies)

    # ------------------------------------------------------------ reading

    def _token(self) -> str | None:
        raw = self.headers.get("Cookie")
        if not raw or len(raw) > 1024:
            return None
        try:
            jar = SimpleCookie(raw)
        except CookieError:
            return None
        morsel = jar.get(COOKIE)
        return None if morsel is None else morsel.value

    def _route(self) -> str | None:
        """The path after the key, or None when the key is missing or wrong."""
        parts = urlsplit(self.path).path.split("/", 2)
        # As bytes: compare_digest refuses text that is not ASCII, and a path may be anything.
        given = parts[1].encode("utf-8", "surrogateescape") if len(parts) > 1 else b""
        if not hmac.compare_digest(given, self.server.phones.key.encode()):
            return None
        return parts[2] if len(parts) > 2 else ""

    def _body(self) -> dict[str, Any]:
        length_text = self.headers.get("Content-Length")
        if length_text is None or not length_text.isdigit():
            self.close_connection = True
            raise _Refused(HTTPStatus.LENGTH_REQUIRED)
        length = int(length_text)
        if length > MAX_BODY:
            self.close_connection = True
            raise _Refused(HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        data = self.rfile.read(length)
        if kind != "application/json":
            raise _Refused(HTTPStatus.UNSUPPORTED_MEDIA_TYPE)
        try:
            value = json.loads(data)
        except (ValueError, RecursionError):
            raise _Refused(HTTPStatus.BAD_REQUEST) from None
        if not isinstance(value, dict):
            raise _Refused(HTTPStatus.BAD_REQUEST)
        return value

    # ------------------------------------------------------------ methods

    def do_HEAD(self) -> None:
        self._bare(HTTPStatus.METHOD_NOT_ALLOWED)

    def do_PUT(self) -> None:
        self.close_connection = True
        self._bare(HTTPStatus.NOT_FOUND)

    do_DELETE = do_PATCH = do_OPTIONS = do_PUT

    def do_GET(self) -> None:
        self._answer(post=False)

    def do_POST(self) -> None:
        self._answer(post=True)

    def _answer(self, *, post: bool) -> None:
        with self.server.phones.answering:
            self._answer_now(post=post)

    def _answer_now(self, *, post: bool) -> None:
        phones = self.server.phones
        token = self._token()
        device = f"addr:{self.client_address[0]}"
        if token is not None and phones.joins.who(token) is not None:
            device = token
        if not phones.buckets.allow(device):
            self.close_connection = True
            self._bare(HTTPStatus.TOO_MANY_REQUESTS)
            return
        route = self._route()
        if route is None:
            self.close_connection = True
            self._bare(HTTPStatus.NOT_FOUND)
            return
        try:
            if not post and route in _STATIC:
                name, kind = _STATIC[route]
                self._send(HTTPStatus.OK, phones.page(name), kind)
            elif not post and route == "api/state":
                self._json(HTTPStatus.OK, phones.state_for(token))
            elif post and route == "api/join":
                self._join(token, self._body())
            elif post and route == "api/vote":
                self._write("ballot", token, phones.checked_ballot(self._body()))
            elif post and route == "api/propose":
                self._write("proposal", token, phones.checked_proposal(self._body()))
            else:
                self.close_connection = post
                self._bare(HTTPStatus.NOT_FOUND)
        except _Refused as refused:
            if refused.message:
                self._json(refused.status, {"error": refused.message})
            else:
                self._bare(refused.status)

    def _join(self, token: str | None, body: dict[str, Any]) -> None:
        phones = self.server.phones
        participant_id = body.get("participant")
        fresh = phones.joins.who(token) is None
        if fresh:
            token = phones.joins.new_token()
        assert token is not None
        phones.join(token, participant_id)
        cookie = f"{COOKIE}={token}; Path=/{phones.key}/; HttpOnly; SameSite=Strict; Max-Age=86400"
        self._json(HTTPStatus.OK, phones.state_for(token), *([cookie] if fresh else []))

    def _write(self, what: str, token: str | None, values: dict[str, Any]) -> None:
        phones = self.server.phones
        participant_id = phones.joins.who(token)
        if participant_id is None:
            raise _Refused(HTTPStatus.FORBIDDEN, "Pick your name first.")
        phones.allowed(what, participant_id, values)
        outcome = phones.write(what, participant_id, values)
        try:
            try:
                refusal = outcome.result(timeout=phones.write_seconds)
            except FutureTimeout:
                if outcome.cancel():
                    raise
                # Already being saved: the answer is a moment away, and must be the true one.
                refusal = outcome.result(timeout=phones.write_seconds)
        except (FutureTimeout, CancelledError):
            # Too slow, or phones were turned off while it waited: it will not run late.
            raise _Refused(
                HTTPStatus.SERVICE_UNAVAILABLE, "The laptop is busy; please try again."
            ) from None
        if refusal:
            raise _Refused(HTTPStatus.UNPROCESSABLE_ENTITY, refusal)
        _log.info("Phone of participant %s: %s saved", participant_id, what)
        assert token is not None
        self._json(HTTPStatus.OK, phones.state_for(token))


class PhoneServer:
    """The phones' web server for one workshop, on ``host`` (a random free port by default).

    ``write`` runs a phone's vote or proposal where the window's edits run;
    ``joined`` is told (from a server thread) whenever a phone joins.
    Call :meth:`publish` with a fresh snapshot after every change.
    """

    def __init__(
        self,
        write: Write,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        joined: Callable[[], None] | None = None,
        write_seconds: float = WRITE_SECONDS,
        key: str | None = None,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self.key = key or Joins.new_token()
        """The room's key: 128 random bits, the first segment of every address."""
        self.joins = Joins()
        self.buckets = _Buckets()
        self.write = write
        self.write_seconds = write_seconds
        self.idle_seconds = idle_seconds
        """A connection that sends nothing for this long is dropped."""
        self._joined = joined
        self.answering = _Counter()
        """The requests being answered now."""
        self._room: Snapshot | None = None
        self._pages: dict[str, bytes] = {
            name: resources.path("phones", name).read_bytes() for name, _ in _STATIC.values()
        }
        self._http = _Http((host, port), self)
        self._thread = threading.Thread(
            target=self._http.serve_forever, name="phones", kwargs={"poll_interval": 0.2}
        )
        self._thread.daemon = True

    # ------------------------------------------------------------ life

    def start(self) -> None:
        self._thread.start()
        _log.info("Phones on, port %s", self.port)

    def stop(self) -> None:
        """Stop answering: the port closes and every phone's device token is forgotten."""
        if self._thread.is_alive():
            self._http.shutdown()
        self._http.server_close()
        self.joins.forget_all()
        _log.info("Phones off")

    def quiet(self, seconds: float) -> bool:
        """Wait up to ``seconds`` until no request is being answered; whether none is."""
        return self.answering.wait_for_none(seconds)

    @property
    def port(self) -> int:
        return int(self._http.server_address[1])

    def path(self) -> str:
        """The address's path: the room's key."""
        return f"/{self.key}/"

    # ------------------------------------------------------------ the room

    def publish(self, room: Snapshot) -> None:
        """Serve ``room`` from now on (one reference swap: readers never wait)."""
        self._room = room

    def room(self) -> Snapshot:
        room = self._room
        if room is None:
            raise _Refused(HTTPStatus.SERVICE_UNAVAILABLE)
        return room

    def page(self, name: str) -> bytes:
        return self._pages[name]

    def state_for(self, token: str | None) -> dict[str, Any]:
        return phone_state(self.room(), self.joins.who(token), self.joins.taken())

    def join(self, token: str, participant_id: Any) -> None:
        room = self.room()
        name = room.person(participant_id) if isinstance(participant_id, str) else None
        if name is None:
            raise _Refused(HTTPStatus.UNPROCESSABLE_ENTITY, "That name is not on the list.")
        held = self.joins.who(token)
        if held is not None and held != participant_id:
            raise _Refused(
                HTTPStatus.CONFLICT, "This phone already has a name; ask the facilitator."
            )
        try:
            self.joins.claim(token, participant_id, room.step)
        except WorkshopError as exc:
            raise _Refused(HTTPStatus.CONFLICT, str(exc)) from None
        _log.info("A phone joined as participant %s", participant_id)
        if self._joined is not None:
            self._joined()

    # ------------------------------------------------------------ checks before a write

    @staticmethod
    def checked_ballot(body: dict[str, Any]) -> dict[str, Any]:
        """A ballot's shape: a round id and whole dots per goal id; the rules come later."""
        round_id, dots = body.get("round"), body.get("dots")
        if not isinstance(round_id, str) or not isinstance(dots, dict) or len(dots) > 200:
            raise _Refused(HTTPStatus.BAD_REQUEST)
        for goal_id, n in dots.items():
            if not isinstance(n, int) or isinstance(n, bool) or not 0 <= n <= MAX_DOTS:
                raise _Refused(HTTPStatus.BAD_REQUEST)
            if len(goal_id) > 64:
                raise _Refused(HTTPStatus.BAD_REQUEST)
        return {"round": round_id, "dots": dict(dots)}

    @staticmethod
    def checked_proposal(body: dict[str, Any]) -> dict[str, Any]:
        """A proposal's pillar, title and metric, checked as a goal card's would be."""
        try:
            pillar, title, metric = proposals.check_fields(
                body.get("pillar"), body.get("title"), body.get("metric", "")
            )
        except WorkshopError as exc:
            raise _Refused(HTTPStatus.UNPROCESSABLE_ENTITY, str(exc)) from None
        return {"pillar": pillar.value, "title": title, "metric": metric}

    def allowed(self, what: str, participant_id: str, values: dict[str, Any]) -> None:
        """Whether the room is open for this write right now (the window checks again)."""
        room = self.room()
        if what == "ballot":
            b = room.ballot
            if b is None or b.round_id != values["round"] or participant_id not in b.voter_ids:
                raise _Refused(HTTPStatus.CONFLICT, "Voting on this ballot has closed.")
        elif room.step is not Step.GOALS:
            raise _Refused(HTTPStatus.CONFLICT, "Proposals are closed for now.")
