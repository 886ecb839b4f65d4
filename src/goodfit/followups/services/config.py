"""Team settings for follow-ups: message templates, the ladder, the cadence."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from goodfit.core.audit import audit_created, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.followups.models import (
    CadenceSettings,
    DelayKind,
    Ladder,
    LadderStep,
    MessageTemplate,
)
from goodfit.followups.sandbox import PLACEHOLDERS, check, render

SAMPLE_VALUES = {
    "prospect_name": "Dana Diaz",
    "prospect_first_name": "Dana",
    "rep_name": "Olivia Ortiz",
    "rep_first_name": "Olivia",
    "offering": "Debt relief program",
    "time": "Tuesday, May 7 at 10:00 CDT",
    "pick_link": "https://goodfit.example/followups/pick/…",
}
CADENCE_FIELDS = {"max_touches", "window_days", "comeback_threshold_pct", "comeback_min_sample"}

DEFAULT_TEMPLATES = {
    "Later today": (
        "Hi {{ prospect_first_name }}, thanks for the time today. As agreed I'll call you "
        "back {{ time }}, once you've had a few hours to think it over. — {{ rep_first_name }}"
    ),
    "Tomorrow": (
        "Hi {{ prospect_first_name }}, sleep on it; I'll call you {{ time }} about "
        "{{ offering }}. If another time suits you better, reply and say so. "
        "— {{ rep_first_name }}"
    ),
    "A few days": (
        "Hi {{ prospect_first_name }}, no rush on {{ offering }}. I'll check in "
        "{{ time }}. — {{ rep_first_name }}"
    ),
    "Send information": (
        "Hi {{ prospect_first_name }}, here is the information about {{ offering }} we "
        "talked about. When would you like me to follow up? Pick a time that suits you: "
        "{{ pick_link }} — {{ rep_first_name }}"
    ),
}
# (outcome, kind, amount, local time, template, offers a pick link)
DEFAULT_STEPS = [
    ("Talk later today", DelayKind.HOURS, 3, None, "Later today", False),
    ("Talk tomorrow", DelayKind.DAYS, 1, dt.time(10, 0), "Tomorrow", False),
    ("Talk in a couple of days", DelayKind.DAYS, 3, dt.time(10, 0), "A few days", False),
    (
        "Send information; they choose when",
        DelayKind.DAYS,
        7,
        dt.time(10, 0),
        "Send information",
        True,
    ),
]


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
    """The seed's ladder: later today → tomorrow → a few days → send information."""
    existing = Ladder.objects.filter(team=team).first()
    if existing is not None:
        return existing
    templates = {
        name: MessageTemplate.objects.get_or_create(team=team, name=name, defaults={"body": body})[
            0
        ]
        for name, body in DEFAULT_TEMPLATES.items()
    }
    ladder = Ladder.objects.create(team=team, name="Preferred additional outcomes")
    for position, (outcome, kind, amount, at, template, pick) in enumerate(DEFAULT_STEPS, 1):
        LadderStep.objects.create(
            ladder=ladder,
            position=position,
            outcome=outcome,
            delay_kind=kind,
            delay_amount=amount,
            at_time=at,
            template=templates[template],
            sends_pick_link=pick,
        )
    audit_created(team=team, actor=actor, obj=ladder, fields={"name"})
    return ladder


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
