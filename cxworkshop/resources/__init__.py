"""Files the app ships with (fonts, icons, themes), found the same way however it is installed.

A source checkout, an installed wheel and a PyInstaller bundle all keep these
files beside this module, so :mod:`importlib.resources` finds them in each. Should
the package ever be imported from a zip archive, a file is copied out once to a
temporary folder, because libraries such as reportlab need a real path.
"""

from __future__ import annotations

import atexit
import contextlib
from importlib import resources
from pathlib import Path

_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


def path(*parts: str) -> Path:
    """The file or folder ``parts`` under the package's resources, as a real path.

    >>> path("fonts", "DejaVuSans.ttf").name
    'DejaVuSans.ttf'

    Raises FileNotFoundError, naming the resource, when it is not there.
    """
    found = resources.files(__name__).joinpath(*parts)
    if not found.is_file() and not found.is_dir():
        raise FileNotFoundError(f"The app's resource {'/'.join(parts)} is missing.")
    if isinstance(found, Path):
        return found
    return _extracted.enter_context(resources.as_file(found))
