"""Search across a team's deals, prospects and offerings, through the database's indexes.

Each kind is read with the access helpers of the pipeline (team, and a rep's own deals
when the team restricts them), narrowed by the ids the search index finds: the index
never decides what a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL

from goodfit.pipeline.access import deals_visible_to, offerings_visible_to, prospects_visible_to
from goodfit.pipeline.models import Deal, Offering, Prospect
from goodfit.search import schema
from goodfit.search.query import SearchQuery, fts_match, like_pattern

# Results per kind in the drop-down under the search box, and on the results page.
SUGGEST_LIMIT = 5
PAGE_LIMIT = 50


@dataclass
class ResultGroup:
    kind: str  # "deals", "prospects", "offerings"
    label: str
    items: list[Any] = field(default_factory=list)
    more: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    groups: list[ResultGroup]

    @property
    def count(self) -> int:
        return sum(len(g.items) for g in self.groups)


def _contains_all(terms: tuple[str, ...], fields: tuple[str, ...]) -> Q:
    """Every term in one of ``fields`` (for words too short for the trigram index)."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": term})
        condition &= any_field
    return condition


def _ids_matching(table: str, match: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (match,))


def _pg_like_all(table: str, expression: str, terms: tuple[str, ...]) -> Q:
    """``expression LIKE %term%`` for each term, served by the expression's trigram index."""
    condition = Q()
    for term in terms:
        sql = f"SELECT id FROM {table} WHERE {expression} LIKE %s ESCAPE '\\'"
        condition &= Q(pk__in=RawSQL(sql, (like_pattern(term),)))
    return condition


def prospects_matching(user: Any, query: SearchQuery) -> QuerySet[Prospect]:
    prospects = prospects_visible_to(user)
    fields = ("name", "company", "email")
    if query.digits:
        if connection.vendor == "sqlite":
            ids = _ids_matching("search_prospect_fts", fts_match((query.digits,), "phone"))
            return prospects.filter(pk__in=ids)
        return prospects.filter(
            _pg_like_all("pipeline_prospect", schema.PG_PROSPECT_PHONE, (query.digits,))
        )
    if connection.vendor == "sqlite":
        if query.long_terms:
            ids = _ids_matching("search_prospect_fts", fts_match(query.long_terms))
            prospects = prospects.filter(pk__in=ids)
        return prospects.filter(_contains_all(query.short_terms, fields))
    return prospects.filter(_pg_like_all("pipeline_prospect", schema.PG_PROSPECT_TEXT, query.terms))


def deals_matching(user: Any, query: SearchQuery) -> QuerySet[Deal]:
    deals = deals_visible_to(user)
    if connection.vendor == "sqlite":
        if query.long_terms:
            deals = deals.filter(
                pk__in=_ids_matching("search_deal_fts", fts_match(query.long_terms))
            )
        return deals.filter(_contains_all(query.short_terms, ("title",)))
    return deals.filter(_pg_like_all("pipeline_deal", schema.PG_DEAL_TEXT, query.terms))


def offerings_matching(user: Any, query: SearchQuery) -> QuerySet[Offering]:
    """A team has a handful of offerings: a plain scan is as quick as an index."""
    return offerings_visible_to(user).filter(_contains_all(query.terms, ("name", "description")))


def _take(group: ResultGroup, rows: QuerySet[Any], limit: int) -> ResultGroup:
    found = list(rows[: limit + 1])
    group.items, group.more = found[:limit], len(found) > limit
    return group


def search(user: Any, query: SearchQuery, limit: int = SUGGEST_LIMIT) -> SearchResults:
    """Up to ``limit`` of each kind: deals by latest activity, prospects and offerings by name.

    Three queries whatever the data, none when the query is empty.
    """
    if query.is_empty:
        return SearchResults(query, [])
    deals = deals_matching(user, query).select_related("prospect", "stage")
    prospects = prospects_matching(user, query)
    groups = [
        _take(ResultGroup("deals", "Deals"), deals.order_by("-updated_at", "-id"), limit),
        _take(ResultGroup("prospects", "Prospects"), prospects.order_by("name", "id"), limit),
        _take(
            ResultGroup("offerings", "Offerings"),
            offerings_matching(user, query).order_by("name", "id"),
            limit,
        ),
    ]
    return SearchResults(query, [g for g in groups if g.items])
