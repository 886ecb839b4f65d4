"""Scoring: rows → facts → ``worth_signals.assess`` → a ``WorthScore`` row per scoring."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from goodfit.core.audit import audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.money.domain import worth_signals as sig
from goodfit.money.domain.findings import score_fields
from goodfit.money.domain.rules import Rules, rules_from
from goodfit.money.domain.texts import template_problems
from goodfit.money.models import InteractionFlag, MoneySettings, WorthScore
from goodfit.money.selectors import (
    Suggestion,
    assess_in_memory,
    chunks,
    latest_score,
    rules_for,
    team_rules,
)
from goodfit.pipeline.models import Deal, Outcome, Stage

FUTURE = InteractionFlag.Kind.FUTURE_BUSINESS_PROMISE


def _save_suggestions(suggestions: list[Suggestion]) -> None:
    """Store the future-business flags that phrases suggested (source "phrase")."""
    now = timezone.now()
    rows = [
        InteractionFlag(
            interaction_id=s.interaction_id, kind=FUTURE, at=now,
            source=InteractionFlag.Source.PHRASE, phrase=s.phrase[:80],
        )
        for s in suggestions
    ]  # fmt: skip
    InteractionFlag.objects.bulk_create(rows, ignore_conflicts=True)


def assess_deals(deals: Sequence[Any], rules: Rules) -> dict[int, sig.Assessment]:
    """Assess ``deals`` and store the flags their words suggest (a write: services only)."""
    results, suggestions = assess_in_memory(deals, rules)
    _save_suggestions(suggestions)
    return results


def _same(row: WorthScore | None, new: WorthScore) -> bool:
    if row is None or row.at_close != new.at_close:
        return False
    fields = ("score", "recommendation", "signals", "resets", "severe", "missing")
    return all(getattr(row, f) == getattr(new, f) for f in fields)


@transaction.atomic
def worth_refresh(*, deal: Deal, force: bool = False, at_close: bool = False) -> WorthScore:
    """Score ``deal`` now; a new row only when the result changed (or ``force``).

    ``at_close`` marks the score kept when the deal closed (always a new row)."""
    result = assess_deals([deal], team_rules(deal.team_id))[deal.pk]
    current = latest_score(deal)
    new = WorthScore(deal_id=deal.pk, at=timezone.now(), at_close=at_close, **score_fields(result))
    if not (force or at_close) and _same(current, new):
        assert current is not None
        return current
    new.save()
    return new


def worth_after_change(deal: Deal) -> WorthScore | None:
    """Re-score after an input changed, in the writer's transaction. A closed deal keeps
    the score it closed with, so nothing is written for it."""
    if Stage.objects.filter(pk=deal.stage_id, outcome=Outcome.OPEN).exists():
        return worth_refresh(deal=deal)
    return None


@transaction.atomic
def worth_refresh_many(*, deals: Sequence[Any], rules: Rules | None = None) -> int:
    """Score many deals (of one team when ``rules`` is None) with a few queries; a new
    row for each. Returns the number scored."""
    if not deals:
        return 0
    rules = rules or team_rules(deals[0].team_id)
    now = timezone.now()
    results = assess_deals(deals, rules)
    _insert_scores({pk: score_fields(result) for pk, result in results.items()}, now)
    return len(results)


_json = json.JSONEncoder(separators=(",", ":")).encode


def _insert_scores(rows: dict[int, dict[str, Any]], at: Any) -> None:
    """``INSERT`` score rows in one ``executemany``: the ORM's per-value preparation of
    two JSON columns would double the time of a 100,000-deal re-score."""
    meta, quote = WorthScore._meta, connection.ops.quote_name
    names = ["deal", "score", "recommendation", "signals", "resets", "severe", "missing",
             "at_close", "at"]  # fmt: skip
    columns = ", ".join(quote(meta.get_field(n).column) for n in names)
    as_json = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    values = f"%s, %s, %s, {as_json}, {as_json}, {as_json}, {as_json}, %s, %s"
    at = connection.ops.adapt_datetimefield_value(at)
    params = [
        (pk, r["score"], r["recommendation"], _json(r["signals"]), _json(r["resets"]),
         _json(r["severe"]), _json(r["missing"]), False, at)
        for pk, r in rows.items()
    ]  # fmt: skip
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
    _rescore_team(team, rules_for(row))
    return row


def _rescore_team(team: Team, rules: Rules) -> None:
    """New weights or thresholds change every open deal's score: re-score them now, so
    no page shows a score computed under the old settings."""
    open_deals = Deal.objects.filter(team=team, stage__outcome=Outcome.OPEN)
    for chunk in chunks(open_deals):
        worth_refresh_many(deals=chunk, rules=rules)


__all__ = [
    "money_settings_update", "rules_for", "worth_after_change", "worth_refresh",
    "worth_refresh_many",
]  # fmt: skip
