"""The inbox beside the goals board: goals proposed from phones, waiting for the facilitator."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..models import proposals
from ..ops import phones as phone_ops
from ..roles import ID_ROLE
from ..session import Session


def proposal_text(pillar: str, title: str, metric: str) -> str:
    """One line of the inbox: the pillar, the title, and the metric if there is one."""
    return f"{pillar} · {title}" + (f" — {metric}" if metric else "")


class ProposalsInbox(QFrame):
    """Proposals from phones: accept one as a card, merge it into a card, or set it aside.

    Shown while phones are on or while proposals wait; never says who sent one.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("cxRole", "panel")
        self.session: Session | None = None
        self.phones_on = False
        self.heading = QLabel()
        self.heading.setProperty("cxRole", "subheading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel("Goals people send from their phones land here.")
        self.hint.setProperty("cxRole", "hint")
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Proposed goals")
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(70)
        self.list.currentRowChanged.connect(lambda _: self._enable())
        self.accept_button = QPushButton("&Accept")
        self.accept_button.setToolTip("Put it on the board as a new goal.")
        self.accept_button.clicked.connect(self.accept_current)
        self.aside_button = QPushButton("Set as&ide")
        self.aside_button.clicked.connect(self.set_aside_current)
        self.merge_box = QComboBox()
        self.merge_box.setAccessibleName("Goal to merge into")
        self.merge_button = QPushButton("Merge &into")
        self.merge_button.clicked.connect(self.merge_current)

        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.aside_button)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_button)
        merge_row.addWidget(self.merge_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addLayout(merge_row)
        self.refresh()

    def set_session(self, session: Session | None) -> None:
        if self.session is not None:
            self.session.sig_changed.disconnect(self.refresh)
        self.session = session
        if session is not None:
            session.sig_changed.connect(self.refresh)
        self.refresh()

    def set_phones_on(self, on: bool) -> None:
        self.phones_on = on
        self.refresh()

    def refresh(self) -> None:
        waiting = proposals.pending(self.session)
        self.setVisible(self.phones_on or bool(waiting))
        self.hint.setVisible(not waiting)
        self.heading.setText(f"From phones ({len(waiting)})" if waiting else "From phones")
        current = self.current_id()
        self.list.clear()
        for p in waiting:
            item = QListWidgetItem(proposal_text(p.pillar.label, p.title, p.metric))
            item.setData(ID_ROLE, p.id)
            self.list.addItem(item)
            if p.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentRow() < 0 and waiting:
            self.list.setCurrentRow(0)
        chosen = self.merge_box.currentData()
        self.merge_box.clear()
        if self.session is not None:
            for g in self.session.workshop.goals:
                self.merge_box.addItem(f"{g.pillar.label} · {g.title}", g.id)
        if chosen is not None and self.merge_box.findData(chosen) >= 0:
            self.merge_box.setCurrentIndex(self.merge_box.findData(chosen))
        self._enable()

    def _enable(self) -> None:
        some = self.current_id() is not None
        self.accept_button.setEnabled(some)
        self.aside_button.setEnabled(some)
        self.merge_button.setEnabled(some and self.merge_box.count() > 0)

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(ID_ROLE))

    def accept_current(self) -> None:
        pid = self.current_id()
        if self.session is not None and pid is not None:
            phone_ops.accept(self.session, pid)

    def set_aside_current(self) -> None:
        pid = self.current_id()
        if self.session is not None and pid is not None:
            phone_ops.set_aside(self.session, pid)

    def merge_current(self) -> None:
        pid, goal_id = self.current_id(), self.merge_box.currentData()
        if self.session is not None and pid is not None and goal_id:
            phone_ops.merge(self.session, pid, str(goal_id))
