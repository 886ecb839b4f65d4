"""Forwarded headers are believed from the trusted proxies only."""

from __future__ import annotations

import pytest
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from goodfit.core.proxy import TrustedProxyMiddleware, client_address, trusted_networks

LOOPBACK = trusted_networks(["127.0.0.1", "::1", "10.0.0.0/8"])


@pytest.mark.parametrize(
    ("peer", "forwarded", "client"),
    [
        ("127.0.0.1", "203.0.113.9", "203.0.113.9"),
        ("127.0.0.1", "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the nearest untrusted hop
        ("127.0.0.1", "203.0.113.9, 10.1.2.3", "203.0.113.9"),  # through two proxies
        ("127.0.0.1", "", "127.0.0.1"),
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", "2001:db8::7", "2001:db8::7"),
        ("127.0.0.1", "10.0.0.5", "127.0.0.1"),  # only proxies: the peer
    ],
)
def test_the_client_is_the_nearest_address_that_is_not_a_proxy(peer, forwarded, client):
    assert client_address(peer, forwarded, LOOPBACK) == client


def _seen(peer, **headers):
    seen = {}

    def view(request):
        seen.update(
            addr=request.META["REMOTE_ADDR"],
            secure=request.is_secure(),
            forwarded=request.META.get("HTTP_X_FORWARDED_FOR"),
        )
        return HttpResponse()

    request = RequestFactory().get("/", REMOTE_ADDR=peer, **headers)
    TrustedProxyMiddleware(view)(request)
    return seen


HEADERS = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}


@override_settings(
    TRUSTED_PROXIES=["127.0.0.1"], SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_a_trusted_proxy_is_believed():
    assert _seen("127.0.0.1", **HEADERS) == {
        "addr": "203.0.113.9",
        "secure": True,
        "forwarded": "203.0.113.9",
    }


@override_settings(
    TRUSTED_PROXIES=["127.0.0.1"], SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https")
)
def test_anyone_else_cannot_claim_https_or_another_address():
    assert _seen("198.51.100.20", **HEADERS) == {
        "addr": "198.51.100.20",
        "secure": False,
        "forwarded": None,
    }


@override_settings(TRUSTED_PROXIES=[])
def test_without_a_proxy_the_headers_are_ignored():
    assert _seen("127.0.0.1", **HEADERS)["addr"] == "127.0.0.1"
