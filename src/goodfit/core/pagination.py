"""Pages of a long list: for the HTML lists (``page_of``) and for every API endpoint."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


def page_of(request: HttpRequest, rows: Any, per_page: int | None = None) -> Page[Any]:
    """The page ``?page=`` names (the last one when past the end, the first when not a number)."""
    return Paginator(rows, per_page or settings.PAGE_SIZE).get_page(request.GET.get("page"))


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
