"""Every write of discovery and fit: playbooks, the alternatives directory, answers,
diagnoses and referrals out. Views, endpoints and commands call these only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.models import Team
from goodfit.core.writes import apply_fields, check_same_team
from goodfit.fit.domain import answers as fit_answers
from goodfit.fit.domain import diagnosis as pure
from goodfit.fit.domain.playbook_document import playbook_document
from goodfit.fit.domain.playbook_format import PlaybookError, playbook_read
from goodfit.fit.models import (
    Alternative,
    Answer,
    Diagnosis,
    Playbook,
    PlaybookVersion,
    ReferralOut,
)
from goodfit.fit.selectors import (
    Compiled,
    compiled,
    current_version,
    stored_answers,
    typed_answers,
)
from goodfit.pipeline.models import Deal, Offering, Outcome
from goodfit.pipeline.services import deal_move

ALTERNATIVE_FIELDS = {"name", "good_for", "contact", "notes", "is_active"}


# Alternatives directory


@transaction.atomic
def alternative_create(
    *, team: Team, actor: Any, name: str, good_for: str, contact: str = "", notes: str = ""
) -> Alternative:
    alternative = Alternative(
        team=team, name=name.strip(), good_for=good_for, contact=contact, notes=notes
    )
    _check_alternative(alternative)
    alternative.save()
    audit_created(team=team, actor=actor, obj=alternative, fields=ALTERNATIVE_FIELDS)
    return alternative


@transaction.atomic
def alternative_update(*, alternative: Alternative, actor: Any, **fields: Any) -> Alternative:
    before = snapshot(alternative, ALTERNATIVE_FIELDS)
    apply_fields(alternative, fields, ALTERNATIVE_FIELDS)
    _check_alternative(alternative)
    alternative.save()
    audit_updated(team=alternative.team, actor=actor, obj=alternative, before=before)
    return alternative


@transaction.atomic
def alternative_delete(*, alternative: Alternative, actor: Any) -> None:
    """Delete an alternative nobody was referred to; otherwise deactivate it instead."""
    try:
        audit_deleted(team=alternative.team, actor=actor, obj=alternative, fields={"name"})
        alternative.delete()
    except ProtectedError:
        raise ValidationError(
            {"alternative": "Prospects were referred to it; mark it inactive instead."}
        ) from None


def _check_alternative(alternative: Alternative) -> None:
    clash = Alternative.objects.filter(team_id=alternative.team_id, name=alternative.name)
    if clash.exclude(pk=alternative.pk).exists():
        raise ValidationError({"name": "Your directory already has an entry with this name."})
    alternative.full_clean(validate_constraints=False)


# Playbooks


def _check_alternatives_exist(team: Team, version: pure.PlaybookDefinition) -> None:
    names = set(
        Alternative.objects.filter(team=team, is_active=True).values_list("name", flat=True)
    )
    errors = {}
    for i, criterion in enumerate(version.criteria):
        for j, name in enumerate(criterion.alternatives):
            if name not in names:
                errors[f"criteria[{i}].alternatives[{j}]"] = (
                    f"“{name}” is not in your team's alternatives directory; add it under "
                    "Settings → Alternatives or fix the name."
                )
    if errors:
        raise ValidationError(errors)


def playbook_check(*, team: Team, document: Any) -> pure.PlaybookDefinition:
    """The validated playbook, or a ValidationError keyed by each bad rule's path."""
    try:
        version = playbook_read(document)
    except PlaybookError as error:
        raise ValidationError({i.path: i.message for i in error.issues}) from None
    _check_alternatives_exist(team, version)
    return version


@transaction.atomic
def playbook_save(
    *, offering: Offering, actor: Any, document: Any, note: str = ""
) -> PlaybookVersion:
    """Add a version to the offering's playbook (creating it); an unchanged one is kept.

    Open deals of the offering are re-diagnosed in the background afterwards.
    """
    version = playbook_check(team=offering.team, document=document)
    definition = playbook_document(version)
    playbook, _ = Playbook.objects.get_or_create(team=offering.team, offering=offering)
    latest = playbook.versions.order_by("-number").first()
    if latest is not None and latest.definition == definition:
        return latest
    row = PlaybookVersion.objects.create(
        playbook=playbook,
        number=(latest.number + 1) if latest else 1,
        definition=definition,
        note=note[:200],
        created_by=actor if getattr(actor, "pk", None) else None,
        created_at=timezone.now(),
    )
    audit_created(team=offering.team, actor=actor, obj=row, fields={"number", "note"})
    if latest is not None:
        from goodfit.fit.services.tasks import rediagnose_offering

        transaction.on_commit(lambda: rediagnose_offering.enqueue(offering.pk))
    return row


