"""Reads for the prospect pages: the filtered list with deal counts, a prospect's deals,
and the short list of matches a deal form offers to pick from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Case, Count, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce

from goodfit.core.text_search import text_search_condition
from goodfit.pipeline.access import deals_visible_to, prospects_visible_to
from goodfit.pipeline.models import Deal, Prospect


@dataclass(frozen=True)
class ProspectFilters:
    """What the prospect list can be narrowed by; empty means no filter."""

    q: str = ""
    segment: str = ""
    source: str = ""


def _deal_count(user: Any) -> Coalesce:
    """How many of a prospect's deals the user sees (a rep may see only their own).

    A correlated subquery rather than a join: the paginator's COUNT can then drop it,
    and only the rows of the page pay for it.
    """
    per_prospect = (
        deals_visible_to(user)
        .filter(prospect_id=OuterRef("pk"))
        .order_by()
        .values("prospect_id")
        .annotate(n=Count("id"))
        .values("n")
    )
    return Coalesce(Subquery(per_prospect), 0)


def _search_terms(q: str) -> Q:
    """Through the search index when the search capability serves prospects, else a scan."""
    indexed = text_search_condition("prospects", q)
    if indexed is not None:
        return indexed
    return Q(name__icontains=q) | Q(company__icontains=q) | Q(email__icontains=q)


def prospect_list(user: Any, filters: ProspectFilters | None = None) -> QuerySet[Prospect]:
    """The team's prospects, filtered, by name, each with ``deal_count``."""
    f = filters or ProspectFilters()
    prospects = prospects_visible_to(user)
    if f.q:
        prospects = prospects.filter(_search_terms(f.q))
    if f.segment:
        prospects = prospects.filter(segment__iexact=f.segment)
    if f.source:
        prospects = prospects.filter(source__iexact=f.source)
    return prospects.annotate(deal_count=_deal_count(user)).order_by("name", "id")


def prospect_deals(user: Any, prospect: Prospect) -> QuerySet[Deal]:
    """The prospect's deals this user may see, newest activity first, relations joined."""
    deals = deals_visible_to(user).filter(prospect=prospect)
    return deals.select_related("stage", "offering", "owner").order_by("-updated_at", "-id")


# A team may have 100,000 prospects: a picker shows a few matches, never all of them.
PICKER_LIMIT = 20
RECENT_LIMIT = 8


@dataclass(frozen=True)
class ProspectMatches:
    """Prospects to pick from, and whether more matched than are shown."""

    query: str
    prospects: list[Prospect]
    more: bool = False


def prospect_search(
    user: Any, q: str, limit: int = PICKER_LIMIT, recent: int = RECENT_LIMIT
) -> ProspectMatches:
    """At most ``limit`` of the user's prospects matching ``q`` by name, company or email.

    Names that start with the text come first. With no text, the ``recent`` most recently
    added prospects: the one a rep has just created is usually the one they want. One
    query whatever the number of prospects (one row more tells whether there are more).
    """
    q = q.strip()
    prospects = prospects_visible_to(user)
    if q:
        starts = Case(
            When(name__istartswith=q, then=Value(0)), default=Value(1), output_field=IntegerField()
        )
        prospects = (
            prospects.filter(_search_terms(q))
            .annotate(starts=starts)
            .order_by("starts", "name", "id")
        )
    else:
        # Newest by id: walks the primary key backwards and stops after a few rows.
        prospects, limit = prospects.order_by("-id"), recent
    rows = list(prospects[: limit + 1])
    return ProspectMatches(query=q, prospects=rows[:limit], more=len(rows) > limit)
