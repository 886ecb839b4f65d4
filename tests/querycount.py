"""Query counting for "this page costs the same whatever the data" tests."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_for(client: Any, url: str, params: dict[str, Any] | None = None) -> int:
    """How many queries one GET of ``url`` runs (after a warm-up request)."""
    client.get(url, params or {})
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params or {}).status_code == 200
    return len(captured)
