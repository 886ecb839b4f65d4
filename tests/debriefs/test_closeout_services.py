"""Sending a close-out, and the keep-in-touch check-in it schedules."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.debriefs.models import CloseOut, KeepInTouch
from goodfit.debriefs.services import (
    closeout_send,
    debrief_settings_update,
    keep_in_touch_done,
    keep_in_touch_schedule,
    pressure_pattern_create,
    pressure_pattern_switch,
)
from goodfit.pipeline.models import Interaction

GRACIOUS = "Thank you for letting me know. I hope we keep in touch."


@time_machine.travel(dt.datetime(2025, 3, 3, 15, tzinfo=dt.UTC))
def test_a_gracious_close_out_is_logged_and_schedules_a_check_in(lost_deal, owner):
    closeout = closeout_send(deal=lost_deal, actor=owner, message=GRACIOUS)
    assert closeout.findings_count == 0
    interaction = Interaction.objects.get(deal=lost_deal)
    assert (interaction.summary, interaction.text) == ("Close-out message", GRACIOUS)
    task = KeepInTouch.objects.get(deal=lost_deal)
    assert task.due_on == dt.date(2025, 6, 1)  # 90 days later


def test_a_message_that_argues_is_refused_until_rewritten_or_sent_as_written(lost_deal, owner):
    with pytest.raises(ValidationError) as error:
        closeout_send(deal=lost_deal, actor=owner, message="You’re making a mistake.")
    assert "“You’re making a mistake”" in error.value.message_dict["message"][0]
    assert not CloseOut.objects.exists()
    closeout = closeout_send(
        deal=lost_deal, actor=owner, message="You're making a mistake.", send_as_written=True
    )
    assert closeout.findings_count == 1


@pytest.mark.parametrize("message", ["", "   ", "x" * 4001])
def test_empty_or_huge_messages_are_refused(lost_deal, owner, message):
    with pytest.raises(ValidationError) as error:
        closeout_send(deal=lost_deal, actor=owner, message=message)
    assert "message" in error.value.message_dict


def test_nothing_is_sent_to_a_prospect_who_asked_not_to_be_contacted(lost_deal, owner):
    lost_deal.prospect.do_not_contact = True
    lost_deal.prospect.save()
    with pytest.raises(ValidationError) as error:
        closeout_send(deal=lost_deal, actor=owner, message=GRACIOUS)
    assert "asked not to be contacted" in error.value.message_dict["message"][0]


def test_an_open_deal_gets_no_close_out(deal, owner):
    with pytest.raises(ValidationError):
        closeout_send(deal=deal, actor=owner, message=GRACIOUS)


def test_the_team_settings_decide_the_delay_and_the_patterns(team, lost_deal, owner, manager):
    debrief_settings_update(
        team=team,
        actor=manager,
        keep_in_touch_days=30,
        closeout_template="Hi $first_name",
        objection_categories=["Price"],
    )
    pressure_pattern_create(team=team, actor=manager, family="deadline", pattern="sign now")
    with pytest.raises(ValidationError, match="sign now"):
        closeout_send(deal=lost_deal, actor=owner, message="Please sign now.")
    pressure_pattern_switch(team=team, actor=manager, key="past_no.mistake", active=False)
    closeout_send(deal=lost_deal, actor=owner, message="You're making a mistake, but bye.")
    task = KeepInTouch.objects.get()
    assert (task.due_on - task.created_at.date()).days == 30


def test_a_second_close_out_keeps_the_one_open_check_in(lost_deal, owner):
    closeout_send(deal=lost_deal, actor=owner, message=GRACIOUS)
    closeout_send(deal=lost_deal, actor=owner, message=GRACIOUS)
    assert KeepInTouch.objects.count() == 1


def test_check_ins_are_in_the_future_and_done_once(lost_deal, owner):
    with pytest.raises(ValidationError) as error:
        keep_in_touch_schedule(deal=lost_deal, actor=owner, due_on=dt.date(2020, 1, 1))
    assert "due_on" in error.value.message_dict
    task = keep_in_touch_schedule(
        deal=lost_deal, actor=owner, due_on=dt.date.today() + dt.timedelta(days=3)
    )
    keep_in_touch_done(task=task, actor=owner)
    assert task.done_at is not None
    assert AuditEntry.objects.filter(object_type="debriefs.keepintouch").count() == 2
    with pytest.raises(ValidationError):
        keep_in_touch_done(task=task, actor=owner)
