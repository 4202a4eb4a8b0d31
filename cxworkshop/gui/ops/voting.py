"""Edits of dot voting: open, change, close, reopen and discard rounds; tallies; decisions.

Each is one undo step around one store operation, except a voter's ballot
(:func:`confirm_ballot`), which must never be undone from the keyboard.
"""

from __future__ import annotations

from ...domain import editing
from ...domain.editing import Removal
from ...domain.errors import WorkshopError
from ...domain.model import VotingMode, VotingRound
from ..session import Session
from . import steps
from .naming import and_join, dots_text, goal_titles, quoted, round_name


def find_round(session: Session | None, round_id: str | None) -> VotingRound | None:
    if session is None or round_id is None:
        return None
    return next((r for r in session.workshop.rounds if r.id == round_id), None)


def open_round(
    session: Session,
    *,
    goal_ids: list[str],
    dots_per_voter: int,
    max_per_goal: int,
    mode: VotingMode,
    voter_ids: list[str] | None,
    runoff_of: str | None = None,
) -> VotingRound | None:
    """Open a round (or a run-off) as one undo step; None if refused.

    Undo takes the round away with whatever was cast in it; redo puts back that
    very round, ballots and all, rather than a blank new one.
    """
    ws = session.workshop
    wid = session.workshop_id
    number = max((r.number for r in ws.rounds), default=0) + 1
    if runoff_of is not None:
        text = f"Start a run-off between {and_join([quoted(t) for t in goal_titles(ws, goal_ids)])}"
        if len(goal_ids) > 3:
            text = f"Start a run-off among {len(goal_ids)} tied goals"
    else:
        what = "secret ballot" if mode is VotingMode.SECRET else "room tally"
        text = f"Open round {number}: {what} on {len(goal_ids)} goals"
    taken: list[Removal] = []

    def apply() -> VotingRound:
        if taken:
            removal = taken.pop()
            session.store.restore(wid, removal)
            return editing.voting_round(session.workshop, removal.removed.id)
        return session.store.open_round(
            wid,
            goal_ids=list(goal_ids),
            dots_per_voter=dots_per_voter,
            max_per_goal=max_per_goal,
            mode=mode,
            voter_ids=None if voter_ids is None else list(voter_ids),
            runoff_of=runoff_of,
        )

    def revert(r: VotingRound) -> None:
        taken.append(session.store.remove_round(wid, r.id))

    return session.edit(text, apply, revert)


def discard_round(session: Session, round_id: str) -> bool:
    """Take a round away with all that was cast in it, as one undo step."""
    r = find_round(session, round_id)
    if r is None:
        return False
    return steps.remove_step(
        session, f"Discard {round_name(r)}", session.store.remove_round, round_id
    )


def change_budget(
    session: Session, round_id: str, dots_per_voter: int, max_per_goal: int, *, reopen: bool
) -> bool:
    """Change an open round's budget as one undo step; ``reopen`` reopens ballots that misfit.

    Nothing is ever trimmed: without ``reopen`` a change that a cast ballot
    would break is refused. Undo restores the budget and gives back the
    reopened ballots (a voter who voted again since keeps the new ballot).
    """
    r = find_round(session, round_id)
    if r is None:
        return False
    if (r.dots_per_voter, r.max_per_goal) == (dots_per_voter, max_per_goal):
        return True
    misfits = len(editing.over_budget(r, dots_per_voter, max_per_goal)) if reopen else 0
    text = (
        f"Give {dots_text(dots_per_voter)} per voter in {round_name(r)}, "
        f"at most {max_per_goal} on one goal"
    )
    if misfits:
        text += f", reopening {misfits} ballot{'s' if misfits != 1 else ''}"
    wid = session.workshop_id
    result = session.edit(
        text,
        lambda: session.store.change_round_budget(
            wid, round_id, dots_per_voter, max_per_goal, reopen_over_budget=reopen
        ),
        lambda old: session.store.restore_round_budget(wid, round_id, old[0], old[1], old[2]),
    )
    return result is not None


