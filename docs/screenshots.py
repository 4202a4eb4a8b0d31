"""Regenerate the README's screenshots from the demo workshop, offscreen, at 1600×1000
(and the goals board, the progress reviews and what changed at 1280×720).

    python docs/screenshots.py [--out docs/screenshots] [--theme light]

Each screenshot is the real main window, driven the way a facilitator would.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Pillar, Status, Step, Workshop
from cxworkshop.gui.app import application
from cxworkshop.gui.main_window import MainWindow
from cxworkshop.gui.options import Options
from cxworkshop.gui.theme import ThemeName
from cxworkshop.storage.store import Store

SIZE = (1600, 1000)
SMALL = (1280, 720)

OTHER_WORKSHOPS = [
    ("Onboarding experience sprint", "Northwind Outdoor Co.", "2027-01-20", Status.RUNNING),
    ("Contact centre reset", "Harbour Mutual Insurance", "2026-11-09", Status.DONE),
    ("Advocacy programme kick-off", "Lumen Health", "2027-02-03", Status.DRAFT),
    ("Retail journey review", "Copperleaf Home", "2026-10-14", Status.DONE),
    ("B2B renewal workshop", "Tessera Software", "2026-12-01", Status.RUNNING),
]


def fill(store: Store) -> int:
    """The demo workshop and a few others, as a facilitator's library might hold."""
    for title, organisation, date, status in OTHER_WORKSHOPS:
        ws = editing.new_workshop(title, organisation=organisation, date=date, status=status)
        store.create_workshop(ws)
    demo = store.create_workshop(demo_workshop())
    assert demo.id is not None
    return demo.id


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def shoot(window: MainWindow, app: QApplication, path: Path) -> None:
    settle(app)
    window.grab().save(str(path))
    print(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "screenshots")
    parser.add_argument(
        "--theme", default=ThemeName.LIGHT.value, choices=[t.value for t in ThemeName]
    )
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "workshops.sqlite3")
        demo_id = fill(store)
        # Before the ballot scene below opens a new round on the demo.
        audience_views(store, demo_id, args.out)
        options = Options(Path(tmp) / "settings.ini")
        options.theme = ThemeName(args.theme)
        options.add_recent(demo_id)
        window = MainWindow(store, options)
        window.resize(*SIZE)
        window.show()
        window.library_page.select(demo_id)

        scenes: list[tuple[str, Callable[[], object]]] = [
            ("library", lambda: None),
            ("setup", lambda: (window.open_workshop(demo_id), window.go_to(Step.SETUP))),
            ("vision", lambda: window.go_to(Step.VISION)),
            ("goals", lambda: select_goal(window, store, demo_id)),
            # The same board on a projector's 1280×720 (or a small laptop zoomed in).
            ("goals-1280x720", lambda: window.resize(*SMALL)),
            ("accountability", lambda: window.go_to(Step.ACCOUNTABILITY)),
            ("matrix", lambda: accountability_page(window).show_matrix(True)),
            (
                "results",
                lambda: (
                    accountability_page(window).show_matrix(False),
                    window.go_to(Step.PRIORITIES),
                ),
            ),
            ("ballot", lambda: mid_ballot(window, store, demo_id)),
        ]
        for name, prepare in scenes:
            prepare()
            shoot(window, app, args.out / f"{name}.png")
            window.resize(*SIZE)
        phones_scene(window, store, demo_id, app, args.out)
        window.close()
        charter_pages(store.workshop(demo_id), args.out)
        right_to_left_page(args.out)
        report_page(store, demo_id, args.out)
        audience_progress(store, demo_id, args.out)
        reviews_window(store, demo_id, app, args.out)
        changes_window(store, demo_id, app, args.out)
        big_board(store, app, args.out, Path(tmp) / "big-settings.ini")
        store.close()
    phone_views(args.out)
    return 0


def phones_scene(
    window: MainWindow, store: Store, demo_id: int, app: QApplication, out: Path
) -> None:
    """Phones on at Goals at 1280×720: the panel, two proposals; the audience's QR code."""
    from cxworkshop.domain.model import Proposal

    window.resize(*SMALL)
    window.go_to(Step.GOALS)
    window.phones.action.trigger()
    ws = store.workshop(demo_id)
    people = ws.participants
    store.add_proposal(
        demo_id, Proposal(Pillar.KEEP, "Call back within the hour", "Callback time", people[0].id)
    )
    store.add_proposal(
        demo_id, Proposal(Pillar.ADVOCATE, "Ask happy customers for reviews", "", people[1].id)
    )
    server = window.phones.bridge.server  # type: ignore[union-attr]
    for n, person in enumerate(people[:5]):
        server.joins.claim(f"screenshot-{n}", person.id, Step.GOALS)
    window.phones.bridge.sig_joined.emit()  # type: ignore[union-attr]
    window.session.announce()  # type: ignore[union-attr]
    shoot(window, app, out / "phones-panel.png")
    audience = window.room.audience
    audience.resize(1920, 1080)
    audience.set_step(Step.GOALS)
    window.phones._show_room()
    settle(app)
    audience.grab().save(str(out / "audience-phones.png"))
    print(out / "audience-phones.png")
    window.phones.action.trigger()
    window.resize(*SIZE)


