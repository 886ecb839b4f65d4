"""The facts behind the signals: concessions, quotes, flags, meeting outcomes, time.

Each write is recorded in the audit trail and re-scores the deal in the same
transaction, so every page reads a current score with or without a background worker.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_deleted, audit_updated, snapshot
from goodfit.core.writes import apply_fields
from goodfit.money.models import Concession, InteractionFlag, MeetingOutcome, Quote, TimeLog
from goodfit.money.services.worth import worth_after_change
from goodfit.pipeline.models import Channel, Deal, Interaction

EARLIEST = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
FUTURE_ALLOWANCE = dt.timedelta(hours=1)
CONCESSION_FIELDS = {"kind", "value", "note", "at"}
QUOTE_FIELDS = {"version", "terms", "amount", "sent_at"}


def rescore(deal: Deal) -> None:
    """Re-score now, inside the caller's transaction (a closed deal keeps its score)."""
    worth_after_change(deal)


def _who(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


def check_past(field: str, value: dt.datetime) -> None:
    if not EARLIEST <= value <= timezone.now() + FUTURE_ALLOWANCE:
        raise ValidationError({field: "Must be between 2000-01-01 and now."})


def _save(obj: Any, deal: Deal, actor: Any, fields: set[str]) -> Any:
    obj.full_clean()
    obj.save()
    audit_created(team=deal.team, actor=actor, obj=obj, fields=fields)
    rescore(deal)
    return obj


@transaction.atomic
def concession_add(
    *,
    deal: Deal,
    actor: Any,
    kind: str,
    value: Decimal,
    note: str = "",
    at: dt.datetime | None = None,
) -> Concession:
    at = at or timezone.now()
    check_past("at", at)
    row = Concession(deal=deal, kind=kind, value=value, note=note.strip(), at=at, by=_who(actor))
    return _save(row, deal, actor, CONCESSION_FIELDS)


def _update(obj: Any, deal: Deal, actor: Any, allowed: set[str], fields: dict[str, Any]) -> Any:
    before = snapshot(obj, allowed)
    apply_fields(obj, fields, allowed)
    obj.full_clean()
    obj.save()
    obj.refresh_from_db()  # values as stored (amounts to the cent)
    audit_updated(team=deal.team, actor=actor, obj=obj, before=before)
    rescore(deal)
    return obj


@transaction.atomic
def concession_update(*, concession: Concession, actor: Any, **fields: Any) -> Concession:
    if "at" in fields:
        check_past("at", fields["at"])
    return _update(concession, concession.deal, actor, CONCESSION_FIELDS, fields)


@transaction.atomic
def concession_delete(*, concession: Concession, actor: Any) -> None:
    audit_deleted(team=concession.deal.team, actor=actor, obj=concession, fields=CONCESSION_FIELDS)
    concession.delete()
    rescore(concession.deal)


@transaction.atomic
def quote_add(
    *,
    deal: Deal,
    actor: Any,
    terms: str,
    amount: Decimal,
    sent_at: dt.datetime | None = None,
    version: int | None = None,
) -> Quote:
    """Record a quote sent (or sent again): the next version unless one is named."""
    sent_at = sent_at or timezone.now()
    check_past("sent_at", sent_at)
    if version is None:
        version = (Quote.objects.filter(deal=deal).aggregate(v=Max("version"))["v"] or 0) + 1
    elif Quote.objects.filter(deal=deal, version=version).exists():
        raise ValidationError({"version": f"Version {version} of this quote already exists."})
    row = Quote(
        deal=deal, version=version, terms=terms.strip(), amount=amount, sent_at=sent_at,
        by=_who(actor),
    )  # fmt: skip
    return _save(row, deal, actor, QUOTE_FIELDS)


@transaction.atomic
def quote_update(*, quote: Quote, actor: Any, **fields: Any) -> Quote:
    if "sent_at" in fields:
        check_past("sent_at", fields["sent_at"])
    version = fields.get("version")
    taken = Quote.objects.filter(deal_id=quote.deal_id, version=version).exclude(pk=quote.pk)
    if version is not None and taken.exists():
        raise ValidationError({"version": f"Version {version} of this quote already exists."})
    return _update(quote, quote.deal, actor, QUOTE_FIELDS, fields)


@transaction.atomic
def quote_delete(*, quote: Quote, actor: Any) -> None:
    audit_deleted(team=quote.deal.team, actor=actor, obj=quote, fields=QUOTE_FIELDS)
    quote.delete()
    rescore(quote.deal)


@transaction.atomic
def flag_add(
    *, interaction: Interaction, actor: Any, kind: str, source: str = "manual", phrase: str = ""
) -> InteractionFlag:
    """Flag an interaction; flagging again what was dismissed brings the flag back."""
    if kind not in InteractionFlag.Kind.values:
        choices = ", ".join(InteractionFlag.Kind.values)
        raise ValidationError({"kind": f"Unknown flag “{kind}”; use one of {choices}."})
    existing = InteractionFlag.objects.filter(interaction=interaction, kind=kind).first()
    if existing is not None:
        if existing.dismissed_at is not None:
            existing.dismissed_at = None
            existing.save(update_fields=["dismissed_at"])
            rescore(interaction.deal)
        return existing
    row = InteractionFlag(
        interaction=interaction, kind=kind, source=source, phrase=phrase[:80],
        by=_who(actor), at=timezone.now(),
    )  # fmt: skip
    return _save(row, interaction.deal, actor, {"kind", "source", "phrase"})


@transaction.atomic
def flag_dismiss(*, flag: InteractionFlag, actor: Any) -> InteractionFlag:
    """The flag stops counting (and its phrase is not suggested again)."""
    deal = flag.interaction.deal
    before = snapshot(flag, {"dismissed_at"})
    flag.dismissed_at = timezone.now()
    flag.save(update_fields=["dismissed_at"])
    audit_updated(team=deal.team, actor=actor, obj=flag, before=before)
    rescore(deal)
    return flag


@transaction.atomic
def meeting_outcome_set(*, interaction: Interaction, actor: Any, outcome: str) -> MeetingOutcome:
    """How a meeting or call that was set turned out (held, declined, rescheduled, missed)."""
    if interaction.channel not in (Channel.MEETING, Channel.CALL):
        raise ValidationError(
            {"interaction": "Only a meeting or a call has an outcome; this is a "
             f"{interaction.get_channel_display().lower()}."}
        )  # fmt: skip
    row = MeetingOutcome.objects.filter(interaction=interaction).first()
    if row is None:
        row = MeetingOutcome(interaction=interaction)
    before = snapshot(row, {"outcome"}) if row.pk else None
    row.outcome, row.by, row.at = outcome, _who(actor), timezone.now()
    row.full_clean()
    row.save()
    team = interaction.deal.team
    if before is None:
        audit_created(team=team, actor=actor, obj=row, fields={"outcome"})
    else:
        audit_updated(team=team, actor=actor, obj=row, before=before)
    rescore(interaction.deal)
    return row


@transaction.atomic
def time_log_add(
    *, deal: Deal, actor: Any, hours: Decimal, on: dt.date | None = None, note: str = ""
) -> TimeLog:
    on = on or timezone.localdate()
    if not dt.date(2000, 1, 1) <= on <= timezone.localdate() + dt.timedelta(days=1):
        raise ValidationError({"on": "Log time for a day between 2000-01-01 and today."})
    row = TimeLog(
        deal=deal, hours=hours, on=on, note=note.strip(), by=_who(actor), at=timezone.now()
    )
    return _save(row, deal, actor, {"hours", "on", "note"})
