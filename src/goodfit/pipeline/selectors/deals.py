"""Reads for pages and the API: filtered deal lists, the board, a deal's timeline.

Every selector returns rows with their relations joined, so a page costs the same
number of queries whatever the number of deals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, OrderBy, Q, QuerySet, Sum
from django.db.models.functions import Lower

from goodfit.core.extensions import apply_deal_filters
from goodfit.core.text_search import text_search_condition
from goodfit.pipeline.access import deals_visible_to, stages_visible_to
from goodfit.pipeline.models import Deal, Interaction, Stage


@dataclass(frozen=True)
class DealFilters:
    """What a rep can narrow the deal list or board by; empty means no filter."""

    stage: int | None = None
    owner: int | None = None
    offering: int | None = None
    outcome: str = ""
    segment: str = ""
    source: str = ""
    q: str = ""
    # Filters that capabilities register (name, value), e.g. (("verdict", "not_a_fit"),).
    extra: tuple[tuple[str, str], ...] = ()


# The deal list's sortable columns: URL value → the fields it orders by. Every order ends
# with the id, so rows that tie keep one order from page to page.
DEAL_SORTS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "prospect": ("prospect__name",),
    "stage": ("stage__position",),
    "amount": ("amount",),
    "owner": ("owner__first_name", "owner__last_name", "owner__username"),
    "close": ("expected_close_date",),
    "updated": ("updated_at",),
}
DEFAULT_SORT = "-updated"
# Names sort as people read them: "alpha" between "Able" and "Bravo", whatever the case.
TEXT_SORTS = {
    "title",
    "prospect__name",
    "owner__first_name",
    "owner__last_name",
    "owner__username",
}


def clean_sort(value: str | None) -> str:
    """``value`` if it names a column (``amount`` or ``-amount``), else the default."""
    value = (value or "").strip()
    return value if value.lstrip("-") in DEAL_SORTS else DEFAULT_SORT


def deal_ordering(sort: str) -> list[OrderBy]:
    """ORDER BY for ``sort``; empty close dates come last in both directions."""
    sort = clean_sort(sort)
    descending = sort.startswith("-")
    names = [*DEAL_SORTS[sort.lstrip("-")], "id"]
    ordering = []
    for name in names:
        column = Lower(name) if name in TEXT_SORTS else F(name)
        # Only the close date may be empty; NULLS LAST elsewhere would stop index use.
        nulls_last = True if name == "expected_close_date" else None
        ordering.append(
            column.desc(nulls_last=nulls_last) if descending else column.asc(nulls_last=nulls_last)
        )
    return ordering


def deal_list(
    user: Any, filters: DealFilters | None = None, sort: str = DEFAULT_SORT
) -> QuerySet[Deal]:
    """The deals a user may see, filtered, in ``sort`` order (default newest activity first)."""
    f = filters or DealFilters()
    deals = deals_visible_to(user).select_related("prospect", "offering", "owner", "stage")
    if f.stage:
        deals = deals.filter(stage_id=f.stage)
    if f.owner:
        deals = deals.filter(owner_id=f.owner)
    if f.offering:
        deals = deals.filter(offering_id=f.offering)
    if f.outcome:
        deals = deals.filter(stage__outcome=f.outcome)
    if f.segment:
        deals = deals.filter(prospect__segment__iexact=f.segment)
    if f.source:
        deals = deals.filter(prospect__source__iexact=f.source)
    if f.q:
        deals = deals.filter(_deal_text(f.q))
    deals = apply_deal_filters(deals, f.extra)
    if clean_sort(sort) == DEFAULT_SORT:
        return deals.order_by("-updated_at", "-id")  # served by the (team, -updated_at) index
    return deals.order_by(*deal_ordering(sort))


def _deal_text(q: str) -> Q:
    """Through the search index when the search capability serves deals, else a scan."""
    indexed = text_search_condition("deals", q)
    if indexed is not None:
        return indexed
    return (
        Q(title__icontains=q)
        | Q(prospect__name__icontains=q)
        | Q(prospect__company__icontains=q)
        | Q(prospect__email__icontains=q)
    )


@dataclass
class BoardColumn:
    stage: Stage
    count: int = 0
    total: Decimal = Decimal("0")
    deals: list[Deal] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.deals)


def board_columns(
    user: Any,
    filters: DealFilters | None = None,
    per_column: int = 25,
    closed_since: dt.datetime | None = None,
) -> list[BoardColumn]:
    """One column per stage with its count and amount, and its most recently active deals.

    Closed stages (won, lost …) hold only the deals closed since ``closed_since`` (the
    current month or quarter): an all-time total of lost deals says nothing about today.

    Two queries plus one per stage, whatever the pipeline's size: the stages, the totals
    per stage, and each stage's latest ``per_column`` deals. A single window-function
    query would make the database number every deal of the team; a LIMIT per stage is
    served straight from the (team, stage, -updated_at) index.
    """
    columns = {s.pk: BoardColumn(stage=s) for s in stages_visible_to(user).order_by("position")}
    deals = deal_list(user, filters)
    if closed_since is not None:
        # Open deals have no closed_at, so one condition serves every column.
        deals = deals.filter(Q(closed_at__isnull=True) | Q(closed_at__gte=closed_since))
    totals = deals.order_by().values("stage_id").annotate(n=Count("id"), total=Sum("amount"))
    for row in totals:
        column = columns.get(row["stage_id"])
        if column:
            column.count, column.total = row["n"], row["total"] or Decimal("0")
    for column in columns.values():
        if column.count:
            found = _column_deals(user, filters, column.stage, closed_since, per_column)
            column.deals = list(found)
    return list(columns.values())


CARD_FIELDS = (
    "id",
    "team_id",
    "title",
    "stage_id",
    "amount",
    "currency",
    "expected_close_date",
    "updated_at",
    "closed_at",
    "prospect__name",
    "owner__username",
    "owner__first_name",
    "owner__last_name",
)


def _column_deals(
    user: Any,
    filters: DealFilters | None,
    stage: Stage,
    closed_since: dt.datetime | None,
    limit: int,
) -> QuerySet[Deal]:
    """A column's latest deals: on an open stage the most recently active, walking the
    (team, stage, -updated_at) index; on a closed stage the most recently closed since
    ``closed_since``, walking the (team, stage, closed_at …) index backwards. Either way the
    database stops at ``limit`` instead of sorting every deal of the stage."""
    deals = deal_list(user, filters).filter(stage_id=stage.pk)
    # Only what a card shows: converting the other columns (dates, times) of 200 cards
    # and their prospects and owners cost more than the queries themselves.
    deals = deals.select_related(None).select_related("prospect", "owner").only(*CARD_FIELDS)
    if closed_since is not None and stage.is_closed:
        return deals.filter(closed_at__gte=closed_since).order_by("-closed_at")[:limit]
    return deals[:limit]


@dataclass(frozen=True)
class TimelineEvent:
    """One line of a deal's history: a stage change, an interaction or a note."""

    at: dt.datetime
    kind: str  # "stage", "interaction" or "note"
    item: Any


