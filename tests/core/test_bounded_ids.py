"""Every path with an id answers 404, never 500, for ids the database cannot hold."""

from __future__ import annotations

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter
from django.urls.resolvers import RoutePattern

from goodfit.core.bounded_ids import LARGEST_ID, out_of_range

PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and isinstance(pattern.pattern, RoutePattern):
            yield route, pattern.pattern.converters


def _is_id(name: str, converter: object) -> bool:
    return isinstance(converter, IntConverter) or name == "pk" or name.endswith("_id")


def _filler(value, converters):
    return lambda m: str(value) if _is_id(m["name"], converters[m["name"]]) else "word"


def id_paths(value: int) -> list[str]:
    """Each route with an id, its ids set to ``value`` and any other part to a word."""
    paths = set()
    for route, converters in _routes(get_resolver().url_patterns):
        if not any(_is_id(name, conv) for name, conv in converters.items()):
            continue
        paths.add("/" + PARAM.sub(_filler(value, converters), route))
    return sorted(paths)


def test_there_are_paths_with_ids_on_pages_and_in_the_api():
    paths = id_paths(1)
    assert sum(p.startswith("/api/") for p in paths) > 10
    assert sum(not p.startswith("/api/") for p in paths) > 30
    assert "/deals/1/" in paths


@pytest.mark.parametrize("path", id_paths(10**30))
def test_a_huge_id_is_not_found(manager_client, manager_api, path):
    response = manager_client.get(path, **manager_api)
    assert response.status_code == 404, path
    if path.startswith("/api/"):
        assert response["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", id_paths(LARGEST_ID))
def test_the_largest_id_is_not_a_server_error(manager_client, manager_api, path):
    assert manager_client.get(path, **manager_api).status_code < 500, path


def test_huge_negative_ids_in_the_api_are_not_found(manager_client, manager_api):
    response = manager_client.get(f"/api/v1/deals/-{10**30}/worth", **manager_api)
    assert response.status_code == 404


def test_the_bound_is_the_database_bigint():
    assert not out_of_range(LARGEST_ID) and not out_of_range(str(-LARGEST_ID - 1))
    assert out_of_range(LARGEST_ID + 1) and out_of_range(str(10**30))
    assert not out_of_range("gf_abc") and not out_of_range("2024-03-12")
