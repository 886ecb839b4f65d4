"""Reads for follow-ups: the day's queue, a deal's follow-ups, come-back rates."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django.db.models import F, OuterRef, QuerySet, Subquery
from django.utils import timezone

from goodfit.core.access import membership_for
from goodfit.followups.adapters import ACTIVE, cadence_for
from goodfit.followups.domain.comeback import DealHistory, SourceRate, comeback_rates
from goodfit.followups.models import FollowUp, NoDecision
from goodfit.pipeline.models import Deal, Interaction, Outcome, StageChange


def end_of_today(user: Any, now: dt.datetime) -> dt.datetime:
    """Midnight at the end of the user's own day."""
    zone = zoneinfo.ZoneInfo(membership_for(user).time_zone)
    local = now.astimezone(zone)
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(0), tzinfo=zone)
    return midnight.astimezone(dt.UTC)


def _whose(user: Any, team: bool) -> dict[str, Any]:
    """Filter for the user's own follow-ups, or (managers) the whole team's."""
    if team:
        team_id = membership_for(user).team_id
        return {"deal__team_id": team_id, "assignee__membership__is_active": True}
    return {"assignee": user}


def today_queue(
    user: Any, now: dt.datetime | None = None, *, team: bool = False
) -> QuerySet[FollowUp]:
    """Follow-ups due by the end of the user's day (overdue first), time order: the
    user's own, or with ``team`` the whole team's (managers)."""
    now = now or timezone.now()
    return (
        FollowUp.objects.filter(
            **_whose(user, team), status__in=ACTIVE, due_at__lt=end_of_today(user, now)
        )
        .select_related("deal__prospect", "deal__offering", "deal__team", "step", "assignee")
        .order_by("due_at", "id")
    )


def coming_up(
    user: Any, now: dt.datetime | None = None, days: int = 7, *, team: bool = False
) -> QuerySet[FollowUp]:
    """Follow-ups after today, for the next ``days`` days."""
    now = now or timezone.now()
    start = end_of_today(user, now)
    return (
        FollowUp.objects.filter(
            **_whose(user, team),
            status__in=ACTIVE,
            due_at__gte=start,
            due_at__lt=start + dt.timedelta(days=days),
        )
        .select_related("deal__prospect", "step", "assignee")
        .order_by("due_at", "id")[:50]
    )


def due_count(user: Any, now: dt.datetime | None = None) -> int:
    """The user's follow-ups on today's list (due by the end of their day, overdue
    included): the number on the Today link, the same count the page shows."""
    now = now or timezone.now()
    return FollowUp.objects.filter(
        assignee=user, status__in=ACTIVE, due_at__lt=end_of_today(user, now)
    ).count()


def deal_followups(deal: Deal, limit: int = 8) -> list[FollowUp]:
    """The deal's follow-ups, active ones first by time, then the latest closed ones."""
    rows = FollowUp.objects.filter(deal=deal).select_related("step", "assignee")
    active = list(rows.filter(status__in=ACTIVE).order_by("due_at", "id")[:limit])
    closed = list(rows.exclude(status__in=ACTIVE).order_by("-due_at", "-id")[:limit])
    return active + closed


def user_calendar(user: Any, since: dt.datetime) -> QuerySet[FollowUp]:
    return (
        FollowUp.objects.filter(assignee=user, status__in=ACTIVE, due_at__gte=since)
        .select_related("deal__prospect", "step")
        .order_by("due_at")[:500]
    )


def _histories(team_id: int, source: str | None = None) -> list[DealHistory]:
    # Driven from the stalled deals (a few), not by checking every deal of the team.
    deals = Deal.objects.filter(team_id=team_id, pk__in=NoDecision.objects.values("deal_id"))
    if source is not None:
        deals = deals.filter(prospect__source=source)
    first_stall = NoDecision.objects.filter(deal=OuterRef("pk")).order_by("at").values("at")[:1]
    last_inbound = (
        Interaction.objects.filter(deal=OuterRef("pk"), direction=Interaction.Direction.INBOUND)
        .order_by("-occurred_at")
        .values("occurred_at")[:1]
    )
    # An advance: to a later open stage, or to a won one.
    last_advance = (
        StageChange.objects.filter(
            deal=OuterRef("pk"),
            to_stage__position__gt=F("from_stage__position"),
            to_stage__outcome__in=(Outcome.OPEN, Outcome.WON),
        )
        .order_by("-at")
        .values("at")[:1]
    )
    # No ORDER BY: a rate needs no order, and sorting would walk every deal of the team.
    rows = (
        deals.order_by()
        .values_list("prospect__source", "stage__outcome")
        .annotate(
            stalled=Subquery(first_stall),
            inbound=Subquery(last_inbound),
            advanced=Subquery(last_advance),
        )
    )
    return [
        DealHistory(
            source or "",
            stalled,
            (inbound,) if inbound else (),
            (advanced,) if advanced else (),
            outcome == Outcome.WON,
        )
        for source, outcome, stalled, inbound, advanced in rows
    ]


def team_comeback_rates(team: Any, now: dt.datetime | None = None) -> list[SourceRate]:
    """Every lead source's come-back rate, largest sample first."""
    cadence = cadence_for(team)
    rates = comeback_rates(
        _histories(team.pk),
        now=now or timezone.now(),
        threshold=cadence.comeback_threshold_pct / 100,
        min_sample=cadence.comeback_min_sample,
    )
    return sorted(rates.values(), key=lambda r: (-r.sample, r.source))


def source_comeback_rate(team: Any, source: str, now: dt.datetime | None = None) -> SourceRate:
    cadence = cadence_for(team)
    rates = comeback_rates(
        _histories(team.pk, source),
        now=now or timezone.now(),
        threshold=cadence.comeback_threshold_pct / 100,
        min_sample=cadence.comeback_min_sample,
    )
    label = source.strip() or "(no source)"
    return rates.get(label, SourceRate(label, 0, 0))
