"""Email reminders of due follow-ups, by task and by `goodfit remind`."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from goodfit.followups.models import FollowUp, FollowUpEvent
from goodfit.followups.services import followup_schedule, reminders_send

NOW = dt.datetime(2024, 3, 12, 15, 50, tzinfo=dt.UTC)  # 09:50 in Denver

pytestmark = pytest.mark.django_db


@pytest.fixture
def due(denver_deal, owner, steps):
    return followup_schedule(
        deal=denver_deal, actor=owner, step=steps["tomorrow"], now=NOW - dt.timedelta(days=1)
    )


def test_a_rep_is_emailed_once_about_a_follow_up_due_soon(due, owner):
    assert reminders_send(now=NOW) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [owner.email]
    assert "Dana Diaz" in message.body and "10:00 MDT" in message.body
    assert reminders_send(now=NOW) == 0
    assert FollowUpEvent.objects.filter(kind="reminded").count() == 1


def test_follow_ups_further_ahead_wait(due):
    assert reminders_send(now=NOW - dt.timedelta(hours=1)) == 0
    assert mail.outbox == []


def test_the_command_queues_the_task(due):
    with time_machine.travel(NOW, tick=False):
        call_command("remind")  # the immediate backend runs it at once in tests
    assert len(mail.outbox) == 1
    with time_machine.travel(NOW + dt.timedelta(days=2), tick=False):
        call_command("remind", "--now")
    assert FollowUp.objects.get(pk=due.pk).status == FollowUp.Status.MISSED
