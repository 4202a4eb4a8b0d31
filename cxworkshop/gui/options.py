"""Every setting the app remembers, declared in one place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QMargins, QRect, QSettings, QStandardPaths

from .placement import WindowGeometry, WindowState
from .theme import ZOOM_STEPS, ThemeName

MAX_RECENT = 8


def default_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
    return Path(base or Path.home() / ".config" / "CX Workshop") / "settings.ini"


def start_folder(remembered: Path | None = None) -> Path:
    """Where a save or open dialog starts: ``remembered`` if that folder is still there,
    else the user's Documents folder, else their home folder.

    A folder that does not exist would make the dialog fall back to the app's
    working folder, which means nothing to the user.
    """
    if remembered is not None and remembered.is_dir():
        return remembered
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


class Options:
    """Window, view and recent-workshop settings, kept in an INI file."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self._settings.sync()

    @property
    def theme(self) -> ThemeName:
        value = str(self._settings.value("view/theme", ThemeName.SYSTEM.value))
        try:
            return ThemeName(value)
        except ValueError:
            return ThemeName.SYSTEM

    @theme.setter
    def theme(self, value: ThemeName) -> None:
        self._settings.setValue("view/theme", value.value)

    @property
    def system_scheme(self) -> ThemeName | None:
        """The desktop's scheme (LIGHT or DARK) when the app last looked; None before."""
        value = str(self._settings.value("view/system-scheme", ""))
        return ThemeName(value) if value in (ThemeName.LIGHT, ThemeName.DARK) else None

    @system_scheme.setter
    def system_scheme(self, value: ThemeName) -> None:
        self._settings.setValue("view/system-scheme", value.value)

    @property
    def zoom(self) -> float:
        try:
            value = float(self._settings.value("view/zoom", 1.0))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return 1.0
        return min(ZOOM_STEPS, key=lambda step: abs(step - value))

    @zoom.setter
    def zoom(self, value: float) -> None:
        self._settings.setValue("view/zoom", value)

    @property
    def recent(self) -> list[int]:
        """Ids of the workshops opened last, most recent first."""
        raw = self._settings.value("library/recent", "")
        out = []
        for part in str(raw or "").split(","):
            if part.strip().isdigit():
                out.append(int(part))
        return out[:MAX_RECENT]

    def add_recent(self, workshop_id: int) -> None:
        ids = [workshop_id, *(i for i in self.recent if i != workshop_id)][:MAX_RECENT]
        self._settings.setValue("library/recent", ",".join(map(str, ids)))

    def forget_recent(self, workshop_id: int) -> None:
        ids = [i for i in self.recent if i != workshop_id]
        self._settings.setValue("library/recent", ",".join(map(str, ids)))

    @property
    def last_workshop(self) -> int | None:
        """The workshop open when the app was last closed (None: the library was shown)."""
        raw = str(self._settings.value("library/open", "") or "")
        return int(raw) if raw.isdigit() else None

    @last_workshop.setter
    def last_workshop(self, value: int | None) -> None:
        self._settings.setValue("library/open", "" if value is None else str(value))

    @property
    def geometry(self) -> WindowGeometry | None:
        """Where the main window was when the app was last closed (None: never closed)."""
        normal = self._settings.value("window/normal")
        frame = str(self._settings.value("window/frame", "") or "").split(",")
        if not isinstance(normal, QRect) or not normal.isValid() or len(frame) != 4:
            return None
        try:
            margins = QMargins(*(max(0, int(part)) for part in frame))
            state = WindowState(str(self._settings.value("window/state", "normal")))
        except ValueError:
            return None
        screen = str(self._settings.value("window/screen", "") or "")
        return WindowGeometry(normal, margins, state, screen)

    @geometry.setter
    def geometry(self, value: WindowGeometry) -> None:
        frame = value.frame
        self._settings.setValue("window/normal", value.normal)
        self._settings.setValue(
            "window/frame", f"{frame.left()},{frame.top()},{frame.right()},{frame.bottom()}"
        )
        self._settings.setValue("window/state", value.state.value)
        self._settings.setValue("window/screen", value.screen)
        self._settings.remove("window/geometry")  # replaced by the keys above

    @property
    def earlier_geometry(self) -> QByteArray | None:
        """The main window's geometry as versions up to 0.1 saved it (Qt's own format)."""
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    @property
    def export_folder(self) -> Path | None:
        """The folder the last charter was exported to (None: none yet)."""
        raw = str(self._settings.value("export/folder", "") or "")
        return Path(raw) if raw else None

    @export_folder.setter
    def export_folder(self, value: Path) -> None:
        self._settings.setValue("export/folder", str(value))

    @property
    def audience_screen(self) -> str:
        """The name of the screen the audience view is presented on ("": choose one)."""
        return str(self._settings.value("room/audience_screen", "") or "")

    @audience_screen.setter
    def audience_screen(self, value: str) -> None:
        self._settings.setValue("room/audience_screen", value)
