"""Decisions on a deal: override the recommendation, or walk away politely."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from goodfit.core.audit import audit_created
from goodfit.money.domain.advice import override_allowed
from goodfit.money.domain.texts import DEFAULT_WALK_AWAY, MAX_TEMPLATE, render_message
from goodfit.money.models import MoneySettings, Recommendation, TimeLog, WalkAway, WorthOverride
from goodfit.money.pressure import pressure_findings, pressure_problem
from goodfit.money.selectors import latest_score, team_rules
from goodfit.pipeline.models import Deal, Outcome, Stage
from goodfit.pipeline.services import deal_move

# "Per week before the decision" is measured over the four weeks before it.
WINDOW = dt.timedelta(weeks=4)
CENT = Decimal("0.01")
MAX_MESSAGE = MAX_TEMPLATE


def _check_override(deal: Deal, recommendation: str) -> None:
    """Two severe signals mean walking away unless the margin is healthy."""
    score = latest_score(deal)
    if score is None or len(score.severe) < 2:
        return
    margin = next((s["value"] for s in score.signals if s["key"] == "margin"), None)
    if margin is None:
        return
    rules = team_rules(deal.team_id)
    floor = float(deal.offering.min_margin_pct)
    if not override_allowed(recommendation, len(score.severe), margin, floor, rules):
        labels = " and ".join(s["label"].lower() for s in score.severe[:2])
        raise ValidationError(
            {
                "recommendation": f"This deal has {len(score.severe)} severe signals ({labels}) "
                f"and a margin of {margin:g}%, under the {floor + rules.healthy_margin_pts:g}% "
                "a healthy margin needs: only walking away can be recorded. Fix the terms "
                "first, or walk away."
            }
        )


@transaction.atomic
def worth_override(*, deal: Deal, actor: Any, recommendation: str, reason: str) -> WorthOverride:
    """A person's call on the deal, with the reason: it stands until the next override."""
    if not reason.strip():
        raise ValidationError({"reason": "Say why, so the team can learn from it."})
    if recommendation not in Recommendation.values:
        choices = ", ".join(Recommendation.values)
        raise ValidationError({"recommendation": f"Use one of {choices}."})
    _check_override(deal, recommendation)
    row = WorthOverride(
        deal=deal, recommendation=recommendation, reason=reason.strip(), by=actor,
        at=timezone.now(),
    )  # fmt: skip
    row.full_clean()
    row.save()
    audit_created(team=deal.team, actor=actor, obj=row, fields={"recommendation", "reason"})
    return row


def _name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


def walk_away_message(deal: Deal) -> str:
    """The team's walk-away template filled in for this deal."""
    row = MoneySettings.objects.filter(team_id=deal.team_id).first()
    template = row.walk_away_template if row else DEFAULT_WALK_AWAY
    prospect = deal.prospect
    values = {
        "prospect_name": prospect.name,
        "prospect_first_name": prospect.name.split()[0] if prospect.name.split() else "",
        "company": prospect.company or prospect.name,
        "offering": deal.offering.name,
        "rep_name": _name(deal.owner),
        "rep_email": deal.owner.email,
        "team": deal.team.name,
    }
    return render_message(template, values)


def _walked_away_stage(deal: Deal) -> Stage:
    stage = (
        Stage.objects.filter(team_id=deal.team_id, outcome=Outcome.WALKED_AWAY)
        .order_by("position", "id")
        .first()
    )
    if stage is None:
        raise ValidationError(
            {"stage": "Your team has no walked-away stage; ask a manager to add one in Settings."}
        )
    return stage


def time_per_week(deal: Deal, until: dt.datetime) -> tuple[Decimal, Decimal]:
    """Touches and hours a week the deal took over the four weeks before ``until``."""
    since = until - WINDOW
    touches = deal.interactions.filter(occurred_at__gte=since, occurred_at__lt=until).count()
    logged = TimeLog.objects.filter(deal=deal, on__gte=since.date(), on__lte=until.date())
    hours = logged.aggregate(total=Sum("hours"))["total"] or Decimal(0)
    hours += Decimal(str(team_rules(deal.team_id).touch_hours)) * touches
    weeks = Decimal(WINDOW.days) / 7
    return (
        (Decimal(touches) / weeks).quantize(CENT, ROUND_HALF_UP),
        (hours / weeks).quantize(CENT, ROUND_HALF_UP),
    )


@transaction.atomic
def deal_walk_away(
    *, deal: Deal, actor: Any, message: str | None = None, pressure_ok: bool = False
) -> WalkAway:
    """Walk away from an open deal: record the message as sent and the time the deal was
    taking, and move it to the team's walked-away stage.

    The message is checked for pressure first (the close-out checker): a message that
    pressures the prospect is refused unless ``pressure_ok`` says the person saw the
    warning and wants it recorded as written."""
    if deal.stage.outcome != Outcome.OPEN:
        raise ValidationError({"deal": "Only an open deal can be walked away from."})
    if WalkAway.objects.filter(deal=deal).exists():
        raise ValidationError({"deal": "This deal was walked away from already."})
    text = (message if message is not None else walk_away_message(deal)).strip()
    if not text or len(text) > MAX_MESSAGE:
        raise ValidationError(
            {"message": f"Write the message you are sending (1 to {MAX_MESSAGE} characters)."}
        )
    findings = pressure_findings(deal.team, text)
    if findings and not pressure_ok:
        raise ValidationError({"message": pressure_problem(findings)})
    stage = _walked_away_stage(deal)
    now = timezone.now()
    touches, hours = time_per_week(deal, now)
    score = latest_score(deal)
    row = WalkAway(
        deal=deal, message=text, score=score.score if score else None,
        touches_per_week_before=touches, hours_per_week_before=hours, by=actor, at=now,
    )  # fmt: skip
    row.full_clean()
    row.save()
    deal_move(deal=deal, actor=actor, stage=stage, at=now)
    fields = {"message", "touches_per_week_before", "hours_per_week_before"}
    audit_created(team=deal.team, actor=actor, obj=row, fields=fields)
    return row


# What each review action asks of a deal: walk away, or override the advice to this.
REVIEW_OVERRIDES = {"keep": Recommendation.PURSUE, "reset_terms": Recommendation.RESET_TERMS}


@transaction.atomic
def deals_review_apply(*, deals: list[Deal], actor: Any, action: str, reason: str = "") -> int:
    """Apply one review action ("walk_away", "reset_terms" or "keep") to every deal, all
    or nothing: one refusal leaves every deal as it was. Returns the number of deals."""
    if action != "walk_away" and action not in REVIEW_OVERRIDES:
        raise ValueError(f"Unknown review action {action!r}")
    for deal in deals:
        if action == "walk_away":
            deal_walk_away(deal=deal, actor=actor)
        else:
            worth_override(
                deal=deal, actor=actor, recommendation=REVIEW_OVERRIDES[action], reason=reason
            )
    return len(deals)
