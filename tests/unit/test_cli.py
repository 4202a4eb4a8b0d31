"""The command line: demo, list, import, export, and one-line errors with a non-zero exit."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from cxworkshop import __version__
from cxworkshop.cli import main
from cxworkshop.storage import schema
from cxworkshop.storage.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def dump(db_path: Path) -> list[str]:
    """Every row of the database, to prove a refused command changed nothing."""
    with sqlite3.connect(db_path) as conn:
        return list(conn.iterdump())


def created_id(output: str) -> str:
    match = re.search(r"workshop (\d+)", output)
    assert match, output
    return match.group(1)


def test_demo_then_list_shows_the_demo_workshop(capsys, db_path: Path):
    code, out, err = run(capsys, "--db", str(db_path), "demo")
    assert code == 0 and err == ""
    demo_id = created_id(out)
    with Store(db_path) as store:
        demo = store.workshop(int(demo_id))
    code, out, err = run(capsys, "--db", str(db_path), "list")
    assert code == 0 and err == ""
    header, row = out.splitlines()
    assert header.split()[:2] == ["ID", "Title"]
    assert row.startswith(demo_id)
    assert demo.title in row and demo.organisation in row


def test_list_searches_and_says_when_nothing_matches(capsys, db_path: Path):
    run(capsys, "--db", str(db_path), "demo")
    code, out, _ = run(capsys, "--db", str(db_path), "list", "no such workshop anywhere")
    assert code == 0 and out.strip() == "No workshop matches."


def test_export_import_export_gives_the_same_document_apart_from_the_id(
    capsys, db_path: Path, tmp_path: Path
):
    _, out, _ = run(capsys, "--db", str(db_path), "demo")
    first_id = created_id(out)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run(capsys, "--db", str(db_path), "export-json", first_id, str(first))[0] == 0
    code, out, err = run(capsys, "--db", str(db_path), "import", str(first))
    assert code == 0 and err == ""
    second_id = created_id(out)
    assert second_id != first_id
    assert run(capsys, "--db", str(db_path), "export-json", second_id, str(second))[0] == 0

    a, b = json.loads(first.read_text("utf-8")), json.loads(second.read_text("utf-8"))
    assert a["workshop"].pop("id") == int(first_id)
    assert b["workshop"].pop("id") == int(second_id)
    assert a == b
    assert len(a["workshop"]["goals"]) == 9


def test_export_to_standard_output(capsys, db_path: Path):
    _, out, _ = run(capsys, "--db", str(db_path), "demo")
    code, out, _ = run(capsys, "--db", str(db_path), "export-json", created_id(out), "-")
    assert code == 0
    assert json.loads(out)["format"] == "cxworkshop"


def test_a_malformed_import_names_each_problem_and_changes_nothing(
    capsys, db_path: Path, tmp_path: Path
):
    _, out, _ = run(capsys, "--db", str(db_path), "demo")
    good = tmp_path / "good.json"
    run(capsys, "--db", str(db_path), "export-json", created_id(out), str(good))
    doc = json.loads(good.read_text("utf-8"))
    doc["workshop"]["goals"][1]["pillar"] = "wins"
    doc["workshop"]["functions"][0]["colour"] = "blue"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), "utf-8")
    before = dump(db_path)

    code, out, err = run(capsys, "--db", str(db_path), "import", str(bad))
    assert code != 0 and out == ""
    summary, *details = err.strip().splitlines()
    assert "2 problems" in summary
    assert [line.split(":")[0].strip() for line in details] == [
        "$.workshop.functions[0].colour",
        "$.workshop.goals[1].pillar",
    ]
    assert "Traceback" not in err
    assert dump(db_path) == before


def test_a_database_from_a_newer_app_is_refused_in_one_line_and_untouched(capsys, db_path: Path):
    run(capsys, "--db", str(db_path), "demo")
    with sqlite3.connect(db_path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
        conn.execute("PRAGMA journal_mode = DELETE")
    before = db_path.read_bytes()
    code, out, err = run(capsys, "--db", str(db_path), "list")
    assert code != 0 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "newer CX Workshop" in err
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["export-json", "seven", "out.json"], "is not a workshop id"),
        (["export-json", "4242", "out.json"], "no workshop with id 4242"),
        (["import", "does-not-exist.json"], "does-not-exist.json"),
        (["frobnicate"], "invalid choice"),
        (["export-json"], "required"),
    ],
)
def test_user_errors_are_one_line_without_a_traceback(
    capsys, db_path: Path, argv: list[str], expected: str
):
    Store(db_path).close()
    code, out, err = run(capsys, "--db", str(db_path), *argv)
    assert code != 0
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err
    assert "Traceback" not in err


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"cxworkshop {__version__}"


def test_the_installed_command_runs_in_its_own_process(db_path: Path):
    env_run = [sys.executable, "-m", "cxworkshop.cli", "--db", str(db_path)]
    made = subprocess.run([*env_run, "demo"], capture_output=True, text=True, check=False)
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([*env_run, "list"], capture_output=True, text=True, check=False)
    assert listed.returncode == 0
    assert created_id(made.stdout) in listed.stdout
    bad = subprocess.run(
        [*env_run, "export-json", "99", "x.json"], capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
