"""Demo follow-ups: the default ladder, today's queue, and a history of stalled
conversations that gives each lead source its own come-back rate.

Deterministic and small: a fixed number of rows whatever ``--deals`` is.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Max

from goodfit.demo.roster import Cast
from goodfit.followups.models import NoDecision
from goodfit.followups.services import cadence_update, followup_schedule, ladder_create_default
from goodfit.pipeline.models import Deal, Outcome

# source → (stalled deals that never came back, stalled deals later won). With the
# default 10% threshold: cold call and event say "ask for a decision now", the others
# "nurture" — the seed's mortgage-lender lesson next to a product people return to.
COMEBACK_PLAN = {
    "cold call": (19, 1),
    "event": (8, 0),
    "web form": (7, 3),
    "partner": (5, 2),
    "referral": (4, 6),
}
# (deal title, rung position, days ago the call ended without a decision): the rung's
# own time, inside the prospect's hours, lands today.
OPEN_FOLLOWUPS = [
    ("Ethan Brooks — debt relief", 2, 1),
    ("Brightline Logistics — Ledgerly", 3, 3),
]


def followups_demo_create(cast: Cast) -> None:
    ladder = ladder_create_default(team=cast.team)
    cadence_update(team=cast.team, actor=None, max_touches=4, comeback_threshold_pct=10)
    steps = {s.position: s for s in ladder.steps.select_related("template", "ladder")}
    for title, position, ago in OPEN_FOLLOWUPS:
        deal = (
            Deal.objects.select_related("prospect", "team", "owner")
            .filter(team=cast.team, title=title)
            .first()
        )
        if deal is None or deal.prospect.do_not_contact:
            continue
        stalled = cast.at(ago, 15, zone=deal.prospect.time_zone)
        NoDecision.objects.create(deal=deal, at=stalled, by=deal.owner)
        followup_schedule(
            deal=deal, actor=deal.owner, step=steps[position], now=stalled, adjust=True
        )
    _comeback_history(cast)


def _closed(cast: Cast, source: str, won: bool) -> list[Deal]:
    outcomes = [Outcome.WON] if won else [Outcome.LOST, Outcome.WALKED_AWAY, Outcome.NOT_A_FIT]
    return list(
        Deal.objects.filter(
            team=cast.team,
            prospect__source=source,
            stage__outcome__in=outcomes,
            closed_at__lt=cast.today - dt.timedelta(days=30),
        )
        .annotate(last_talk=Max("interactions__occurred_at"), last_move=Max("stage_changes__at"))
        .order_by("id")
    )


def _comeback_history(cast: Cast) -> None:
    """Stalls after the last activity of deals that went nowhere; a week before the
    close of deals that were won."""
    rows = []
    for source, (gone, back) in COMEBACK_PLAN.items():
        for deal in _closed(cast, source, won=False)[:gone]:
            last = max(t for t in (deal.last_talk, deal.last_move, deal.created_at) if t)
            rows.append(NoDecision(deal=deal, at=last + dt.timedelta(minutes=1), by=deal.owner))
        for deal in _closed(cast, source, won=True)[:back]:
            at = max(deal.created_at, deal.closed_at - dt.timedelta(days=7))
            rows.append(NoDecision(deal=deal, at=at, by=deal.owner))
    NoDecision.objects.bulk_create(rows)
