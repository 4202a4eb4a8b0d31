"""Thirty phones voting at once on loopback, while the facilitator's window runs.

The main window shows the Priorities step of a workshop with 30 people and
8 goals, a secret round open, phones turned on as the facilitator turns them
on (the Phones panel and the room's screen follow the votes too). Thirty
phones (each its own keep-alive connection and device token, each on its own
thread) have joined; at a signal they all ask for the ballot and confirm
one, together, and do it again, changing their ballots, for several waves.
Each request is timed from the phone's side; a 1 ms timer on the window's
thread measures the longest the event loop went without turning while the
burst lasts. Afterwards a second connection to the file must hold every
phone's last ballot.

Side by side, the baseline: the same requests from the same thirty threads
to a bare standard-library HTTP server that answers at once with a fixed
body (what the web server alone costs), and the window's event loop
measured for as long with nothing to do. The ratios say what the app adds.

    python benchmarks/phones_burst.py [--phones 30] [--waves 10]
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from common import Row, percentile
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions
from cxworkshop.domain.model import Goal, Participant, Pillar, Step
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.phones.room import phone_state
from cxworkshop.storage.store import Store

GOALS = 8


class Stalls:
    """The longest gap between ticks of a 1 ms timer on the window's thread."""

    def __init__(self) -> None:
        self.longest_ms = 0.0
        self._last: float | None = None
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self._last is not None:
            self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self._last = None
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest_ms


def wait_on_window(done: Callable[[], bool]) -> None:
    """Turn the window's event loop until ``done()``."""
    loop = QEventLoop()
    while not done():
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


