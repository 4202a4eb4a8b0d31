"""Workshops as JSON files: a documented, versioned format for export and import.

The format is described in ``docs/json-format.md``. Export writes every field
in a fixed order, so the same workshop always gives the same text. Import
checks the whole document against the workshop's rules before building
anything, and reports every problem it finds, each at its JSON path, in one
:class:`ImportProblems`. No database is touched here.
"""

from __future__ import annotations

import datetime as dt
import difflib
import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from cxworkshop.domain import agenda, language, text
from cxworkshop.domain.editing import MAX_ASKS, MAX_DOTS, MAX_TALLY
from cxworkshop.domain.errors import InvalidValue, WorkshopError
from cxworkshop.domain.model import (
    Ask,
    AskKind,
    Assignee,
    AssigneeKind,
    Assignment,
    Cadence,
    Commitment,
    Function,
    Goal,
    GoalReview,
    Participant,
    Pillar,
    Principle,
    Review,
    ReviewDecision,
    ReviewStatus,
    Role,
    Status,
    Step,
    VotingMode,
    VotingRound,
    Workshop,
)

FORMAT = "cxworkshop"
FORMAT_VERSION = 4
"""Version 2 added the agenda: ``agenda_start``, ``timeboxes`` and ``time_spent``;
version 3 progress reviews (``reviews``) and the workshop carried on from (``follows``),
and what the charter asks of the sponsor (``asks``), the sponsor's signature
(``signed_on``, ``sign_by``) and how often progress is reviewed (``review_cadence``);
version 4 the workshop's language (``language``, a BCP 47 tag)."""
MAX_FILE_BYTES = 20 * 1024 * 1024
"""Larger files are refused unread: no real workshop comes close."""

MAX_ROUND_NUMBER = 1_000_000
_SQLITE_INT = (-(2**63), 2**63 - 1)
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DEFAULT_COLOUR = Function(name="").colour

# The keys of each object, in the order they are written; the flag says
# whether an import needs the key (the others default as in a new item).
WORKSHOP_KEYS = (
    ("id", False),
    ("title", True),
    ("organisation", False),
    ("date", False),
    ("facilitator", False),
    ("sponsor_name", False),
    ("sponsor_title", False),
    ("vision", False),
    ("review_date", False),
    ("status", False),
    ("current_step", False),
    ("created_at", False),
    ("updated_at", False),
    ("functions", False),
    ("participants", False),
    ("goals", False),
    ("assignments", False),
    ("principles", False),
    ("rounds", False),
    ("commitments", False),
    ("agenda_start", False),
    ("timeboxes", False),
    ("time_spent", False),
    ("follows", False),
    ("reviews", False),
    ("review_cadence", False),
    ("signed_on", False),
    ("sign_by", False),
    ("asks", False),
    ("language", False),
)
AGENDA_KEYS = frozenset({"agenda_start", "timeboxes", "time_spent"})
"""The workshop's keys that came with format version 2."""
REVIEW_WORKSHOP_KEYS = frozenset({"follows", "reviews"})
SPONSOR_KEYS = frozenset({"review_cadence", "signed_on", "sign_by", "asks"})
"""The workshop's keys that came with format version 3 (with REVIEW_WORKSHOP_KEYS)."""
LANGUAGE_KEYS = frozenset({"language"})
"""The workshop's keys that came with format version 4."""
WORKSHOP_KEYS_V3 = tuple(k for k in WORKSHOP_KEYS if k[0] not in LANGUAGE_KEYS)
WORKSHOP_KEYS_V2 = tuple(
    k for k in WORKSHOP_KEYS_V3 if k[0] not in REVIEW_WORKSHOP_KEYS | SPONSOR_KEYS
)
WORKSHOP_KEYS_V1 = tuple(k for k in WORKSHOP_KEYS_V2 if k[0] not in AGENDA_KEYS)
DOCUMENT_KEYS = (("format", True), ("version", True), ("workshop", True))
FUNCTION_KEYS = (("id", True), ("name", True), ("customer_facing", False), ("colour", False))
PARTICIPANT_KEYS = (("id", True), ("name", True), ("function_id", False), ("role_title", False))
GOAL_KEYS = (
    ("id", True),
    ("pillar", True),
    ("title", True),
    ("description", False),
    ("metric", False),
    ("baseline", False),
    ("target", False),
    ("due", False),
)
ASSIGNMENT_KEYS = (("goal", True), ("assignee", True), ("role", True))
ASSIGNEE_KEYS = (("kind", True), ("id", True))
PRINCIPLE_KEYS = (("id", True), ("text", True), ("committed", False), ("custom", False))
ROUND_KEYS = (
    ("id", True),
    ("number", True),
    ("mode", True),
    ("goal_ids", True),
    ("dots_per_voter", True),
    ("max_per_goal", True),
    ("voter_ids", False),
    ("is_open", False),
    ("revealed", False),
    ("runoff_of", False),
    ("ballots", False),
    ("tallies", False),
    ("decision", False),
    ("decision_note", False),
)
COMMITMENT_KEYS = (("id", True), ("text", True), ("owner", False), ("due", False))
REVIEW_KEYS = (("id", True), ("held_on", True), ("goals", False))
GOAL_REVIEW_KEYS = (
    ("goal", True),
    ("reading", False),
    ("read_on", False),
    ("status", False),
    ("note", False),
    ("decision", False),
    ("new_target", False),
    ("new_accountable", False),
)
ASK_KEYS = (("id", True), ("kind", False), ("text", True), ("due", False))


