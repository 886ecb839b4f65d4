"""Email reminders of due follow-ups: one message per rep, each follow-up reminded once."""

from __future__ import annotations

import datetime as dt
import logging
import smtplib
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from goodfit.followups.adapters import ACTIVE, local_time_text
from goodfit.followups.models import FollowUp, FollowUpEvent
from goodfit.followups.services.schedule import followups_mark_missed

# Remind this long before the due time, so the rep has the message ready.
AHEAD = dt.timedelta(minutes=15)
logger = logging.getLogger(__name__)


def _body(user: Any, followups: list[FollowUp]) -> str:
    lines = [f"Hello {user.first_name or user.get_username()},", "", "Due soon:"]
    for f in followups:
        what = f.step.outcome if f.step else "Follow-up"
        lines.append(
            f"- {f.deal.prospect.name} ({f.get_channel_display().lower()}, {what}): "
            f"{local_time_text(f.due_at, f.deal.prospect.time_zone)} their time"
        )
        if f.message:
            lines.append(f"  Message: {f.message}")
    lines += ["", "Open your Today queue in goodfit to mark them done, snooze or reschedule."]
    return "\n".join(lines)


@transaction.atomic
def reminders_send(*, now: dt.datetime | None = None) -> int:
    """Email each rep their follow-ups due within ``AHEAD`` not yet reminded; mark stale
    ones missed. Returns how many follow-ups were reminded."""
    now = now or timezone.now()
    followups_mark_missed(now=now)
    due = list(
        FollowUp.objects.select_for_update(of=("self",))
        .filter(status__in=ACTIVE, due_at__lte=now + AHEAD, reminded_at__isnull=True)
        .select_related("assignee", "deal__prospect", "step")
        .order_by("due_at")
    )
    by_rep: dict[Any, list[FollowUp]] = defaultdict(list)
    for followup in due:
        by_rep[followup.assignee].append(followup)
    done: list[FollowUp] = []
    notes: dict[int, str] = {}
    for user, followups in by_rep.items():
        outcome = _deliver(user, followups)
        if outcome is None:
            continue  # the mail server was unreachable: the next run tries again
        done += followups
        notes.update((f.pk, outcome) for f in followups)
    FollowUp.objects.filter(pk__in=[f.pk for f in done]).update(reminded_at=now)
    FollowUpEvent.objects.bulk_create(
        FollowUpEvent(
            followup=f, kind=FollowUpEvent.Kind.REMINDED, at=now, to_due=f.due_at, note=notes[f.pk]
        )
        for f in done
    )
    return len(done)


def _deliver(user: Any, followups: list[FollowUp]) -> str | None:
    """Send one rep's reminder. Returns the note for its events ("" when sent), or None
    when it should be tried again; one rep's bad address never stops the others'."""
    if not user.email:
        return ""
    subject = f"{len(followups)} follow-up{'s' if len(followups) != 1 else ''} due"
    try:
        send_mail(subject, _body(user, followups), settings.DEFAULT_FROM_EMAIL, [user.email])
    except smtplib.SMTPRecipientsRefused:
        # Refused for good: trying every five minutes would not help, so it counts as
        # reminded, and the event says it was not delivered.
        logger.warning("Reminder to user %s refused by the mail server", user.pk)
        return f"Not delivered: the mail server refused {user.email}"[:300]
    except (smtplib.SMTPException, OSError):
        logger.exception("Reminder to user %s not sent; will retry", user.pk)
        return None
    return ""
