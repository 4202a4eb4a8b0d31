"""One version everywhere, and desktop files that installers and software centres accept."""

from __future__ import annotations

import ast
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from configparser import ConfigParser
from pathlib import Path
from typing import Any

import pytest

from cxworkshop import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.cxworkshop.CXWorkshop"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def spec_function(name: str, **namespace: Any) -> Any:
    """A function from the PyInstaller spec, without running the build it describes."""
    spec = ast.parse((PACKAGING / "cxworkshop.spec").read_text("utf-8"))
    found = next(n for n in spec.body if isinstance(n, ast.FunctionDef) and n.name == name)
    scope: dict[str, Any] = {"ast": ast, "Path": Path, **namespace}
    exec(compile(ast.Module([found], []), "cxworkshop.spec", "exec"), scope)
    return scope[name]


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def desktop_entry() -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return dict(parser["Desktop Entry"])


# ----------------------------------------------------------------- the version


def test_the_bundle_reads_the_version_the_package_declares():
    read_version = spec_function("read_version", PACKAGE=ROOT / "cxworkshop")
    assert read_version() == __version__


def test_the_wheel_takes_its_version_from_the_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    assert "version" in config["project"]["dynamic"]
    assert config["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "cxworkshop.__version__"}


def test_the_newest_release_in_the_metainfo_is_this_version():
    releases = metainfo().findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == __version__


def test_the_changelog_describes_this_version_on_the_metainfo_date():
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    released = re.findall(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", changelog, re.M)
    assert released, "the changelog has no released version"
    version, date = released[0]
    assert version == __version__
    assert date == metainfo().findall("releases/release")[0].get("date")
    assert f"[{__version__}]: " in changelog, "the version's link is missing"


# ----------------------------------------------------------------- the bundle's contents


def test_the_bundle_carries_every_resource_file_to_the_same_place():
    resource_files = spec_function("resource_files", PACKAGE=ROOT / "cxworkshop", ROOT=ROOT)
    carried = {Path(source).relative_to(ROOT) for source, _ in resource_files()}
    for source, folder in resource_files():
        assert Path(source).parent.relative_to(ROOT) == Path(folder)
    wanted = {
        path.relative_to(ROOT)
        for path in (ROOT / "cxworkshop" / "resources").rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc")
    }
    assert wanted and carried == wanted


def test_the_bundle_names_every_module_the_app_imports_late():
    package_modules = spec_function("package_modules", PACKAGE=ROOT / "cxworkshop", ROOT=ROOT)
    modules = package_modules()
    for late in ("cxworkshop.gui.pages.charter", "cxworkshop.self_test", "cxworkshop.forms"):
        assert late in modules


# ----------------------------------------------------------------- desktop integration


def test_the_desktop_entry_launches_the_app_with_its_icon():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "CX Workshop"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split()[0] == "cxworkshop"


def test_the_running_app_names_its_desktop_entry(qapp):
    # Wayland docks match a window to its menu entry (and icon) by this name.
    from cxworkshop.gui.app import application

    assert application().desktopFileName() == DESKTOP.stem


def test_the_metainfo_names_the_desktop_entry_and_the_command():
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == desktop_entry()["Exec"].split()[0]
    assert root.findtext("name") == desktop_entry()["Name"]


def test_every_screenshot_is_a_picture_in_docs_at_this_release_tag():
    images = [image.text or "" for image in metainfo().findall("screenshots/screenshot/image")]
    assert len(images) >= 3
    for url in images:
        assert url.startswith("https://"), url
        assert f"/v{__version__}/docs/screenshots/" in url, url
        name = url.rsplit("/", 1)[1]
        assert (ROOT / "docs" / "screenshots" / name).is_file(), name


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_icon_is_there_in_every_theme_size():
    for size in ICON_SIZES:
        path = PACKAGING / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(path) == (size, size)


def test_windows_and_macos_icons_hold_several_sizes():
    ico = (PACKAGING / "icons" / "cxworkshop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    icns = (PACKAGING / "icons" / "cxworkshop.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)


def validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(
            f"{name} is not installed (Debian and Ubuntu: apt-get install "
            f"{'desktop-file-utils' if name == 'desktop-file-validate' else 'appstream'})"
        )
    return found


def test_the_desktop_entry_passes_desktop_file_validate():
    done = subprocess.run(
        [validator("desktop-file-validate"), str(DESKTOP)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_the_metainfo_passes_appstreamcli_validate():
    # --no-net: the screenshots are checked for form, not fetched.
    done = subprocess.run(
        [validator("appstreamcli"), "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
