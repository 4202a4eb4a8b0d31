"""The projector theme: near black, white type and bright accents, every text 7:1 or better."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QPalette

from ...domain.model import Pillar, Role
from ..theme import PILLAR_COLOURS, mix

MIN_CONTRAST = 7.0
"""Every text and symbol on the audience screen stands at least this far from what is behind
it (WCAG's enhanced level): a projector in a lit room loses much of its contrast."""


@dataclass(frozen=True)
class ProjectorColours:
    """High contrast for a washed-out projector: white on near-black, bright accents."""

    background: str = "#07080A"
    card: str = "#171A1F"
    card_focus: str = "#262B33"
    text: str = "#FFFFFF"
    muted: str = "#C8CED6"
    """Secondary text: still near 9:1 on a selected card."""
    rule: str = "#3D434C"
    accent: str = "#FFD60A"
    """The selected goal and the results' bars: yellow reads from anywhere in a room."""
    accent_text: str = "#000000"
    pillars: dict[Pillar, str] = field(
        # Lightened more than the console's: the symbols must reach 7:1 on a selected card.
        default_factory=lambda: {p: mix(PILLAR_COLOURS[p], "#FFFFFF", 0.55) for p in Pillar}
    )
    roles: dict[Role, str] = field(
        default_factory=lambda: {
            Role.ACCOUNTABLE: "#FF6B6B",
            Role.RESPONSIBLE: "#5CB8FF",
            Role.CONSULTED: "#FFB547",
            Role.INFORMED: "#C8CED6",
        }
    )
    """Chip fills behind black letters: each above 7:1 with black."""
    role_letter: str = "#000000"


PROJECTOR = ProjectorColours()


def projector_palette(c: ProjectorColours = PROJECTOR) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, value in (
        (role.Window, c.background),
        (role.Base, c.card),
        (role.AlternateBase, c.card_focus),
        (role.Text, c.text),
        (role.WindowText, c.text),
        (role.ButtonText, c.text),
        (role.PlaceholderText, c.muted),
        (role.Highlight, c.accent),
        (role.HighlightedText, c.accent_text),
        (role.Mid, c.rule),
        (role.Dark, c.rule),
    ):
        p.setColor(r, QColor(value))
    return p


def luminance(colour: QColor | str) -> float:
    """WCAG relative luminance of an opaque colour."""
    c = QColor(colour)

    def linear(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF())


def contrast(a: QColor | str, b: QColor | str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


__all__ = ["MIN_CONTRAST", "PROJECTOR", "ProjectorColours", "contrast", "luminance"]