def phone_views(out: Path) -> None:
    """A phone's join, ballot and thank-you screens, from the browser test in headless Chromium."""
    import subprocess

    test = Path(__file__).resolve().parent.parent / "tests" / "gui" / "test_phones_browser.py"
    env = {**os.environ, "CXWORKSHOP_PHONE_SHOTS": str(out.resolve())}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", str(test)],
        env=env,
        cwd=test.parents[2],
        check=False,
    )
    if done.returncode != 0:
        print("the phone screens were not taken: the browser test did not pass", file=sys.stderr)
    for name in ("join", "ballot", "thanks"):
        print(out / f"phone-{name}.png")


def accountability_page(window: MainWindow):  # type: ignore[no-untyped-def]
    return window.workshop_view.pages[Step.ACCOUNTABILITY]


def mid_ballot(window: MainWindow, store: Store, demo_id: int) -> None:
    """A new secret ballot: three people have voted, the fourth is placing dots."""
    page = window.workshop_view.pages[Step.PRIORITIES]
    page.start_setup()  # type: ignore[attr-defined]
    page.open_vote()  # type: ignore[attr-defined]
    ws = store.workshop(demo_id)
    r = page.current_round()  # type: ignore[attr-defined]
    people = [p.id for p in ws.participants]
    goals = r.goal_ids
    for voter, dots in zip(people, ({0: 2, 1: 1}, {3: 1, 4: 2}, {0: 1, 5: 1, 7: 1}), strict=False):
        store.cast_ballot(demo_id, r.id, voter, {goals[i]: n for i, n in dots.items()})
    window.session.sig_changed.emit()  # type: ignore[union-attr]
    page.start_ballot(people[3])  # type: ignore[attr-defined]
    page.ballot_screen.view.add_dot(1)  # type: ignore[attr-defined]
    page.ballot_screen.view.add_dot(1)  # type: ignore[attr-defined]


def audience_views(store: Store, demo_id: int, out: Path) -> None:
    """What the room sees on a 1280×720 projector: overviews, a goal in focus, the results."""
    from cxworkshop.gui.audience import render_png
    from cxworkshop.gui.session import Session

    session = Session(store, demo_id)
    keep = editing.goals_in(store.workshop(demo_id), Pillar.KEEP)[0]
    for name, step, goal, overview in (
        ("audience-goals", Step.GOALS, keep.id, True),
        ("audience-goals-focus", Step.GOALS, keep.id, False),
        ("audience-accountability", Step.ACCOUNTABILITY, None, True),
        ("audience-accountability-focus", Step.ACCOUNTABILITY, keep.id, False),
        ("audience-results", Step.PRIORITIES, None, True),
    ):
        path = out / f"{name}.png"
        render_png(session, step, path, SMALL, goal_id=goal, overview=overview)
        print(path)


def audience_progress(store: Store, demo_id: int, out: Path) -> None:
    """The progress board the room sees while the progress reviews are open, at 1280×720."""
    from cxworkshop.gui.audience import render_png
    from cxworkshop.gui.session import Session

    path = out / "audience-progress.png"
    render_png(Session(store, demo_id), Step.GOALS, path, SMALL, progress=True)
    print(path)


def charter_pages(ws: Workshop, out: Path) -> None:
    """Page 1 and the accountability matrix of the demo's PDF charter, as images."""
    import pypdfium2
    from pypdf import PdfReader

    from cxworkshop.charter import export_pdf

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "charter.pdf"
        export_pdf(ws, pdf)
        texts = [page.extract_text() for page in PdfReader(pdf).pages]
        matrix = next(i for i, text in enumerate(texts) if "Accountability matrix" in text[:200])
        document = pypdfium2.PdfDocument(str(pdf))
        for name, index in (("charter-page1", 0), ("charter-matrix", matrix)):
            image = document[index].render(scale=1.5).to_pil()
            image.save(out / f"{name}.png")
            print(out / f"{name}.png")
        document.close()


