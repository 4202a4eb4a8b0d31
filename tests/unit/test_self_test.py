"""``cxworkshop --self-test`` proves the app works on a machine, and says what does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cxworkshop import __version__
from cxworkshop.charter import pdf_bytes
from cxworkshop.domain.demo import demo_workshop
from cxworkshop.domain.model import Step
from cxworkshop.self_test import check_pdf, needs_offscreen

ROOT = Path(__file__).resolve().parents[2]


def self_test(*code: str) -> subprocess.CompletedProcess[str]:
    """The self-test from source in a fresh process, with no display where there is none.

    ``code`` (Python statements) runs first, to break something on purpose.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    if sys.platform.startswith("linux"):
        # As on a server: the self-test must choose the offscreen platform itself.
        for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
            env.pop(name, None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    script = "\n".join([*code, "import sys", "from cxworkshop.cli import main"])
    script += "\nsys.exit(main(['--self-test']))"
    return subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=240,
        check=False,
    )


@pytest.mark.slow
def test_the_self_test_passes_from_source_and_says_what_it_checked():
    done = self_test()
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert not [line for line in lines if line.startswith("FAIL")]
    passed = [line for line in lines if line.startswith("ok ")]
    for step in Step:
        assert any(f"step {step.label} is shown and painted" in line for line in passed), step
    for what in ("secret-ballot round", "PDF charter", "ballots and totals are saved"):
        assert any(what in line for line in passed), what
    assert "platform offscreen" in done.stdout
    assert lines[-1].startswith(f"CX Workshop {__version__}: all {len(passed)} checks passed in ")


@pytest.mark.slow
def test_a_broken_export_fails_that_check_alone_on_one_line():
    done = self_test(
        "import cxworkshop.charter as charter",
        "def broken(*args, **kwargs):",
        "    raise charter.ExportFailed('The disk is full.')",
        "charter.export_pdf = broken",
    )
    assert done.returncode == 1
    failures = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failures) == 1, done.stdout
    assert "PDF charter" in failures[0]
    assert "The disk is full." in failures[0]
    passed = [line for line in done.stdout.splitlines() if line.startswith("ok ")]
    assert any("secret-ballot round" in line for line in passed)
    assert done.stdout.splitlines()[-1].endswith(f": 1 of {len(passed) + 1} checks failed")


@pytest.fixture(scope="module")
def charter() -> bytes:
    return pdf_bytes(demo_workshop())


def test_a_whole_charter_passes_the_pdf_check_with_the_page_count_pypdf_reads(charter, tmp_path):
    path = tmp_path / "charter.pdf"
    path.write_bytes(charter)
    pages = len(PdfReader(path).pages)
    assert check_pdf(charter, pages) == []


def test_a_cut_off_charter_is_not_a_complete_pdf(charter):
    problems = check_pdf(charter[: len(charter) // 2], None)
    assert any("%%EOF" in p for p in problems)


def test_a_page_count_other_than_the_app_reported_is_a_failure(charter, tmp_path):
    path = tmp_path / "charter.pdf"
    path.write_bytes(charter)
    pages = len(PdfReader(path).pages)
    assert check_pdf(charter, pages + 1) == [
        f"the file has {pages} pages but the app reported {pages + 1}"
    ]


def test_a_file_that_is_not_a_pdf_fails_every_way():
    problems = check_pdf(b"<html>Not found</html>", 3)
    assert len(problems) == 5


@pytest.mark.parametrize(
    ("environ", "offscreen"),
    [
        ({}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, False),
    ],
)
def test_offscreen_only_where_there_is_no_display(environ, offscreen, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    assert needs_offscreen(environ) is offscreen


def test_windows_and_macos_always_have_a_display(monkeypatch):
    for platform in ("win32", "darwin"):
        monkeypatch.setattr(sys, "platform", platform)
        assert needs_offscreen({}) is False
