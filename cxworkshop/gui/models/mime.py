"""Drag payloads: a small JSON object under one of the app's own MIME types.

Goal cards, chips, functions and the sponsor's order all carry their payload
this way, and read it back with the same checks: a payload that is missing,
does not parse, or (where it says so) comes from another workshop is refused.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QMimeData

from ..session import Session

OWN_MIME_PREFIX = "application/x-cxworkshop-"
"""How every one of the app's own drag payload types begins."""


def json_mime(mime_type: str, body: dict[str, Any], text: str = "") -> QMimeData:
    """``body`` as JSON under ``mime_type``, with ``text`` as plain text if given."""
    mime = QMimeData()
    mime.setData(mime_type, QByteArray(json.dumps(body).encode("utf-8")))
    if text:
        mime.setText(text)
    return mime


def is_own_mime(data: QMimeData | None) -> bool:
    """Whether ``data`` carries one of the app's own payloads (a chip, a goal card...)."""
    return data is not None and any(f.startswith(OWN_MIME_PREFIX) for f in data.formats())


def read_json_mime(data: QMimeData | None, mime_type: str) -> Any:
    """The JSON value ``data`` carries under ``mime_type``; None if none or unreadable."""
    if data is None or not data.hasFormat(mime_type):
        return None
    try:
        return json.loads(bytes(data.data(mime_type).data()).decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None


def workshop_payload(
    data: QMimeData | None, mime_type: str, session: Session | None
) -> dict[str, Any] | None:
    """The JSON object ``data`` carries under ``mime_type``, if it is from ``session``'s workshop.

    Something dragged from another workshop (another window) never lands here.
    """
    if session is None:
        return None
    body = read_json_mime(data, mime_type)
    if not isinstance(body, dict) or body.get("workshop") != session.workshop_id:
        return None
    return body