# Answers and diagnoses


def _version_of(deal: Deal) -> tuple[PlaybookVersion, Compiled]:
    row = current_version(deal.offering_id)
    if row is None:
        raise ValidationError(
            {
                "playbook": f"“{deal.offering.name}” has no discovery playbook yet; "
                "a manager can add one under Settings → Playbooks."
            }
        )
    return row, compiled(row)


def _parse_all(play: Compiled, values: dict[str, Any]) -> dict[str, Any]:
    """Typed values by key; every unknown key or wrong value is reported together."""
    errors: dict[str, str] = {}
    typed: dict[str, Any] = {}
    for key, raw in values.items():
        question = play.questions.get(key)
        if question is None:
            known = ", ".join(play.questions)
            errors[key] = f"“{key}” is not a question of this playbook; questions: {known}."
            continue
        try:
            typed[key] = fit_answers.answer_parse(question, raw)
        except fit_answers.AnswerError as error:
            errors[key] = error.message
    if errors:
        raise ValidationError(errors)
    return typed


def diagnosis_record(
    *, deal: Deal, actor: Any, row: PlaybookVersion, play: Compiled, trigger: str, at: dt.datetime
) -> Diagnosis:
    answers = typed_answers(play, stored_answers(deal))
    result = pure.diagnose(play.playbook, answers)
    return Diagnosis.objects.create(
        deal=deal,
        version=row,
        verdict=result.verdict.value,
        score=result.score,
        answered=len(answers),
        trigger=trigger[:200],
        by=actor if getattr(actor, "pk", None) else None,
        at=at,
    )


@transaction.atomic
def answers_save(
    *, deal: Deal, actor: Any, values: dict[str, Any], at: dt.datetime | None = None
) -> Diagnosis | None:
    """Save answers by question key (None or "" clears one) and record the new diagnosis.

    Only answers that changed are written; when nothing changed, nothing is written
    and None is returned.
    """
    row, play = _version_of(deal)
    typed = _parse_all(play, values)
    current = typed_answers(play, stored_answers(deal))
    changed = {k: v for k, v in typed.items() if current.get(k) != v}
    if not changed:
        return None
    now = at or timezone.now()
    by = actor if getattr(actor, "pk", None) else None
    Answer.objects.bulk_create(
        Answer(
            deal=deal,
            question_key=key,
            value=fit_answers.answer_to_json(play.questions[key], value),
            by=by,
            at=now,
        )
        for key, value in changed.items()
    )
    trigger = ", ".join(changed)
    return diagnosis_record(deal=deal, actor=actor, row=row, play=play, trigger=trigger, at=now)


def _not_a_fit_stage(deal: Deal) -> Any:
    stage = deal.team.stages.filter(outcome=Outcome.NOT_A_FIT).order_by("position", "id").first()
    if stage is None:
        raise ValidationError(
            {"stage": "Your team has no stage for “not a fit”; a manager can add one in Settings."}
        )
    return stage


@transaction.atomic
def referral_out_create(
    *,
    deal: Deal,
    actor: Any,
    alternative: Alternative,
    message: str,
    at: dt.datetime | None = None,
) -> ReferralOut:
    """Refer the prospect out: the deal moves to not a fit, the referral is kept as a row,
    and the diagnosis at that moment is recorded with it."""
    check_same_team("alternative", alternative, deal.team_id)
    if not alternative.is_active:
        raise ValidationError({"alternative": "This alternative is inactive; pick another."})
    if not message.strip():
        raise ValidationError({"message": "Write the message you send the prospect."})
    now = at or timezone.now()
    deal_move(deal=deal, actor=actor, stage=_not_a_fit_stage(deal), at=now)
    referral = ReferralOut(deal=deal, alternative=alternative, message=message.strip(), at=now)
    referral.by = actor if getattr(actor, "pk", None) else None
    referral.full_clean()
    referral.save()
    audit_created(team=deal.team, actor=actor, obj=referral, fields={"alternative", "message"})
    row = current_version(deal.offering_id)
    if row is not None:
        play = compiled(row)
        diagnosis_record(deal=deal, actor=actor, row=row, play=play, trigger="referred", at=now)
    return referral
