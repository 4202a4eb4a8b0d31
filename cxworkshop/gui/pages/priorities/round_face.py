"""The round face: one round as the facilitator sees it, who has voted (never how)
or the counts off the wall, the hidden and revealed results, and the round's controls.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import (
    QFocusEvent,
    QFontMetrics,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....domain import editing, voting
from ....domain.model import VotingMode, VotingRound, Workshop
from ....domain.wording import dots_text
from ...models.base import Index
from ...models.voting import (
    DecisionModel,
    FinalOrderModel,
    ResultsModel,
    TallyModel,
    VoterStatusModel,
)
from ...widgets.results_chart import ResultsChart
from .parts import (
    ButtonRow,
    FaceStack,
    VoterDelegate,
    ballots_text,
    goals_text,
    panel,
    people_text,
    styled_label,
)
from .results import FinalOrderList, ReorderList, TieBox, TitleDelegate


class TallyDelegate(QStyledItemDelegate):
    """The dots-counted cell: a spin box from 0 to the largest tally."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        spin = QSpinBox(parent)
        spin.setRange(0, editing.MAX_TALLY)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setAccessibleName("Dots counted")
        spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        return spin

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        # Counts read from across the room, as the chart will.
        option.font.setBold(True)
        option.font.setPointSizeF(option.font.pointSizeF() * 1.2)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole) or 0))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: object, index: Index) -> None:
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        index.model().setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), QFontMetrics(option.font).height() + 18))


