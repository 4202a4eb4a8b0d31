"""Phones for tests: a real HTTP client with its own cookies, run off the window's thread.

The server hands writes to the window's thread, so a test that waited for a
phone on that thread would wait for ever: :func:`off_thread` runs the phone
on a thread of its own and turns the Qt event loop until it has an answer.
"""

from __future__ import annotations

import http.client
import json
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from http.cookiejar import CookieJar
from typing import Any, TypeVar
from urllib.error import HTTPError
from urllib.request import HTTPCookieProcessor, Request, build_opener

T = TypeVar("T")

_pool = ThreadPoolExecutor(max_workers=40, thread_name_prefix="test-phone")


class Phone:
    """One device in the room: its own cookie jar, so its own device token once it joins."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = CookieJar()
        self._opener = build_opener(HTTPCookieProcessor(self.cookies))

    def request(self, path: str, body: Any = None, *, raw: bytes | None = None) -> tuple[int, Any]:
        """(status, JSON or text) of GET ``path`` or, with a body, POST it."""
        data = raw if raw is not None else None if body is None else json.dumps(body).encode()
        req = Request(self.base + path, data=data, method="GET" if data is None else "POST")
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with self._opener.open(req, timeout=15) as answer:
                return answer.status, _decoded(answer.read(), answer.headers)
        except HTTPError as refused:
            return refused.code, _decoded(refused.read(), refused.headers)

    def state(self) -> dict[str, Any]:
        status, state = self.request("api/state")
        assert status == 200, state
        return state  # type: ignore[no-any-return]

    def join(self, name: str) -> tuple[int, Any]:
        people = self.state()["people"]
        pid = next(p["id"] for p in people if p["name"] == name)
        return self.request("api/join", {"participant": pid})

    def vote(self, titles: dict[str, int]) -> tuple[int, Any]:
        """Confirm a ballot of {goal title: dots} on the ballot this phone is shown."""
        ballot = self.state()["ballot"]
        ids = {g["title"]: g["id"] for g in ballot["goals"]}
        dots = {ids[title]: n for title, n in titles.items()}
        return self.request("api/vote", {"round": ballot["round"], "dots": dots})


def _decoded(data: bytes, headers: http.client.HTTPMessage) -> Any:
    if headers.get_content_type() == "application/json":
        return json.loads(data)
    return data.decode()


def off_thread(qtbot: Any, call: Callable[[], T], timeout_ms: int = 20_000) -> T:
    """Run ``call`` on another thread while the Qt event loop turns; its result."""
    done: Future[T] = _pool.submit(call)
    qtbot.waitUntil(done.done, timeout=timeout_ms)
    return done.result()


def all_off_thread(qtbot: Any, calls: list[Callable[[], T]], timeout_ms: int = 30_000) -> list[T]:
    """Run ``calls`` at once on other threads (phones in a room); their results in order."""
    futures = [_pool.submit(c) for c in calls]
    qtbot.waitUntil(lambda: all(f.done() for f in futures), timeout=timeout_ms)
    return [f.result() for f in futures]


class StallMeter:
    """The longest the Qt event loop went without turning, measured with a 1 ms timer."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.ticks = 0
        self.longest_ms = 0.0
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.ticks:
            self.longest_ms = max(self.longest_ms, (now - self._last) * 1000)
        self._last = now
        self.ticks += 1

    def __enter__(self) -> StallMeter:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.stop()
