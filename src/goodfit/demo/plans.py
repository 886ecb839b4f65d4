"""Plans for generated deals: plain Python, the same plans for the same seed.

A plan is everything one deal will be: its prospect, terms, path through the stages with
times, interactions, notes and maybe a cancellation. ``bulk.py`` turns plans into rows.
Times are consistent by construction: created ≤ every stage change ≤ closed, interactions
and notes fall between creation and the last activity, and nothing is after ``today``.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from goodfit.demo import words
from goodfit.demo.prospects import ProspectPlan, prospect_plan, weighted

HISTORY_DAYS = 548  # eighteen months
REPEAT_PROSPECT_RATE = 0.15

OFFERING_MIX = [("debt", 50), ("ledgerly", 38), ("coaching", 12)]
OFFERING_KIND = {"debt": "person", "ledgerly": "company", "coaching": "person"}
OFFERING_SHORT = {"debt": "debt relief", "ledgerly": "Ledgerly", "coaching": "money coaching"}
OWNERS = {
    "person": [("olivia", 45), ("sam", 40), ("raj", 15)],
    "company": [("raj", 55), ("sam", 30), ("olivia", 15)],
}
# Mean days between two stage moves: consumers decide faster than finance teams.
STEP_DAYS = {"person": 4.0, "company": 9.0}

OUTCOMES = {
    "Consumer — high unsecured debt": [
        ("won", 40), ("lost", 30), ("not_a_fit", 10), ("walked_away", 4), ("open", 6)
    ],
    "Consumer — moderate debt": [
        ("won", 30), ("lost", 30), ("not_a_fit", 25), ("walked_away", 3), ("open", 6)
    ],
    "Consumer — mostly secured debt": [
        ("won", 8), ("lost", 20), ("not_a_fit", 60), ("walked_away", 2), ("open", 5)
    ],
    "SMB": [("won", 30), ("lost", 35), ("not_a_fit", 12), ("walked_away", 8), ("open", 8)],
    "Mid-market": [("won", 28), ("lost", 36), ("not_a_fit", 8), ("walked_away", 10), ("open", 8)],
    "Enterprise": [("won", 22), ("lost", 45), ("not_a_fit", 5), ("walked_away", 8), ("open", 10)],
}  # fmt: skip
CANCEL_RATE = {"Consumer — mostly secured debt": 0.35, "Consumer — moderate debt": 0.15}
DEFAULT_CANCEL_RATE = 0.10
CLOSED_STAGE = {
    "won": "Won",
    "lost": "Lost",
    "not_a_fit": "Not a fit",
    "walked_away": "Walked away",
}
OPEN_STAGES = ["Lead", "Discovery", "Proposal", "Negotiation"]
DISCOUNTS = [(0, 70), (5, 10), (10, 10), (15, 5), (20, 3), (30, 2)]


@dataclass(slots=True)
class InteractionPlan:
    direction: str
    channel: str
    at: dt.datetime
    summary: str


@dataclass(slots=True)
class DealPlan:
    prospect: ProspectPlan
    new_prospect: bool
    offering: str
    owner: str
    title: str
    amount: Decimal
    discount_pct: Decimal
    outcome: str
    stages: list[tuple[str, dt.datetime]]
    expected_close_date: dt.date | None = None
    interactions: list[InteractionPlan] = field(default_factory=list)
    notes: list[tuple[dt.datetime, str, str]] = field(default_factory=list)  # at, author, body
    cancellation: tuple[dt.date, str] | None = None

    @property
    def created_at(self) -> dt.datetime:
        return self.stages[0][1]

    @property
    def closed_at(self) -> dt.datetime | None:
        return self.stages[-1][1] if self.outcome != "open" else None

    @property
    def updated_at(self) -> dt.datetime:
        """The last activity: a stage move, an interaction or a note."""
        times = [self.stages[-1][1]]
        times += [i.at for i in self.interactions[-1:]]
        times += [at for at, _, _ in self.notes]
        return max(times)


def _amount(rng: random.Random, offering: str, segment: str) -> Decimal:
    if offering == "debt":
        enrolled = rng.lognormvariate(10.4, 0.45)  # median ≈ $33k of unsecured debt
        return Decimal(round(enrolled * 0.18, -2))
    if offering == "coaching":
        return Decimal(rng.choice([600, 900, 900, 1200]))
    low, high = {"SMB": (9, 30), "Mid-market": (24, 72), "Enterprise": (60, 180)}[segment]
    return Decimal(rng.randint(low * 2, high * 2) * 500)


def _stage_names(rng: random.Random, outcome: str) -> list[str]:
    if outcome == "won":
        middle = ["Proposal", "Negotiation"] if rng.random() < 0.7 else ["Proposal"]
        return ["Lead", "Discovery", *middle, "Won"]
    if outcome == "not_a_fit":
        return ["Lead", "Discovery", "Not a fit"] if rng.random() < 0.85 else ["Lead", "Not a fit"]
    if outcome == "open":
        return OPEN_STAGES[: rng.randint(1, 4)]
    depth = {"lost": rng.randint(2, 4), "walked_away": rng.randint(3, 4)}[outcome]
    return [*OPEN_STAGES[:depth], CLOSED_STAGE[outcome]]


def _timed_path(
    rng: random.Random, names: list[str], created: dt.datetime, kind: str, today: dt.datetime
) -> list[tuple[str, dt.datetime]]:
    """Stage names with increasing times; stops before ``today`` (the deal is still open)."""
    path, at = [(names[0], created)], created
    for name in names[1:]:
        at += dt.timedelta(days=0.05 + rng.expovariate(1 / STEP_DAYS[kind]))
        if at >= today:
            break
        path.append((name, at))
    return path


def _in_hours(
    rng: random.Random, at: dt.datetime, zone: str, hours: tuple[int, int]
) -> dt.datetime:
    """The same local day as ``at``, at a random minute of the prospect's ``hours``."""
    local = at.astimezone(ZoneInfo(zone))
    hour, minute = rng.randint(hours[0], hours[1] - 1), rng.randint(0, 59)
    return local.replace(hour=hour, minute=minute, second=0, microsecond=0).astimezone(dt.UTC)


