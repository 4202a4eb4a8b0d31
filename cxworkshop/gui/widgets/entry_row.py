"""The row under a list: a line to type a new item in, Add, and Remove for the selected one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


class EntryRow(QHBoxLayout):
    """A line edit, its Add button and a Remove button, laid out in one row.

    Enter in the line or a click on Add asks for the typed item to be added
    (:attr:`sig_add`); Remove asks for the list's selected item to go
    (:attr:`sig_remove`). Other controls can sit beside the line (an ask's kind)
    or before Remove (a function's colour).
    """

    sig_add = Signal()
    """Enter was pressed in the line, or Add was clicked."""

    sig_remove = Signal()
    """Remove was clicked."""

    def __init__(
        self,
        placeholder: str,
        entry_name: str,
        add_name: str,
        remove_name: str,
        add_text: str = "Add",
    ) -> None:
        super().__init__()
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(placeholder)
        self.entry.setAccessibleName(entry_name)
        self.entry.returnPressed.connect(self.sig_add.emit)
        self.add_button = QPushButton(add_text)
        self.add_button.setAccessibleName(add_name)
        self.add_button.clicked.connect(lambda: self.sig_add.emit())
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(remove_name)
        self.remove_button.clicked.connect(lambda: self.sig_remove.emit())
        self.addWidget(self.entry, 1)
        self.addWidget(self.add_button)
        self.addSpacing(12)
        self.addWidget(self.remove_button)

    def add_beside_entry(self, widget: QWidget) -> None:
        """Put ``widget`` between the line and Add."""
        self.insertWidget(self.indexOf(self.add_button), widget)

    def add_before_remove(self, widget: QWidget) -> None:
        """Put ``widget`` just before Remove, apart from Add."""
        self.insertWidget(self.indexOf(self.remove_button), widget)

    def typed(self) -> str | None:
        """What is typed in the line; None, with the line given the focus, when it is blank."""
        text = self.entry.text()
        if not text.strip():
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
            return None
        return text