# ----------------------------------------------------------------- problems


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with an imported document, at a JSON path such as ``$.workshop.title``."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class ImportProblems(WorkshopError):
    """A document that cannot be imported; ``problems`` lists everything wrong with it."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(self.summary())

    def summary(self) -> str:
        n = len(self.problems)
        if n == 0:
            return "The file could not be imported."
        if n == 1:
            return f"1 problem in the file: {self.problems[0]}"
        return f"{n} problems in the file; first: {self.problems[0]}"


# ----------------------------------------------------------------- export


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def _in_order(keys: Iterable[str], order: Sequence[str]) -> list[str]:
    """``keys`` in the order of ``order``, strays after them sorted, for stable output."""
    present = set(keys)
    known = [k for k in order if k in present]
    return known + sorted(present - set(known))


def _round_document(r: VotingRound) -> dict[str, Any]:
    def dots(ballot: dict[str, int]) -> dict[str, int]:
        return {g: ballot[g] for g in _in_order(ballot, r.goal_ids)}

    return {
        "id": r.id,
        "number": r.number,
        "mode": r.mode.value,
        "goal_ids": list(r.goal_ids),
        "dots_per_voter": r.dots_per_voter,
        "max_per_goal": r.max_per_goal,
        "voter_ids": list(r.voter_ids),
        "is_open": r.is_open,
        "revealed": r.revealed,
        "runoff_of": r.runoff_of,
        "ballots": {v: dots(r.ballots[v]) for v in _in_order(r.ballots, r.voter_ids)},
        "tallies": dots(r.tallies),
        "decision": list(r.decision),
        "decision_note": r.decision_note,
    }


def to_document(ws: Workshop) -> dict[str, Any]:
    """The workshop as a JSON-ready dict, every field included, keys in a fixed order."""
    workshop: dict[str, Any] = {
        "id": ws.id,
        "title": ws.title,
        "organisation": ws.organisation,
        "date": _iso(ws.date),
        "facilitator": ws.facilitator,
        "sponsor_name": ws.sponsor_name,
        "sponsor_title": ws.sponsor_title,
        "vision": ws.vision,
        "review_date": _iso(ws.review_date),
        "status": ws.status.value,
        "current_step": ws.current_step.value,
        "created_at": _iso(ws.created_at),
        "updated_at": _iso(ws.updated_at),
        "functions": [
            {"id": f.id, "name": f.name, "customer_facing": f.customer_facing, "colour": f.colour}
            for f in ws.functions
        ],
        "participants": [
            {"id": p.id, "name": p.name, "function_id": p.function_id, "role_title": p.role_title}
            for p in ws.participants
        ],
        "goals": [
            {
                "id": g.id,
                "pillar": g.pillar.value,
                "title": g.title,
                "description": g.description,
                "metric": g.metric,
                "baseline": g.baseline,
                "target": g.target,
                "due": g.due,
            }
            for g in ws.goals
        ],
        "assignments": [
            {
                "goal": a.goal_id,
                "assignee": {"kind": a.assignee.kind.value, "id": a.assignee.id},
                "role": a.role.value,
            }
            for a in ws.assignments
        ],
        "principles": [
            {"id": p.id, "text": p.text, "committed": p.committed, "custom": p.custom}
            for p in ws.principles
        ],
        "rounds": [_round_document(r) for r in ws.rounds],
        "commitments": [
            {"id": c.id, "text": c.text, "owner": c.owner, "due": c.due} for c in ws.commitments
        ],
        "agenda_start": None if ws.agenda_start is None else agenda.clock_text(ws.agenda_start),
        "timeboxes": {s.value: ws.timeboxes[s] for s in Step if s in ws.timeboxes},
        "time_spent": {s.value: ws.time_spent[s] for s in Step if s in ws.time_spent},
        "follows": ws.follows,
        "reviews": [_review_document(r) for r in ws.reviews],
        "review_cadence": None if ws.review_cadence is None else ws.review_cadence.value,
        "signed_on": _iso(ws.signed_on),
        "sign_by": _iso(ws.sign_by),
        "asks": [{"id": a.id, "kind": a.kind.value, "text": a.text, "due": a.due} for a in ws.asks],
        "language": ws.language,
    }
    return {"format": FORMAT, "version": FORMAT_VERSION, "workshop": workshop}


def _review_document(r: Review) -> dict[str, Any]:
    return {
        "id": r.id,
        "held_on": _iso(r.held_on),
        "goals": [
            {
                "goal": e.goal_id,
                "reading": e.reading,
                "read_on": _iso(e.read_on),
                "status": None if e.status is None else e.status.value,
                "note": e.note,
                "decision": e.decision.value,
                "new_target": e.new_target,
                "new_accountable": None
                if e.new_accountable is None
                else {"kind": e.new_accountable.kind.value, "id": e.new_accountable.id},
            }
            for e in r.goals
        ],
    }


def dumps(ws: Workshop) -> str:
    """The workshop as JSON text, indented, non-ASCII kept as is, ending in a newline."""
    return json.dumps(to_document(ws), indent=2, ensure_ascii=False) + "\n"


def write(ws: Workshop, path: str | os.PathLike[str], *, protect: Iterable[Path] = ()) -> None:
    """Write the workshop to ``path`` so that a crash never leaves half a file behind.

    A folder, a device, a named pipe, a socket or any of the files in
    ``protect`` (the open database and what is kept with it) is refused with
    :class:`ExportFailed` before anything is written; a failed write raises
    :class:`OSError` and leaves whatever was at ``path`` as it was.
    """
    from ..safe_write import check_target, replace_atomically

    target = Path(path)
    check_target(target, "the workshop", protect)
    replace_atomically(target, dumps(ws).encode("utf-8"))


# ----------------------------------------------------------------- import: reading text


def loads(source: str) -> Workshop:
    """A workshop from JSON text; raises :class:`ImportProblems` for anything amiss."""
    try:
        doc = json.loads(source, object_pairs_hook=_object)
    except json.JSONDecodeError as e:
        raise ImportProblems(
            [Problem("$", f"Not valid JSON at line {e.lineno}, column {e.colno}: {e.msg}.")]
        ) from None
    except RecursionError:
        raise ImportProblems(
            [Problem("$", "The lists or objects in the file nest too deeply to be a workshop.")]
        ) from None
    except ValueError:
        # Python refuses integers of thousands of digits rather than spend minutes on them.
        raise ImportProblems(
            [Problem("$", "The file holds a number with too many digits to read.")]
        ) from None
    repeated = _repeated_keys(doc)
    try:
        ws = from_document(doc)
    except ImportProblems as e:
        raise ImportProblems([*repeated, *e.problems]) from None
    if repeated:
        raise ImportProblems(repeated)
    return ws


class _Repeated(dict[str, Any]):
    """A JSON object in which some keys appear more than once (the last value kept)."""

    repeated: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict; one with a key given twice is marked, not silently merged."""
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = _Repeated(obj)
    seen: set[str] = set()
    marked.repeated = []
    for key, _ in pairs:
        if key in seen and key not in marked.repeated:
            marked.repeated.append(key)
        seen.add(key)
    return marked


