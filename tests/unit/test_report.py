"""The progress report: every goal's status and latest reading, for the sponsor, as a PDF."""

from __future__ import annotations

import datetime as dt
from io import BytesIO
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from cxworkshop import cli
from cxworkshop.charter import export_report
from cxworkshop.charter.report import build_report, progress_text, standings, status_text
from cxworkshop.domain import measures, review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Assignee, ReviewDecision, ReviewStatus, Workshop
from cxworkshop.storage.store import Store

TODAY = dt.date(2027, 9, 20)


def flat(text: str) -> str:
    return " ".join(text.split())


def page_texts(data: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(BytesIO(data)).pages]


def reviewed() -> Workshop:
    """The demo after two reviews: readings for some goals, statuses, a note, a decision."""
    ws = demo_workshop()
    g = ws.goals
    june = review.add_review(ws, dt.date(2027, 6, 17))
    review.record(ws, june.id, g[0].id, reading="2.1%", status=ReviewStatus.ON_TRACK)
    review.record(ws, june.id, g[1].id, reading="€55", status=ReviewStatus.AT_RISK)
    review.record(
        ws,
        june.id,
        g[3].id,
        reading="3.4%",
        status=ReviewStatus.OFF_TRACK,
        note="Worse since the price change.",
    )
    september = review.add_review(ws, dt.date(2027, 9, 16))
    review.record(ws, september.id, g[0].id, reading="2.4%", read_on=dt.date(2027, 9, 10))
    review.record(
        ws,
        september.id,
        g[3].id,
        status=ReviewStatus.AT_RISK,
        decision=ReviewDecision.REASSIGN,
        new_accountable=Assignee.participant(ws.participants[2].id),
        note="A new owner for the Trail Club.",
    )
    return ws


def test_page_one_carries_every_goals_status_and_latest_reading():
    ws = reviewed()
    pages = page_texts(build_report(ws, today=TODAY).data)
    first = pages[0]
    assert "Progress report" in first and "As of the review on 16 September 2027" in first
    rows = standings(ws)
    for goal, row in zip(ws.goals, rows, strict=True):
        assert flat(goal.title) in first, goal.title
        assert status_text(row.status) in first
    # The latest reading of each goal, not an earlier one; the status the latest review set.
    assert "2.4% 10 Sep 2027" in first and "2.1%" not in first
    assert rows[3].status is ReviewStatus.AT_RISK and rows[3].reading == "3.4%"
    assert "9 goals: 1 ✓ on track, 2 ! at risk, 6 not assessed." in first


def test_progress_is_said_in_words_and_charted_only_where_the_measures_compare():
    ws = reviewed()
    rows = standings(ws)
    convert = rows[0]  # 1.8% → 2.4% towards 2.6%
    assert convert.progress.comparable
    assert progress_text(convert.progress) == "75% of the way"
    churn = rows[3]  # 3.1% → 3.4%, target 2.0%: backwards
    assert progress_text(churn.progress) == "Further from the target than at the start"
    assert progress_text(rows[2].progress) == "No reading yet."
    different = measures.progress("12%", "€3", "20%")
    assert progress_text(different) == different.why
    text = " ".join(page_texts(build_report(ws, today=TODAY).data))
    assert "Baseline 1.8% → 2.1% (17 Jun 2027) → 2.4% (10 Sep 2027) → target 2.6% by Q4" in text
    assert "Note: A new owner for the Trail Club." in text
    assert f"Decided: Change who is accountable: {ws.participants[2].name}" in text


def test_the_changes_since_the_last_workshop_close_the_report():
    before = reviewed()
    after = review.next_workshop(before, "Q4 charter")
    text = " ".join(page_texts(build_report(after, before, today=TODAY).data))
    assert "What changed since the last workshop" in text
    assert f"{before.participants[2].name} became Accountable" in text
    alone = " ".join(page_texts(build_report(before, today=TODAY).data))
    assert "This workshop does not carry on from another." in alone


