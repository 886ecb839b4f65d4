"""Team settings for follow-ups: message templates, the ladder, the cadence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from goodfit.core.audit import audit_created, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.followups.domain.sandbox import PLACEHOLDERS, check, render
from goodfit.followups.models import (
    CadenceSettings,
    DelayKind,
    Ladder,
    LadderStep,
    MessageTemplate,
)

SAMPLE_VALUES = {
    "prospect_name": "Dana Diaz",
    "prospect_first_name": "Dana",
    "rep_name": "Olivia Ortiz",
    "rep_first_name": "Olivia",
    "offering": "Debt relief program",
    "time": "Tuesday, May 7 at 10:00 CDT",
    "pick_link": "https://goodfit.example/followups/pick/…",
    "touch": "call you",
    "company": "Diaz Bakery",
}
CADENCE_FIELDS = {
    "max_touches",
    "window_days",
    "comeback_threshold_pct",
    "comeback_min_sample",
    "contact_days",
    "skip_dates",
}

# Channel-neutral: {{ touch }} reads "call you", "email you", "text you" … by the rung's
# channel, so an email never promises a call.
DEFAULT_TEMPLATES = {
    "Later today": (
        "Hi {{ prospect_first_name }}, thanks for the time today. As agreed I'll {{ touch }} "
        "again {{ time }}, once you've had a few hours to think it over. "
        "— {{ rep_first_name }}"
    ),
    "Tomorrow": (
        "Hi {{ prospect_first_name }}, sleep on it; I'll {{ touch }} {{ time }} about "
        "{{ offering }}. If another time suits you better, reply and say so. "
        "— {{ rep_first_name }}"
    ),
    "A few days": (
        "Hi {{ prospect_first_name }}, no rush on {{ offering }}. I'll {{ touch }} "
        "{{ time }}. — {{ rep_first_name }}"
    ),
    "Ask for a decision": (
        "Hi {{ prospect_first_name }}, I'll {{ touch }} {{ time }} to ask where you stand on "
        "{{ offering }}. Yes, no and not now are all fine answers; I'd just like to know "
        "which. — {{ rep_first_name }}"
    ),
    "Send information": (
        "Hi {{ prospect_first_name }}, here is the information about {{ offering }} we "
        "talked about. When would you like to talk again? Pick a time that suits you: "
        "{{ pick_link }} — {{ rep_first_name }}"
    ),
    "Next month": (
        "Hi {{ prospect_first_name }}, a short note in case {{ offering }} is on your mind "
        "again; no need to reply if now isn't the time. If you'd like to talk, pick a time: "
        "{{ pick_link }} — {{ rep_first_name }}"
    ),
}
# (outcome, kind, amount, local time, template, offers a pick link) per plan.
# Ask for a decision: sooner steps, ending with a plain ask for a yes or a no.
PUSH_STEPS = [
    ("Talk later today", DelayKind.HOURS, 3, None, "Later today", False),
    ("Talk tomorrow", DelayKind.DAYS, 1, dt.time(10, 0), "Tomorrow", False),
    ("Talk in a couple of days", DelayKind.DAYS, 2, dt.time(10, 0), "A few days", False),
    ("Ask for a decision", DelayKind.DAYS, 3, dt.time(10, 0), "Ask for a decision", False),
]
# Nurture: longer spacing; send information and let the prospect choose when.
NURTURE_STEPS = [
    ("Talk in a few days", DelayKind.DAYS, 3, dt.time(10, 0), "A few days", False),
    (
        "Send information; they choose when",
        DelayKind.DAYS,
        7,
        dt.time(10, 0),
        "Send information",
        True,
    ),
    ("Check in next month", DelayKind.DAYS, 20, dt.time(10, 0), "Next month", True),
]
PLANS = {
    Ladder.Kind.PUSH: ("Ask for a decision soon", PUSH_STEPS),
    Ladder.Kind.NURTURE: ("Nurture: let them choose", NURTURE_STEPS),
}


def template_preview(body: str) -> str:
    """The template rendered with sample values; ValidationError naming ``body`` if bad."""
    problems = check(body, PLACEHOLDERS)
    if problems:
        raise ValidationError({"body": problems})
    return render(body, SAMPLE_VALUES)


def _check_name_free(team: Team, name: str, pk: int | None) -> None:
    taken = MessageTemplate.objects.filter(team=team, name__iexact=name.strip()).exclude(pk=pk)
    if name.strip() and taken.exists():
        raise ValidationError({"name": f"A template named “{name.strip()}” exists; pick another."})


@transaction.atomic
def template_create(*, team: Team, actor: Any, name: str, body: str) -> MessageTemplate:
    template_preview(body)
    _check_name_free(team, name, None)
    template = MessageTemplate(team=team, name=name.strip(), body=body)
    template.full_clean()
    template.save()
    audit_created(team=team, actor=actor, obj=template, fields={"name", "body"})
    return template


@transaction.atomic
def template_update(
    *, template: MessageTemplate, actor: Any, name: str, body: str
) -> MessageTemplate:
    template_preview(body)
    _check_name_free(template.team, name, template.pk)
    before = snapshot(template, {"name", "body"})
    template.name, template.body = name.strip(), body
    template.full_clean()
    template.save()
    audit_updated(team=template.team, actor=actor, obj=template, before=before)
    return template


@transaction.atomic
def ladder_create_default(*, team: Team, actor: Any = None) -> Ladder:
    """Both default plans (push and nurture), each made only if the team lacks it.
    Returns the push plan."""
    templates = {
        name: MessageTemplate.objects.get_or_create(team=team, name=name, defaults={"body": body})[
            0
        ]
        for name, body in DEFAULT_TEMPLATES.items()
    }
    ladders = {}
    for kind, (name, rows) in PLANS.items():
        existing = Ladder.objects.filter(team=team, kind=kind).first()
        if existing is not None:
            ladders[kind] = existing
            continue
        taken = Ladder.objects.filter(team=team, name=name).exists()
        ladder = Ladder.objects.create(
            team=team, kind=kind, name=f"{name} ({kind})" if taken else name
        )
        for position, (outcome, delay, amount, at, template, pick) in enumerate(rows, 1):
            LadderStep.objects.create(
                ladder=ladder,
                position=position,
                outcome=outcome,
                delay_kind=delay,
                delay_amount=amount,
                at_time=at,
                template=templates[template],
                sends_pick_link=pick,
            )
        audit_created(team=team, actor=actor, obj=ladder, fields={"name", "kind"})
        ladders[kind] = ladder
    return ladders[Ladder.Kind.PUSH]


@transaction.atomic
def cadence_update(*, team: Team, actor: Any, **fields: Any) -> CadenceSettings:
    cadence, _ = CadenceSettings.objects.get_or_create(team=team)
    before = snapshot(cadence, CADENCE_FIELDS)
    unknown = set(fields) - CADENCE_FIELDS
    if unknown:
        raise ValidationError({"__all__": f"Unknown settings: {', '.join(sorted(unknown))}."})
    for name, value in fields.items():
        setattr(cadence, name, value)
    cadence.full_clean()
    cadence.save()
    audit_updated(team=team, actor=actor, obj=cadence, before=before)
    return cadence
