"""``cxworkshop --self-test``: prove the installed app works on this machine, in seconds.

It drives the real main window the way a facilitator would, on a temporary
database and with temporary settings, so nothing of the user's is read or
changed:

1. the app's resources are there (fonts, icons) and its icon draws;
2. the demo workshop is created and opened;
3. every step is shown and painted;
4. a secret-ballot round is run on the Priorities step: set up, every person
   votes at the laptop, the vote is closed and revealed, and the saved totals
   are checked against the ballots cast;
5. the PDF charter is exported through File > Export into a temporary folder
   and the file is checked (a complete PDF, its pages, its embedded fonts);
6. the library lists the workshop.

Where there is no display (a server, a container, CI), Qt runs offscreen. It
prints one line per check and exits 0 when all pass; otherwise it prints one
``FAIL`` line per failure and exits 1.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from . import __version__

TIME_LIMIT_S = 300
"""After this long the self-test gives up: something is waiting for an answer."""

_IGNORED_QT_MESSAGES = (
    # Said by the offscreen platform of every top-level window; not a fault.
    "This plugin does not support propagateSizeHints",
)


Ballots = dict[str, dict[str, int]]
"""Voter id -> {goal id: dots}."""


class CheckFailed(Exception):
    """A check found the app not doing what it should; the message says what."""


def expect(condition: object, message: str) -> None:
    """Fail the current check with ``message`` unless ``condition`` holds."""
    if not condition:
        raise CheckFailed(message)


def needs_offscreen(environ: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt must run offscreen: on Linux and the BSDs with neither X11 nor Wayland."""
    if environ.get("QT_QPA_PLATFORM"):
        return False
    if sys.platform in ("win32", "darwin"):
        return False
    return not (environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def check_pdf(data: bytes, pages_reported: int | None) -> list[str]:
    """What is wrong with ``data`` as the charter's PDF, one sentence each (none: fine)."""
    problems = []
    if not data.startswith(b"%PDF-"):
        problems.append("the file does not start like a PDF (%PDF-)")
    if b"%%EOF" not in data[-1024:]:
        problems.append("the file does not end like a complete PDF (%%EOF)")
    # Page objects, not the page tree ("/Pages"): one per page of the charter.
    pages = len(re.findall(rb"/Type\s*/Page(?![A-Za-z])", data))
    if pages < 2:
        problems.append(f"the charter has {pages} page(s); the demo's has at least 2")
    if pages_reported is not None and pages != pages_reported:
        problems.append(f"the file has {pages} pages but the app reported {pages_reported}")
    if b"/FontFile2" not in data or b"DejaVuSans" not in data:
        problems.append("the charter's own font (DejaVu Sans) is not embedded")
    return problems


class SelfTest:
    """Runs the checks in order, noting each one's outcome."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.passed: list[str] = []
        self.failed: list[str] = []
        self.notes: list[str] = []
        self._pending: list[str] = []
        """Problems reported while a check runs (exceptions in slots, Qt errors, dialogs)."""

    def say(self, line: str) -> None:
        # A windowed build on Windows may have no console to print to; the exit code still tells.
        with suppress(OSError, UnicodeError, ValueError):
            print(line, file=self.out, flush=True)

    def problem(self, text: str) -> None:
        """Something went wrong outside the check's own code (a slot, Qt, a dialog)."""
        self._pending.append(" ".join(text.split()))

    @contextmanager
    def check(self, name: str) -> Iterator[None]:
        """Run one check: it fails on an exception, a failed expectation or a reported problem."""
        self._pending = []
        try:
            yield
        except CheckFailed as exc:
            self._pending.insert(0, str(exc))
        except Exception as exc:
            where = traceback.extract_tb(exc.__traceback__)[-1]
            self._pending.insert(
                0,
                f"{type(exc).__name__}: {exc} ({Path(where.filename).name}, line {where.lineno})",
            )
        if self._pending:
            reason = "; ".join(dict.fromkeys(self._pending))
            self.failed.append(f"{name}: {reason}")
            self.say(f"FAIL  {name}: {reason}")
        else:
            self.passed.append(name)
            self.say(f"ok    {name}")
        self._pending = []

    @property
    def ok(self) -> bool:
        return not self.failed


def run(out: TextIO | None = None) -> int:
    """Run the self-test; 0 when every check passes, 1 otherwise."""
    out = out or sys.stdout or open(os.devnull, "w")  # noqa: SIM115 (lives as long as the run)
    if needs_offscreen():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    test = SelfTest(out)
    watchdog = _start_watchdog(test)
    started = time.perf_counter()
    try:
        with (
            tempfile.TemporaryDirectory(
                prefix="cxworkshop-self-test-", ignore_cleanup_errors=True
            ) as tmp,
            suppress(_Stop),
        ):
            _run_checks(test, Path(tmp))
    finally:
        watchdog.cancel()
    seconds = time.perf_counter() - started
    for note in test.notes:
        test.say(f"note  {note}")
    total = len(test.passed) + len(test.failed)
    if test.ok:
        test.say(f"CX Workshop {__version__}: all {total} checks passed in {seconds:.1f} s")
        return 0
    test.say(f"CX Workshop {__version__}: {len(test.failed)} of {total} checks failed")
    return 1


class _Stop(Exception):
    """A check the others depend on failed: the rest cannot run."""


def _start_watchdog(test: SelfTest) -> threading.Timer:
    """Ends the process with a failure should the checks hang (a dialog no one answers)."""

    def give_up() -> None:
        test.say(f"FAIL  self-test: no result after {TIME_LIMIT_S} s; something is waiting")
        os._exit(1)

    timer = threading.Timer(TIME_LIMIT_S, give_up)
    timer.daemon = True
    timer.start()
    return timer


def _run_checks(test: SelfTest, tmp: Path) -> None:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QtMsgType, QUrl, qInstallMessageHandler, qVersion

    def on_qt_message(kind: QtMsgType, _context: object, message: str) -> None:
        if any(ignored in message for ignored in _IGNORED_QT_MESSAGES):
            return
        if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            test.problem(f"Qt: {message}")
        elif kind is QtMsgType.QtWarningMsg:
            test.notes.append(f"Qt warned: {' '.join(message.split())}")

    def on_exception(
        kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        # Qt calls slots and event handlers from C++: their exceptions come here.
        where = traceback.extract_tb(tb)[-1] if tb else None
        place = f" ({Path(where.filename).name}, line {where.lineno})" if where else ""
        test.problem(f"{kind.__name__}: {value}{place}")

    previous_handler = qInstallMessageHandler(on_qt_message)
    previous_hook = sys.excepthook
    sys.excepthook = on_exception
    try:
        with test.check("Qt starts"):
            from .gui.app import application

            app = application()
            test.say(
                f"      CX Workshop {__version__}, Qt {qVersion()}, PySide6 {pyside_version}, "
                f"platform {app.platformName()}, Python {sys.version.split()[0]}"
            )
        if not test.ok:
            raise _Stop
        _check_resources(test)
        from PySide6.QtGui import QDesktopServices
        from PySide6.QtWidgets import QFileDialog

        # Nothing the self-test does may open another program or a real file dialog.
        opened: list[str] = []
        original_open = QDesktopServices.openUrl
        original_save = QFileDialog.getSaveFileName
        QDesktopServices.openUrl = lambda url: opened.append(QUrl(url).toString()) or True  # type: ignore[assignment,method-assign]
        try:
            _check_window(test, tmp, app)
        finally:
            QDesktopServices.openUrl = original_open  # type: ignore[method-assign]
            QFileDialog.getSaveFileName = original_save  # type: ignore[method-assign]
        if opened:
            test.notes.append(f"kept from opening {', '.join(opened)}")
    finally:
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)


def _check_resources(test: SelfTest) -> None:
    with test.check("resources: the charter's fonts, the icons, the app icon draws"):
        from PySide6.QtGui import QIcon

        from . import resources
        from .gui import theme

        for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"):
            font = resources.path("fonts", name)
            expect(font.read_bytes()[:4] == b"\x00\x01\x00\x00", f"{name} is not a TrueType font")
        expect(resources.path("icons", "cxworkshop.svg").is_file(), "the app icon is missing")
        icon = theme.app_icon()
        pixmap = icon.pixmap(64, 64)
        expect(not pixmap.isNull(), "the app icon does not draw (is Qt's SVG support missing?)")
        tick = QIcon(str(resources.path("icons", "check-light.svg"))).pixmap(32, 32)
        expect(not tick.isNull(), "the controls' SVG icons do not draw")


def _settle(app: Any, rounds: int = 4) -> None:
    for _ in range(rounds):
        app.processEvents()


def _painted(widget: Any) -> bool:
    """Whether ``widget`` draws more than one flat colour (an empty page would not)."""
    image = widget.grab().toImage()
    if image.isNull() or image.width() < 10 or image.height() < 10:
        return False
    colours = {
        image.pixel(x * image.width() // 16, y * image.height() // 16)
        for x in range(16)
        for y in range(16)
    }
    return len(colours) > 2


def _check_window(test: SelfTest, tmp: Path, app: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from .domain.demo import demo_workshop
    from .domain.model import Step
    from .gui.main_window import MainWindow
    from .gui.options import Options
    from .storage.store import Store

    db_path = tmp / "workshops.sqlite3"

    def refuse_dialogs() -> None:
        # No one is there to answer: a dialog is a failure, closed so the test goes on.
        dialog = QApplication.activeModalWidget()
        if dialog is not None:
            text = getattr(dialog, "text", lambda: "")()
            test.problem(f"an unexpected dialog asked: {dialog.windowTitle()} {text}".strip())
            dialog.close()

    watcher = QTimer()
    watcher.setInterval(200)
    watcher.timeout.connect(refuse_dialogs)
    watcher.start()

    store: Store | None = None
    window: MainWindow | None = None
    voted: tuple[str, Ballots] | None = None
    workshop_id = 0
    try:
        with test.check("a temporary database with the demo workshop"):
            store = Store(db_path)
            created = store.create_workshop(demo_workshop())
            expect(created.id is not None, "the demo workshop was given no id")
            workshop_id = int(created.id or 0)
            expect(
                any(s.id == workshop_id for s in store.list_workshops()),
                "the demo workshop is not in the library",
            )
        if store is None or not workshop_id:
            raise _Stop

        with test.check("the main window opens the demo workshop"):
            window = MainWindow(store, Options(tmp / "settings.ini"))
            window.resize(1280, 800)
            window.show()
            _settle(app)
            window.open_workshop(workshop_id)
            _settle(app)
            expect(window.session is not None, "no workshop is open")
        if window is None or window.session is None:
            raise _Stop
        window.session.sig_error.connect(lambda message: test.problem(f"the app said: {message}"))

        for step in Step:
            with test.check(f"step {step.label} is shown and painted"):
                window.go_to(step)
                _settle(app)
                view = window.workshop_view
                page = view.pages[step]
                expect(window.current_step() is step, f"the window shows {window.current_step()}")
                expect(view.stack.currentWidget() is page, "another page is on screen")
                expect(page.isVisible(), "the page is hidden")
                expect(_painted(page), "the page paints nothing")

        with test.check("a secret-ballot round: everyone votes, the vote closes and is revealed"):
            voted = _secret_ballot(window, app)

        with test.check("the PDF charter is exported and complete"):
            _export_charter(window, tmp, app)

        with test.check("the library lists the workshop"):
            window.show_library()
            _settle(app)
            model = window.library_page.model
            expect(model.rowCount() >= 1, "the library is empty")
            expect(_painted(window.library_page), "the library paints nothing")
    finally:
        watcher.stop()
        if window is not None:
            window.close()
            window.deleteLater()
        if store is not None:
            store.close()
        _settle(app)
    if voted is not None:
        # Read back once the app has closed the file, as the next start would.
        with test.check("the ballots and totals are saved in the file"):
            _check_saved(db_path, workshop_id, *voted)


def _secret_ballot(window: Any, app: Any) -> tuple[str, Ballots]:
    """Run a secret ballot on the Priorities page; the round's id and every ballot cast."""
    from .domain.model import Step, VotingMode
    from .gui.pages.priorities.parts import Face

    window.go_to(Step.PRIORITIES)
    _settle(app)
    page = window.workshop_view.pages[Step.PRIORITIES]
    page.PASS_CARD_DELAY_MS = 0
    before = len(window.session.workshop.rounds)
    page.start_setup()
    _settle(app)
    expect(page.face is Face.SETUP, "New vote did not show the set-up")
    page.setup.secret_radio.setChecked(True)
    page.open_vote()
    _settle(app)
    r = page.current_round()
    expect(r is not None and r.is_open, "the vote did not open")
    expect(len(window.session.workshop.rounds) == before + 1, "no new round was saved")
    expect(r.mode is VotingMode.SECRET, f"the round is a {r.mode.value} vote, not a secret one")
    expect(len(r.voter_ids) >= 2 and len(r.goal_ids) >= 2, "the round has too few voters or goals")

    cast: Ballots = {}
    for n, voter in enumerate(r.voter_ids):
        page.start_ballot(voter)
        _settle(app, 2)
        expect(page.face is Face.BALLOT, "the ballot did not open for a voter")
        view = page.ballot_screen.view
        rows = view.model().rowCount()
        # Each voter spreads their dots from a different goal, so the totals differ.
        row = (n * 2) % rows
        for _ in range(r.dots_per_voter * rows):
            if view.remaining() == 0:
                break
            view.add_dot(row)
            row = (row + 1) % rows
        expect(view.remaining() == 0, "a voter could not place every dot")
        cast[voter] = dict(page.ballot_model.ballot())
        page.confirm_vote()
        _settle(app, 2)
        expect(page.face is Face.PASS, "confirming the ballot did not hand the laptop on")
    page.end_ballots()
    page.close_vote()
    _settle(app)
    page.reveal(True)
    _settle(app)

    shown = page.current_round()
    expect(shown is not None and not shown.is_open, "the round is still open")
    expect(shown.revealed, "the results are not revealed")
    return r.id, cast


def _check_saved(db_path: Path, workshop_id: int, round_id: str, cast: Ballots) -> None:
    """The round as read back from the file: its ballots, and totals that add them up."""
    from .domain import voting
    from .storage.store import Store

    expected: dict[str, int] = {}
    for ballot in cast.values():
        for goal_id, dots in ballot.items():
            expected[goal_id] = expected.get(goal_id, 0) + dots
    with Store(db_path) as fresh:
        saved = next((x for x in fresh.workshop(workshop_id).rounds if x.id == round_id), None)
    expect(saved is not None, "the round is not in the file")
    assert saved is not None
    expect(not saved.is_open and saved.revealed, "the file has the round still open or hidden")
    expect(saved.ballots == cast, "the saved ballots differ from the ones cast")
    totals = {g: n for g, n in voting.totals(saved).items() if n}
    expect(totals == expected, f"the totals are {totals}, not {expected}")
    expect(
        sum(totals.values()) == saved.dots_per_voter * len(saved.voter_ids),
        "not every dot was counted",
    )


def _export_charter(window: Any, tmp: Path, app: Any) -> None:
    from PySide6.QtWidgets import QFileDialog

    from .domain.model import Step

    target = tmp / "exported" / "charter.pdf"
    target.parent.mkdir()
    asked: list[str] = []

    def save_as(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append("save")
        return str(target), "PDF documents (*.pdf)"

    QFileDialog.getSaveFileName = save_as  # type: ignore[assignment,method-assign]
    window.go_to(Step.CHARTER)
    _settle(app)
    page = window.workshop_view.pages[Step.CHARTER]
    if hasattr(page, "open_check"):
        page.open_check.setChecked(False)
    reported: list[str] = []
    if hasattr(page, "sig_exported"):
        page.sig_exported.connect(reported.append)
    window.export_pdf_action.trigger()
    _settle(app)
    expect(asked, "File > Export did not ask where to save the charter")
    expect(target.is_file(), "no PDF was saved")
    if reported:
        expect(Path(reported[-1]) == target, f"the app says it saved {reported[-1]}")
    status = page.export_status.text() if hasattr(page, "export_status") else ""
    match = re.search(r"\((\d+) pages?", status)
    problems = check_pdf(target.read_bytes(), int(match.group(1)) if match else None)
    expect(not problems, "; ".join(problems))


if __name__ == "__main__":
    sys.exit(run())