def right_to_left_page(out: Path) -> None:
    """Page 1 of the charter of a small workshop typed in Arabic."""
    import pypdfium2

    from cxworkshop.charter import pdf_bytes
    from cxworkshop.domain.demo_scripts import workshop_in

    document = pypdfium2.PdfDocument(pdf_bytes(workshop_in("ar")))
    document[0].render(scale=1.5).to_pil().save(out / "charter-page1-arabic.png")
    print(out / "charter-page1-arabic.png")
    document.close()


def report_page(store: Store, demo_id: int, out: Path) -> None:
    """Page 1 of the demo's progress report, after a review at its June review date."""
    import datetime as dt

    import pypdfium2

    from cxworkshop.charter import export_report

    goals = store.workshop(demo_id).goals
    june = store.add_review(demo_id, dt.date(2027, 6, 17))
    for goal, reading, status in (
        (goals[0], "2.1%", "on_track"),
        (goals[1], "€55", "at_risk"),
        (goals[3], "3.4%", "off_track"),
        (goals[4], "4.9", "on_track"),
        (goals[6], "27", "on_track"),
        (goals[7], "4.2", "at_risk"),
    ):
        store.record_review(demo_id, june.id, goal.id, reading=reading, status=status)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        export_report(store.workshop(demo_id), pdf, today=dt.date(2027, 6, 18))
        document = pypdfium2.PdfDocument(str(pdf))
        document[0].render(scale=1.5).to_pil().save(out / "report-page1.png")
        print(out / "report-page1.png")
        document.close()


def big_board(store: Store, app: QApplication, out: Path, settings: Path) -> None:
    """The accountability board of a 300-goal workshop at 1280×720, a goal far down selected."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from pdf_export import large_workshop

    ws = large_workshop(goals=300, people=40)
    ws.current_step = Step.ACCOUNTABILITY
    big = store.create_workshop(ws)
    assert big.id is not None
    window = MainWindow(store, Options(settings))
    window.resize(*SMALL)
    window.show()
    window.open_workshop(big.id)
    settle(app)
    board = accountability_page(window).board
    board.select_goal(board.ordered_goals()[250])
    shoot(window, app, out / "accountability-300.png")
    window.close()


def reviews_window(store: Store, demo_id: int, app: QApplication, out: Path) -> None:
    """The progress reviews window on the review report_page() recorded."""
    from cxworkshop.gui.reviews import ReviewsWindow
    from cxworkshop.gui.session import Session

    session = Session(store, demo_id)
    window = ReviewsWindow(session)
    window.resize(*SMALL)
    window.show()
    settle(app)
    window.table.resizeRowsToContents()
    window.grab().save(str(out / "reviews.png"))
    print(out / "reviews.png")
    window.close()


def changes_window(store: Store, demo_id: int, app: QApplication, out: Path) -> None:
    """What changed from the demo to next quarter's workshop, started after the June
    review dropped a goal, set a new target and named a new Accountable; at 1280×720."""
    import datetime as dt

    from cxworkshop.domain.model import Goal, ReviewDecision
    from cxworkshop.gui.changes import ChangesWindow

    ws = store.workshop(demo_id)
    june, goals = ws.reviews[-1], ws.goals
    store.record_review(demo_id, june.id, goals[2].id, decision=ReviewDecision.DROP)
    store.record_review(
        demo_id, june.id, goals[3].id, decision=ReviewDecision.RETARGET, new_target="1.5%"
    )
    store.record_review(
        demo_id,
        june.id,
        goals[5].id,
        decision=ReviewDecision.REASSIGN,
        new_accountable=editing.accountable(ws, goals[0].id),
    )
    on = dt.date(2027, 7, 1)
    from cxworkshop.domain import review

    new = store.create_next_workshop(demo_id, review.next_title(ws.title, on), date=on)
    assert new.id is not None
    store.add_goal(new.id, Goal(Pillar.KEEP, "Answer every complaint within a working day"))
    window = ChangesWindow(store, new.id)
    window.resize(*SMALL)
    window.show()
    settle(app)
    window.table.resizeRowsToContents()
    window.grab().save(str(out / "changes.png"))
    print(out / "changes.png")
    window.close()


def select_goal(window: MainWindow, store: Store, demo_id: int) -> None:
    window.go_to(Step.GOALS)
    page = window.workshop_view.pages[Step.GOALS]
    keep = editing.goals_in(store.workshop(demo_id), Pillar.KEEP)
    page.select_goal(keep[0].id)  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
