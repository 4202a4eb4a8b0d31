"""The package's resources are the copies of resources/, as the forms are the output of ui/."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def build_script(root: Path = ROOT) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "resources_build", root / "resources" / "build.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_fonts_and_icons_to_copy():
    sources = ROOT / "resources"
    assert sorted((sources / "fonts").glob("*.ttf")), "resources/fonts holds no fonts"
    assert (sources / "fonts" / "LICENSE.txt").is_file(), "the fonts' licence is missing"
    assert sorted((sources / "icons").glob("*.svg")), "resources/icons holds no icons"


def test_the_package_holds_exactly_the_resources_sources():
    differences = build_script().differences()
    assert differences == [], "\n".join([*differences, "run: python resources/build.py"])


@pytest.fixture
def copy_of_the_tree(tmp_path: Path) -> Path:
    """resources/ and the package's copy of it, in a folder of the test's own."""
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    shutil.copytree(ROOT / "cxworkshop" / "resources", tmp_path / "cxworkshop" / "resources")
    return tmp_path


def test_a_new_changed_or_removed_source_is_noticed_and_the_script_copies_it(
    copy_of_the_tree: Path,
):
    build = build_script(copy_of_the_tree)
    sources = copy_of_the_tree / "resources"
    (sources / "fonts" / "NewFont-Regular.ttf").write_bytes(b"\x00\x01\x00\x00 a new font")
    (sources / "translations").mkdir()
    (sources / "translations" / "de.qm").write_bytes(b"a later folder")
    svg = sorted((sources / "icons").glob("*.svg"))[0]
    svg.write_bytes(svg.read_bytes() + b"\n<!-- changed -->\n")
    gone = sorted((sources / "icons").glob("*.svg"))[1]
    gone.unlink()
    assert build.differences() == sorted(
        [
            "missing from the package: fonts/NewFont-Regular.ttf",
            "missing from the package: translations/de.qm",
            f"differs from its source: icons/{svg.name}",
            f"in the package with no source in resources/: icons/{gone.name}",
        ]
    )
    assert build.main([]) == 0
    assert build.differences() == []
    package = copy_of_the_tree / "cxworkshop" / "resources"
    assert (package / "translations" / "de.qm").read_bytes() == b"a later folder"
    assert (package / "__init__.py").exists()
    assert not (package / "build.py").exists() and not (package / "README.md").exists()
    assert build.main(["--check"]) == 0
