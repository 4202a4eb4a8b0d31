"""Files shipped with the app are found through the package, however it is installed."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import cxworkshop
from cxworkshop import resources

ROOT = Path(__file__).resolve().parents[2]
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf")


def test_the_charter_fonts_and_their_licence_are_found():
    for name in FONTS:
        font = resources.path("fonts", name)
        assert font.is_file()
        # A TrueType file starts with version 1.0 (0x00010000).
        assert font.read_bytes()[:4] == b"\x00\x01\x00\x00", name
    licence = resources.path("fonts", "LICENSE.txt").read_text("utf-8")
    assert "Bitstream Vera" in licence and "DejaVu" in licence


def test_resources_are_found_inside_the_package_not_beside_a_checkout():
    package = Path(cxworkshop.__file__).resolve().parent
    assert resources.path("fonts").resolve().is_relative_to(package)


def test_a_missing_resource_is_named_in_the_error():
    with pytest.raises(FileNotFoundError, match=r"fonts/NoSuchFont\.ttf"):
        resources.path("fonts", "NoSuchFont.ttf")


def test_the_wheel_would_carry_every_resource():
    """What setuptools puts in a wheel is the package data globs; every file must match one."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["cxworkshop"]
    package = ROOT / "cxworkshop"
    shipped = {p for pattern in patterns for p in package.glob(pattern) if p.is_file()}
    wanted = [
        p
        for p in (package / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    assert wanted, "the resources folder is empty"
    assert [p for p in wanted if p not in shipped] == []
    assert all(
        package / "resources" / "fonts" / name in shipped for name in (*FONTS, "LICENSE.txt")
    )
