"""How long the PDF charter takes: the demo workshop, one with 100 goals and 40 people,
and small workshops typed in Arabic (right to left, shaped) and Japanese (CJK fonts).

Each export is the real thing: the charter laid out with reportlab, its
fonts subset and embedded, and the file written safely (temporary file,
fsync, rename). Side by side, a bare reportlab document with the same number
of pages (one paragraph per page, built-in Helvetica, no tables, no embedded
fonts) gives the baseline: the ratio says what the charter's layout costs on
top of reportlab itself.

    python benchmarks/pdf_export.py [--repeat 15]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from common import Row

from cxworkshop.charter import Paper, export_pdf
from cxworkshop.domain import editing
from cxworkshop.domain.defaults import default_functions, default_principles
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.demo_scripts import workshop_in
from cxworkshop.domain.model import (
    Assignee,
    Commitment,
    Goal,
    Participant,
    Pillar,
    Role,
    VotingMode,
    Workshop,
)


def large_workshop(goals: int = 100, people: int = 40) -> Workshop:
    """A big organisation's workshop: every goal measured, assigned and voted on."""
    ws = editing.new_workshop(
        "Group customer experience charter",
        organisation="Meridian Group",
        date=dt.date(2027, 5, 4),
        facilitator="Rahul Mehta",
        sponsor_name="Amara Okonkwo",
        sponsor_title="Group Chief Executive",
        vision="Every customer, in every channel, meets one company that knows them.",
        review_date=dt.date(2027, 9, 1),
    )
    for f in default_functions():
        editing.add_function(ws, f)
    functions = ws.functions
    for i in range(people):
        function = functions[i % len(functions)]
        editing.add_participant(
            ws, Participant(f"Participant {i + 1:02d}", function.id, f"Head of {function.name}")
        )
    for i in range(goals):
        editing.add_goal(
            ws,
            Goal(
                list(Pillar)[i % 3],
                f"Customer goal {i + 1:03d}: make one more moment effortless",
                metric="Customer effort score",
                baseline=f"{40 + i % 20}%",
                target=f"{60 + i % 30}%",
                due=f"Q{1 + i % 4} 2028",
            ),
        )
    everyone = [Assignee.participant(p.id) for p in ws.participants]
    for i, g in enumerate(ws.goals):
        editing.assign(ws, g.id, everyone[i % people], Role.ACCOUNTABLE)
        editing.assign(ws, g.id, Assignee.function(functions[i % 10].id), Role.RESPONSIBLE)
        editing.assign(ws, g.id, everyone[(i + 13) % people], Role.RESPONSIBLE)
        editing.assign(ws, g.id, Assignee.function(functions[(i + 4) % 10].id), Role.CONSULTED)
        editing.assign(ws, g.id, Assignee.function(functions[(i + 7) % 10].id), Role.INFORMED)
    for p in default_principles():
        p.committed = True
        editing.add_principle(ws, p)
    vote = editing.open_round(
        ws,
        goal_ids=[g.id for g in ws.goals],
        dots_per_voter=33,
        max_per_goal=17,
        mode=VotingMode.TALLY,
    )
    for i, g in enumerate(ws.goals):
        editing.set_tally(ws, vote.id, g.id, (i * 37) % 101)
    editing.close_round(ws, vote.id)
    for n in range(5):
        editing.add_commitment(ws, Commitment(f"Next step {n + 1}", "Amara Okonkwo", "June 2027"))
    return ws


def bare_document(pages: int) -> bytes:
    """The least reportlab can do for ``pages`` pages: a paragraph on each."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["BodyText"]
    story = []
    for n in range(pages):
        story += [Paragraph(f"Page {n + 1}: a paragraph of plain text.", style), PageBreak()]
    buffer = BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4).build(story[:-1])
    return buffer.getvalue()


def time_ms(call: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


@dataclass(frozen=True)
class Timing:
    """One charter's export times beside a bare document of as many pages, in milliseconds."""

    name: str
    pages: int
    charter: list[float]
    bare: list[float]


def run(repeat: int = 15) -> tuple[float, list[Timing]]:
    """The first export in this process, then warm exports of the demo and of 100 goals."""
    demo, large = demo_workshop(), large_workshop()
    arabic, japanese = workshop_in("ar"), workshop_in("ja")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "charter.pdf"
        start = time.perf_counter()
        first = export_pdf(demo, target, Paper.A4)
        cold = (time.perf_counter() - start) * 1000
        pages = {
            "demo": first.pages,
            "100 goals": export_pdf(large, target).pages,
            "Arabic": export_pdf(arabic, target).pages,
            "Japanese": export_pdf(japanese, target).pages,
        }
        rows = []
        for name, ws, times in (
            ("demo", demo, repeat),
            ("100 goals", large, max(3, repeat // 3)),
            ("Arabic", arabic, repeat),
            ("Japanese", japanese, repeat),
        ):
            charter = time_ms(lambda ws=ws: export_pdf(ws, target), times)
            bare = time_ms(lambda name=name: bare_document(pages[name]), times)
            rows.append(Timing(name, pages[name], charter, bare))
    return cold, rows


AIMS_MS = {"demo": 300, "100 goals": 1500, "Arabic": 300, "Japanese": 300}


def measure() -> list[Row]:
    """The summary rows: each charter's median export beside a bare reportlab document."""
    _cold, timings = run()
    rows = []
    for t in timings:
        median, aim = statistics.median(t.charter), AIMS_MS[t.name]
        rows.append(
            Row(
                "PDF export",
                f"charter, {t.name} ({t.pages} pages)",
                median,
                "ms",
                statistics.median(t.bare),
                f"<= {aim} ms",
                median <= aim,
            )
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    cold, rows = run(args.repeat)
    print(
        f"machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} cores"
    )
    print(f"first export in a fresh process (loads reportlab and the fonts): {cold:.0f} ms")
    print(f"{'':12}{'pages':>7}{'charter ms':>13}{'bare ms':>10}{'ratio':>8}")
    for t in rows:
        c, b = statistics.median(t.charter), statistics.median(t.bare)
        print(f"{t.name:12}{t.pages:7d}{c:13.0f}{b:10.0f}{c / b:7.1f}x")
    print("aim: demo, Arabic and Japanese <= 300 ms, 100 goals <= 1.5 s (medians, warm)")


if __name__ == "__main__":
    main()
