"""Reads for the debriefs pages, panel and API: each a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from goodfit.core.access import membership_for
from goodfit.core.models import Team
from goodfit.debriefs.domain.patterns import (
    CoachingReport,
    DebriefFacts,
    ObjectionShare,
    SegmentFeedback,
    coaching_report,
    last_months,
    product_feedback,
    top_objections,
)
from goodfit.debriefs.models import Debrief, DebriefReason, Objection, Referral
from goodfit.debriefs.services.common import CLOSED_WITHOUT_SALE
from goodfit.pipeline.access import deals_visible_to
from goodfit.pipeline.models import Cancellation, Deal, Outcome, Prospect

TREND_MONTHS = 6
# The to-do list asks for debriefs of recent endings only: a debrief is worth most while
# the call is fresh, and imported or years-old history should not bury this week's.
TODO_WINDOW = dt.timedelta(days=60)


def _needing_debrief(deals: QuerySet[Deal]) -> QuerySet[Deal]:
    cancelled = Cancellation.objects.filter(deal_id=OuterRef("pk"))
    complete = Debrief.objects.filter(deal_id=OuterRef("pk"), status=Debrief.Status.COMPLETE)
    return deals.filter(
        Q(stage__outcome__in=CLOSED_WITHOUT_SALE)
        | Q(stage__outcome=Outcome.WON) & Exists(cancelled)
    ).exclude(Exists(complete))


def _recent(deals: QuerySet[Deal]) -> QuerySet[Deal]:
    since = timezone.now() - TODO_WINDOW
    return deals.filter(Q(closed_at__gte=since) | Q(cancellation__created_at__gte=since))


def open_debriefs(user: Any, *, everyone: bool = False) -> QuerySet[Deal]:
    """Recently ended deals still owing a debrief (none yet, or a draft): the user's own,
    or, for ``everyone``, all the deals the user can see."""
    deals = _recent(deals_visible_to(user))
    if not everyone:
        deals = deals.filter(owner_id=user.pk)
    drafts = Debrief.objects.filter(deal_id=OuterRef("pk"), status=Debrief.Status.DRAFT)
    return (
        _needing_debrief(deals)
        .annotate(has_draft=Exists(drafts))
        .select_related("prospect", "stage", "owner")
        .order_by("-closed_at", "-id")
    )


def open_debrief_count(user: Any) -> int:
    return _needing_debrief(_recent(deals_visible_to(user).filter(owner_id=user.pk))).count()


def _facts(debriefs: QuerySet[Debrief]) -> list[DebriefFacts]:
    """Completed debriefs as the pure aggregations' input: two queries, newest first."""
    rows = list(
        debriefs.filter(status=Debrief.Status.COMPLETE)
        .order_by("-completed_at", "-id")
        .values(
            "id", "deal__owner_id", "primary_category", "segment", "completed_at", "prospect_words"
        )
    )
    secondary: dict[int, list[str]] = defaultdict(list)
    reasons = DebriefReason.objects.filter(debrief_id__in=[r["id"] for r in rows])
    for debrief_id, category in reasons.values_list("debrief_id", "category"):
        secondary[debrief_id].append(category)
    zone = timezone.get_current_timezone()
    return [
        DebriefFacts(
            rep_id=r["deal__owner_id"],
            categories=(r["primary_category"], *secondary[r["id"]]),
            segment=r["segment"],
            closed_on=r["completed_at"].astimezone(zone).date() if r["completed_at"] else None,
            words=r["prospect_words"],
        )
        for r in rows
    ]


def team_debriefs(team: Team) -> QuerySet[Debrief]:
    return Debrief.objects.filter(deal__team=team)


@dataclass(frozen=True)
class ProductBoard:
    segments: list[SegmentFeedback]
    months: list[str]
    all_segments: list[str]


def product_board(team: Team, segment: str = "", today: dt.date | None = None) -> ProductBoard:
    debriefs = team_debriefs(team)
    board = product_feedback(_facts(debriefs))
    names = sorted({s.segment for s in board})
    if segment:
        board = [s for s in board if s.segment == segment]
    day = today or timezone.localdate()
    return ProductBoard(board, last_months(day, TREND_MONTHS), names)


def coaching(team: Team, rep_user_id: int) -> CoachingReport:
    return coaching_report(_facts(team_debriefs(team)), rep_user_id)


def coaching_for_all(team: Team, rep_user_ids: list[int]) -> dict[int, CoachingReport]:
    """Every member's report from one read of the team's debriefs."""
    facts = _facts(team_debriefs(team))
    return {rep_id: coaching_report(facts, rep_id) for rep_id in rep_user_ids}


def rep_debriefs(team: Team, rep_user_id: int, limit: int = 20) -> list[Debrief]:
    return list(
        team_debriefs(team)
        .filter(deal__owner_id=rep_user_id, status=Debrief.Status.COMPLETE)
        .select_related("deal", "deal__prospect")
        .prefetch_related("reasons")
        .order_by("-completed_at")[:limit]
    )


def segment_objections(team: Team, segment: str, limit: int = 3) -> list[ObjectionShare]:
    """What prospects in ``segment`` raised most, across the team's history."""
    rows = Objection.objects.filter(team=team, deal__prospect__segment=segment).values_list(
        "deal_id", "category__name"
    )
    return top_objections(rows, limit)


def objection_summary(team: Team) -> dict[str, list[ObjectionShare]]:
    """Top objections for every segment of the team (one query)."""
    by_segment: dict[str, list[tuple[int, str]]] = defaultdict(list)
    rows = Objection.objects.filter(team=team).values_list(
        "deal__prospect__segment", "deal_id", "category__name"
    )
    for segment, deal_id, name in rows:
        by_segment[segment or ""].append((deal_id, name))
    return {segment: top_objections(rows_) for segment, rows_ in sorted(by_segment.items())}


def referral_outcome(referral: Referral) -> str:
    """The referred deal's outcome ("open", "won", …), or "no deal" before one exists."""
    if referral.deal is None:
        return "no deal"
    return referral.deal.stage.outcome


def referrals_list(user: Any) -> QuerySet[Referral]:
    team_id = membership_for(user).team_id
    return Referral.objects.filter(team_id=team_id).select_related(
        "referrer", "referred", "deal", "deal__stage", "by"
    )


def referrals_of(prospect: Prospect) -> tuple[list[Referral], list[Referral]]:
    """(given by the prospect, received by the prospect), with their deals' stages."""
    rows = list(
        Referral.objects.filter(Q(referrer=prospect) | Q(referred=prospect)).select_related(
            "referrer", "referred", "deal__stage"
        )
    )
    given = [r for r in rows if r.referrer_id == prospect.pk]
    received = [r for r in rows if r.referred_id == prospect.pk]
    return given, received
