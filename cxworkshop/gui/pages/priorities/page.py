"""Priorities: dot voting by secret ballot or room tally, the reveal, and settling ties.

The page has four faces. The facilitator sets up a round, then watches it:
who has voted (never how), or the counts typed in off the wall. Voters take
the laptop in turn: each gets a clean ballot, confirms it, and the screen
turns to a neutral card that asks them to pass the laptop on. Once the round
is closed the facilitator reveals the ranked results, and settles any tie by
a run-off or by recording the sponsor's order.

Set-up, budget, close, reveal, tally and decision changes are undo steps; a
confirmed ballot is saved at once and is not (see ``confirm_ballot``). While a
ballot or the pass card is on screen the undo history is switched off, so the
next person at the laptop cannot undo anything, least of all a ballot.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ....domain import editing, voting
from ....domain.model import Goal, Step, VotingMode, VotingRound, Workshop
from ....domain.wording import dots_text
from ...models.voting import (
    BallotModel,
    DecisionModel,
    FinalOrderModel,
    GoalChoiceModel,
    ResultsModel,
    TallyModel,
    VoterChoiceModel,
    VoterStatusModel,
    round_title,
)
from ...ops.voting import (
    change_budget,
    close_round,
    confirm_ballot,
    discard_round,
    open_round,
    record_decision,
    reopen_round,
    set_revealed,
)
from ...roles import ID_ROLE
from ...session import Session
from ...widgets.keys import enter_presses
from ...widgets.page_parts import ErrorLine
from ..base import StepPage
from .parts import (
    Face,
    FaceScrollArea,
    FaceStack,
    ballots_text,
    styled_label,
)
from .results import TieBox
from .round_face import RoundView
from .setup_face import RoundSetup
from .voter_faces import BallotScreen, PassCard


class PrioritiesPage(StepPage):
    """The Priorities step: set up a vote, run it, reveal it, and settle its ties."""

    step = Step.PRIORITIES

    sig_ballot_in_progress = Signal(bool)
    """True while a ballot or the pass card is on screen (an audience view blanks); False after."""

    PASS_CARD_DELAY_MS = 900
    """How long the pass card ignores presses after a vote, so a held Enter starts nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.face = Face.SETUP
        self.round_id: str | None = None
        self._known_rounds: list[str] | None = None
        self._setting_up = False
        self._voter_id: str | None = None
        self._undo_was_active = True
        self._decision_round: str | None = None
        self._filling_rounds = False

        self.voters_model = VoterStatusModel(parent=self)
        self.results_model = ResultsModel(parent=self)
        self.tally_model = TallyModel(parent=self)
        self.final_model = FinalOrderModel(parent=self)
        self.ballot_model = BallotModel(parent=self)
        self.goal_choice = GoalChoiceModel(parent=self)
        self.voter_choice = VoterChoiceModel(parent=self)
        self.decision_model = DecisionModel(self)

        self.title = styled_label("Priorities", "heading", wrap=False)
        self.intro = styled_label(
            "Where the room puts its dots sets the order of priorities in the charter.",
            "muted",
        )
        self.rounds_combo = QComboBox()
        self.rounds_combo.setAccessibleName("Voting round")
        self.rounds_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rounds_combo.currentIndexChanged.connect(self._round_chosen)
        self.new_button = QPushButton("New vote…")
        self.new_button.setAccessibleName("Set up a new vote")
        self.new_button.clicked.connect(self.start_setup)
        self.error_line = ErrorLine()

        self.setup = RoundSetup(self.goal_choice, self.voter_choice)
        self.setup.sig_open_requested.connect(self.open_vote)
        self.setup.sig_cancelled.connect(self.cancel_setup)
        self.round_view = RoundView(
            self.voters_model,
            self.results_model,
            self.tally_model,
            self.final_model,
            self.decision_model,
        )
        self.ballot_screen = BallotScreen(self.ballot_model)
        self.ballot_screen.sig_confirm_requested.connect(self.confirm_vote)
        self.ballot_screen.sig_cancelled.connect(self.cancel_ballot)
        self.pass_card = PassCard(self.voters_model)
        self.pass_card.sig_next_requested.connect(self.start_ballot)
        self.pass_card.sig_done.connect(self.end_ballots)
        self._ready_timer = QTimer(self)
        self._ready_timer.setSingleShot(True)
        self._ready_timer.timeout.connect(lambda: self.pass_card.set_ready(True))

        self.faces = FaceStack()
        for face in (self.setup, self.round_view, self.ballot_screen, self.pass_card):
            self.faces.addWidget(face)

        # The facilitator's header: hidden as a whole while a voter has the laptop.
        self.header = QWidget()
        header_layout = QVBoxLayout(self.header)
        header_layout.setContentsMargins(0, 0, 0, 6)
        header_layout.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(12)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title)
        titles.addWidget(self.intro)
        head.addLayout(titles, 1)
        head.addWidget(self.rounds_combo, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        # Voting from phones (see gui/phones.py); hidden with the header during a ballot.
        self.phones_button = QPushButton("Phones")
        self.phones_button.setToolTip("Let people vote from their phones (Ctrl+Shift+P)")
        head.addWidget(self.phones_button, 0, Qt.AlignmentFlag.AlignBottom)
        header_layout.addLayout(head)
        header_layout.addWidget(self.error_line)

        # Zoomed far in for a projector, the page scrolls rather than squeezing its parts.
        self.scroll_area = FaceScrollArea()
        self.scroll_area.setWidgetResizable(False)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setStyleSheet("QScrollArea { background: transparent; border: none; }")
        self.scroll_area.viewport().setAutoFillBackground(False)
        self.faces.setAutoFillBackground(False)
        self.scroll_area.setWidget(self.faces)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.header)
        layout.addWidget(self.scroll_area, 1)
        enter_presses(self)

        self._wire_round_view()

    def _wire_round_view(self) -> None:
        v = self.round_view
        v.next_button.clicked.connect(self.hand_over)
        v.vote_as_button.clicked.connect(self._vote_as_selected)
        v.voters_list.activated.connect(lambda index: self.start_ballot(str(index.data(ID_ROLE))))
        v.voters_list.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        v.close_button.clicked.connect(self.close_vote)
        v.reopen_button.clicked.connect(self.reopen_vote)
        v.reveal_button.clicked.connect(lambda: self.reveal(True))
        v.hide_button.clicked.connect(lambda: self.reveal(False))
        v.discard_button.clicked.connect(self.discard)
        v.apply_budget_button.clicked.connect(self.apply_budget)
        v.dots_spin.valueChanged.connect(self._budget_edited)
        v.limit_spin.valueChanged.connect(self._budget_edited)
        v.record_button.clicked.connect(self.record_sponsor_order)
        v.cancel_decision_button.clicked.connect(self.cancel_decision)
        v.up_button.clicked.connect(lambda: self._move_decision(-1))
        v.down_button.clicked.connect(lambda: self._move_decision(1))
        v.decision_list.sig_move_requested.connect(self._move_decision)

    # -- the page's public face ----------------------------------------------

    def set_session(self, session: Session | None) -> None:
        if self.face in (Face.BALLOT, Face.PASS):
            self._leave_voter_faces()
        self.error_line.follow(session)
        self._known_rounds = None
        self.round_id = None
        self._setting_up = False
        self._decision_round = None
        for model in (
            self.voters_model,
            self.results_model,
            self.tally_model,
            self.final_model,
            self.ballot_model,
        ):
            model.set_session(session)
        self.goal_choice.set_session(session)
        self.voter_choice.set_session(session)
        super().set_session(session)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        if not event.spontaneous() and self.ballot_in_progress():
            # Someone went to another step mid-ballot: an unconfirmed ballot is dropped
            # and the facilitator's view (with undo) is what comes back.
            self._leave_voter_faces()
            self.refresh()

    def ballot_in_progress(self) -> bool:
        """Whether a voter's ballot or the pass card is on screen."""
        return self.face in (Face.BALLOT, Face.PASS)

    def current_round(self) -> VotingRound | None:
        """The round the page shows."""
        if self.session is None or self.round_id is None:
            return None
        return next((r for r in self.session.workshop.rounds if r.id == self.round_id), None)

    def focus_first(self) -> None:
        if self.face is Face.SETUP:
            self.setup.goals_list.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.face is Face.BALLOT:
            self.ballot_screen.view.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.face is Face.PASS:
            self.pass_card.set_ready(self.pass_card.start_button.isEnabled())
        else:
            v = self.round_view
            page = v.body.currentWidget()
            target: QWidget
            if page is v.status_page:
                # Everyone has voted: the next step is closing the vote, never a number
                # field that a stray key would change.
                target = v.next_button if v.next_button.isEnabled() else v.close_button
            elif page is v.tally_page:
                target = v.tally_table
            elif page is v.hidden_page:
                target = v.reveal_button
            else:
                target = v.chart
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        ws = None if self.session is None else self.session.workshop
        self.setEnabled(ws is not None)
        self._follow_rounds(ws)
        for model in (self.voters_model, self.results_model, self.tally_model, self.final_model):
            model.set_round(self.round_id)
            model.sync()
        r = self.current_round()
        if self.face in (Face.BALLOT, Face.PASS):
            if r is None or not r.is_open or r.mode is not VotingMode.SECRET:
                self._leave_voter_faces()
                if self.session is not None:
                    self.session.sig_error.emit("The round closed, so the ballot was put away.")
            else:
                self.ballot_model.sync()
                if self.face is Face.PASS and ws is not None:
                    self.pass_card.show_state(ws, r, after_vote=self.pass_card.saved.isVisible())
                return
        if ws is None or self._setting_up or not ws.rounds:
            self._show_face(Face.SETUP)
            if not self._setting_up:
                self._prepare_plain_setup(can_cancel=False)
            self.setup.refresh()
        else:
            self._show_face(Face.ROUND)
            assert r is not None
            self._show_round(ws, r)
        self._fill_rounds(ws)
        self._update_buttons()

    # -- which round -----------------------------------------------------------

    def _follow_rounds(self, ws: Workshop | None) -> None:
        ids = [] if ws is None else [r.id for r in ws.rounds]
        if self._known_rounds is not None:
            new = [i for i in ids if i not in self._known_rounds]
            if new:
                # A round just opened (or came back with redo): show it.
                self.round_id = new[-1]
                self._setting_up = False
        if self.round_id not in ids:
            self.round_id = ids[-1] if ids else None
            self._decision_round = None
        self._known_rounds = ids

    def show_round(self, round_id: str) -> None:
        """Show round ``round_id`` (from the round selector, or a tie's run-off)."""
        self.round_id = round_id
        self._setting_up = False
        self._decision_round = None
        self.refresh()

    def _fill_rounds(self, ws: Workshop | None) -> None:
        rounds = [] if ws is None else ws.rounds
        titles = [round_title(ws, r) for r in rounds] if ws is not None else []
        current = [self.rounds_combo.itemText(i) for i in range(self.rounds_combo.count())]
        self._filling_rounds = True
        try:
            if titles != current:
                self.rounds_combo.clear()
                for r, title in zip(rounds, titles, strict=True):
                    self.rounds_combo.addItem(title, r.id)
            row = next((i for i, r in enumerate(rounds) if r.id == self.round_id), -1)
            self.rounds_combo.setCurrentIndex(row)
        finally:
            self._filling_rounds = False
        self.rounds_combo.setVisible(len(rounds) > 0 and self.face is not Face.SETUP)

    def _round_chosen(self, row: int) -> None:
        if self._filling_rounds or row < 0:
            return
        round_id = self.rounds_combo.itemData(row)
        if isinstance(round_id, str) and round_id != self.round_id:
            self.show_round(round_id)

    def _show_face(self, face: Face) -> None:
        was_voting = self.ballot_in_progress()
        self.face = face
        widget = {
            Face.SETUP: self.setup,
            Face.ROUND: self.round_view,
            Face.BALLOT: self.ballot_screen,
            Face.PASS: self.pass_card,
        }[face]
        self.faces.setCurrentWidget(widget)
        voting_now = self.ballot_in_progress()
        # Nothing of the facilitator's screen shows while a voter has the laptop.
        self.header.setVisible(not voting_now)
        if voting_now != was_voting:
            self.sig_ballot_in_progress.emit(voting_now)

    # -- the facilitator's view of a round --------------------------------------

    def _show_round(self, ws: Workshop, r: VotingRound) -> None:
        self.round_view.show_round(ws, r)
        self._show_outcome(ws, r)

    def _show_outcome(self, ws: Workshop, r: VotingRound) -> None:
        v = self.round_view
        shown = not r.is_open and r.revealed
        deciding = shown and self._decision_round == r.id
        if not shown:
            self._decision_round = None
        groups = voting.runoff_goals(r) if shown else []
        present = {g.id for g in ws.goals}
        groups = [[g for g in group if g in present] for group in groups]
        groups = [g for g in groups if len(g) > 1]
        while len(v.tie_boxes) < len(groups):
            box = TieBox()
            box.sig_runoff_requested.connect(self.start_runoff)
            box.sig_decision_requested.connect(self.start_decision)
            box.sig_show_round.connect(self.show_round)
            v.ties_box.addWidget(box)
            v.tie_boxes.append(box)
        for i, box in enumerate(v.tie_boxes):
            if i < len(groups):
                box.show_tie(ws, r, groups[i])
            box.setVisible(i < len(groups))
        v.ties_heading.setText("Ties" if len(groups) != 1 else "A tie")
        v.ties_frame.setVisible(bool(groups) and not deciding)
        v.decision_frame.setVisible(deciding)
        v.final_frame.setVisible(shown)
        main = voting.main_round(ws)
        if r.is_runoff:
            note = "This run-off orders the goals that tied in an earlier round."
        elif main is r:
            note = "The charter lists the priorities in this order."
        elif main is not None:
            note = f"A later vote (round {main.number}) sets the charter's priorities."
        else:
            note = ""
        v.final_heading.setText("Order of this run-off" if r.is_runoff else "Priorities")
        v.final_note.setText(note)

    def _update_buttons(self) -> None:
        ws = None if self.session is None else self.session.workshop
        open_round_ = ws is not None and any(r.is_open for r in ws.rounds)
        self.new_button.setEnabled(ws is not None and not open_round_ and bool(ws.goals))
        self.new_button.setToolTip("Close the open round first." if open_round_ else "")
        self.new_button.setVisible(self.face is not Face.SETUP and bool(ws and ws.rounds))
        v = self.round_view
        v.vote_as_button.setEnabled(v.voters_list.currentIndex().isValid())
        r = self.current_round()
        changed = r is not None and (v.dots_spin.value(), v.limit_spin.value()) != (
            r.dots_per_voter,
            r.max_per_goal,
        )
        v.apply_budget_button.setEnabled(changed)
        v.limit_spin.setMaximum(v.dots_spin.value())

    # -- set-up ----------------------------------------------------------------

    def _prepare_plain_setup(self, *, can_cancel: bool) -> None:
        self.setup.prepare(can_cancel=can_cancel)

    def start_setup(self) -> None:
        """Set up a new vote on the goals (the New vote button)."""
        if self.session is None:
            return
        self._setting_up = True
        self._prepare_plain_setup(can_cancel=True)
        self.refresh()
        self.focus_first()

    def start_runoff(self, goal_ids: list[str]) -> None:
        """Set up a run-off among tied goals of the round shown."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        voters = r.voter_ids if r.mode is VotingMode.SECRET else None
        self._setting_up = True
        self.setup.prepare(runoff_of=r.id, goal_ids=goal_ids, voter_ids=voters, mode=r.mode)
        self.refresh()
        self.focus_first()

    def cancel_setup(self) -> None:
        self._setting_up = False
        self.refresh()
        self.focus_first()

    def open_vote(self) -> None:
        """Open a round with the set-up's settings (one undo step)."""
        if self.session is None:
            return
        settings = self.setup.settings()
        opened = open_round(self.session, **settings)  # type: ignore[arg-type]
        if opened is None:
            return
        self._setting_up = False
        self.round_id = opened.id
        self.refresh()
        self.focus_first()

    # -- the facilitator's controls -------------------------------------------

    def close_vote(self) -> None:
        r = self.current_round()
        if self.session is not None and r is not None and close_round(self.session, r.id):
            self.focus_first()

    def reopen_vote(self) -> None:
        r = self.current_round()
        if self.session is not None and r is not None:
            reopen_round(self.session, r.id)

    def reveal(self, revealed: bool) -> None:
        r = self.current_round()
        if (
            self.session is not None
            and r is not None
            and set_revealed(self.session, r.id, revealed)
        ):
            self.focus_first()

    def discard(self) -> None:
        """Discard the open round, asking first if anything was cast in it."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        cast = len(r.ballots) if r.mode is VotingMode.SECRET else sum(r.tallies.values())
        if cast:
            what = (
                ballots_text(cast) if r.mode is VotingMode.SECRET else f"{dots_text(cast)} counted"
            )
            answer = QMessageBox.question(
                self,
                "Discard round?",
                f"Discard round {r.number} and the {what} in it? Undo brings everything back.",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        discard_round(self.session, r.id)

    def _budget_edited(self) -> None:
        self._update_buttons()

    def apply_budget(self) -> None:
        """Change the open round's budget; asks before reopening ballots that would not fit."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        v = self.round_view
        dots, most = v.dots_spin.value(), min(v.limit_spin.value(), v.dots_spin.value())
        misfits = editing.over_budget(r, dots, most)
        reopen = False
        if misfits:
            n = len(misfits)
            answer = QMessageBox.question(
                self,
                "Reopen ballots?",
                f"{ballots_text(n)} already cast {'places' if n == 1 else 'place'} more dots than "
                f"{dots_text(dots)} with at most {most} on one goal.\n\n"
                "Nothing is ever trimmed: "
                f"{'that person votes' if n == 1 else 'those people vote'} "
                "again with the new budget. Reopen "
                f"{'that ballot' if n == 1 else 'those ballots'}?",
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.refresh_budget(r)
                return
            reopen = True
        if not change_budget(self.session, r.id, dots, most, reopen=reopen):
            self.refresh_budget(r)

    def refresh_budget(self, r: VotingRound) -> None:
        """Show the round's budget again, dropping what was typed."""
        v = self.round_view
        for spin, value in ((v.dots_spin, r.dots_per_voter), (v.limit_spin, r.max_per_goal)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self._update_buttons()

    # -- the sponsor's decision -------------------------------------------------

    def start_decision(self, goal_ids: list[str]) -> None:
        """Let the facilitator put tied goals in the sponsor's order."""
        r = self.current_round()
        if self.session is None or r is None:
            return
        goals = {g.id: g for g in self.session.workshop.goals}
        chosen: list[Goal] = [goals[g] for g in goal_ids if g in goals]
        if all(g.id in r.decision for g in chosen):
            chosen.sort(key=lambda g: r.decision.index(g.id))
        self.decision_model.set_goals(chosen)
        v = self.round_view
        v.note_edit.setPlainText(r.decision_note)
        self._decision_round = r.id
        self.refresh()
        v.decision_list.setFocus(Qt.FocusReason.OtherFocusReason)
        v.decision_list.setCurrentIndex(self.decision_model.index(0, 0))

    def _move_decision(self, step: int) -> None:
        v = self.round_view
        row = v.decision_list.currentIndex().row()
        if row < 0:
            return
        if self.decision_model.move(row, row + step):
            v.decision_list.setCurrentIndex(self.decision_model.index(row + step, 0))

    def record_sponsor_order(self) -> None:
        r = self.current_round()
        if self.session is None or r is None:
            return
        note = self.round_view.note_edit.toPlainText()
        if record_decision(self.session, r.id, self.decision_model.order(), note):
            self._decision_round = None
            self.refresh()

    def cancel_decision(self) -> None:
        self._decision_round = None
        self.refresh()

    # -- voters at the laptop ---------------------------------------------------

    def hand_over(self) -> None:
        """Show the pass card for the next voter in line (the facilitator hands the laptop over)."""
        r = self.current_round()
        if self.session is None or r is None or not r.is_open or r.mode is not VotingMode.SECRET:
            return
        self._enter_voter_faces()
        self._show_pass_card(after_vote=False)

    def _vote_as_selected(self) -> None:
        index = self.round_view.voters_list.currentIndex()
        if index.isValid():
            self.start_ballot(str(index.data(ID_ROLE)))

    def start_ballot(self, voter_id: str) -> None:
        """A clean ballot for ``voter_id`` on the open round."""
        r = self.current_round()
        if self.session is None or r is None or not r.is_open or r.mode is not VotingMode.SECRET:
            return
        names = {p.id: p.name for p in self.session.workshop.participants}
        if voter_id not in r.voter_ids or voter_id not in names:
            return
        self._enter_voter_faces()
        self._voter_id = voter_id
        self.ballot_screen.start(r, names[voter_id], voted_before=voter_id in r.ballots)
        self._show_face(Face.BALLOT)
        self.ballot_screen.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def confirm_vote(self) -> None:
        """Save the ballot on screen (not an undo step), then show the pass card."""
        r = self.current_round()
        if self.session is None or r is None or self._voter_id is None:
            return
        screen = self.ballot_screen
        if self.ballot_model.remaining() > 0 and not screen.warned:
            screen.warn_unplaced()
            return
        refused = confirm_ballot(self.session, r.id, self._voter_id, self.ballot_model.ballot())
        if refused:
            screen.show_message(refused)
            return
        self._voter_id = None
        # Clear the draft before anything else is drawn: the next person must not see it.
        self.ballot_model.start(r.id)
        self._show_pass_card(after_vote=True)

    def cancel_ballot(self) -> None:
        """Leave the ballot without saving it."""
        self._voter_id = None
        r = self.current_round()
        if r is not None:
            self.ballot_model.start(r.id)
        self._show_pass_card(after_vote=False)

    def end_ballots(self) -> None:
        """Back to the facilitator's view of the round."""
        self._leave_voter_faces()
        self.refresh()
        self.focus_first()

    def _show_pass_card(self, *, after_vote: bool) -> None:
        r = self.current_round()
        if self.session is None or r is None:
            return
        self.pass_card.show_state(self.session.workshop, r, after_vote=after_vote)
        self._show_face(Face.PASS)
        if after_vote and self.PASS_CARD_DELAY_MS > 0:
            self.pass_card.set_ready(False)
            self._ready_timer.start(self.PASS_CARD_DELAY_MS)
        else:
            self.pass_card.set_ready(True)

    def _enter_voter_faces(self) -> None:
        if self.ballot_in_progress() or self.session is None:
            return
        stack = self.session.undo_stack
        self._undo_was_active = stack.isActive()
        # No undo or redo while voters have the laptop: a voter's secret must never be
        # undone by the next person's Ctrl+Z, nor any of the facilitator's steps.
        stack.setActive(False)

    def _leave_voter_faces(self) -> None:
        self._ready_timer.stop()
        self._voter_id = None
        r = self.current_round()
        self.ballot_model.start(r.id if r is not None else "")
        if self.session is not None and self._undo_was_active:
            self.session.undo_stack.setActive(True)
        self._show_face(Face.ROUND)
