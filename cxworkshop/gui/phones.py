"""Phones in the room, for the facilitator: turn them on and off, see who joined, the inbox.

Off by default. Turned on for the open workshop, phones get a web server
(see :mod:`cxworkshop.phones.server`) with a new key; it stops when the
facilitator turns phones off, closes the workshop, or quits.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton

from ..domain.changes import ChangeSet
from .ops import phones as phone_ops
from .session import Session

if TYPE_CHECKING:
    from .audience.window import AudienceWindow
    from .phones_bridge import PhonesBridge
    from .widgets.phones_panel import PhonesOnScreen, PhonesPanel
    from .widgets.proposals_inbox import ProposalsInbox

# The web server, the network and the address lookup are imported when phones are
# turned on: a workshop that never uses them does not wait for them at opening.

_log = logging.getLogger(__name__)

PREFERRED_PORT = 8765
"""The port tried first, so the address stays the same from one workshop to the next."""

SHORTCUT = "Ctrl+Shift+P"


def laptop_addresses() -> list[str]:
    """The laptop's IPv4 addresses a phone could reach, the default route's first."""
    from PySide6.QtNetwork import QAbstractSocket, QNetworkInterface

    from ..phones import network

    others = [
        a.toString()
        for a in QNetworkInterface.allAddresses()
        if a.protocol() == QAbstractSocket.NetworkLayerProtocol.IPv4Protocol
    ]
    return network.addresses(others)


class _Parts:
    """What the facilitator and the room see of phones: the panel in its dock, the inbox
    of proposed goals, and the join card on the audience screen.

    Made the first time phones are turned on (or the parts are asked for), not when
    the window opens: a workshop run without phones never needs them.
    """

    def __init__(self, control: PhonesControl) -> None:
        from .widgets.phones_panel import PhonesOnScreen, PhonesPanel
        from .widgets.proposals_inbox import ProposalsInbox

        window = control.window
        self.panel = PhonesPanel()
        self.panel.switch.clicked.connect(control.action.toggle)
        self.panel.sig_address_chosen.connect(control.choose_address)
        self.panel.sig_free_requested.connect(control.free)
        self.panel.sig_add_requested.connect(control.add_person)
        self.dock = QDockWidget("Phones", window)
        self.dock.setObjectName("phones")
        self.dock.setWidget(self.panel)
        self.dock.setAllowedAreas(Qt.DockWidgetArea.RightDockWidgetArea)
        self.dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self.on_screen = PhonesOnScreen()
        self.on_screen.hide()
        self.inbox = ProposalsInbox()
        self.panel.add_inbox(self.inbox)


class PhonesControl(QObject):
    """Phones on or off for the open workshop, the facilitator's panel and the room's view."""

    sig_changed = Signal(bool)
    """Phones were turned on (True) or off (False)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session: Session | None = None
        self.bridge: PhonesBridge | None = None
        self.chosen: str | None = None
        self.action = QAction("&Phones in the Room", self)
        self.action.setCheckable(True)
        self.action.setShortcut(SHORTCUT)
        self.action.setEnabled(False)
        self.action.toggled.connect(self._toggled)
        self.buttons: list[QPushButton] = []
        self._parts: _Parts | None = None

    @property
    def parts(self) -> _Parts:
        """The panel, its dock, the inbox and the room's view: made when first needed."""
        if self._parts is None:
            self._parts = _Parts(self)
            self._parts.inbox.set_session(self.session)
        return self._parts

    @property
    def panel(self) -> PhonesPanel:
        return self.parts.panel

    @property
    def dock(self) -> QDockWidget:
        return self.parts.dock

    @property
    def inbox(self) -> ProposalsInbox:
        return self.parts.inbox

    @property
    def on_screen(self) -> PhonesOnScreen:
        return self.parts.on_screen

    # ------------------------------------------------------------ wiring

    def add_button(self, button: QPushButton) -> None:
        """A page's own Phones button: it turns phones on and off and shows which."""
        button.setCheckable(True)
        button.clicked.connect(lambda checked: self.action.setChecked(checked))
        self.buttons.append(button)
        self._show_state()

    def attach_audience(self, audience: AudienceWindow) -> None:
        """Put the QR code and address on the audience screen (under the step's view)."""
        audience.add_phones_panel(self.on_screen)
        self._show_room()

    # ------------------------------------------------------------ on and off

    @property
    def is_on(self) -> bool:
        return self.bridge is not None

    def set_session(self, session: Session | None) -> None:
        """Follow the open workshop; closing it (or opening another) turns phones off."""
        if session is self.session:
            return
        self.turn_off()
        self.session = session
        if self._parts is not None:
            self._parts.inbox.set_session(session)
        self.action.setEnabled(session is not None)
        self._show_state()

    def turn_on(self) -> bool:
        if self.bridge is not None:
            return True
        if self.session is None:
            return False
        from .phones_bridge import PhonesBridge

        try:
            bridge = PhonesBridge(self.session, "0.0.0.0", (PREFERRED_PORT, 0), parent=self)
        except OSError:
            self.session.sig_error.emit("Phones could not be turned on: no port is free.")
            return False
        bridge.start()
        bridge.sig_joined.connect(self._show_joined)
        bridge.sig_gone.connect(self._gone, Qt.ConnectionType.QueuedConnection)
        self.session.sig_changes.connect(self._follow)
        self.bridge = bridge
        self.chosen = None
        self._show_state()
        self.dock.show()
        self.sig_changed.emit(True)
        return True

    def turn_off(self) -> None:
        bridge, self.bridge = self.bridge, None
        if bridge is None:
            return
        bridge.stop()
        bridge.deleteLater()
        if self.session is not None:
            self.session.sig_changes.disconnect(self._follow)
        self._show_state()
        self.sig_changed.emit(False)

    def _gone(self) -> None:
        """The server stopped by itself: say so, and show phones as off."""
        if self.bridge is not None and self.session is not None:
            self.turn_off()
            self.session.sig_error.emit(
                "Phones stopped unexpectedly; turn them on again to carry on."
            )

    def _toggled(self, on: bool) -> None:
        if on and not self.turn_on():
            self.action.setChecked(False)
        elif not on:
            self.turn_off()

    def set_locked(self, locked: bool) -> None:
        """While a voter has the laptop: no phones panel and no switch (phones stay as they are)."""
        if self._parts is None:
            pass  # no panel yet: nothing to hide or bring back
        elif locked:
            self._dock_was_shown = self.dock.isVisible()
            self.dock.hide()
        elif getattr(self, "_dock_was_shown", False):
            self.dock.show()
        self.action.setEnabled(not locked and self.session is not None)

    # ------------------------------------------------------------ what shows

    def url(self) -> str | None:
        """The address phones open, or None when the laptop has no network to offer."""
        if self.bridge is None:
            return None
        found = laptop_addresses()
        host = self.chosen if self.chosen in found else (found[0] if found else None)
        if host is None:
            return None
        from ..phones import network

        return network.page_url(host, self.bridge.server.port, self.bridge.server.path())

    def choose_address(self, address: str) -> None:
        self.chosen = address
        self._show_state()

    def free(self, participant_id: str) -> None:
        if self.bridge is not None:
            self.bridge.free(participant_id)
            self._show_joined()

    def add_person(self, name: str) -> None:
        if self.session is not None and phone_ops.add_person(self.session, name) is not None:
            self.panel.add_edit.clear()

    def _follow(self, changes: ChangeSet) -> None:
        """Who joined shows names, the room's view counts proposals: only those changes matter."""
        if changes.everything or changes.people:
            self._show_joined()
        elif changes.proposals:
            self._show_room()

    def _show_state(self) -> None:
        on = self.bridge is not None
        if self.action.isChecked() != on:
            self.action.blockSignals(True)
            self.action.setChecked(on)
            self.action.blockSignals(False)
        for button in self.buttons:
            button.setChecked(on)
            button.setEnabled(self.session is not None)
            button.setText("Phones on" if on else "Phones")
        if self._parts is None and not on:
            return  # nothing made yet shows anything: the panel is made off
        self.inbox.set_phones_on(on)
        if not on:
            self.panel.show_off()
        else:
            from ..phones import network

            found = laptop_addresses()
            url = self.url()
            host = url.split("/")[2].rsplit(":", 1)[0] if url else None
            self.panel.show_on(url, found, host, network.NO_NETWORK)
            self._show_joined()
        self._show_room()

    def _joined(self) -> list[tuple[str, str, str]]:
        if self.bridge is None or self.session is None:
            return []
        names = {p.id: p.name for p in self.session.workshop.participants}
        joined = self.bridge.server.joins.joined()
        return [(pid, names[pid], step.label) for pid, step in joined.items() if pid in names]

    def _show_joined(self) -> None:
        self.panel.show_joined(self._joined())
        self._show_room()

    def _show_room(self) -> None:
        if self._parts is None:
            return  # phones never on, the room's view never made: nothing to show
        url = self.url()
        self.on_screen.setVisible(url is not None)
        if url is not None and self.session is not None:
            self.on_screen.show_room(url, len(self._joined()), len(self.session.workshop.proposals))