class TallyTable(QTableView):
    """The goals and their counted dots; type a number and press Enter for the next goal."""

    def __init__(self, model: TallyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName("Dots counted on the wall")
        self.setItemDelegateForColumn(0, TitleDelegate(self))
        self.setItemDelegateForColumn(1, TallyDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.setTabKeyNavigation(False)
        self.setWordWrap(True)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 180)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        index = self.currentIndex()
        if self.model().rowCount() and (not index.isValid() or index.column() != 1):
            # The counts are what gets typed here, so the cursor lives in that column.
            self.setCurrentIndex(self.model().index(max(0, index.row()), 1))

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            # Enter moves on to the next goal, as counting along the wall does.
            row = self.currentIndex().row() + 1
            if row < self.model().rowCount():
                self.setCurrentIndex(self.model().index(row, 1))


class VoterGrid(QListView):
    """Who votes, in as many columns as fit, each with whether they have voted."""

    COLUMN_WIDTH = 330

    def __init__(self, model: VoterStatusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(VoterDelegate(self))
        self.setAccessibleName("Voters")
        self.setAccessibleDescription("Who has voted. Enter lets the selected person vote.")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet("QListView { background: transparent; border: none; }")
        self.viewport().setAutoFillBackground(False)

    def _fit_grid(self) -> None:
        width = max(1, self.viewport().width() - 2)
        columns = max(1, width // self.COLUMN_WIDTH)
        height = QFontMetrics(self.font()).height() + 22
        self.setGridSize(QSize(width // columns, height))

    LEAST_ROWS = 2
    """Rows of voters shown before the page itself scrolls."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        model = self.model()
        count = model.rowCount() if model is not None else 0
        columns = max(1, max(1, self.viewport().width() - 2) // self.COLUMN_WIDTH)
        rows = min(self.LEAST_ROWS, -(-count // columns))
        row = QFontMetrics(self.font()).height() + 22
        return QSize(hint.width(), max(hint.height(), rows * row + 2 * self.frameWidth()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_grid()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_grid()


class VoteProgress(QWidget):
    """How many have voted, as one segment per voter: filled with a tick, or hollow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._voted = 0
        self._total = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Ballots in")

    def set_counts(self, voted: int, total: int) -> None:
        self._voted, self._total = voted, total
        self.setAccessibleDescription(f"{voted} of {total} have voted")
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, int(QFontMetrics(self.font()).height() * 0.9))

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._total <= 0:
            return
        palette = QGuiApplication.palette()
        accent = palette.color(QPalette.ColorRole.Highlight)
        edge = palette.color(QPalette.ColorRole.Mid)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        gap = 6.0
        width = (self.width() - gap * (self._total - 1)) / self._total
        height = float(self.height())
        for i in range(self._total):
            box = QRectF(i * (width + gap), 0, width, height).adjusted(0.75, 0.75, -0.75, -0.75)
            radius = min(height / 2, 6.0)
            if i < self._voted:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(accent)
            else:
                painter.setPen(QPen(edge, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box, radius, radius)
        painter.end()


class RoundView(QWidget):
    """One round for the facilitator: the vote's state on the left, its controls on the right."""

    def __init__(
        self,
        voters: VoterStatusModel,
        results: ResultsModel,
        tally: TallyModel,
        final: FinalOrderModel,
        decision: DecisionModel,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.voters_model = voters
        self.results_model = results
        self.final_model = final
        self.decision_model = decision

        # ---- left: what the round shows
        self.body = FaceStack()
        self._build_status_face(voters)
        self._build_tally_face(tally)
        self._build_hidden_face()
        self._build_results_face(results)
        for page in (self.status_page, self.tally_page, self.hidden_page, self.results_page):
            self.body.addWidget(page)

        # ---- right: the round's facts and controls, then ties and the priorities
        self._build_facts()
        self._build_ties()
        self._build_final_order(final)
        self._build_decision(decision)
        self._build_side()

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(20)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.side, 0)

    def _build_status_face(self, voters: VoterStatusModel) -> None:
        """Secret ballot under way: who has voted, never how."""
        status_frame, status = panel()
        self.status_heading = styled_label("Voting in progress", "subheading")
        self.progress = styled_label("", "heading")
        self.progress.setAccessibleName("How many have voted")
        self.progress_bar = VoteProgress()
        self.status_hint = styled_label("", "muted")
        self.voters_list = VoterGrid(voters)
        self.next_button = QPushButton("Start the ballot ›")
        self.next_button.setProperty("cxRole", "primary")
        self.next_button.setAccessibleName("Hand the laptop to the next voter")
        self.vote_as_button = QPushButton("Let the selected person vote")
        self.vote_as_button.setAccessibleName("Let the selected person vote")
        buttons = ButtonRow(self.vote_as_button, self.next_button)
        status.addWidget(self.status_heading)
        status.addWidget(self.progress)
        status.addWidget(self.progress_bar)
        status.addSpacing(4)
        status.addWidget(self.status_hint)
        status.addSpacing(10)
        status.addWidget(self.voters_list, 1)
        status.addWidget(buttons)
        self.status_page = status_frame

    def _build_tally_face(self, tally: TallyModel) -> None:
        """Room tally under way: the counts typed in off the wall."""
        tally_frame, tally_layout = panel()
        tally_layout.addWidget(styled_label("Count the dots on the wall", "subheading"))
        tally_layout.addWidget(
            styled_label(
                "Type how many dots each goal got and press Enter for the next. "
                "Each count can be undone.",
                "muted",
            )
        )
        self.tally_table = TallyTable(tally)
        self.tally_total = styled_label("", "muted")
        tally_layout.addWidget(self.tally_table, 1)
        tally_layout.addWidget(self.tally_total)
        self.tally_page = tally_frame

    def _build_hidden_face(self) -> None:
        """Closed, not revealed: the suspense."""
        hidden_frame, hidden = panel()
        self.hidden_heading = styled_label("The results are hidden", "heading")
        self.hidden_heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hidden_text = styled_label("", "muted")
        self.hidden_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reveal_button = QPushButton("Reveal the results")
        self.reveal_button.setProperty("cxRole", "primary")
        self.reveal_button.setAccessibleName("Reveal the results to the room")
        self.reveal_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.reveal_button.setStyleSheet("QPushButton { padding: 12px 30px; }")
        hidden.addStretch(2)
        hidden.addWidget(self.hidden_heading)
        hidden.addWidget(self.hidden_text)
        hidden.addSpacing(18)
        hidden.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignHCenter)
        hidden.addStretch(3)
        self.hidden_page = hidden_frame

    def _build_results_face(self, results: ResultsModel) -> None:
        """Revealed: the ranked chart."""
        results_frame, chart_layout = panel()
        self.hide_button = QPushButton("Hide")
        self.hide_button.setAccessibleName("Hide the results again")
        self.hide_button.setToolTip("Hide the results again (the room sees nothing of them)")
        self.results_heading = styled_label("", "subheading")
        self.results_summary = styled_label("", "muted", wrap=False)
        self.chart = ResultsChart()
        self.chart.setModel(results)
        head = QHBoxLayout()
        head.setSpacing(16)
        head.addWidget(self.results_heading, 1)
        head.addWidget(self.results_summary)
        head.addWidget(self.hide_button)
        chart_layout.addLayout(head)
        chart_layout.addSpacing(6)
        chart_layout.addWidget(self.chart, 1)
        self.results_page = results_frame

    def _build_facts(self) -> None:
        """The round's facts, its budget while it is open, and its controls."""
        self.facts_frame, facts = panel()
        self.round_heading = styled_label("", "subheading")
        self.facts = styled_label("", "muted")
        self.dots_spin = QSpinBox()
        self.dots_spin.setRange(1, editing.MAX_DOTS)
        self.dots_spin.setAccessibleName("Dots per voter")
        self.limit_spin = QSpinBox()
        self.limit_spin.setRange(1, editing.MAX_DOTS)
        self.limit_spin.setAccessibleName("Most dots on one goal")
        self.apply_budget_button = QPushButton("Change")
        self.apply_budget_button.setAccessibleName("Change the dots per voter")
        dots_label = QLabel("&Dots per voter")
        dots_label.setBuddy(self.dots_spin)
        limit_label = QLabel("&Most on one goal")
        limit_label.setBuddy(self.limit_spin)
        self.budget_box = QWidget()
        grid = QGridLayout(self.budget_box)
        grid.setContentsMargins(0, 6, 0, 2)
        grid.setHorizontalSpacing(12)
        grid.addWidget(dots_label, 0, 0)
        grid.addWidget(self.dots_spin, 0, 1)
        grid.addWidget(limit_label, 1, 0)
        grid.addWidget(self.limit_spin, 1, 1)
        grid.addWidget(self.apply_budget_button, 1, 2)
        grid.setColumnStretch(3, 1)
        self.close_button = QPushButton("Close voting")
        self.close_button.setProperty("cxRole", "primary")
        self.close_button.setAccessibleName("Close voting: freeze the ballots")
        self.reopen_button = QPushButton("Reopen voting")
        self.reopen_button.setAccessibleName("Reopen voting")
        self.discard_button = QPushButton("Discard round")
        self.discard_button.setAccessibleName("Discard this round")
        actions = QHBoxLayout()
        actions.addWidget(self.discard_button)
        actions.addWidget(self.reopen_button)
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        facts.addWidget(self.round_heading)
        facts.addWidget(self.facts)
        facts.addWidget(self.budget_box)
        facts.addSpacing(4)
        facts.addLayout(actions)

    def _build_ties(self) -> None:
        """Each tie, with the two ways to settle it."""
        self.ties_frame, ties = panel()
        self.ties_heading = styled_label("Ties", "subheading")
        ties_hint = styled_label(
            "Settle each with a run-off vote or by the sponsor's call.", "hint"
        )
        self.ties_box = QVBoxLayout()
        self.ties_box.setSpacing(10)
        ties.addWidget(self.ties_heading)
        ties.addWidget(ties_hint)
        ties.addLayout(self.ties_box)
        self.tie_boxes: list[TieBox] = []

    def _build_final_order(self, final: FinalOrderModel) -> None:
        """The priorities as they stand once the round is revealed."""
        self.final_frame, final_layout = panel()
        self.final_heading = styled_label("Priorities", "subheading")
        self.final_note = styled_label("", "hint")
        self.final_list = FinalOrderList(final)
        final_layout.addWidget(self.final_heading)
        final_layout.addWidget(self.final_note)
        final_layout.addWidget(self.final_list)

    def _build_decision(self, decision: DecisionModel) -> None:
        """The sponsor's order of tied goals, being recorded."""
        self.decision_frame, decide = panel()
        decide.addWidget(styled_label("The sponsor's order", "subheading"))
        decide.addWidget(
            styled_label(
                "Put the tied goals in the order the sponsor chose: drag them, or "
                "Ctrl+↑ / Ctrl+↓. The charter records that the sponsor decided.",
                "hint",
            )
        )
        self.decision_list = ReorderList(decision)
        self.up_button = QPushButton("Move up")
        self.up_button.setAccessibleName("Move the selected goal up")
        self.down_button = QPushButton("Move down")
        self.down_button.setAccessibleName("Move the selected goal down")
        moves = QHBoxLayout()
        moves.addWidget(self.up_button)
        moves.addWidget(self.down_button)
        moves.addStretch(1)
        note_label = QLabel("&Why, in a sentence (for the charter)")
        note_label.setWordWrap(True)
        self.note_edit = QPlainTextEdit()
        self.note_edit.setAccessibleName("Why the sponsor chose this order")
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setPlaceholderText(
            "e.g. Support comes first: every customer we win needs it."
        )
        self.note_edit.setFixedHeight(QFontMetrics(self.note_edit.font()).lineSpacing() * 4 + 20)
        note_label.setBuddy(self.note_edit)
        self.record_button = QPushButton("Record this order")
        self.record_button.setProperty("cxRole", "primary")
        self.record_button.setAccessibleName("Record the sponsor's order")
        self.cancel_decision_button = QPushButton("Cancel")
        self.cancel_decision_button.setAccessibleName("Cancel the sponsor's decision")
        row = QHBoxLayout()
        row.addWidget(self.cancel_decision_button)
        row.addStretch(1)
        row.addWidget(self.record_button)
        decide.addWidget(self.decision_list)
        decide.addLayout(moves)
        decide.addSpacing(6)
        decide.addWidget(note_label)
        decide.addWidget(self.note_edit)
        decide.addLayout(row)

    def _build_side(self) -> None:
        """The right-hand panel, scrolling on its own."""
        side = QWidget()
        side.setAutoFillBackground(False)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 6, 0)
        side_layout.setSpacing(14)
        side_layout.addWidget(self.facts_frame)
        side_layout.addWidget(self.ties_frame)
        side_layout.addWidget(self.decision_frame)
        side_layout.addWidget(self.final_frame)
        side_layout.addStretch(1)
        self.side = QScrollArea()
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.side.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.side.setStyleSheet("QScrollArea { background: transparent; border: none; }")
        self.side.viewport().setAutoFillBackground(False)
        self.side.setWidget(side)
        # The panel's content changes (tie boxes, the budget row, a theme's padding):
        # its width follows, so nothing is cut off at the right where it cannot scroll.
        side.installEventFilter(self)
        self._fit_side()

    # -- showing a round ----------------------------------------------------------

    def show_round(self, ws: Workshop, r: VotingRound) -> None:
        """Show round ``r``: its facts and controls, and on the left its state."""
        secret = r.mode is VotingMode.SECRET
        name = "Run-off" if r.is_runoff else "Round"
        self.round_heading.setText(
            f"{name} {r.number} · {r.mode.label} · {'open' if r.is_open else 'closed'}"
        )
        facts = [f"{goals_text(len(r.goal_ids))} on the ballot"]
        if secret:
            facts.append(f"{len(r.voted())} of {people_text(len(r.voter_ids))} voted")
        facts.append(f"{dots_text(r.dots_per_voter)} each, at most {r.max_per_goal} on one goal")
        if r.runoff_of is not None:
            parent = next((o for o in ws.rounds if o.id == r.runoff_of), None)
            if parent is not None:
                facts.append(f"a run-off of round {parent.number}")
        self.facts.setText(" · ".join(facts[:2]) + "\n" + " · ".join(facts[2:]))

        self.budget_box.setVisible(r.is_open and secret)
        if r.is_open and secret and not (self.dots_spin.hasFocus() or self.limit_spin.hasFocus()):
            for spin, value in (
                (self.dots_spin, r.dots_per_voter),
                (self.limit_spin, r.max_per_goal),
            ):
                spin.blockSignals(True)
                spin.setValue(value)
                spin.blockSignals(False)
        self.close_button.setVisible(r.is_open)
        can_reopen = (
            not r.is_open
            and ws.rounds
            and ws.rounds[-1] is r
            and not any(o.is_open for o in ws.rounds)
        )
        self.reopen_button.setVisible(bool(can_reopen) and not r.revealed)
        self.hide_button.setVisible(not r.is_open and r.revealed)
        self.discard_button.setVisible(r.is_open)
        # Once the results are out, the chart's header says what the facts panel would.
        self.facts_frame.setVisible(r.is_open or not r.revealed)

        if r.is_open and secret:
            voted, total = len(r.voted()), len(r.voter_ids)
            self.progress.setText(f"{voted} of {total} have voted")
            self.progress_bar.set_counts(voted, total)
            self.status_hint.setText(
                "Hand the laptop to the first voter. Each person sees a clean ballot; "
                "this screen only ever shows who has voted, never how."
                if voted == 0
                else "Everyone has voted. Close voting to freeze the ballots, then reveal."
                if voted == total
                else "Each person sees a clean ballot; this screen only ever shows who has "
                "voted, never how. Anyone may vote again until voting closes."
            )
            pending = voting.voters_pending(r)
            names = {p.id: p.name for p in ws.participants}
            self.next_button.setText(
                f"Next voter: {names.get(pending[0], '')} ›" if pending else "Start the ballot ›"
            )
            self.next_button.setEnabled(bool(pending))
            self.body.setCurrentWidget(self.status_page)
        elif r.is_open:
            counted = sum(r.tallies.values())
            self.tally_total.setText(f"{dots_text(counted)} counted so far")
            self.body.setCurrentWidget(self.tally_page)
        elif not r.revealed:
            cast = voting.dots_cast(r)
            if secret:
                self.hidden_text.setText(
                    f"{ballots_text(len(r.ballots))} with {dots_text(cast)} are in. Reveal "
                    "them when the room is ready: everyone sees the ranking at the same moment."
                )
            else:
                self.hidden_text.setText(
                    f"{dots_text(cast)} counted. Reveal the ranking when the room is ready."
                )
            self.body.setCurrentWidget(self.hidden_page)
        else:
            self.results_heading.setText(
                f"Results of the run-off, round {r.number}"
                if r.is_runoff
                else f"Results of round {r.number}"
            )
            cast = voting.dots_cast(r)
            summary = dots_text(cast)
            if secret:
                summary = f"{ballots_text(len(r.ballots))} · {summary}"
            self.results_summary.setText(summary)
            self.results_summary.setToolTip(
                f"{r.mode.label}: {dots_text(r.dots_per_voter)} per voter, "
                f"at most {r.max_per_goal} on one goal"
            )
            self.body.setCurrentWidget(self.results_page)

    def _fit_side(self) -> None:
        """The side panel is as wide as some 34 to 44 characters, and never clips its buttons."""
        em = QFontMetrics(self.font()).averageCharWidth()
        inner = self.side.widget()
        needed = inner.minimumSizeHint().width() if inner is not None else 0
        bar = self.side.verticalScrollBar().sizeHint().width()
        self.side.setMinimumWidth(max(em * 34 + 40, needed + bar))
        self.side.setMaximumWidth(max(em * 44 + 40, needed + bar))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_side()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.side.widget() and event.type() == QEvent.Type.LayoutRequest:
            self._fit_side()
        return super().eventFilter(watched, event)
