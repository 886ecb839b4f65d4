"""What the pipeline endpoints share: pagination and ids named in request bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

from goodfit.pipeline.access import (
    get_offering_for_user,
    get_owner_for_user,
    get_prospect_for_user,
    get_stage_for_user,
)

MAX_PAGE_SIZE = 200
# Far beyond any real list; it keeps the offset within what a database integer holds.
MAX_PAGE = 1_000_000


class PagePagination(PageNumberPagination):
    """``?page=2&page_size=100``; the answer carries ``count`` (all matches) and the page."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(settings.PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        items: list[Any]
        count: int
        page: int
        page_size: int

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        offset = (pagination.page - 1) * pagination.page_size
        return {
            "items": queryset[offset : offset + pagination.page_size],
            "count": self._items_count(queryset),
            "page": pagination.page,
            "page_size": pagination.page_size,
        }


REFERENCES: dict[str, Callable[[Any, Any], Any]] = {
    "prospect": get_prospect_for_user,
    "offering": get_offering_for_user,
    "stage": get_stage_for_user,
    "owner": get_owner_for_user,
}


def resolve_references(user: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """Swap the ids a body names (prospect, offering, stage, owner) for the rows.

    Rows are fetched through the access helpers; an id that is unknown or of another
    team is bad input in that field (422), not a missing page (404).
    """
    errors = {}
    for name, getter in REFERENCES.items():
        pk = fields.get(name)
        if pk is None:
            continue
        try:
            fields[name] = getter(user, pk)
        except Http404:
            what = "active member" if name == "owner" else name
            errors[name] = f"There is no {what} with id {pk} in your team."
    if errors:
        raise ValidationError(errors)
    return fields
