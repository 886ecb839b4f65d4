"""Ids in the path beyond what the database can hold are simply not found.

A 64-bit primary key cannot exceed 2**63 - 1; SQLite raises OverflowError for a larger
number rather than finding nothing. Checking the resolved path arguments once, here,
covers every page (``<int:…>``) and every API path (django-ninja passes them as text)
without touching the database.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

LARGEST_ID = 2**63 - 1
_NUMBER = re.compile(r"-?\d+")


def out_of_range(value: object) -> bool:
    if isinstance(value, str) and _NUMBER.fullmatch(value):
        value = int(value)
    return isinstance(value, int) and not -LARGEST_ID - 1 <= value <= LARGEST_ID


class BoundedIdsMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        if any(out_of_range(value) for value in (*args, *kwargs.values())):
            raise Http404("No such id")
