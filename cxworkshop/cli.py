"""The ``cxworkshop`` command: the app by default, subcommands for the library."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__

PROG = "cxworkshop"
MAX_PROBLEMS_SHOWN = 50


class UserError(Exception):
    """A mistake in how the command was called; reported in one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: the user sees what to fix.
        raise UserError(f"{message} (see '{PROG} --help')")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Run a customer-experience accountability workshop in the room.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="the workshop database to use (default: $CXWORKSHOP_DB, "
        "else a file in your user data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the app on the demo workshop, creating it if there is none",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the app works on this computer (a temporary workshop, every step, "
        "a secret ballot, a PDF) and exit: 0 when all is well",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("gui", help="open the app (the default)")
    listing = sub.add_parser("list", help="list the workshops in the database")
    listing.add_argument(
        "search", nargs="?", default="", help="only titles or organisations containing this"
    )
    sub.add_parser("demo", help="create a demo workshop and print its id")
    imp = sub.add_parser("import", help="import a workshop from a JSON file and print its id")
    imp.add_argument("file", type=Path)
    exp = sub.add_parser(
        "export-json", help="export a workshop to a JSON file ('-' for standard output)"
    )
    exp.add_argument("id", help="the workshop's id, as shown by 'list'")
    exp.add_argument("file")
    for name, what in (
        ("export-pdf", "export a workshop's charter as a PDF file"),
        (
            "export-report",
            "export a workshop's progress report (every goal's status and latest reading "
            "against its target) as a PDF file",
        ),
    ):
        pdf = sub.add_parser(name, help=what)
        pdf.add_argument("id", help="the workshop's id, as shown by 'list'")
        pdf.add_argument("file", type=Path, help="the PDF file to write")
        pdf.add_argument(
            "--paper",
            choices=["a4", "letter"],
            help="paper size (default: the usual one where your locale is; A4 elsewhere)",
        )
    nxt = sub.add_parser(
        "next",
        help="start the next workshop from this one (goals with their latest readings, people, "
        "accountability; the last review's decisions applied; voting fresh) and print its id",
    )
    nxt.add_argument("id", help="the workshop to carry on from, as shown by 'list'")
    nxt.add_argument(
        "--title", help="the new workshop's title (default: the old one's, marked next)"
    )
    compare = sub.add_parser(
        "compare",
        help="say what changed between two workshops: goals, who answers for them, priorities",
    )
    compare.add_argument("before", help="the earlier workshop's id")
    compare.add_argument("after", help="the later workshop's id")
    return parser


MAX_ID = 2**63 - 1
"""The largest id SQLite can hold; workshops are numbered from 1."""


def _workshop_id(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_ID:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise UserError(f"{shown!r} is not a workshop id; 'cxworkshop list' shows them.")
    return number


def _db_path(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .storage.store import default_path

    return Path(args.db).expanduser() if args.db else default_path()


def _protected(args: argparse.Namespace) -> list[Path]:
    """The database and what is kept with it: no export may write over them."""
    from .storage.safety import protected_files

    return protected_files(_db_path(args))


def _open_store(args: argparse.Namespace, *, reading: bool = False):  # type: ignore[no-untyped-def]
    """The store, saying on stderr what the user should know about how it was opened.

    ``reading``: a command that only reads; it never makes a file or folder.
    """
    from .storage.store import Store

    store = Store(_db_path(args), reading=reading)
    if store.read_only:
        print(f"{PROG}: note: {store.path} is read-only; opened for reading only.", file=sys.stderr)
    if store.opening.unclean:
        print(
            f"{PROG}: note: {store.path} was not closed cleanly last time; "
            "it was checked in full and is sound.",
            file=sys.stderr,
        )
    return store


def _list(args: argparse.Namespace) -> int:
    from .storage.errors import NoDatabase

    try:
        store = _open_store(args, reading=True)
    except NoDatabase as exc:
        print(f"No workshops yet. {exc}")
        return 0
    with store:
        rows = store.list_workshops(args.search)
    if not rows:
        print("No workshops yet." if not args.search else "No workshop matches.")
        return 0
    table = [("ID", "Title", "Organisation", "Date", "Status", "Last edited")]
    for r in rows:
        edited = r.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if r.updated_at else ""
        table.append(
            (
                str(r.id),
                r.title,
                r.organisation,
                r.date.isoformat() if r.date else "",
                r.status.label,
                edited,
            )
        )
    widths = [min(40, max(len(row[i]) for row in table)) for i in range(len(table[0]))]
    for row in table:
        cells = [
            (cell if len(cell) <= w else cell[: w - 1] + "…").ljust(w)
            for cell, w in zip(row, widths, strict=True)
        ]
        print("  ".join(cells).rstrip())
    return 0


def _demo(args: argparse.Namespace) -> int:
    from .domain.demo import demo_workshop

    with _open_store(args) as store:
        ws = store.create_workshop(demo_workshop())
    print(f"Created the demo workshop {ws.id}: {ws.title}")
    return 0


def _import(args: argparse.Namespace) -> int:
    from .storage import interchange

    workshop = interchange.read(args.file)
    with _open_store(args) as store:
        ws = store.import_workshop(workshop)
    print(f"Imported workshop {ws.id}: {ws.title}")
    return 0


def _export_json(args: argparse.Namespace) -> int:
    from .storage import interchange

    workshop_id = _workshop_id(args.id)
    with _open_store(args, reading=True) as store:
        ws = store.workshop(workshop_id)
    if args.file == "-":
        sys.stdout.write(interchange.dumps(ws))
        return 0
    interchange.write(ws, Path(args.file), protect=_protected(args))
    print(f"Exported workshop {ws.id} to {args.file}")
    return 0


def _locale_paper() -> str:
    """The paper of the user's locale (LC_ALL, LC_PAPER, LANG), as the C library reads it."""
    from .charter.paper import for_territory

    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = os.environ.get(name)
        if value:
            return for_territory(value).value
    return "a4"


def _export_pdf(args: argparse.Namespace) -> int:
    # The charter (and reportlab) load only for this command, so start-up stays quick.
    from .charter import Paper, export_pdf

    workshop_id = _workshop_id(args.id)
    paper = Paper(args.paper or _locale_paper())
    with _open_store(args, reading=True) as store:
        ws = store.workshop(workshop_id)
    done = export_pdf(ws, args.file, paper, protect=_protected(args))
    pages = f"{done.pages} page{'s' if done.pages != 1 else ''}"
    draft = ", marked as a draft" if done.draft else ""
    print(
        f"Exported the charter of workshop {ws.id} to {args.file} ({pages}, {paper.label}{draft})"
    )
    if done.replaced:
        missing = " ".join(sorted(done.replaced))
        print(f"Note: the PDF's fonts lack {missing}; shown as \ufffd.", file=sys.stderr)
    return 0


def _gui(args: argparse.Namespace) -> int:
    from .gui.app import run

    return run(_db_path(args), demo=args.demo)


def _export_report(args: argparse.Namespace) -> int:
    from .charter import Paper, export_report
    from .domain.errors import NotFound

    workshop_id = _workshop_id(args.id)
    paper = Paper(args.paper or _locale_paper())
    with _open_store(args, reading=True) as store:
        ws = store.workshop(workshop_id)
        previous = None
        if ws.follows is not None:
            try:
                previous = store.workshop(ws.follows)
            except NotFound:
                previous = None  # deleted since: the report says there is nothing to compare
    done = export_report(ws, args.file, previous, paper, protect=_protected(args))
    pages = f"{done.pages} page{'s' if done.pages != 1 else ''}"
    print(f"Saved the progress report of workshop {workshop_id} to {done.path} ({pages}).")
    return 0


NEXT_SUFFIX = " (next)"


def _next(args: argparse.Namespace) -> int:
    from .domain.text import TITLE_MAX

    workshop_id = _workshop_id(args.id)
    with _open_store(args) as store:
        previous = store.workshop(workshop_id)
        title = args.title
        if title is None:
            title = f"{previous.title[: TITLE_MAX - len(NEXT_SUFFIX)]}{NEXT_SUFFIX}"
        ws = store.create_next_workshop(workshop_id, title)
    print(f"Created workshop {ws.id}: {ws.title} (carries on from workshop {workshop_id})")
    return 0


def _compare(args: argparse.Namespace) -> int:
    from .domain import review

    before_id, after_id = _workshop_id(args.before), _workshop_id(args.after)
    with _open_store(args, reading=True) as store:
        before, after = store.workshop(before_id), store.workshop(after_id)
    print(f"From workshop {before_id} ({before.title}) to workshop {after_id} ({after.title}):")
    for line in review.describe(review.compare(before, after)):
        print(line)
    return 0


COMMANDS = {
    None: _gui,
    "gui": _gui,
    "list": _list,
    "demo": _demo,
    "import": _import,
    "export-json": _export_json,
    "export-pdf": _export_pdf,
    "export-report": _export_report,
    "next": _next,
    "compare": _compare,
}


def _quiet_log() -> None:
    """The store's log records go to the app's log file when it has one, never to stderr.

    Without a handler Python prints them on stderr, beside the one line the
    command itself prints.
    """
    import logging

    log = logging.getLogger("cxworkshop")
    if not log.handlers:
        log.addHandler(logging.NullHandler())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; user errors print one line on stderr and exit non-zero."""
    from .domain.errors import WorkshopError

    _quiet_log()
    try:
        args = _parser().parse_args(argv)
        if args.self_test:
            # Loaded only when asked: it brings in the whole GUI.
            from .self_test import run as self_test

            return self_test()
        return COMMANDS[args.command](args)
    except (UserError, WorkshopError) as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        # An import names every problem, one per line under the summary.
        problems = getattr(exc, "problems", [])
        if len(problems) > 1:
            for problem in problems[:MAX_PROBLEMS_SHOWN]:
                print(f"  {problem}", file=sys.stderr)
            if len(problems) > MAX_PROBLEMS_SHOWN:
                print(f"  … and {len(problems) - MAX_PROBLEMS_SHOWN} more", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"{PROG}: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
