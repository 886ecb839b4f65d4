"""The search page (works without JavaScript) and the drop-down under the top bar's box."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from goodfit.search.domain.query import QueryTooLong, parse
from goodfit.search.selectors import PAGE_LIMIT, SUGGEST_LIMIT, search


def _results(request: HttpRequest, limit: int) -> dict[str, object]:
    text = request.GET.get("q", "")
    try:
        query = parse(text)
    except QueryTooLong as error:
        return {"q": text, "error": str(error), "results": None}
    return {"q": query.text, "error": "", "results": search(request.user, query, limit)}


@login_required
@require_GET
def search_page(request: HttpRequest) -> HttpResponse:
    return render(request, "search/results.html", _results(request, PAGE_LIMIT))


@login_required
@require_GET
def search_suggest(request: HttpRequest) -> HttpResponse:
    return render(request, "search/suggest.html", _results(request, SUGGEST_LIMIT))
