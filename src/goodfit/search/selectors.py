"""Search across a team's deals, prospects and offerings, through the database's indexes.

Each kind is read with the access helpers of the pipeline (team, and a rep's own deals
when the team restricts them), narrowed by the ids the search index finds: the index
never decides what a user may see.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import OrderBy, QuerySet
from django.db.models.expressions import RawSQL

from goodfit.pipeline.access import deals_visible_to, offerings_visible_to, prospects_visible_to
from goodfit.pipeline.models import Deal, Offering, Prospect
from goodfit.search import schema
from goodfit.search.conditions import contains_all, trigram_ids
from goodfit.search.domain.query import SearchQuery, fts_match

# Results per kind in the drop-down under the search box, and on the results page.
SUGGEST_LIMIT = 5
PAGE_LIMIT = 25


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


def _fts_join(rows: QuerySet[Any], table: str, match: str) -> QuerySet[Any]:
    """``rows`` joined to the FTS5 table on its rowid (the row's id), newest first.

    A join, not ``pk IN (subquery)``: SQLite then walks the index's matches in descending
    rowid order and stops after the LIMIT, instead of sorting every match (a common word
    matches thousands of rows). ``extra`` is the ORM's only way to add a virtual table to
    FROM; ``match`` is a parameter, never part of the SQL.
    """
    source = rows.model._meta.db_table
    return rows.extra(
        tables=[table],
        where=[f"{table}.rowid = {source}.id", f"{table} MATCH %s"],
        params=[match],
    ).order_by(OrderBy(RawSQL(f"{table}.rowid", ()), descending=True))


def prospects_matching(user: Any, query: SearchQuery) -> QuerySet[Prospect]:
    prospects = prospects_visible_to(user)
    fields = ("name", "company", "email")
    if query.digits:
        if connection.vendor == "sqlite":
            match = fts_match((query.digits,), "phone")
            return _fts_join(prospects, "search_prospect_fts", match)
        phone = trigram_ids("pk", "pipeline_prospect", schema.PG_PROSPECT_PHONE, (query.digits,))
        return prospects.filter(phone).order_by("-id")
    if connection.vendor == "sqlite":
        short = contains_all(query.short_terms, fields)
        if not query.long_terms:
            return prospects.filter(short).order_by("-id")
        match = fts_match(query.long_terms)
        return _fts_join(prospects, "search_prospect_fts", match).filter(short)
    text = trigram_ids("pk", "pipeline_prospect", schema.PG_PROSPECT_TEXT, query.terms)
    return prospects.filter(text).order_by("-id")


def deals_matching(user: Any, query: SearchQuery) -> QuerySet[Deal]:
    deals = deals_visible_to(user)
    if connection.vendor == "sqlite":
        short = contains_all(query.short_terms, ("title",))
        if not query.long_terms:
            return deals.filter(short).order_by("-id")
        return _fts_join(deals, "search_deal_fts", fts_match(query.long_terms)).filter(short)
    text = trigram_ids("pk", "pipeline_deal", schema.PG_DEAL_TEXT, query.terms)
    return deals.filter(text).order_by("-id")


def offerings_matching(user: Any, query: SearchQuery) -> QuerySet[Offering]:
    """A team has a handful of offerings: a plain scan is as quick as an index."""
    return offerings_visible_to(user).filter(contains_all(query.terms, ("name", "description")))


def _take(group: ResultGroup, rows: QuerySet[Any], limit: int) -> ResultGroup:
    found = list(rows[: limit + 1])
    group.items, group.more = found[:limit], len(found) > limit
    return group


def search(user: Any, query: SearchQuery, limit: int = SUGGEST_LIMIT) -> SearchResults:
    """Up to ``limit`` of each kind: deals and prospects newest first, offerings by name.

    Three queries whatever the data, none when the query is empty.
    """
    if query.is_empty:
        return SearchResults(query, [])
    deals = deals_matching(user, query).select_related("prospect", "stage")
    groups = [
        _take(ResultGroup("deals", "Deals"), deals, limit),
        _take(ResultGroup("prospects", "Prospects"), prospects_matching(user, query), limit),
        _take(
            ResultGroup("offerings", "Offerings"),
            offerings_matching(user, query).order_by("name", "id"),
            limit,
        ),
    ]
    return SearchResults(query, [g for g in groups if g.items])
