"""The facilitator's main window."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget

from ..storage.store import Store


class MainWindow(QMainWindow):
    """Lists the workshops in the library and shows the one that is open."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.workshop_id: int | None = None
        self.setWindowTitle("CX Workshop")
        self.resize(1280, 800)
        self.pages = QStackedWidget()
        self.library = QListWidget()
        self.library.setAccessibleName("Workshops")
        self.library.itemActivated.connect(
            lambda item: self.open_workshop(item.data(Qt.ItemDataRole.UserRole))
        )
        self.summary = QLabel()
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setWordWrap(True)
        self.summary.setMargin(24)
        self.pages.addWidget(self.library)
        self.pages.addWidget(self.summary)
        self.setCentralWidget(self.pages)
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        self.menuBar().addMenu("&File").addAction(quit_action)
        self.show_library()

    def show_library(self) -> None:
        self.library.clear()
        for summary in self.store.list_workshops():
            item = QListWidgetItem(f"{summary.title} — {summary.organisation}")
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            self.library.addItem(item)
        self.pages.setCurrentWidget(self.library)

    def open_workshop(self, workshop_id: int) -> None:
        ws = self.store.workshop(workshop_id)
        self.workshop_id = workshop_id
        self.setWindowTitle(f"{ws.title} — CX Workshop")
        self.summary.setText(
            f"<h1>{escape(ws.title)}</h1><p>{escape(ws.organisation)}</p>"
            f"<p>{len(ws.goals)} goals, {len(ws.participants)} participants, "
            f"{len(ws.functions)} functions</p>"
        )
        self.pages.setCurrentWidget(self.summary)