def _repeated_keys(doc: object) -> list[Problem]:
    """Every key given twice in one object, at its path: which value was meant is unknown."""
    found: list[Problem] = []
    stack: list[tuple[object, str]] = [(doc, "$")]
    while stack:
        value, path = stack.pop()
        if isinstance(value, dict):
            for key in getattr(value, "repeated", []):
                found.append(
                    Problem(
                        _key_path(path, key),
                        "this key appears more than once in the same object; "
                        "keep only the one that is meant",
                    )
                )
            stack.extend((v, _key_path(path, k)) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((v, f"{path}[{i}]") for i, v in reversed(list(enumerate(value))))
    return found


def read(path: str | os.PathLike[str]) -> Workshop:
    """A workshop from a JSON file of at most 20 MB.

    Raises :class:`ImportProblems` for what is wrong with the file's content,
    and :class:`OSError` when the file cannot be opened or read at all, or is
    not a regular file: a named pipe would make the import wait for ever.
    """
    _regular_file(os.stat(path), path)
    # Opened without blocking, in case a pipe took the file's place since.
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | nonblocking | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    descriptor = os.open(path, flags)
    with open(descriptor, "rb") as source:
        _regular_file(os.fstat(descriptor), path)
        if nonblocking:
            os.set_blocking(descriptor, True)
        size = os.fstat(source.fileno()).st_size
        # Read one byte past the limit: a file that grew after fstat is caught too.
        data = source.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
    if size > MAX_FILE_BYTES or len(data) > MAX_FILE_BYTES:
        megabytes = max(size, len(data)) / (1024 * 1024)
        raise ImportProblems(
            [
                Problem(
                    "$",
                    f"The file is {megabytes:.1f} MB; CX Workshop imports files of up to "
                    f"{MAX_FILE_BYTES // (1024 * 1024)} MB, and no workshop comes near that.",
                )
            ]
        )
    try:
        source_text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise ImportProblems(
            [
                Problem(
                    "$",
                    f"The file is not UTF-8 text: byte 0x{data[e.start]:02X} at line {line}, "
                    f"column {column} cannot be read.",
                )
            ]
        ) from None
    return loads(source_text)


def _regular_file(found: os.stat_result, path: str | os.PathLike[str]) -> None:
    """Raise :class:`OSError` unless ``found`` is a regular file."""
    if stat.S_ISREG(found.st_mode):
        return
    from ..safe_write import kind_of

    raise OSError(errno.EINVAL, f"Is {kind_of(found.st_mode)}, not a file", os.fspath(path))


# ----------------------------------------------------------------- import: checking


def _describe(value: object) -> str:
    """A short, safe description of any value for a message; never a huge repr."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value) if value.bit_length() <= 64 else "a very large number"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a value of type {type(value).__name__}"


def _key_path(base: str, key: str) -> str:
    """The path of a field: ``$.workshop.title``, or ``$.x["odd key"]`` for other keys."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{base}.{key}"
    return _entry_path(base, key)


def _entry_path(base: str, key: str) -> str:
    """The path of an entry keyed by an id, such as a ballot: ``...ballots["3f2a9c"]``."""
    shown = key if len(key) <= 40 else key[:40] + "…"
    return f"{base}[{json.dumps(shown)}]"


def _encodable(value: str) -> bool:
    """False for text holding lone surrogates, which no file or database can store."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _choices(kind: type[StrEnum]) -> str:
    return ", ".join(m.value for m in kind)


E = TypeVar("E", bound=StrEnum)
T = TypeVar("T")


class _Checker:
    """Walks a document, collecting every problem, and builds the workshop as it goes.

    What it builds only counts when no problem was found: a field that fails
    its check is stood in for by a default so the walk can go on.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.version = FORMAT_VERSION

    def report(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    # ---- shapes

    def obj(
        self, value: object, path: str, keys: Sequence[tuple[str, bool]], what: str
    ) -> dict[str, object] | None:
        """``value`` if it is an object; missing and unknown keys are reported."""
        if not isinstance(value, dict):
            self.report(path, f"{what} must be an object, not {_describe(value)}")
            return None
        if not all(isinstance(k, str) for k in value):
            self.report(path, f"the keys of {what} must be text")
            return None
        known = [k for k, _ in keys]
        for key, required in keys:
            if required and key not in value:
                self.report(_key_path(path, key), f"{what} needs this key, but it is missing")
        for key in value:
            if key not in known:
                close = difflib.get_close_matches(key[:100], known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self.report(_key_path(path, key), f"{what} has no key of this name{hint}")
        return value

    def array(self, obj: dict[str, object], key: str, path: str) -> list[object]:
        if key not in obj:
            return []
        value = obj[key]
        if not isinstance(value, list):
            self.report(_key_path(path, key), f"must be a list, not {_describe(value)}")
            return []
        return value

    def mapping(self, obj: dict[str, object], key: str, path: str) -> dict[str, object]:
        if key not in obj:
            return {}
        value = obj[key]
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            self.report(_key_path(path, key), f"must be an object, not {_describe(value)}")
            return {}
        return value

    # ---- values

    def text(
        self,
        obj: dict[str, object],
        key: str,
        path: str,
        what: str,
        *,
        required: bool = False,
        max_len: int = text.SHORT_MAX,
        multiline: bool = False,
    ) -> str:
        if key not in obj:
            return ""
        try:
            value = text.clean(
                obj[key], what, required=required, max_len=max_len, multiline=multiline
            )
        except InvalidValue as e:
            self.report(_key_path(path, key), str(e))
            return ""
        if not _encodable(value):
            self.report(
                _key_path(path, key),
                f"{what} holds a character that is not valid Unicode; please retype it.",
            )
            return ""
        return value

    def boolean(self, obj: dict[str, object], key: str, path: str, default: bool) -> bool:
        if key not in obj:
            return default
        value = obj[key]
        if not isinstance(value, bool):
            self.report(_key_path(path, key), f"must be true or false, not {_describe(value)}")
            return default
        return value

    def whole(self, value: object, path: str, low: int, high: int) -> int | None:
        if not isinstance(value, int) or isinstance(value, bool):
            self.report(path, f"must be a whole number, not {_describe(value)}")
            return None
        if not low <= value <= high:
            self.report(
                path, f"must be a whole number from {low} to {high}, not {_describe(value)}"
            )
            return None
        return value

    def choice(self, obj: dict[str, object], key: str, path: str, kind: type[E], default: E) -> E:
        if key not in obj:
            return default
        value = obj[key]
        for member in kind:
            if isinstance(value, str) and value == member.value:
                return member
        self.report(_key_path(path, key), f"{_describe(value)} is not one of {_choices(kind)}")
        return default

    def date(self, obj: dict[str, object], key: str, path: str) -> dt.date | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str) and _ISO_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
        self.report(
            _key_path(path, key),
            f"{_describe(value)} is not a date of the form YYYY-MM-DD, nor null",
        )
        return None

    def moment(self, obj: dict[str, object], key: str, path: str) -> dt.datetime | None:
        value = obj.get(key)
        if value is None:
            return None
        if isinstance(value, str) and len(value) <= 64:
            try:
                moment = dt.datetime.fromisoformat(value)
            except ValueError:
                pass
            else:
                if text.shiftable(moment):
                    return moment
                self.report(
                    _key_path(path, key),
                    f"{_describe(value)} is beyond the calendar once put in UTC; "
                    "a moment must fall within the years 1 to 9999",
                )
                return None
        self.report(
            _key_path(path, key),
            f"{_describe(value)} is not a date and time such as 2027-03-18T09:30:00, nor null",
        )
        return None

    def ident(self, value: object, path: str) -> str | None:
        if isinstance(value, str) and _ID.fullmatch(value):
            return value
        self.report(
            path,
            f"{_describe(value)} is not an id; an id is 1 to 64 letters, digits, '-' or '_'",
        )
        return None

    def reference(self, value: object, path: str, known: dict[str, int], what: str) -> str | None:
        """An id that must name one of ``known`` (id -> index)."""
        ref = self.ident(value, path)
        if ref is not None and ref not in known:
            self.report(path, f"no {what} has the id {ref!r}")
            return None
        return ref

    def id_list(
        self, obj: dict[str, object], key: str, path: str, known: dict[str, int], what: str
    ) -> list[str]:
        """A list of distinct ids, each naming one of ``known``."""
        out: list[str] = []
        for i, item in enumerate(self.array(obj, key, path)):
            item_path = f"{_key_path(path, key)}[{i}]"
            ref = self.reference(item, item_path, known, what)
            if ref is None:
                continue
            if ref in out:
                self.report(item_path, f"the {what} {ref!r} appears twice in this list")
                continue
            out.append(ref)
        return out

    def items(
        self,
        obj: dict[str, object],
        key: str,
        path: str,
        keys: Sequence[tuple[str, bool]],
        what: str,
        build: Callable[[dict[str, object], str], T],
    ) -> tuple[list[T], dict[str, int], list[int]]:
        """Build each object of a list.

        Returns the items, their ids (id -> list position) and each item's
        position in the list (entries that are not objects are skipped).
        """
        built: list[T] = []
        ids: dict[str, int] = {}
        positions: list[int] = []
        for i, item in enumerate(self.array(obj, key, path)):
            item_path = f"{_key_path(path, key)}[{i}]"
            fields = self.obj(item, item_path, keys, what)
            if fields is None:
                continue
            positions.append(i)
            if "id" in fields:
                item_id = self.ident(fields["id"], _key_path(item_path, "id"))
                if item_id is not None:
                    if item_id in ids:
                        self.report(
                            _key_path(item_path, "id"),
                            f"the id {item_id!r} is already used by "
                            f"{_key_path(path, key)}[{ids[item_id]}]",
                        )
                    else:
                        ids[item_id] = i
            built.append(build(fields, item_path))
        return built, ids, positions

    # ---- the document

    def document(self, doc: object) -> Workshop | None:
        if not isinstance(doc, dict):
            self.report(
                "$", f"A CX Workshop file holds one JSON object; this one holds {_describe(doc)}."
            )
            return None
        if doc.get("format") != FORMAT:
            self.report(
                "$.format",
                f'This is not a CX Workshop file: "format" must be "{FORMAT}", '
                f"not {_describe(doc.get('format'))}.",
            )
            return None
        version = doc.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.report(
                "$.version",
                f"{_describe(version)} is not a format version; this version of CX Workshop "
                f"reads format {FORMAT_VERSION} and older.",
            )
            return None
        if version > FORMAT_VERSION:
            self.report(
                "$.version",
                f"This file was written by a newer CX Workshop (format {_describe(version)}); "
                f"this version reads format {FORMAT_VERSION} and older.",
            )
            return None
        self.version = version
        top = self.obj(doc, "$", DOCUMENT_KEYS, "the document")
        if top is None or "workshop" not in top:
            return None
        return self.workshop(top["workshop"], "$.workshop")

    def workshop(self, value: object, path: str) -> Workshop | None:
        keys = (
            WORKSHOP_KEYS
            if self.version >= 4
            else WORKSHOP_KEYS_V3
            if self.version >= 3
            else WORKSHOP_KEYS_V2
            if self.version >= 2
            else WORKSHOP_KEYS_V1
        )
        w = self.obj(value, path, keys, "a workshop")
        if w is None:
            return None
        workshop_id = None
        if w.get("id") is not None:
            workshop_id = self.whole(w["id"], _key_path(path, "id"), *_SQLITE_INT)

        ws = Workshop(
            title=self.text(
                w, "title", path, "Workshop title", required=True, max_len=text.TITLE_MAX
            ),
            organisation=self.text(w, "organisation", path, "Organisation", max_len=text.NAME_MAX),
            date=self.date(w, "date", path),
            facilitator=self.text(w, "facilitator", path, "Facilitator", max_len=text.NAME_MAX),
            sponsor_name=self.text(
                w, "sponsor_name", path, "Sponsor's name", max_len=text.NAME_MAX
            ),
            sponsor_title=self.text(
                w, "sponsor_title", path, "Sponsor's title", max_len=text.NAME_MAX
            ),
            vision=self.text(w, "vision", path, "Vision", max_len=text.LONG_MAX, multiline=True),
            review_date=self.date(w, "review_date", path),
            status=self.choice(w, "status", path, Status, Status.DRAFT),
            current_step=self.choice(w, "current_step", path, Step, Step.SETUP),
            id=workshop_id,
            created_at=self.moment(w, "created_at", path),
            updated_at=self.moment(w, "updated_at", path),
        )

        ws.functions, function_ids, _ = self.items(
            w, "functions", path, FUNCTION_KEYS, "a function", self.function
        )
        self.unique_text(ws.functions, "name", _key_path(path, "functions"), "function")

        ws.participants, participant_ids, _ = self.items(
            w,
            "participants",
            path,
            PARTICIPANT_KEYS,
            "a participant",
            lambda p, at: self.participant(p, at, function_ids),
        )
        ws.goals, goal_ids, _ = self.items(w, "goals", path, GOAL_KEYS, "a goal", self.goal)

        ws.assignments = self.assignments(w, path, goal_ids, function_ids, participant_ids)

        ws.principles, _, _ = self.items(
            w, "principles", path, PRINCIPLE_KEYS, "a principle", self.principle
        )
        self.unique_text(ws.principles, "text", _key_path(path, "principles"), "principle")

        ws.rounds, round_ids, positions = self.items(
            w,
            "rounds",
            path,
            ROUND_KEYS,
            "a voting round",
            lambda r, at: self.voting_round(r, at, goal_ids, participant_ids),
        )
        self.round_rules(_key_path(path, "rounds"), ws.rounds, round_ids, positions)

        ws.commitments, _, _ = self.items(
            w, "commitments", path, COMMITMENT_KEYS, "a commitment", self.commitment
        )
        self.agenda(w, path, ws)
        if w.get("follows") is not None:
            ws.follows = self.whole(w["follows"], _key_path(path, "follows"), 1, _SQLITE_INT[1])
        ws.reviews, _, _ = self.items(
            w,
            "reviews",
            path,
            REVIEW_KEYS,
            "a review",
            lambda r, at: self.review(r, at, goal_ids, function_ids, participant_ids),
        )
        ws.reviews.sort(key=lambda r: r.held_on)
        self.sponsor(w, path, ws)
        if w.get("language") is not None:
            ws.language = self.language(w["language"], _key_path(path, "language"))
        return ws

    def language(self, value: object, path: str) -> str:
        """The workshop's language (format 4); older files are read as English."""
        if not isinstance(value, str):
            self.report(path, f"a language is a tag such as en-GB, not {_describe(value)}")
            return language.DEFAULT
        try:
            return language.check(value)
        except InvalidValue as e:
            self.report(path, str(e))
            return language.DEFAULT

    def review(
        self,
        r: dict[str, object],
        path: str,
        goal_ids: dict[str, int],
        function_ids: dict[str, int],
        participant_ids: dict[str, int],
    ) -> Review:
        """A progress review (format 3): the day it was held and what it says of each goal."""
        held_on = self.date(r, "held_on", path) or dt.date.min
        entries: list[GoalReview] = []
        seen: dict[str, int] = {}
        for i, value in enumerate(self.array(r, "goals", path)):
            at = f"{_key_path(path, 'goals')}[{i}]"
            e = self.obj(value, at, GOAL_REVIEW_KEYS, "a goal's review")
            if e is None or "goal" not in e:
                continue
            goal_id = self.reference(e["goal"], _key_path(at, "goal"), goal_ids, "goal")
            if goal_id is None:
                continue
            if goal_id in seen:
                self.report(
                    _key_path(at, "goal"),
                    f"the goal {goal_id!r} is already reviewed at "
                    f"{_key_path(path, 'goals')}[{seen[goal_id]}]",
                )
                continue
            seen[goal_id] = i
            who = None
            if e.get("new_accountable") is not None:
                who = self.assignee(
                    e["new_accountable"],
                    _key_path(at, "new_accountable"),
                    function_ids,
                    participant_ids,
                )
            status = None
            if e.get("status") is not None:
                status = self.choice(e, "status", at, ReviewStatus, ReviewStatus.ON_TRACK)
            entries.append(
                GoalReview(
                    goal_id,
                    reading=self.text(e, "reading", at, "The reading"),
                    read_on=self.date(e, "read_on", at),
                    status=status,
                    note=self.text(
                        e, "note", at, "The note", max_len=text.LONG_MAX, multiline=True
                    ),
                    decision=self.choice(e, "decision", at, ReviewDecision, ReviewDecision.KEEP),
                    new_target=self.text(e, "new_target", at, "The new target"),
                    new_accountable=who,
                )
            )
        return Review(held_on, entries, self.item_id(r))

    def sponsor(self, w: dict[str, object], path: str, ws: Workshop) -> None:
        """What the charter asks of the sponsor, their signature, the review cadence (format 3)."""
        if w.get("review_cadence") is not None:
            ws.review_cadence = self.choice(w, "review_cadence", path, Cadence, Cadence.QUARTERLY)
        ws.signed_on = self.date(w, "signed_on", path)
        ws.sign_by = self.date(w, "sign_by", path)
        ws.asks, _, _ = self.items(w, "asks", path, ASK_KEYS, "an ask", self.ask)
        if len(ws.asks) > MAX_ASKS:
            self.report(
                _key_path(path, "asks"),
                f"a charter asks the sponsor for at most {MAX_ASKS} things, not {len(ws.asks)}",
            )

    def ask(self, a: dict[str, object], path: str) -> Ask:
        return Ask(
            text=self.text(
                a, "text", path, "Ask", required=True, max_len=text.LONG_MAX, multiline=True
            ),
            kind=self.choice(a, "kind", path, AskKind, AskKind.DECISION),
            due=self.text(a, "due", path, "Due"),
            id=self.item_id(a),
        )

    def agenda(self, w: dict[str, object], path: str, ws: Workshop) -> None:
        """The agenda (format 2): the start time, timeboxes and time spent per step."""
        start = w.get("agenda_start")
        if start is not None:
            try:
                if not isinstance(start, str) or not re.fullmatch(r"[0-9]{2}:[0-9]{2}", start):
                    raise InvalidValue("")
                ws.agenda_start = agenda.parse_clock(start)
            except InvalidValue:
                self.report(
                    _key_path(path, "agenda_start"),
                    f"{_describe(start)} is not a time of day of the form HH:MM, nor null",
                )
        boxes = agenda.default_timeboxes()
        for step, minutes in self.step_map(w, "timeboxes", path).items():
            at = _entry_path(_key_path(path, "timeboxes"), step.value)
            n = self.whole(minutes, at, agenda.MIN_TIMEBOX, agenda.MAX_TIMEBOX)
            if n is not None:
                boxes[step] = n
        ws.timeboxes = boxes
        spent: dict[Step, int] = {}
        for step, seconds in self.step_map(w, "time_spent", path).items():
            at = _entry_path(_key_path(path, "time_spent"), step.value)
            n = self.whole(seconds, at, 0, agenda.MAX_SPENT_SECONDS)
            if n:
                spent[step] = n
        ws.time_spent = {s: spent[s] for s in Step if s in spent}

    def step_map(self, w: dict[str, object], key: str, path: str) -> dict[Step, object]:
        """A map keyed by step names, each key checked."""
        out: dict[Step, object] = {}
        for name, value in self.mapping(w, key, path).items():
            step = next((s for s in Step if s.value == name), None)
            if step is None:
                self.report(
                    _entry_path(_key_path(path, key), name),
                    f"{_describe(name)} is not one of {_choices(Step)}",
                )
                continue
            out[step] = value
        return out

    # ---- items

    def function(self, f: dict[str, object], path: str) -> Function:
        return Function(
            name=self.text(f, "name", path, "Function name", required=True, max_len=text.NAME_MAX),
            customer_facing=self.boolean(f, "customer_facing", path, True),
            colour=self.colour(f, path),
            id=self.item_id(f),
        )

    def colour(self, f: dict[str, object], path: str) -> str:
        if "colour" not in f:
            return _DEFAULT_COLOUR
        value = f["colour"]
        if isinstance(value, str):
            try:
                return text.colour(value)
            except InvalidValue:
                pass
        self.report(
            _key_path(path, "colour"), f"{_describe(value)} is not a colour of the form #RRGGBB"
        )
        return _DEFAULT_COLOUR

    def participant(
        self, p: dict[str, object], path: str, function_ids: dict[str, int]
    ) -> Participant:
        function_id = None
        if p.get("function_id") is not None:
            function_id = self.reference(
                p["function_id"], _key_path(path, "function_id"), function_ids, "function"
            )
        return Participant(
            name=self.text(
                p, "name", path, "Participant's name", required=True, max_len=text.NAME_MAX
            ),
            function_id=function_id,
            role_title=self.text(p, "role_title", path, "Role title", max_len=text.NAME_MAX),
            id=self.item_id(p),
        )

    def goal(self, g: dict[str, object], path: str) -> Goal:
        return Goal(
            pillar=self.choice(g, "pillar", path, Pillar, Pillar.WIN),
            title=self.text(g, "title", path, "Goal title", required=True, max_len=text.TITLE_MAX),
            description=self.text(
                g, "description", path, "Description", max_len=text.LONG_MAX, multiline=True
            ),
            metric=self.text(g, "metric", path, "Metric"),
            baseline=self.text(g, "baseline", path, "Baseline"),
            target=self.text(g, "target", path, "Target"),
            due=self.text(g, "due", path, "Due"),
            id=self.item_id(g),
        )

    def principle(self, p: dict[str, object], path: str) -> Principle:
        return Principle(
            text=self.text(p, "text", path, "Principle", required=True, max_len=text.SHORT_MAX),
            committed=self.boolean(p, "committed", path, False),
            custom=self.boolean(p, "custom", path, False),
            id=self.item_id(p),
        )

    def commitment(self, c: dict[str, object], path: str) -> Commitment:
        return Commitment(
            text=self.text(
                c, "text", path, "Commitment", required=True, max_len=text.LONG_MAX, multiline=True
            ),
            owner=self.text(c, "owner", path, "Owner", max_len=text.NAME_MAX),
            due=self.text(c, "due", path, "Due"),
            id=self.item_id(c),
        )

    @staticmethod
    def item_id(obj: dict[str, object]) -> str:
        """The item's id if well formed (``items`` reports it otherwise)."""
        value = obj.get("id")
        return value if isinstance(value, str) else ""

    def unique_text(self, items: Sequence[Any], field: str, path: str, what: str) -> None:
        """Names that read the same (case and spacing aside) may appear only once."""
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            value: str = getattr(item, field)
            if not value:
                continue
            key = " ".join(value.casefold().split())
            if key in seen:
                self.report(
                    f"{path}[{i}].{field}",
                    f"the {what} {_describe(value)} is already at {path}[{seen[key]}]",
                )
            else:
                seen[key] = i

    # ---- accountability

    def assignments(
        self,
        w: dict[str, object],
        path: str,
        goal_ids: dict[str, int],
        function_ids: dict[str, int],
        participant_ids: dict[str, int],
    ) -> list[Assignment]:
        out: list[Assignment] = []
        accountable: dict[str, int] = {}
        held: dict[tuple[str, Assignee], int] = {}
        base = _key_path(path, "assignments")
        for i, item in enumerate(self.array(w, "assignments", path)):
            at = f"{base}[{i}]"
            a = self.obj(item, at, ASSIGNMENT_KEYS, "an assignment")
            if a is None:
                continue
            goal_id = None
            if "goal" in a:
                goal_id = self.reference(a["goal"], _key_path(at, "goal"), goal_ids, "goal")
            who = None
            if "assignee" in a:
                who = self.assignee(
                    a["assignee"], _key_path(at, "assignee"), function_ids, participant_ids
                )
            role = self.choice(a, "role", at, Role, Role.INFORMED) if "role" in a else None
            if goal_id is None or who is None or role is None:
                continue
            if (goal_id, who) in held:
                self.report(
                    _key_path(at, "assignee"),
                    f"this assignee already holds a role on goal {goal_id!r} at "
                    f"{base}[{held[(goal_id, who)]}]; one role per assignee per goal",
                )
                continue
            held[(goal_id, who)] = i
            if role is Role.ACCOUNTABLE:
                if goal_id in accountable:
                    self.report(
                        _key_path(at, "role"),
                        f"goal {goal_id!r} already has its Accountable at "
                        f"{base}[{accountable[goal_id]}]; a goal has only one",
                    )
                    continue
                accountable[goal_id] = i
            out.append(Assignment(goal_id, who, role))
        return out

    def assignee(
        self,
        value: object,
        path: str,
        function_ids: dict[str, int],
        participant_ids: dict[str, int],
    ) -> Assignee | None:
        a = self.obj(value, path, ASSIGNEE_KEYS, "an assignee")
        if a is None or "kind" not in a or "id" not in a:
            return None
        kind = self.choice(a, "kind", path, AssigneeKind, AssigneeKind.FUNCTION)
        if a["kind"] != kind.value:
            return None
        known = function_ids if kind is AssigneeKind.FUNCTION else participant_ids
        ref = self.reference(a["id"], _key_path(path, "id"), known, kind.value)
        return None if ref is None else Assignee(kind, ref)

    # ---- voting

    def voting_round(
        self,
        r: dict[str, object],
        path: str,
        goal_ids: dict[str, int],
        participant_ids: dict[str, int],
    ) -> VotingRound:
        number = None
        if "number" in r:
            number = self.whole(r["number"], _key_path(path, "number"), 1, MAX_ROUND_NUMBER)
        mode = self.choice(r, "mode", path, VotingMode, VotingMode.SECRET)
        mode_known = "mode" in r and r["mode"] == mode.value
        dots_per_voter = max_per_goal = None
        if "dots_per_voter" in r:
            dots_per_voter = self.whole(
                r["dots_per_voter"], _key_path(path, "dots_per_voter"), 1, MAX_DOTS
            )
        if "max_per_goal" in r:
            max_per_goal = self.whole(
                r["max_per_goal"], _key_path(path, "max_per_goal"), 1, MAX_DOTS
            )
        if (
            dots_per_voter is not None
            and max_per_goal is not None
            and max_per_goal > dots_per_voter
        ):
            self.report(
                _key_path(path, "max_per_goal"),
                f"the maximum on one goal ({max_per_goal}) cannot exceed the dots per voter "
                f"({dots_per_voter})",
            )
        on_ballot = self.id_list(r, "goal_ids", path, goal_ids, "goal")
        voters = self.id_list(r, "voter_ids", path, participant_ids, "participant")
        ballot_goals = dict.fromkeys(on_ballot, 0)
        runoff_of = None
        if r.get("runoff_of") is not None:
            runoff_of = self.ident(r["runoff_of"], _key_path(path, "runoff_of"))

        ballots: dict[str, dict[str, int]] = {}
        ballots_path = _key_path(path, "ballots")
        cast = self.mapping(r, "ballots", path)
        if cast and mode_known and mode is not VotingMode.SECRET:
            self.report(ballots_path, "a round counted off the wall (tally) holds no ballots")
        for voter, ballot in cast.items():
            at = _entry_path(ballots_path, voter)
            if voter not in voters:
                self.report(at, f"{_describe(voter)} is not a voter in this round")
            ballots[voter] = self.dots(
                ballot, at, ballot_goals, 0, max_per_goal or MAX_DOTS, "a ballot"
            )
            if dots_per_voter is not None and sum(ballots[voter].values()) > dots_per_voter:
                self.report(
                    at,
                    f"this ballot places {sum(ballots[voter].values())} dots; "
                    f"each voter has {dots_per_voter}",
                )

        tallies: dict[str, int] = {}
        tallied = self.mapping(r, "tallies", path)
        if tallied and mode_known and mode is not VotingMode.TALLY:
            self.report(_key_path(path, "tallies"), "a secret-ballot round takes no tallies")
        if tallied:
            tallies = self.dots(
                tallied, _key_path(path, "tallies"), ballot_goals, 0, MAX_TALLY, "the tallies"
            )

        return VotingRound(
            number=number or 0,
            mode=mode,
            goal_ids=on_ballot,
            dots_per_voter=dots_per_voter or 1,
            max_per_goal=max_per_goal or 1,
            voter_ids=voters,
            is_open=self.boolean(r, "is_open", path, True),
            revealed=self.boolean(r, "revealed", path, False),
            runoff_of=runoff_of,
            ballots=ballots,
            tallies=tallies,
            decision=self.id_list(r, "decision", path, ballot_goals, "goal on this ballot"),
            decision_note=self.text(
                r, "decision_note", path, "Decision note", max_len=text.LONG_MAX, multiline=True
            ),
            id=self.item_id(r),
        )

    def dots(
        self,
        value: object,
        path: str,
        on_ballot: dict[str, int],
        low: int,
        high: int,
        what: str,
    ) -> dict[str, int]:
        """Dots per goal id; goals with none are left out, as the app keeps them."""
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            self.report(
                path, f"{what} must be an object of goal ids and dots, not {_describe(value)}"
            )
            return {}
        out: dict[str, int] = {}
        for goal_id, n in value.items():
            at = _entry_path(path, goal_id)
            if goal_id not in on_ballot:
                self.report(at, f"{_describe(goal_id)} is not a goal on this round's ballot")
            count = self.whole(n, at, low, high)
            if count:
                out[goal_id] = count
        return out

    def round_rules(
        self,
        base: str,
        rounds: list[VotingRound],
        round_ids: dict[str, int],
        positions: list[int],
    ) -> None:
        """Rules across rounds: distinct numbers, one open round, run-offs of earlier rounds."""
        numbers: dict[int, int] = {}
        open_at: int | None = None
        for r, i in zip(rounds, positions, strict=True):
            at = f"{base}[{i}]"
            if r.number:
                if r.number in numbers:
                    self.report(
                        f"{at}.number",
                        f"round number {r.number} is already used by {base}[{numbers[r.number]}]",
                    )
                else:
                    numbers[r.number] = i
            if r.is_open:
                if open_at is not None:
                    self.report(
                        f"{at}.is_open",
                        f"{base}[{open_at}] is open already; only one round is open at a time",
                    )
                else:
                    open_at = i
        by_id = {r.id: r for r in rounds if r.id in round_ids}
        for r, i in zip(rounds, positions, strict=True):
            if r.runoff_of is None:
                continue
            at = f"{base}[{i}].runoff_of"
            parent = by_id.get(r.runoff_of)
            if parent is None:
                self.report(at, f"no voting round has the id {r.runoff_of!r}")
            elif parent is r or (parent.number and r.number and parent.number >= r.number):
                self.report(at, "a run-off must follow the round whose tie it settles")


def from_document(doc: object) -> Workshop:
    """A workshop from a parsed JSON document, checked in full before it is built.

    Raises :class:`ImportProblems` listing every problem found; never anything else.
    """
    checker = _Checker()
    try:
        ws = checker.document(doc)
    except RecursionError:
        checker.report("$", "The document nests too deeply to be a workshop.")
        ws = None
    if checker.problems or ws is None:
        raise ImportProblems(checker.problems or [Problem("$", "The document holds no workshop.")])
    return ws