def close_round(session: Session, round_id: str) -> bool:
    """Close a round so its ballots and tallies are frozen; one undo step."""
    return _open_or_close(session, round_id, reopen=False)


def reopen_round(session: Session, round_id: str) -> bool:
    """Reopen the latest round for more votes; one undo step."""
    return _open_or_close(session, round_id, reopen=True)


def _open_or_close(session: Session, round_id: str, *, reopen: bool) -> bool:
    r = find_round(session, round_id)
    if r is None:
        return False
    wid, store = session.workshop_id, session.store
    do, undo = (
        (store.reopen_round, store.close_round)
        if reopen
        else (store.close_round, store.reopen_round)
    )

    def run() -> bool:
        do(wid, round_id)
        return True  # (None would read as refused)

    verb = "Reopen" if reopen else "Close"
    result = session.edit(f"{verb} {round_name(r)}", run, lambda _: undo(wid, round_id))
    return result is not None


def set_revealed(session: Session, round_id: str, revealed: bool) -> bool:
    """Show or hide a round's totals; one undo step."""
    r = find_round(session, round_id)
    if r is None:
        return False
    if r.revealed == revealed:
        return True
    verb = "Reveal" if revealed else "Hide"
    wid = session.workshop_id
    result = session.edit(
        f"{verb} the results of {round_name(r)}",
        lambda: session.store.set_revealed(wid, round_id, revealed),
        lambda previous: session.store.set_revealed(wid, round_id, previous),
    )
    return result is not None


def set_tally(session: Session, round_id: str, goal_id: str, dots: int) -> bool:
    """Record the dots one goal got on the wall; one undo step (none if unchanged)."""
    r = find_round(session, round_id)
    if r is None:
        return False
    if r.tallies.get(goal_id, 0) == dots:
        return True
    title = next((g.title for g in session.workshop.goals if g.id == goal_id), "")
    wid = session.workshop_id
    result = session.edit(
        f"Count {dots_text(dots)} for {quoted(title)}",
        lambda: session.store.set_tally(wid, round_id, goal_id, dots),
        lambda previous: session.store.set_tally(wid, round_id, goal_id, previous),
    )
    return result is not None


def record_decision(session: Session, round_id: str, order: list[str], note: str) -> bool:
    """Record the sponsor's order for tied goals of a round; one undo step.

    ``order`` covers one tied group; orders recorded earlier for other groups
    of the same round are kept, so each tie can be settled on its own.
    """
    r = find_round(session, round_id)
    if r is None:
        return False
    merged = [g for g in r.decision if g not in order] + list(order)
    titles = goal_titles(session.workshop, order)
    if len(order) <= 3:
        text = f"Record the sponsor's order for {and_join([quoted(t) for t in titles])}"
    else:
        text = f"Record the sponsor's order for {len(order)} tied goals"
    wid = session.workshop_id
    result = session.edit(
        text,
        lambda: session.store.record_decision(wid, round_id, merged, note),
        lambda previous: session.store.record_decision(wid, round_id, *previous),
    )
    return result is not None


def confirm_ballot(
    session: Session,
    round_id: str,
    voter_id: str,
    dots: dict[str, int],
    *,
    announce: bool = True,
) -> str:
    """Save a voter's confirmed ballot; returns "" when saved, else why it was refused.

    Deliberately NOT an undo step: a ballot is a voter's secret, and the next
    person at the laptop must never be able to take it back (or bring an
    earlier one back) with Ctrl+Z. The voter changes it by voting again while
    the round is open; the facilitator's own steps stay on the undo stack.

    With ``announce`` False the ballot is saved (its own committed transaction
    all the same) and the caller tells the views later, with
    :meth:`Session.announce`: phones' ballots arriving together are shown once.
    """
    try:
        session.store.cast_ballot(session.workshop_id, round_id, voter_id, dict(dots))
    except WorkshopError as exc:
        return str(exc)
    if announce:
        session.sig_saved.emit()
        session.announce()
    return ""
