"""Behind a TLS proxy: believe the proxy's forwarded headers, and only the proxy's.

With ``GOODFIT_BEHIND_PROXY=1`` a request that comes from one of ``GOODFIT_TRUSTED_PROXIES``
(addresses or networks; loopback by default) is taken as the proxy says: HTTPS when it
sends ``X-Forwarded-Proto: https``, and the client's address is the last address in
``X-Forwarded-For`` that is not itself a trusted proxy. Throttles, the login lockout and
the audit then see the person, not the proxy. From anyone else both headers are dropped,
so a client cannot claim HTTPS or another address by sending them itself.

Runs first, before Django's security middleware reads ``request.is_secure()``.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_FOR")


def trusted_networks(entries: Iterable[str]) -> list[Network]:
    """``127.0.0.1``, ``10.0.0.0/8``, ``::1`` … as networks (one address is a /32 or /128)."""
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted(text: str, networks: list[Network]) -> bool:
    address = _address(text)
    return address is not None and any(address in network for network in networks)


def client_address(peer: str, forwarded_for: str, networks: list[Network]) -> str:
    """The client behind a trusted ``peer``: walking ``X-Forwarded-For`` from the right
    (the proxy nearest to us appended last), the first address that is not a trusted proxy.
    A header that holds no valid address leaves the peer."""
    for hop in reversed(forwarded_for.split(",")):
        address = _address(hop)
        if address is None:
            return peer
        if not any(address in network for network in networks):
            return str(address)
    return peer


class TrustedProxyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.networks = trusted_networks(getattr(settings, "TRUSTED_PROXIES", []))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        meta = request.META
        peer = meta.get("REMOTE_ADDR", "")
        if self.networks and is_trusted(peer, self.networks):
            forwarded = meta.get("HTTP_X_FORWARDED_FOR", "")
            meta["REMOTE_ADDR"] = client_address(peer, forwarded, self.networks)
        else:
            for header in FORWARDED:
                meta.pop(header, None)
        return self.get_response(request)
