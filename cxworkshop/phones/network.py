"""Which address phones can reach the laptop on.

The address offered first is the one on the network with the default route
(where the laptop's traffic goes out, so most likely the room's Wi-Fi);
the others are there to pick from.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

NO_NETWORK = (
    "This laptop is on no network: turn on its hotspot, join it from the phones, "
    "then turn phones on again."
)

CANNOT_CONNECT = (
    "Phones cannot open the page? Guest Wi-Fi often keeps devices apart: turn on this "
    "laptop's hotspot and have phones join it. The laptop ballot always works."
)


def default_route_address() -> str | None:
    """The laptop's address on the network with the default route, or None without one.

    Connecting a UDP socket sends nothing; it only asks the system which
    address it would send from.
    """
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        address = str(probe.getsockname()[0])
    except OSError:
        return None
    finally:
        probe.close()
    return address if usable(address) else None


def usable(address: str) -> bool:
    """Whether a phone in the room could reach ``address``: IPv4, not loopback or unset."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return ip.version == 4 and not (ip.is_loopback or ip.is_unspecified or ip.is_link_local)


def addresses(others: Iterable[str]) -> list[str]:
    """The default route's address first, then the other usable ones, each once."""
    found: list[str] = []
    for address in [default_route_address() or "", *others]:
        if usable(address) and address not in found:
            found.append(address)
    return found


def page_url(host: str, port: int, path: str) -> str:
    """The address a phone opens: ``http://host:port/<key>/``."""
    return f"http://{host}:{port}{path}"
