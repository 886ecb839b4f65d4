from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.extensions import DealEvent, notify_deal
from goodfit.core.writes import apply_fields
from goodfit.pipeline.domain.rules import count_words
from goodfit.pipeline.models import Deal, Interaction, Note

INTERACTION_FIELDS = {"direction", "channel", "occurred_at", "summary", "text", "word_count"}
# A logged interaction has happened; a small allowance covers clocks that disagree.
FUTURE_ALLOWANCE = dt.timedelta(hours=1)
EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


def _check_occurred_at(value: dt.datetime) -> None:
    latest = timezone.now() + FUTURE_ALLOWANCE
    if not EARLIEST <= value <= latest:
        raise ValidationError(
            {
                "occurred_at": "Must be between 2000-01-01 and now: log interactions that "
                "have happened (schedule future ones as follow-ups)."
            }
        )


@transaction.atomic
def interaction_log(
    *,
    deal: Deal,
    actor: Any,
    direction: str,
    channel: str,
    occurred_at: dt.datetime,
    summary: str = "",
    text: str = "",
) -> Interaction:
    """Log a call, email, meeting or message on a deal."""
    if not summary.strip() and not text.strip():
        raise ValidationError({"summary": "Give a summary or the text of the interaction."})
    _check_occurred_at(occurred_at)
    interaction = Interaction(
        deal=deal,
        direction=direction,
        channel=channel,
        occurred_at=occurred_at,
        summary=summary.strip(),
        text=text,
        word_count=count_words(text or summary),
        logged_by=actor if getattr(actor, "pk", None) else None,
    )
    interaction.full_clean()
    interaction.save()
    audit_created(team=deal.team, actor=actor, obj=interaction, fields=INTERACTION_FIELDS)
    notify_deal(DealEvent("interaction_logged", deal, actor, obj=interaction))
    return interaction


@transaction.atomic
def interaction_update(*, interaction: Interaction, actor: Any, **fields: Any) -> Interaction:
    """Correct a logged interaction (direction, channel, time, summary, text)."""
    before = snapshot(interaction, INTERACTION_FIELDS)
    apply_fields(interaction, fields, INTERACTION_FIELDS - {"word_count"})
    interaction.summary = (interaction.summary or "").strip()
    if not interaction.summary and not (interaction.text or "").strip():
        raise ValidationError({"summary": "Give a summary or the text of the interaction."})
    _check_occurred_at(interaction.occurred_at)
    interaction.word_count = count_words(interaction.text or interaction.summary)
    interaction.full_clean()
    interaction.save()
    audit_updated(team=interaction.deal.team, actor=actor, obj=interaction, before=before)
    notify_deal(DealEvent("interaction_updated", interaction.deal, actor, obj=interaction))
    return interaction


@transaction.atomic
def interaction_delete(*, interaction: Interaction, actor: Any) -> None:
    audit_deleted(
        team=interaction.deal.team, actor=actor, obj=interaction, fields=INTERACTION_FIELDS
    )
    deal = interaction.deal
    interaction.delete()
    notify_deal(DealEvent("interaction_deleted", deal, actor, obj=interaction))


@transaction.atomic
def note_add(*, deal: Deal, actor: Any, body: str, at: dt.datetime | None = None) -> Note:
    if not body.strip():
        raise ValidationError({"body": "A note cannot be empty."})
    note = Note(deal=deal, author=actor, body=body.strip(), created_at=at or timezone.now())
    note.full_clean()
    note.save()
    audit_created(team=deal.team, actor=actor, obj=note, fields={"body"})
    notify_deal(DealEvent("note_added", deal, actor, obj=note))
    return note


@transaction.atomic
def note_delete(*, note: Note, actor: Any) -> None:
    audit_deleted(team=note.deal.team, actor=actor, obj=note, fields={"body"})
    deal = note.deal
    note.delete()
    notify_deal(DealEvent("note_deleted", deal, actor, obj=note))
