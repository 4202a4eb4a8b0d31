"""The command line carries a workshop on into the next one and says what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxworkshop import cli
from cxworkshop.domain import review
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import ReviewDecision
from cxworkshop.storage.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_next_starts_a_linked_workshop_with_the_last_reviews_decisions(
    db_path: Path, capsys: pytest.CaptureFixture[str]
):
    with Store(db_path) as store:
        ws = store.create_workshop(demo_workshop())
        assert ws.id is not None
        r = store.add_review(ws.id, "2027-06-17")
        dropped = ws.goals[2]
        store.record_review(ws.id, r.id, dropped.id, decision=ReviewDecision.DROP)
    code, out, err = run(capsys, "--db", str(db_path), "next", str(ws.id), "--title", "Q3 charter")
    assert (code, err) == (0, "")
    assert out.startswith("Created workshop 2: Q3 charter (carries on from workshop 1)")
    with Store(db_path) as store:
        new = store.workshop(2)
    assert new.follows == ws.id
    assert [g.title for g in new.goals] == [g.title for g in ws.goals if g.id != dropped.id]

    code, out, err = run(capsys, "--db", str(db_path), "compare", str(ws.id), "2")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "From workshop 1 (Customer experience charter 2027) to workshop 2 (Q3 charter):",
        *review.describe(review.compare(ws, new)),
    ]
    assert f"  − {dropped.title}" in out.splitlines()


def test_next_without_a_title_marks_the_old_one(db_path: Path, capsys: pytest.CaptureFixture[str]):
    with Store(db_path) as store:
        ws = store.create_workshop(demo_workshop())
    code, out, _ = run(capsys, "--db", str(db_path), "next", str(ws.id))
    assert code == 0
    assert f"{ws.title} (next)" in out


@pytest.mark.parametrize(
    "argv",
    [["next", "7"], ["compare", "1", "7"], ["compare", "one", "1"], ["next", "1", "--title", " "]],
)
def test_a_bad_id_or_title_is_refused_in_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
):
    with Store(db_path) as store:
        store.create_workshop(demo_workshop())
    code, out, err = run(capsys, "--db", str(db_path), *argv)
    assert code == 1 and out == ""
    assert err.startswith("cxworkshop: ") and err.count("\n") == 1 and "Traceback" not in err
    with Store(db_path) as store:
        assert len(store.list_workshops()) == 1
