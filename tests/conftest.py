"""Test set-up: Qt runs offscreen, so the whole suite works without a display."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

pytest_plugins = ["tests.helpers.fixtures"]
