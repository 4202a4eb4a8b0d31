"""The library's frame: its margins and its heading, light enough for the first frame.

The window shows this frame the moment it appears; the library page (which
is the same frame with the workshops below the heading) takes its place as
soon as the file is open, so the heading never moves.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

APP_NAME = "CX Workshop"
TAGLINE = (
    "Agree who is accountable for customer experience: set the goals, share out "
    "the work, vote on what comes first, and hand the sponsor a charter."
)


def role_label(text: str, role: str | None = None, *, wrap: bool = False) -> QLabel:
    """A label the theme styles by ``role`` ("heading", "muted", "hint", …)."""
    label = QLabel(text)
    if role:
        label.setProperty("cxRole", role)
    label.setWordWrap(wrap)
    return label


class LibraryFrame(QWidget):
    """The app's name and what it is for, above an (as yet empty) body."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header = QWidget()
        layout = QVBoxLayout(self.header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.title_label = role_label(APP_NAME, "heading")
        self.title_label.setAccessibleName(APP_NAME)
        self.tagline_label = role_label(TAGLINE, "muted", wrap=True)
        # Its text size set on itself: the first frame comes before stylesheet
        # fonts pass from parent to child (see theme.enable_propagation).
        self.tagline_label.setProperty("cxContent", True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.tagline_label)

        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(56, 40, 56, 40)
        self.outer.setSpacing(28)
        self.outer.addWidget(self.header)

    def set_body(self, body: QWidget) -> None:
        """Put ``body`` under the heading, taking the rest of the height."""
        self.outer.addWidget(body, 1)
