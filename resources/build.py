"""Copy the app's resource sources into the package, where every install finds them.

    python resources/build.py           # copy what changed, remove what is gone
    python resources/build.py --check   # only say what differs; exit 1 if anything does

Every file in every folder under ``resources/`` (fonts, icons, and whatever
folder comes next) is copied, byte for byte, to the same place under
``cxworkshop/resources/``; a file there with no source here is removed. The
files at the top of ``resources/`` (this script, its README) are not copied.
``tests/test_resources_up_to_date.py`` fails when the two differ.

Copied, not compiled with pyside6-rcc: the PDF charter embeds the fonts with
reportlab, which needs real files and must work without Qt (the command line
exports headless), and the wheel, a source checkout and the PyInstaller bundle
all find plain files the same way (``cxworkshop.resources.path``).
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources"
PACKAGE = ROOT / "cxworkshop" / "resources"


def _files(folder: Path) -> dict[str, Path]:
    """The files in the folders under ``folder``, by path relative to it ("fonts/x.ttf")."""
    found = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if (
            path.is_file()
            and len(relative.parts) > 1
            and "__pycache__" not in relative.parts
            and path.suffix != ".pyc"
        ):
            found[relative.as_posix()] = path
    return found


def differences() -> list[str]:
    """What differs between the sources and the package's copy, one line each."""
    sources, built = _files(SOURCES), _files(PACKAGE)
    out = []
    for name, source in sources.items():
        copy = built.get(name)
        if copy is None:
            out.append(f"missing from the package: {name}")
        elif copy.read_bytes() != source.read_bytes():
            out.append(f"differs from its source: {name}")
    out += [
        f"in the package with no source in resources/: {name}"
        for name in built.keys() - sources.keys()
    ]
    return sorted(out)


def build() -> list[str]:
    """Make the package's copy match the sources; what was done, one line each."""
    sources, built = _files(SOURCES), _files(PACKAGE)
    done = []
    for name, source in sources.items():
        target = PACKAGE / name
        if name in built and target.read_bytes() == source.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        done.append(f"copied {name}")
    for name in sorted(built.keys() - sources.keys()):
        (PACKAGE / name).unlink()
        done.append(f"removed {name}")
    for folder in sorted({p.parent for p in PACKAGE.rglob("*")}, reverse=True):
        if folder != PACKAGE and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only report what differs")
    args = parser.parse_args(argv)
    lines = differences() if args.check else build()
    for line in lines:
        print(line)
    if args.check and lines:
        print("run: python resources/build.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
