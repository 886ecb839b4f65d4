"""Scoring: rows → facts → ``signals.assess`` → a ``WorthScore`` row per scoring."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from goodfit.core.audit import audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.money import signals as sig
from goodfit.money.models import InteractionFlag, MoneySettings, WorthScore
from goodfit.money.rules import Rules, rules_from
from goodfit.money.selectors import Loaded, facts_for_deals, latest_score, rules_for, team_rules
from goodfit.money.texts import future_business_phrases, template_problems
from goodfit.pipeline.models import Deal

FUTURE = InteractionFlag.Kind.FUTURE_BUSINESS_PROMISE


def signal_json(signal: sig.Signal) -> dict[str, Any]:
    return {
        "key": signal.key,
        "label": signal.label,
        "value": signal.value,
        "weight": signal.weight,
        "severity": signal.severity,
        "effect": signal.effect,
        "reason": signal.reason,
        "evidence": [{"kind": kind, "id": pk} for kind, pk in signal.evidence],
    }


def _fields(result: sig.Assessment) -> dict[str, Any]:
    return {
        "score": result.score,
        "recommendation": result.recommendation,
        "signals": [signal_json(s) for s in result.signals],
        "resets": [{"term": r.term, "why": r.why} for r in result.resets],
    }


def _row(deal_id: int, result: sig.Assessment, at: Any) -> WorthScore:
    return WorthScore(deal_id=deal_id, at=at, **_fields(result))


def _suggest_flags(loaded: dict[int, Loaded]) -> None:
    """Flag inbound interactions whose words promise future business (source "phrase"),
    unless that flag exists already (a dismissed one stays dismissed)."""
    new: list[InteractionFlag] = []
    now = timezone.now()
    for deal_id, item in loaded.items():
        added = set()
        for interaction_id, words in item.inbound_texts:
            phrases = future_business_phrases(words)
            if phrases and (interaction_id, FUTURE) not in item.flagged:
                new.append(
                    InteractionFlag(
                        interaction_id=interaction_id, kind=FUTURE, at=now,
                        source=InteractionFlag.Source.PHRASE, phrase=phrases[0][:80],
                    )
                )  # fmt: skip
                added.add(interaction_id)
        if added:
            loaded[deal_id] = _with_flag(item, added)
    InteractionFlag.objects.bulk_create(new, ignore_conflicts=True)


def _with_flag(item: Loaded, ids: set[int]) -> Loaded:
    interactions = [
        dataclasses.replace(i, flags=i.flags | {FUTURE}) if i.id in ids else i
        for i in item.facts.interactions
    ]
    facts = dataclasses.replace(item.facts, interactions=interactions)
    flagged = item.flagged | {(i, str(FUTURE)) for i in ids}
    return Loaded(facts, item.inbound_texts, flagged)


def assess_deals(deals: Sequence[Any], rules: Rules) -> dict[int, sig.Assessment]:
    loaded = facts_for_deals(deals)
    _suggest_flags(loaded)
    return {pk: sig.assess(item.facts, rules) for pk, item in loaded.items()}


def _same(row: WorthScore | None, new: WorthScore) -> bool:
    if row is None:
        return False
    fields = ("score", "recommendation", "signals", "resets")
    return all(getattr(row, f) == getattr(new, f) for f in fields)


@transaction.atomic
def worth_refresh(*, deal: Deal, force: bool = False) -> WorthScore:
    """Score ``deal`` now; a new row only when the result changed (or ``force``)."""
    result = assess_deals([deal], team_rules(deal.team_id))[deal.pk]
    current = latest_score(deal)
    new = _row(deal.pk, result, timezone.now())
    if not force and current is not None and _same(current, new):
        return current
    new.save()
    return new


@transaction.atomic
def worth_refresh_many(*, deals: Sequence[Any], rules: Rules | None = None) -> int:
    """Score many deals (of one team when ``rules`` is None) with a few queries; a new
    row for each. Returns the number scored."""
    if not deals:
        return 0
    rules = rules or team_rules(deals[0].team_id)
    now = timezone.now()
    results = assess_deals(deals, rules)
    _insert_scores({pk: _fields(result) for pk, result in results.items()}, now)
    return len(results)


_json = json.JSONEncoder(separators=(",", ":")).encode


def _insert_scores(rows: dict[int, dict[str, Any]], at: Any) -> None:
    """``INSERT`` score rows in one ``executemany``: the ORM's per-value preparation of
    two JSON columns would double the time of a 100,000-deal re-score."""
    meta, quote = WorthScore._meta, connection.ops.quote_name
    names = ["deal", "score", "recommendation", "signals", "resets", "at"]
    columns = ", ".join(quote(meta.get_field(n).column) for n in names)
    as_json = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    values = f"%s, %s, %s, {as_json}, {as_json}, %s"
    at = connection.ops.adapt_datetimefield_value(at)
    params = [
        (pk, r["score"], r["recommendation"], _json(r["signals"]), _json(r["resets"]), at)
        for pk, r in rows.items()
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({values})", params
        )


def _validated(weights: Any, thresholds: Any, bottom_percent: int, template: str) -> None:
    if not isinstance(weights, dict) or not isinstance(thresholds, dict):
        raise ValidationError({"weights": "Give weights and thresholds as name → number."})
    try:
        rules_from(weights, {**thresholds, "bottom_percent": bottom_percent})
    except ValueError as error:
        name = str(error).split(":", 1)[0]
        field = "weights" if name in weights else "thresholds"
        field = "bottom_percent" if name == "bottom_percent" else field
        raise ValidationError({field: str(error)}) from None
    problems = template_problems(template)
    if problems:
        raise ValidationError({"walk_away_template": problems[0]})


@transaction.atomic
def money_settings_update(*, team: Team, actor: Any, **fields: Any) -> MoneySettings:
    """Change a team's weights, thresholds, bottom percent or walk-away template."""
    row, _ = MoneySettings.objects.get_or_create(team=team)
    allowed = {"weights", "thresholds", "bottom_percent", "walk_away_template"}
    if set(fields) - allowed:
        raise TypeError(f"Unknown fields: {sorted(set(fields) - allowed)}")
    before = snapshot(row, allowed)
    for name, value in fields.items():
        setattr(row, name, value)
    _validated(row.weights, row.thresholds, row.bottom_percent, row.walk_away_template)
    row.full_clean()
    row.save()
    audit_updated(team=team, actor=actor, obj=row, before=before)
    return row


__all__ = ["money_settings_update", "rules_for", "worth_refresh", "worth_refresh_many"]
