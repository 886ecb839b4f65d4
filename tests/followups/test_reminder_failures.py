"""One refused or unreachable recipient never stops the other reps' reminders."""

from __future__ import annotations

import datetime as dt
import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend

from goodfit.followups.models import FollowUp, FollowUpEvent
from goodfit.followups.services import followup_schedule
from goodfit.followups.services.reminders import reminders_send
from tests.factories import DealFactory

NOW = dt.datetime(2024, 3, 12, 15, 50, tzinfo=dt.UTC)
REFUSED = "refused@example.com"
UNREACHABLE = "unreachable@example.com"

pytestmark = pytest.mark.django_db


class PickyBackend(EmailBackend):
    """The test outbox, except for two addresses: one refused, one whose server is down."""

    def send_messages(self, messages):
        for message in messages:
            if REFUSED in message.to:
                raise smtplib.SMTPRecipientsRefused({REFUSED: (550, b"No such user")})
            if UNREACHABLE in message.to:
                raise ConnectionRefusedError("connection refused")
        return super().send_messages(messages)


@pytest.fixture
def picky(settings):
    settings.EMAIL_BACKEND = "tests.followups.test_reminder_failures.PickyBackend"


@pytest.fixture
def three_due(team, owner, teammate, manager, prospect, offering, steps):
    owner.email, teammate.email, manager.email = "olivia@example.com", REFUSED, UNREACHABLE
    for user in (owner, teammate, manager):
        user.save()
    return {
        user.email: followup_schedule(
            deal=DealFactory(team=team, owner=user, prospect=prospect, offering=offering),
            actor=user,
            step=steps["tomorrow"],
            now=NOW - dt.timedelta(days=1),
        )
        for user in (owner, teammate, manager)
    }


def test_a_refused_recipient_does_not_stop_the_others(picky, three_due):
    assert reminders_send(now=NOW) == 2
    assert [m.to for m in mail.outbox] == [["olivia@example.com"]]
    sent, refused, unreachable = (
        FollowUp.objects.get(pk=three_due[email].pk)
        for email in ("olivia@example.com", REFUSED, UNREACHABLE)
    )
    assert sent.reminded_at == NOW and refused.reminded_at == NOW
    note = FollowUpEvent.objects.get(followup=refused, kind="reminded").note
    assert note == f"Not delivered: the mail server refused {REFUSED}"
    assert FollowUpEvent.objects.get(followup=sent, kind="reminded").note == ""
    # The server that was down is tried again on the next run; nothing is reminded twice.
    assert unreachable.reminded_at is None
    assert reminders_send(now=NOW + dt.timedelta(minutes=5)) == 0
    assert len(mail.outbox) == 1
    assert FollowUpEvent.objects.filter(kind="reminded").count() == 2


def test_the_server_back_up_sends_the_held_reminder_once(picky, three_due, settings):
    reminders_send(now=NOW)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert reminders_send(now=NOW + dt.timedelta(minutes=5)) == 1
    assert reminders_send(now=NOW + dt.timedelta(minutes=10)) == 0
    assert [m.to for m in mail.outbox] == [["olivia@example.com"], [UNREACHABLE]]