TIMELINE_KINDS = ("interaction", "note", "stage")
_INTERACTIONS_CACHE = "_goodfit_interactions"


def deal_interactions(deal: Deal) -> list[Interaction]:
    """The deal's interactions, oldest first, read once per deal object.

    The deal page hands the same ``Deal`` instance to the timeline, the header and every
    capability panel, so they share this one read instead of each querying again.
    """
    cached = getattr(deal, _INTERACTIONS_CACHE, None)
    if cached is None:
        cached = list(
            Interaction.objects.filter(deal=deal)
            .select_related("logged_by")
            .order_by("occurred_at", "id")
        )
        setattr(deal, _INTERACTIONS_CACHE, cached)
    return cached


def forget_deal_interactions(deal: Deal) -> None:
    """Drop the shared read after a write, so the page shows what was just logged."""
    if hasattr(deal, _INTERACTIONS_CACHE):
        delattr(deal, _INTERACTIONS_CACHE)


def deal_timeline(deal: Deal, kind: str = "", newest_first: bool = False) -> list[TimelineEvent]:
    """Stage changes, interactions and notes of a deal in time order (oldest first unless
    ``newest_first``); ``kind`` keeps one of ``TIMELINE_KINDS``. One query per kind shown."""
    events: list[TimelineEvent] = []
    if kind in ("", "stage"):
        events += [
            TimelineEvent(c.at, "stage", c)
            for c in deal.stage_changes.select_related("from_stage", "to_stage", "by")
        ]
    if kind in ("", "interaction"):
        events += [TimelineEvent(i.occurred_at, "interaction", i) for i in deal_interactions(deal)]
    if kind in ("", "note"):
        events += [
            TimelineEvent(n.created_at, "note", n) for n in deal.notes.select_related("author")
        ]
    order = {"stage": 0, "interaction": 1, "note": 2}
    events.sort(key=lambda e: (e.at, order[e.kind], e.item.pk), reverse=newest_first)
    return events


PROSPECT_TIMELINE_LIMIT = 60


def prospect_timeline(
    deal_ids: list[int], kind: str = "", limit: int = PROSPECT_TIMELINE_LIMIT
) -> list[TimelineEvent]:
    """The latest ``limit`` events across a prospect's deals (those the viewer may see),
    newest first; three queries whatever the number of deals or events."""
    from goodfit.pipeline.models import Note, StageChange

    events: list[TimelineEvent] = []
    if kind in ("", "stage"):
        changes = StageChange.objects.filter(deal_id__in=deal_ids).select_related(
            "deal", "from_stage", "to_stage", "by"
        )
        events += [TimelineEvent(c.at, "stage", c) for c in changes.order_by("-at", "-id")[:limit]]
    if kind in ("", "interaction"):
        rows = Interaction.objects.filter(deal_id__in=deal_ids).select_related("deal", "logged_by")
        events += [
            TimelineEvent(i.occurred_at, "interaction", i)
            for i in rows.order_by("-occurred_at", "-id")[:limit]
        ]
    if kind in ("", "note"):
        notes = Note.objects.filter(deal_id__in=deal_ids).select_related("deal", "author")
        events += [
            TimelineEvent(n.created_at, "note", n)
            for n in notes.order_by("-created_at", "-id")[:limit]
        ]
    order = {"stage": 0, "interaction": 1, "note": 2}
    events.sort(key=lambda e: (e.at, order[e.kind], e.item.pk), reverse=True)
    return events[:limit]


def filter_choices(user: Any) -> dict[str, list[str]]:
    """Distinct segments and sources of the team's prospects, for filter drop-downs."""
    from goodfit.pipeline.access import prospects_visible_to

    prospects = prospects_visible_to(user).order_by()
    segments = prospects.exclude(segment="").values_list("segment", flat=True).distinct()
    sources = prospects.exclude(source="").values_list("source", flat=True).distinct()
    return {"segments": sorted(set(segments)), "sources": sorted(set(sources))}