class Device:
    """One phone: a keep-alive connection and, once joined, a device token."""

    def __init__(self, port: int, key: str) -> None:
        self.key = key
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookie = ""

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        headers = {"Cookie": self.cookie} if self.cookie else {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        self.conn.request(method, f"/{self.key}/{path}", data, headers)
        answer = self.conn.getresponse()
        raw = answer.read()
        cookie = answer.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return answer.status, json.loads(raw) if raw.startswith(b"{") else raw


def in_threads(work: list[Callable[[], Any]]) -> list[Any]:
    """Run ``work`` on one thread each, released together; their results in order."""
    start = threading.Barrier(len(work))
    results: list[Any] = [None] * len(work)

    def run(i: int) -> None:
        start.wait()
        results[i] = work[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def timed(call: Callable[[], tuple[int, Any]], samples: list[float]) -> Any:
    start = time.perf_counter()
    status, body = call()
    samples.append((time.perf_counter() - start) * 1000)
    if status != 200:
        raise RuntimeError(f"a phone was refused: {status} {body}")
    return body


def phones_process(port: int, key: str, people: list[str], waves: int, pipe: Any) -> None:
    """The room's phones, in a process of their own as real phones are: join, then vote in waves.

    With ``people`` empty they only repeat the requests (against the bare server).
    Reports "ready" once every phone is connected (and joined), waits for "go",
    then sends back every request's time and each phone's last ballot.
    """
    phones = len(people) or PHONES_FOR_BARE
    devices = [Device(port, key) for _ in range(phones)]
    for d in devices:
        d.conn.connect()
    if people:
        in_threads(
            [
                lambda d=d, p=p: d.call("POST", "api/join", {"participant": p})
                for d, p in zip(devices, people, strict=True)
            ]
        )
    pipe.send("ready")
    pipe.recv()
    samples: list[float] = []

    def work(i: int) -> dict[str, int]:
        device = devices[i]
        mine: dict[str, int] = {}
        for wave in range(waves):
            state = timed(lambda: device.call("GET", "api/state"), samples)
            ballot = state["ballot"]
            goals = [g["id"] for g in ballot["goals"]]
            mine = {goals[(i + wave) % len(goals)]: 1, goals[(i + wave + 1) % len(goals)]: 1}
            vote = {"round": ballot["round"], "dots": mine}
            timed(lambda v=vote: device.call("POST", "api/vote", v), samples)
        return mine

    last = in_threads([lambda i=i: work(i) for i in range(phones)])
    pipe.send((samples, last))


PHONES_FOR_BARE = 30


@dataclass
class Burst:
    phones: int
    requests: int
    app_ms: list[float]
    bare_ms: list[float]
    stall_ms: float
    idle_stall_ms: float
    stored: bool


def workshop(phones: int) -> Any:
    ws = editing.new_workshop("Thirty phones", organisation="Benchmark")
    ws.functions = default_functions()
    for n in range(phones):
        editing.add_participant(ws, Participant(f"Person {n + 1}"))
    for n in range(GOALS):
        editing.add_goal(ws, Goal(list(Pillar)[n % 3], f"Goal {n + 1}"))
    return ws


class _Bare(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # as the app's server, so the two compare fairly
    body = b"{}"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = _answer


class _BareServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def with_phones(
    port: int,
    key: str,
    people: list[str],
    waves: int,
    meanwhile: Callable[[], None],
    measure: Callable[[Callable[[], bool]], None],
) -> tuple[list[float], list[Any]]:
    """Run the phones' process; ``meanwhile`` once they are ready, ``measure`` while they vote."""
    ours, theirs = multiprocessing.get_context("spawn").Pipe()
    child = multiprocessing.get_context("spawn").Process(
        target=phones_process, args=(port, key, people, waves, theirs)
    )
    child.start()
    measure(ours.poll)  # until ready
    ours.recv()
    meanwhile()
    ours.send("go")
    measure(ours.poll)
    samples, last = ours.recv()
    child.join()
    return samples, last


def bare_waves(waves: int, state: dict[str, Any]) -> list[float]:
    """The same requests, from as many phones, to a bare server answering at once."""
    _Bare.body = json.dumps(state).encode()
    httpd = _BareServer(("127.0.0.1", 0), _Bare)
    serving = threading.Thread(target=httpd.serve_forever, daemon=True)
    serving.start()

    def wait(done: Callable[[], bool]) -> None:
        while not done():
            time.sleep(0.005)

    samples, _ = with_phones(httpd.server_address[1], "bare", [], waves, lambda: None, wait)
    httpd.shutdown()
    httpd.server_close()
    return samples


def run(phones: int = 30, waves: int = 10) -> Burst:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        store = Store(path)
        ws = store.create_workshop(workshop(phones))
        assert ws.id is not None
        store.open_round(
            ws.id,
            goal_ids=[g.id for g in ws.goals],
            dots_per_voter=2,
            max_per_goal=1,
            voter_ids=[p.id for p in ws.participants],
        )
        window = MainWindow(store, Options(Path(tmp) / "options.ini"))
        window.resize(1280, 720)
        window.show()
        window.open_workshop(ws.id)
        window.go_to(Step.PRIORITIES)
        app.processEvents()
        session = window.session
        assert session is not None
        # Turned on as the facilitator does: the Phones panel and the room's screen follow too.
        assert window.phones.turn_on()
        bridge = window.phones.bridge
        assert bridge is not None
        people = [p.id for p in ws.participants]
        idle = Stalls()
        stalls = Stalls()

        def idle_second() -> None:
            # The window with nothing to do for a second: the baseline of its stalls.
            idle.start()
            until = time.perf_counter() + 1.0
            wait_on_window(lambda: time.perf_counter() > until)
            idle.stop()
            stalls.start()

        samples, last = with_phones(
            bridge.server.port, bridge.server.key, people, waves, idle_second, wait_on_window
        )
        stall = stalls.stop()
        room = bridge.server.room()
        assert room is not None
        state = phone_state(room, None, frozenset())
        state["ballot"] = {
            "round": ws.rounds[0].id,
            "goals": [{"id": g.id, "pillar": g.pillar.value, "title": g.title} for g in ws.goals],
        }
        window.phones.turn_off()
        with Store(path) as second:
            saved = second.workshop(ws.id).rounds[0].ballots
        stored = saved == {people[i]: last[i] for i in range(phones)}
        window.close()
        store.close()
    bare = bare_waves(waves, state)
    return Burst(phones, len(samples), samples, bare, stall, idle.longest_ms, stored)


def measure() -> list[Row]:
    """Median and p99 of a phone's request, and the window's longest stall during the burst."""
    b = run()
    name = f"{b.phones} phones voting at once"
    if not b.stored:
        raise RuntimeError("a phone's ballot is missing from the file")
    p99 = percentile(b.app_ms, 0.99)
    return [
        Row(
            name, "request, median", statistics.median(b.app_ms), "ms", statistics.median(b.bare_ms)
        ),
        Row(name, "request, p99", p99, "ms", percentile(b.bare_ms, 0.99), "<= 50 ms", p99 <= 50),
        Row(
            name,
            "window's longest stall",
            b.stall_ms,
            "ms",
            b.idle_stall_ms,
            "<= 16 ms",
            b.stall_ms <= 16,
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--waves", type=int, default=10)
    args = parser.parse_args()
    b = run(args.phones, args.waves)
    print(f"{b.phones} phones, {b.requests} requests; every ballot in the file: {b.stored}")
    print(f"{'':28}{'median ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for label, samples in (("app (window + store)", b.app_ms), ("bare http.server", b.bare_ms)):
        print(
            f"{label:28}{statistics.median(samples):10.2f}"
            f"{percentile(samples, 0.99):10.2f}{max(samples):10.2f}"
        )
    print(
        f"ratio (app / bare): median "
        f"{statistics.median(b.app_ms) / statistics.median(b.bare_ms):.2f}x, "
        f"p99 {percentile(b.app_ms, 0.99) / percentile(b.bare_ms, 0.99):.2f}x"
    )
    print(
        f"window's longest stall: {b.stall_ms:.1f} ms during the burst, "
        f"{b.idle_stall_ms:.1f} ms idle"
    )
    print("aim: p99 <= 50 ms, stall <= 16 ms")


if __name__ == "__main__":
    main()