def test_every_page_renders_with_ink_on_it():
    document = pdfium.PdfDocument(build_report(reviewed(), today=TODAY).data)
    try:
        assert len(document) >= 2
        for page in document:
            image = page.render(scale=0.5, grayscale=True).to_pil()
            inked = sum(image.histogram()[:200])
            assert inked > 0.01 * image.width * image.height, "a page with next to nothing on it"
    finally:
        document.close()


def test_the_report_embeds_its_fonts_and_numbers_its_pages():
    data = build_report(reviewed(), today=TODAY).data
    reader = PdfReader(BytesIO(data))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = (
                font.get_object().get("/FontDescriptor")
                or font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            )
            assert any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3"))
    total = len(reader.pages)
    assert all(f"Page {n} of {total}" in text for n, text in enumerate(page_texts(data), 1))


def test_the_command_line_exports_the_report_and_compares_with_the_last_workshop(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Store(db_path) as store:
        ws = store.create_workshop(reviewed())
        assert ws.id is not None
        nxt = store.create_next_workshop(ws.id, "Q4 charter")
    target = tmp_path / "report.pdf"
    assert cli.main(["--db", str(db_path), "export-report", str(nxt.id), str(target)]) == 0
    assert capsys.readouterr().out.startswith(f"Saved the progress report of workshop {nxt.id}")
    text = " ".join(page_texts(target.read_bytes()))
    assert "What changed since the last workshop" in text and "Since “Customer" in text


def test_an_export_onto_the_workshop_file_is_refused_and_writes_nothing(
    db_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Store(db_path) as store:
        ws = store.create_workshop(reviewed())
    before = db_path.read_bytes()
    assert cli.main(["--db", str(db_path), "export-report", str(ws.id), str(db_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("cxworkshop: ") and err.count("\n") == 1
    assert db_path.read_bytes() == before


def test_a_report_saved_safely_says_how_many_pages(tmp_path: Path):
    done = export_report(reviewed(), tmp_path / "r.pdf", today=TODAY)
    assert done.pages == len(PdfReader(done.path).pages)
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


def test_what_changed_is_exported_as_a_pdf_with_a_row_per_change(tmp_path: Path):
    from cxworkshop.charter import export_changes

    before = reviewed()
    before.id = 1
    last = before.reviews[-1]
    dropped = before.goals[4]
    review.record(before, last.id, dropped.id, decision=ReviewDecision.DROP)
    after = review.next_workshop(before, "Q4 2027 — Customer experience charter")
    done = export_changes(before, after, tmp_path / "changes.pdf", today=TODAY)
    assert done.pages == 1 and not done.replaced
    [text] = [flat(page.extract_text()) for page in PdfReader(done.path).pages]
    assert "What changed" in text
    assert f"From “{before.title}”" in text
    for row in review.change_rows(review.compare(before, after)):
        assert flat(f"{row.label} {row.goal}") in text or row.label in text
        assert flat(row.goal) in text
    assert "− Goal dropped" in text and flat(dropped.title) in text
    assert "Priorities not compared: the later one has not voted yet." in text


def test_every_page_of_what_changed_renders_with_ink_on_it():
    from cxworkshop.charter.report import build_changes

    before = reviewed()
    before.id = 1
    after = review.next_workshop(before, "Q4 2027 — Customer experience charter")
    document = pdfium.PdfDocument(build_changes(before, after, today=TODAY).data)
    try:
        for page in document:
            image = page.render(scale=0.5, grayscale=True).to_pil()
            inked = sum(image.histogram()[:200])
            assert inked > 0.01 * image.width * image.height, "a page with next to nothing on it"
    finally:
        document.close()


def test_what_changed_is_never_written_over_the_workshop_file(store: Store, db_path: Path):
    from cxworkshop.charter import ExportFailed, export_changes
    from cxworkshop.storage.safety import protected_files

    ws = demo_workshop()
    before = db_path.read_bytes()
    with pytest.raises(ExportFailed):
        export_changes(ws, ws, db_path, protect=protected_files(db_path))
    assert db_path.read_bytes() == before
