"""Reads for the prospect pages: the filtered list with deal counts, a prospect's deals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

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


def prospect_list(user: Any, filters: ProspectFilters | None = None) -> QuerySet[Prospect]:
    """The team's prospects, filtered, by name, each with ``deal_count``."""
    f = filters or ProspectFilters()
    prospects = prospects_visible_to(user)
    if f.q:
        prospects = prospects.filter(
            Q(name__icontains=f.q) | Q(company__icontains=f.q) | Q(email__icontains=f.q)
        )
    if f.segment:
        prospects = prospects.filter(segment__iexact=f.segment)
    if f.source:
        prospects = prospects.filter(source__iexact=f.source)
    return prospects.annotate(deal_count=_deal_count(user)).order_by("name", "id")


def prospect_deals(user: Any, prospect: Prospect) -> QuerySet[Deal]:
    """The prospect's deals this user may see, newest activity first, relations joined."""
    deals = deals_visible_to(user).filter(prospect=prospect)
    return deals.select_related("stage", "offering", "owner").order_by("-updated_at", "-id")
