"""The charter asks things of the sponsor, says whether they signed, when progress is
reviewed and how often, and how sound the accountability is, as a reader of the PDF sees it."""

from __future__ import annotations

import datetime as dt

import pytest

from cxworkshop.charter import Paper, content, pdf_bytes
from cxworkshop.domain import editing
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Ask, AskKind, Assignee, Cadence, Role, Workshop
from cxworkshop.domain.text import NAME_MAX, TITLE_MAX
from tests.unit.test_charter import (
    assert_page_one_holds_the_essentials,
    flat,
    page_texts,
    section,
    tied_at_the_top,
    words_of,
)

SHORT_VISION = "Customers feel looked after at every step."


def unsigned(sign_by: dt.date | None = dt.date(2027, 3, 31)) -> Workshop:
    """The demo before the sponsor signed, with a short vision so page one has room."""
    ws = demo_workshop()
    editing.update_details(ws, signed_on=None, sign_by=sign_by, vision=SHORT_VISION)
    return ws


def function_accountable(ws: Workshop, function: str, goal_index: int = 0) -> str:
    """Make a whole function Accountable for a goal; returns the goal's title."""
    f = next(f for f in ws.functions if f.name == function)
    goal = ws.goals[goal_index]
    editing.assign(ws, goal.id, Assignee.function(f.id), Role.ACCOUNTABLE)
    return goal.title


@pytest.mark.parametrize("paper", list(Paper))
def test_page_one_says_who_signed_and_when(paper: Paper):
    ws = demo_workshop()
    assert ws.signed_on is not None and ws.date is not None
    first = assert_page_one_holds_the_essentials(ws, pdf_bytes(ws, paper))[0]
    assert f"Signed by {ws.sponsor_name} on {content.long_date(ws.signed_on)}" in first
    assert f"Agreed at the workshop on {content.long_date(ws.date)}" in first


@pytest.mark.parametrize("paper", list(Paper))
def test_an_unsigned_charter_never_calls_itself_agreed_and_says_who_signs_by_when(paper: Paper):
    ws = unsigned()
    first = assert_page_one_holds_the_essentials(ws, pdf_bytes(ws, paper))[0]
    assert "Agreed" not in first
    assert "Drawn up at the workshop on 18 March 2027" in first
    assert f"To be signed by {ws.sponsor_name} by 31 March 2027" in first
    undated = unsigned(sign_by=None)
    first = page_texts(pdf_bytes(undated, paper))[0]
    assert f"To be signed by {ws.sponsor_name}" in first and "Agreed" not in first


@pytest.mark.parametrize("paper", list(Paper))
def test_page_one_gives_the_review_date_then_its_cadence(paper: Paper):
    ws = unsigned()
    editing.update_details(ws, review_cadence=Cadence.SIX_WEEKLY)
    first = page_texts(pdf_bytes(ws, paper))[0]
    assert "PROGRESS REVIEW 17 June 2027 then every six weeks" in first
    editing.update_details(ws, review_cadence=None)
    assert "then" not in page_texts(pdf_bytes(ws, paper))[0].split("PROGRESS REVIEW")[1][:40]


@pytest.mark.parametrize("paper", list(Paper))
def test_page_one_sums_up_the_asks_with_the_page_that_lists_them(paper: Paper):
    ws = unsigned()
    pages = page_texts(pdf_bytes(ws, paper))
    assert "What we ask of the sponsor" in pages[1]
    # The page number is drawn once the document is laid out, so it comes last in the text.
    assert "3 asks of the sponsor, by 30 April 2027: see page" in pages[0]
    editing.update_ask(ws, ws.asks[0].id, due="after the board meets")
    assert "3 asks of the sponsor: see page" in page_texts(pdf_bytes(ws, paper))[0]


def test_the_asks_section_lists_each_ask_with_its_kind_and_by_when():
    ws = unsigned()
    editing.add_ask(ws, Ask("Chair the first review", AskKind.OTHER, "17 June 2027"))
    pages = page_texts(pdf_bytes(ws))
    asks = section(pages, "asks")
    assert "the team needs Amara Okonkwo to give the following, by 17 June 2027" in asks
    for a in ws.asks:
        assert flat(f"{a.kind.label} {a.text} {a.due}") in asks
    assert asks.index("Budget") < asks.index("People") < asks.index("Decision")


def test_a_charter_without_asks_says_so_and_page_one_does_not_mention_them():
    ws = unsigned()
    ws.asks.clear()
    pages = page_texts(pdf_bytes(ws))
    assert "asks nothing further of the sponsor" in section(pages, "asks")
    assert "asks of the sponsor" not in pages[0]


def test_the_health_line_warns_where_a_whole_function_is_accountable():
    ws = unsigned()
    ws.assignments = [
        a for a in ws.assignments if a.role is not Role.ACCOUNTABLE or a.goal_id != ws.goals[0].id
    ]
    title = function_accountable(ws, "Marketing")
    health = content.health(ws)
    assert (
        f"Accountable is a whole function: Marketing for “{title}”" in health.function_accountable
    )
    pages = page_texts(pdf_bytes(ws))
    roles = section(pages, "roles")
    assert flat(f"Accountable is a whole function: Marketing for “{title}”") in roles
    assert "Accountability check:" in roles
    # Page one has the room here, and says it too.
    assert "Accountability check:" in pages[0]
    assert "Accountable is a whole function: Marketing" in pages[0]


def test_the_health_line_counts_what_the_live_checks_find():
    ws = unsigned()
    ws.assignments = [a for a in ws.assignments if a.goal_id != ws.goals[0].id]
    silo = editing.add_function(ws, editing.Function("Legal", customer_facing=False))
    health = content.health(ws)
    assert not health.sound
    assert "1 goal without exactly one Accountable" in health.line
    assert f"1 function left out: {silo.name}" in health.line
    sound = content.health(unsigned())
    assert sound.line.startswith("One Accountable for every goal · nobody overloaded")


def test_longest_names_still_leave_page_one_whole_with_its_sign_off_line():
    for paper in Paper:
        ws = tied_at_the_top(5)
        ws.title = words_of(TITLE_MAX, "customer experience charter for the whole group")
        ws.sponsor_name = words_of(NAME_MAX, "sponsor of the group")
        editing.update_details(ws, signed_on=None, sign_by=dt.date(2027, 3, 31))
        first = assert_page_one_holds_the_essentials(ws, pdf_bytes(ws, paper))[0]
        assert "To be signed by sponsor of the group" in first
