"""Reads for the good-money check: rows turned into ``facts.DealFacts``, in batches.

``facts_for_deals`` reads any number of deals in a fixed number of queries per chunk,
so one deal's panel and a 100,000-deal re-score share the same code.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, NamedTuple

from django.db.models import Count, OuterRef, QuerySet, Subquery, Sum
from django.utils import timezone

from goodfit.core.models import Membership
from goodfit.money.domain import worth_signals as sig
from goodfit.money.domain.findings import score_fields
from goodfit.money.domain.rules import Rules, rules_from
from goodfit.money.domain.texts import future_business_phrases
from goodfit.money.models import (
    Concession,
    InteractionFlag,
    MeetingOutcome,
    MoneySettings,
    Quote,
    TimeLog,
    WorthScore,
)
from goodfit.pipeline.models import Deal, Interaction

CHUNK = 2000
NO_FLAGS: frozenset[str] = frozenset()
# What scoring reads of a deal, in ``ScoringDeal`` order.
SCORING_FIELDS = (
    "pk", "team_id", "owner_id", "amount", "discount_pct", "currency",
    "offering__cost_to_serve", "offering__min_margin_pct",
)  # fmt: skip


@dataclass
class Loaded:
    """What scoring one deal needs, and the inbound texts that phrase matching reads."""

    facts: sig.DealFacts
    # (interaction id, words) of inbound interactions, for future-business phrases
    inbound_texts: list[tuple[int, str]] = field(default_factory=list)
    # (interaction id, kind) of every flag, dismissed or not: phrases never re-suggest them
    flagged: set[tuple[int, str]] = field(default_factory=set)


def team_rules(team_id: int) -> Rules:
    row = MoneySettings.objects.filter(team_id=team_id).first()
    return rules_for(row)


def rules_for(row: MoneySettings | None) -> Rules:
    if row is None:
        return Rules()
    thresholds = {**row.thresholds, "bottom_percent": row.bottom_percent}
    try:
        return rules_from(row.weights, thresholds)
    except ValueError:
        # Stored settings were validated when saved; a later change of bounds must not
        # make a team's pages fail, so fall back to the defaults for the rest.
        return Rules(bottom_percent=row.bottom_percent)


def _work_hours(deals: Sequence[Any]) -> dict[int, sig.WorkHours]:
    rows = Membership.objects.filter(user_id__in={d.owner_id for d in deals}).values_list(
        "user_id", "time_zone", "work_start", "work_end", "work_days"
    )
    return {uid: sig.WorkHours(zone, start, end, days) for uid, zone, start, end, days in rows}


def _by_deal(rows: Iterable[tuple[Any, ...]]) -> dict[int, list[tuple[Any, ...]]]:
    grouped: dict[int, list[tuple[Any, ...]]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append(row[1:])
    return grouped


def _interactions(ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    fields = ("deal_id", "id", "direction", "channel", "occurred_at", "word_count")
    rows = Interaction.objects.filter(deal_id__in=ids).order_by().values_list(*fields)
    return _by_deal(rows)


def _inbound_texts(ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    rows = (
        Interaction.objects.filter(deal_id__in=ids, direction=Interaction.Direction.INBOUND)
        .order_by()
        .values_list("deal_id", "id", "summary", "text")
    )
    return _by_deal(rows)


def _flags(ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    rows = (
        InteractionFlag.objects.filter(interaction__deal_id__in=ids)
        .order_by()
        .values_list("interaction__deal_id", "interaction_id", "kind", "dismissed_at")
    )
    return _by_deal(rows)


def _simple(model: Any, ids: list[int], *fields: str) -> dict[int, list[tuple[Any, ...]]]:
    return _by_deal(
        model.objects.filter(deal_id__in=ids).order_by().values_list("deal_id", *fields)
    )


def _meetings(ids: list[int]) -> dict[int, list[tuple[Any, ...]]]:
    rows = (
        MeetingOutcome.objects.filter(interaction__deal_id__in=ids)
        .order_by()
        .values_list("interaction__deal_id", "interaction_id", "outcome")
    )
    return _by_deal(rows)


def _facts(deal: Any, hours: sig.WorkHours, parts: dict[str, dict[int, list]]) -> Loaded:
    pk = deal.pk
    flags = parts["flags"].get(pk, [])
    active: dict[int, set[str]] = defaultdict(set)
    for interaction_id, kind, dismissed in flags:
        if dismissed is None:
            active[interaction_id].add(kind)
    interactions = [
        sig.InteractionFact(i, d, c, at, words, frozenset(active[i]) if i in active else NO_FLAGS)
        for i, d, c, at, words in parts["interactions"].get(pk, [])
    ]
    facts = sig.DealFacts(
        terms=sig.Terms(
            deal.amount,
            deal.discount_pct,
            deal.offering.cost_to_serve,
            deal.offering.min_margin_pct,
        ),
        interactions=interactions,
        concessions=[sig.ConcessionFact(*row) for row in parts["concessions"].get(pk, [])],
        meetings=[sig.Meeting(*row) for row in parts["meetings"].get(pk, [])],
        quotes=[sig.QuoteFact(*row) for row in parts["quotes"].get(pk, [])],
        time_entries=[sig.TimeEntry(*row) for row in parts["hours"].get(pk, [])],
        work_hours=hours,
        currency=deal.currency,
    )
    texts = [(i, f"{summary} {text}") for i, summary, text in parts["texts"].get(pk, [])]
    return Loaded(facts, texts, {(i, kind) for i, kind, _ in flags})


def facts_for_deals(deals: Sequence[Any]) -> dict[int, Loaded]:
    """Facts for ``deals`` (with ``offering`` loaded): eight queries, whatever the number."""
    ids = [d.pk for d in deals]
    parts = {
        "interactions": _interactions(ids),
        "texts": _inbound_texts(ids),
        "flags": _flags(ids),
        "concessions": _simple(Concession, ids, "id", "kind", "value", "at"),
        "quotes": _simple(Quote, ids, "id", "version", "amount", "terms", "sent_at"),
        "hours": _simple(TimeLog, ids, "id", "hours"),
        "meetings": _meetings(ids),
    }
    hours = _work_hours(deals)
    return {d.pk: _facts(d, hours.get(d.owner_id, sig.WorkHours()), parts) for d in deals}


class OfferingTerms(NamedTuple):
    cost_to_serve: Decimal
    min_margin_pct: Decimal


class ScoringDeal(NamedTuple):
    """The fields of a deal that scoring reads (a Deal works as well; this is lighter)."""

    pk: int
    team_id: int
    owner_id: int
    amount: Decimal
    discount_pct: Decimal
    currency: str
    offering: OfferingTerms


def chunks(queryset: QuerySet[Deal], size: int = CHUNK) -> Iterator[list[ScoringDeal]]:
    """Deals by ascending id, ``size`` at a time (keyset pagination: no growing offsets),
    as plain tuples: building model instances was a tenth of a large re-score."""
    last = 0
    while True:
        rows = queryset.filter(pk__gt=last).order_by("pk").values_list(*SCORING_FIELDS)[:size]
        chunk = [ScoringDeal(*row[:6], OfferingTerms(*row[6:])) for row in rows]
        if not chunk:
            return
        yield chunk
        last = chunk[-1].pk


# ---- assessing without writing ---------------------------------------------------------

FUTURE = str(InteractionFlag.Kind.FUTURE_BUSINESS_PROMISE)


class Suggestion(NamedTuple):
    """A future-business flag that a phrase suggests for an inbound interaction."""

    interaction_id: int
    phrase: str


def _suggest(item: Loaded) -> tuple[Loaded, list[Suggestion]]:
    """The flags ``item``'s inbound words suggest (unless that flag exists, dismissed or
    not), and the facts as if they were stored."""
    found = []
    for interaction_id, words in item.inbound_texts:
        phrases = future_business_phrases(words)
        if phrases and (interaction_id, FUTURE) not in item.flagged:
            found.append(Suggestion(interaction_id, phrases[0]))
    if not found:
        return item, []
    ids = {f.interaction_id for f in found}
    interactions = [
        dataclasses.replace(i, flags=i.flags | {FUTURE}) if i.id in ids else i
        for i in item.facts.interactions
    ]
    facts = dataclasses.replace(item.facts, interactions=interactions)
    return Loaded(facts, item.inbound_texts, item.flagged | {(i, FUTURE) for i in ids}), found


def assess_in_memory(
    deals: Sequence[Any], rules: Rules
) -> tuple[dict[int, sig.Assessment], list[Suggestion]]:
    """Assess ``deals`` from their rows, writing nothing: the assessments and the flags
    phrases suggest (which a service stores)."""
    results: dict[int, sig.Assessment] = {}
    suggestions: list[Suggestion] = []
    for pk, item in facts_for_deals(deals).items():
        item, found = _suggest(item)
        suggestions += found
        results[pk] = sig.assess(item.facts, rules)
    return results, suggestions


def unsaved_scores(deals: Sequence[Any], rules: Rules) -> dict[int, WorthScore]:
    """Scores for deals that have no stored score (made before scores were kept, or by
    bulk imports): computed for the page, never saved."""
    results, _ = assess_in_memory(deals, rules)
    now = timezone.now()
    return {
        pk: WorthScore(deal_id=pk, at=now, **score_fields(result)) for pk, result in results.items()
    }


# ---- current scores -----------------------------------------------------------------


def latest_score(deal: Deal) -> WorthScore | None:
    return WorthScore.objects.filter(deal=deal).order_by("-at", "-id").first()


@dataclass
class CurrentWorth:
    """What the deal page and the API show: the stored score, or one computed now for a
    deal that has none (``stored`` False), and whether it is the score kept at closing."""

    score: WorthScore
    stored: bool
    closed: bool  # the deal is closed: ``score`` is the one it had when it closed


def current_worth(deal: Deal) -> CurrentWorth | None:
    """A read: never writes. ``None`` for a closed deal that never had a score."""
    closed = deal.stage.outcome != "open"
    rows = WorthScore.objects.filter(deal=deal).order_by("-at", "-id")
    if closed:
        kept = rows.filter(at_close=True).first()
        if kept is None and deal.closed_at is not None:
            kept = rows.filter(at__lte=deal.closed_at).first()
        return CurrentWorth(kept, True, True) if kept else None
    latest = rows.first()
    if latest is not None:
        return CurrentWorth(latest, True, False)
    fresh = unsaved_scores([deal], team_rules(deal.team_id))[deal.pk]
    return CurrentWorth(fresh, False, False)


def with_worth(deals: QuerySet[Deal]) -> QuerySet[Deal]:
    """Annotate each deal with its current score (id and value), touches and hours logged
    (subqueries: one query for the whole list)."""
    latest = WorthScore.objects.filter(deal=OuterRef("pk")).order_by("-at", "-id")
    logged = (
        Interaction.objects.filter(deal=OuterRef("pk"))
        .order_by()
        .values("deal")
        .annotate(n=Count("id"))
    )
    hours = TimeLog.objects.filter(deal=OuterRef("pk")).order_by().values("deal")
    return deals.annotate(
        worth_id=Subquery(latest.values("id")[:1]),
        worth_score=Subquery(latest.values("score")[:1]),
        touches=Subquery(logged.values("n")[:1]),
        hours_logged=Subquery(hours.annotate(total=Sum("hours")).values("total")[:1]),
    )
