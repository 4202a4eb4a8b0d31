"""Errors about the workshop file itself, in words a facilitator understands."""

from ..domain.errors import WorkshopError


class StoreError(WorkshopError):
    """The workshop file could not be read or written."""


class NewerDatabase(StoreError):
    """The file was written by a newer version of the app; it is left untouched."""


class DamagedDatabase(StoreError):
    """The file is not a readable workshop database."""


class WriteFailed(StoreError):
    """An edit could not be saved; nothing of it was kept."""


class NoDatabase(StoreError):
    """There is no workshop file where one was to be read; nothing was made there."""
