"""The Qt bindings themselves: a release that leaks references would crash a long workshop."""

from __future__ import annotations

from tests.helpers.gui import run_probe

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QPushButton
app = QApplication([])
button = QPushButton()
before = sys.getrefcount(None)
for _ in range(50_000):
    button.setEnabled(True)
    button.setText("Next")
print(sys.getrefcount(None) - before)
"""


def test_a_long_session_of_qt_calls_neither_leaks_nor_crashes():
    # A day of facilitation makes far more calls than this; a binding that
    # drops a reference to None on each one aborts Python within minutes.
    assert abs(int(run_probe(PROBE))) < 100