def _interaction(
    rng: random.Random, prospect: ProspectPlan, start: dt.datetime, end: dt.datetime
) -> InteractionPlan:
    direction = "out" if rng.random() < 0.65 else "in"
    channel = (
        prospect.preferred_channel
        if rng.random() < 0.5
        else rng.choice(["call", "email", "email", "message", "meeting"])
    )
    if (direction, channel) not in words.SUMMARIES:
        channel = "email"
    at = start + (end - start) * rng.random()
    # Inbound texts late at night are a real cost of some deals; a few happen.
    late = direction == "in" and channel == "message" and rng.random() < 0.1
    hours = (22, 24) if late else (prospect.contact_start.hour, prospect.contact_end.hour)
    placed = _in_hours(rng, at, prospect.time_zone, hours)
    if start <= placed <= end:
        at = placed
    summary = rng.choice(words.SUMMARIES[(direction, channel)])
    return InteractionPlan(direction, channel, at, summary)


def _activity_end(rng: random.Random, plan: DealPlan, today: dt.datetime) -> dt.datetime:
    if plan.closed_at:
        return plan.closed_at
    last_move = plan.stages[-1][1]
    return min(today - dt.timedelta(minutes=5), last_move + dt.timedelta(days=rng.uniform(0, 10)))


def _add_activity(rng: random.Random, plan: DealPlan, today: dt.datetime) -> None:
    prospect, start = plan.prospect, plan.created_at
    end = _activity_end(rng, plan, today)
    direction, channel, summary = words.FIRST_TOUCH[prospect.source]
    plan.interactions.append(InteractionPlan(direction, channel, start, summary))
    for _ in range(rng.randint(0, len(plan.stages) + 2)):
        plan.interactions.append(_interaction(rng, prospect, start, end))
    plan.interactions.sort(key=lambda i: i.at)
    if rng.random() < 0.25:
        at = start + (end - start) * rng.random()
        plan.notes.append((at, plan.owner, rng.choice(words.MID_DEAL_NOTES)))
    if plan.closed_at:
        body = rng.choice(words.OUTCOME_NOTES[(plan.outcome, prospect.kind)])
        plan.notes.append((plan.closed_at, plan.owner, body))
    plan.notes.sort(key=lambda n: n[0])


def _add_cancellation(rng: random.Random, plan: DealPlan, today: dt.datetime) -> None:
    closed = plan.closed_at
    rate = CANCEL_RATE.get(plan.prospect.segment, DEFAULT_CANCEL_RATE)
    if plan.outcome != "won" or closed is None or rng.random() >= rate:
        return
    on = closed.date() + dt.timedelta(days=rng.randint(14, 240))
    if on < today.date():
        plan.cancellation = (on, rng.choice(words.CANCEL_REASONS[plan.prospect.kind]))


def deal_plan(
    rng: random.Random, prospect: ProspectPlan, new: bool, offering: str, today: dt.datetime
) -> DealPlan:
    kind = prospect.kind
    # Skewed towards recent months: the team has grown, and the board has open deals.
    created = today - dt.timedelta(days=HISTORY_DAYS * rng.random() ** 1.4 + 0.05)
    created = _in_hours(rng, created, prospect.time_zone, (8, 20))
    outcome = weighted(rng, OUTCOMES[prospect.segment])
    stages = _timed_path(rng, _stage_names(rng, outcome), created, kind, today)
    if stages[-1][0] in OPEN_STAGES:
        outcome = "open"
    plan = DealPlan(
        prospect=prospect,
        new_prospect=new,
        offering=offering,
        owner=weighted(rng, OWNERS[kind]),
        title=f"{prospect.company or prospect.name} — {OFFERING_SHORT[offering]}",
        amount=_amount(rng, offering, prospect.segment),
        discount_pct=Decimal(weighted(rng, DISCOUNTS)),
        outcome=outcome,
        stages=stages,
    )
    closed = plan.closed_at
    plan.expected_close_date = (
        closed.date() if closed else created.date() + dt.timedelta(days=rng.randint(21, 120))
    )
    _add_activity(rng, plan, today)
    _add_cancellation(rng, plan, today)
    return plan


def deal_plans(rng: random.Random, count: int, today: dt.datetime) -> Iterator[DealPlan]:
    """``count`` deal plans; some prospects come back for a second deal."""
    pools: dict[str, list[ProspectPlan]] = {"person": [], "company": []}
    for key in range(count):
        offering = weighted(rng, OFFERING_MIX)
        pool = pools[OFFERING_KIND[offering]]
        if pool and rng.random() < REPEAT_PROSPECT_RATE:
            yield deal_plan(rng, rng.choice(pool), False, offering, today)
            continue
        prospect = prospect_plan(rng, key, OFFERING_KIND[offering])
        pool.append(prospect)
        yield deal_plan(rng, prospect, True, offering, today)
