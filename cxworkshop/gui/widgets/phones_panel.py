"""What the facilitator sees of the phones: the address and its QR code, who joined, the help.

And :class:`PhonesOnScreen`, the same address and QR code large for the
audience screen, with how many have joined and how many goals were proposed
(never who sent them).
"""

from __future__ import annotations

import io

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QImage, QPixmap, QResizeEvent, QShowEvent, QTextOption
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...phones.network import CANNOT_CONNECT
from ..roles import ID_ROLE

PANEL_WIDTH = 300
"""The Phones panel's width: room for a name per line, and for the goals board beside it."""

QR_PIXELS = 120
"""The QR code in the panel: big enough to scan from the front row, the address beside it."""


def qr_pixmap(url: str, pixels: int) -> QPixmap:
    """The QR code of ``url``, dark on light, about ``pixels`` wide (a whole number per module)."""
    import segno

    code = segno.make(url, error="m")
    modules = code.symbol_size(scale=1, border=2)[0]
    out = io.BytesIO()
    code.save(out, kind="png", scale=max(1, pixels // modules), border=2)
    # PySide6 takes the format as a str and refuses bytes, though its stubs ask for bytes.
    image = QImage.fromData(out.getvalue(), "PNG")  # type: ignore[arg-type]
    return QPixmap.fromImage(image)


def plain_label(text: str = "", role: str | None = None) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if role is not None:
        label.setProperty("cxRole", role)
    return label


class AddressText(QPlainTextEdit):
    """The address typed out, broken anywhere to fit beside the QR code; copied whole.

    A label breaks a web address only where a line may break in prose, which a
    random key often does not offer: it would run off the panel's edge.
    """

    LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setStyleSheet("QPlainTextEdit { background: transparent; border: none; }")
        self.document().setDocumentMargin(0)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # Room for four lines, or for every line the address takes at this width: a
        # key of wide letters wraps onto more lines than one of narrow ones.
        lines = max(self.LINES, round(self.document().size().height()))
        height = self.fontMetrics().lineSpacing() * lines + 12
        if height != self.minimumHeight():
            self.setFixedHeight(height)


class PhonesPanel(QWidget):
    """The facilitator's phones panel, in a dock beside the steps."""

    sig_address_chosen = Signal(str)
    """The facilitator picked another of the laptop's addresses."""

    sig_free_requested = Signal(str)
    """Free the name held by a phone (participant id)."""

    sig_add_requested = Signal(str)
    """Add a person to the workshop's list (their name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.switch = QPushButton()
        self.addresses = QComboBox()
        self.addresses.setAccessibleName("The laptop's address for phones")
        self.addresses.activated.connect(
            lambda i: self.sig_address_chosen.emit(self.addresses.itemText(i))
        )
        self.no_network = plain_label("", "hint")
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setAccessibleName("QR code of the address")
        self.address = AddressText()
        self.address.setAccessibleName("Address for phones")
        self.joined_heading = plain_label("", "subheading")
        self.joined = QListWidget()
        self.joined.setAccessibleName("Phones that have joined")
        self.free_button = QPushButton("&Free name")
        self.free_button.setToolTip("The phone that took it joins again, with the right name.")
        self.free_button.clicked.connect(self._free)
        self.joined.currentRowChanged.connect(lambda row: self.free_button.setEnabled(row >= 0))
        self.add_edit = QLineEdit()
        self.add_edit.setPlaceholderText("Someone not on the list")
        self.add_edit.setAccessibleName("Name of a person to add")
        self.add_edit.returnPressed.connect(self._add)
        self.add_button = QPushButton("A&dd")
        self.add_button.clicked.connect(self._add)
        self.help = plain_label(CANNOT_CONNECT, "hint")

        # The QR code beside the address, the Free button beside who joined: at
        # 1280x720 the list of names and the inbox get the height.
        self.joined.setWordWrap(True)
        self.joined.setMinimumHeight(QR_PIXELS)
        where = QHBoxLayout()
        where.setSpacing(10)
        where.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        where.addWidget(self.address, 1, Qt.AlignmentFlag.AlignVCenter)
        joined_row = QHBoxLayout()
        joined_row.addWidget(self.joined_heading, 1)
        joined_row.addWidget(self.free_button)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_edit, 1)
        add_row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(6)
        layout.addWidget(self.switch)
        layout.addWidget(self.addresses)
        layout.addWidget(self.no_network)
        layout.addLayout(where)
        layout.addLayout(joined_row)
        layout.addWidget(self.joined, 3)
        layout.addLayout(add_row)
        layout.addWidget(self.help)
        self._layout = layout
        self.setMinimumWidth(PANEL_WIDTH)
        self.setMaximumWidth(PANEL_WIDTH)
        self.show_off()

    def add_inbox(self, inbox: QWidget) -> None:
        """The proposals from phones, under who joined."""
        self._layout.insertWidget(self._layout.indexOf(self.help), inbox, 2)

    def show_off(self) -> None:
        """Phones are off: only the switch and what it does."""
        self.switch.setText("Turn phones on")
        for widget in (
            self.addresses,
            self.qr,
            self.address,
            self.joined_heading,
            self.joined,
            self.free_button,
            self.add_edit,
            self.add_button,
        ):
            widget.setVisible(False)
        self.no_network.setText(
            "People join from their own phones: they scan a code, pick their name, "
            "then vote and propose goals. The laptop ballot works all the same."
        )
        self.no_network.setVisible(True)

    def show_on(
        self, url: str | None, addresses: list[str], chosen: str | None, no_network: str
    ) -> None:
        """Phones are on, at ``url`` (None: the laptop has no network to offer)."""
        self.switch.setText("Turn phones off")
        self.addresses.clear()
        self.addresses.addItems(addresses)
        if chosen is not None:
            self.addresses.setCurrentText(chosen)
        self.addresses.setVisible(len(addresses) > 1)
        self.no_network.setText(no_network)
        self.no_network.setVisible(url is None)
        self.qr.setVisible(url is not None)
        self.address.setVisible(url is not None)
        if url is not None:
            self.qr.setPixmap(qr_pixmap(url, QR_PIXELS))
            self.address.setText(url)
        for widget in (
            self.joined_heading,
            self.joined,
            self.free_button,
            self.add_edit,
            self.add_button,
        ):
            widget.setVisible(True)

    def show_joined(self, joined: list[tuple[str, str, str]]) -> None:
        """(participant id, name, step label when they joined) of each phone that joined."""
        current = self.joined.currentItem()
        keep = None if current is None else current.data(ID_ROLE)
        self.joined.clear()
        for pid, name, step in joined:
            # A name a line; when they joined is a hover (and a screen reader) away.
            item = QListWidgetItem(name)
            item.setToolTip(f"Joined during {step}")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, f"joined during {step}")
            item.setData(ID_ROLE, pid)
            self.joined.addItem(item)
            if pid == keep:
                self.joined.setCurrentItem(item)
        n = len(joined)
        self.joined_heading.setText(f"{n} phone{'s' if n != 1 else ''} joined")
        self.free_button.setEnabled(self.joined.currentRow() >= 0)

    def _free(self) -> None:
        item = self.joined.currentItem()
        if item is not None:
            self.sig_free_requested.emit(str(item.data(ID_ROLE)))

    def _add(self) -> None:
        name = self.add_edit.text()
        if name.strip():
            self.sig_add_requested.emit(name)


class PhonesOnScreen(QWidget):
    """For the audience screen: the QR code and address large, and how many joined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Join from your phone")
        self.qr = QLabel()
        self.qr.setAccessibleName("QR code to join")
        self.title = plain_label("Join from your phone: scan the code or type")
        self.address = plain_label()
        self.counts = plain_label()
        texts = QVBoxLayout()
        texts.addStretch(1)
        texts.addWidget(self.title)
        texts.addWidget(self.address)
        texts.addWidget(self.counts)
        texts.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(24)
        layout.addWidget(self.qr)
        layout.addLayout(texts, 1)
        self._url = ""
        self._size = 0
        self._counts = (0, 0)

    def show_room(self, url: str, joined: int, proposed: int) -> None:
        from ..audience import base_px_for

        base = base_px_for(self.window().height())
        self.set_base_px(base)
        size = round(base * 11) - 8
        if url != self._url or size != self._size:
            self._url, self._size = url, size
            self.qr.setPixmap(qr_pixmap(url, size))
        self.address.setText(url)
        parts = [f"{joined} joined"]
        if proposed:
            parts.append(f"{proposed} goal{'s' if proposed != 1 else ''} proposed")
        self.counts.setText(" · ".join(parts))
        self._counts = (joined, proposed)

    def set_base_px(self, base: int) -> None:
        """Text sizes that follow the audience screen's own scale."""
        for label, factor, bold in (
            (self.title, 1.0, False),
            (self.address, 1.1, True),
            (self.counts, 1.0, False),
        ):
            font = label.font()
            font.setPixelSize(round(base * factor))
            font.setBold(bold)
            label.setFont(font)
        self.setFixedHeight(round(base * 11))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._url:
            self.show_room(self._url, *self._counts)
