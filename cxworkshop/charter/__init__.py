"""The PDF charter: what the sponsor receives after the workshop.

    from cxworkshop.charter import Paper, export_pdf
    result = export_pdf(workshop, "charter.pdf", Paper.LETTER)

Importing this package is cheap: reportlab is loaded by the first export, so
the app and the command line start without it. Everything here runs without
Qt (the command line exports headless).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..domain.model import Workshop
from .content import Gap, Signatory, gaps, is_draft, signatories
from .paper import Paper, for_territory
from .safe_write import ExportFailed, check_target, write_atomically

__all__ = [
    "ExportFailed",
    "Exported",
    "Gap",
    "Paper",
    "Signatory",
    "export_changes",
    "export_changes_csv",
    "export_pdf",
    "export_report",
    "for_territory",
    "gaps",
    "is_draft",
    "pdf_bytes",
    "signatories",
]


@dataclass(frozen=True)
class Exported:
    """A charter saved to disk."""

    path: Path
    pages: int
    draft: bool
    replaced: frozenset[str]
    """Characters the charter's fonts lack, drawn as U+FFFD (e.g. emoji)."""


def pdf_bytes(ws: Workshop, paper: Paper = Paper.A4, *, today: dt.date | None = None) -> bytes:
    """The charter of ``ws`` as PDF bytes, laid out on ``paper``."""
    from .document import build

    return build(ws, paper, today=today).data


def export_pdf(
    ws: Workshop,
    path: Path | str,
    paper: Paper = Paper.A4,
    *,
    today: dt.date | None = None,
    protect: Iterable[Path] = (),
) -> Exported:
    """Lay out the charter and save it at ``path`` safely.

    The PDF is built in memory first, then written to a temporary file beside
    ``path`` and renamed over it: a failure leaves no partial file and never
    replaces an earlier charter. Raises :class:`ExportFailed` with a one-line
    message when the file cannot be written, and before anything is built
    when ``path`` is a folder, a device, a pipe or socket, or one of the
    files in ``protect`` (the workshop database and what is kept with it).
    """
    from .document import build

    check_target(Path(path).expanduser(), "the charter", protect)
    built = build(ws, paper, today=today)
    saved = write_atomically(path, built.data, "the charter", protect)
    return Exported(saved, built.pages, built.draft, built.replaced)


def export_report(
    ws: Workshop,
    path: Path | str,
    previous: Workshop | None = None,
    paper: Paper = Paper.A4,
    *,
    today: dt.date | None = None,
    protect: Iterable[Path] = (),
) -> Exported:
    """Lay out the progress report of ``ws`` and save it at ``path``, as safely as the charter
    (see :func:`export_pdf`); ``previous`` is the workshop it carries on from, if any."""
    from .report import build_report

    check_target(Path(path).expanduser(), "the progress report", protect)
    built = build_report(ws, previous, paper, today=today)
    saved = write_atomically(path, built.data, "the progress report", protect)
    return Exported(saved, built.pages, built.draft, built.replaced)


def export_changes(
    before: Workshop,
    after: Workshop,
    path: Path | str,
    paper: Paper = Paper.A4,
    *,
    today: dt.date | None = None,
    protect: Iterable[Path] = (),
) -> Exported:
    """Lay out what changed from ``before`` to ``after`` and save it at ``path``, as safely
    as the charter (see :func:`export_pdf`)."""
    from .report import build_changes

    check_target(Path(path).expanduser(), "the comparison", protect)
    built = build_changes(before, after, paper, today=today)
    saved = write_atomically(path, built.data, "the comparison", protect)
    return Exported(saved, built.pages, built.draft, built.replaced)


def changes_csv(before: Workshop, after: Workshop) -> bytes:
    """What changed as a spreadsheet's rows: a heading row, then one row per change.

    UTF-8 with a byte-order mark, so spreadsheets show names with accents as written.
    """
    import csv
    import io

    from ..domain import review

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Change", "Goal", "Before", "After"])
    for row in review.change_rows(review.compare(before, after)):
        writer.writerow([row.label, row.goal, row.before, row.after])
    return out.getvalue().encode("utf-8-sig")


def export_changes_csv(
    before: Workshop, after: Workshop, path: Path | str, *, protect: Iterable[Path] = ()
) -> Path:
    """Save what changed from ``before`` to ``after`` at ``path`` as CSV, as safely as the
    charter (see :func:`export_pdf`)."""
    check_target(Path(path).expanduser(), "the comparison", protect)
    return write_atomically(path, changes_csv(before, after), "the comparison", protect)
