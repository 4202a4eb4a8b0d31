"""Colour-vision deficiency simulation (Machado, Oliveira and Fernandes 2009, severity 1.0)
and the CIE76 colour difference, for checking that colours stay apart."""

from __future__ import annotations

from PySide6.QtGui import QColor

MACHADO = {
    "protanopia": (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    "deuteranopia": (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
}
"""The published matrices, applied to linear RGB."""


def _linear(v: float) -> float:
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _gamma(v: float) -> float:
    v = min(1.0, max(0.0, v))
    return v * 12.92 if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def simulate(colour: str | QColor, deficiency: str) -> QColor:
    """How ``colour`` looks to someone with ``deficiency`` ("protanopia", "deuteranopia")."""
    c = QColor(colour)
    rgb = [_linear(c.redF()), _linear(c.greenF()), _linear(c.blueF())]
    out = [sum(m * v for m, v in zip(row, rgb, strict=True)) for row in MACHADO[deficiency]]
    return QColor.fromRgbF(*(_gamma(v) for v in out))


def lab(colour: str | QColor) -> tuple[float, float, float]:
    c = QColor(colour)
    r, g, b = (_linear(c.redF()), _linear(c.greenF()), _linear(c.blueF()))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def delta_e(a: str | QColor, b: str | QColor) -> float:
    """CIE76 colour difference: about 2 is just noticeable, 10 or more reads as different."""
    la, lb = lab(a), lab(b)
    return sum((p - q) ** 2 for p, q in zip(la, lb, strict=True)) ** 0.5
