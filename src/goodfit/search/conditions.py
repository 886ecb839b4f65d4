"""The search box of the deal and prospect lists, served by the search indexes.

A list's ``q`` becomes a condition on ids the index finds (``id IN (index lookup)``), so
the list keeps its own filters, sort, count and pagination while the text match costs an
index lookup instead of a scan of every row. The words mean what they mean in global
search: each word must appear; a phone number matches whatever its formatting.
"""

from __future__ import annotations

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL

from goodfit.search import schema
from goodfit.search.domain.query import SearchQuery, fts_match, like_pattern, parse

PROSPECT_FIELDS = ("name", "company", "email")


def contains_all(terms: tuple[str, ...], fields: tuple[str, ...]) -> Q:
    """Every term in one of ``fields`` (words too short for the trigram index)."""
    condition = Q()
    for term in terms:
        any_field = Q()
        for name in fields:
            any_field |= Q(**{f"{name}__icontains": term})
        condition &= any_field
    return condition


def _fts_ids(field: str, table: str, match: str) -> Q:
    return Q(
        **{f"{field}__in": RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (match,))}
    )


def trigram_ids(field: str, table: str, expression: str, terms: tuple[str, ...]) -> Q:
    condition = Q()
    for term in terms:
        sql = f"SELECT id FROM {table} WHERE {expression} LIKE %s ESCAPE '\\'"
        condition &= Q(**{f"{field}__in": RawSQL(sql, (like_pattern(term),))})
    return condition


def _prospects(query: SearchQuery, field: str, prefix: str) -> Q:
    """Rows whose prospect (``field`` holds its id) matches ``query``."""
    sqlite = connection.vendor == "sqlite"
    if query.digits:
        if sqlite:
            return _fts_ids(field, "search_prospect_fts", fts_match((query.digits,), "phone"))
        return trigram_ids(field, "pipeline_prospect", schema.PG_PROSPECT_PHONE, (query.digits,))
    if not sqlite:
        return trigram_ids(field, "pipeline_prospect", schema.PG_PROSPECT_TEXT, query.terms)
    short = contains_all(query.short_terms, tuple(prefix + f for f in PROSPECT_FIELDS))
    if not query.long_terms:
        return short
    return _fts_ids(field, "search_prospect_fts", fts_match(query.long_terms)) & short


def _deal_titles(query: SearchQuery) -> Q:
    if connection.vendor != "sqlite":
        return trigram_ids("pk", "pipeline_deal", schema.PG_DEAL_TEXT, query.terms)
    short = contains_all(query.short_terms, ("title",))
    if not query.long_terms:
        return short
    return _fts_ids("pk", "search_deal_fts", fts_match(query.long_terms)) & short


def prospect_condition(text: str) -> Q:
    """Prospects whose name, company, email or phone hold every word of ``text``."""
    query = parse(text)
    return _prospects(query, "pk", "") if query.terms else Q()


def deal_condition(text: str) -> Q:
    """Deals whose title, or whose prospect, hold every word of ``text``."""
    query = parse(text)
    if not query.terms:
        return Q()
    return _deal_titles(query) | _prospects(query, "prospect_id", "prospect__")
