"""Background tasks of follow-ups (run by `goodfit worker`)."""

from __future__ import annotations

from django_tasks import task

from goodfit.followups.services import reminders_send


@task()
def send_reminders() -> int:
    """Scheduled by cron through `goodfit remind` (see docs/followups.md)."""
    return reminders_send()
