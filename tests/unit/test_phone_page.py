"""The phone's page itself: small, self-contained, text only, and easy to read."""

from __future__ import annotations

import re

import pytest

from cxworkshop import resources
from cxworkshop.phones.server import _STATIC

PAGE = [resources.path("phones", name) for name, _ in _STATIC.values()]


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def full(colour: str) -> str:
    return "#" + "".join(ch * 2 for ch in colour[1:]) if len(colour) == 4 else colour


def test_the_whole_page_is_well_under_a_hundred_kilobytes():
    assert sum(path.stat().st_size for path in PAGE) < 100_000


@pytest.mark.parametrize("path", PAGE, ids=lambda p: p.name)
def test_every_asset_comes_from_the_laptop(path):
    text = path.read_text("utf-8")
    assert re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text.replace("www.w3.org", "")) == []
    assert "@import" not in text and "@font-face" not in text


def test_the_script_builds_the_page_from_text_never_markup():
    script = resources.path("phones", "app.js").read_text("utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script


def test_every_text_colour_on_its_background_has_a_contrast_of_seven_to_one():
    css = resources.path("phones", "style.css").read_text("utf-8")
    pairs = set()
    for rule in re.findall(r"\{([^}]*)\}", css):
        colour = re.search(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})", rule)
        background = re.search(r"background:\s*(#[0-9a-fA-F]{3,6})", rule)
        if colour:
            pairs.add((full(colour[1]), full(background[1]) if background else "#ffffff"))
    assert len(pairs) >= 5
    for text, ground in pairs:
        assert contrast(text, ground) >= 7, (text, ground)
