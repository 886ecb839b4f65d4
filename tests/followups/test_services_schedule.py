"""Scheduling follow-ups on deals: rungs, refusals, done, snooze, no answer."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.followups.models import FollowUp, FollowUpEvent, NoDecision
from goodfit.followups.services import (
    CadenceRefused,
    call_end_no_decision,
    followup_done,
    followup_no_answer,
    followup_reschedule,
    followup_schedule,
    followup_snooze,
    followups_mark_missed,
)
from goodfit.pipeline.models import Interaction

DENVER = zoneinfo.ZoneInfo("America/Denver")
# Monday 2024-03-11 15:00 in Denver (MDT, the day after spring-forward).
NOW = dt.datetime(2024, 3, 11, 21, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


def local(moment):
    return moment.astimezone(DENVER)


def test_talk_tomorrow_is_scheduled_at_ten_on_the_prospects_clock(denver_deal, owner, steps):
    followup = call_end_no_decision(
        deal=denver_deal, actor=owner, step=steps["tomorrow"], summary="Needs to think", now=NOW
    )
    assert local(followup.due_at).strftime("%Y-%m-%d %H:%M") == "2024-03-12 10:00"
    assert followup.due_at == dt.datetime(2024, 3, 12, 16, 0, tzinfo=dt.UTC)
    assert followup.channel == "call"
    assert "Hi Dana" in followup.message
    assert "Tuesday, March 12 at 10:00 MDT" in followup.message
    assert NoDecision.objects.filter(deal=denver_deal).count() == 1
    assert Interaction.objects.get(deal=denver_deal).summary == "Needs to think"
    assert followup.events.get().kind == FollowUpEvent.Kind.SCHEDULED
    assert AuditEntry.objects.filter(object_type="followups.followup").exists()


def test_the_choose_rung_puts_a_pick_link_in_the_message(denver_deal, owner, steps):
    followup = call_end_no_decision(
        deal=denver_deal, actor=owner, step=steps["choose"], now=NOW, site="http://testserver"
    )
    assert "http://testserver/followups/pick/" in followup.message


def test_a_refused_time_says_why_and_leaves_nothing_behind(denver_deal, owner):
    late = dt.datetime(2024, 3, 12, 4, 0, tzinfo=dt.UTC)  # 22:00 in Denver
    with pytest.raises(CadenceRefused) as raised:
        call_end_no_decision(deal=denver_deal, actor=owner, due_at=late, now=NOW)
    message = raised.value.message_dict["due_at"][0]
    assert "outside Dana Diaz's contact hours (08:00–17:00 Mon–Fri, America/Denver)" in message
    # Never UTC: the prospect's clock first, the rep's (New York) beside it.
    assert "next allowed time is Tue 12 Mar, 08:00 MDT their time (10:00 EDT yours)" in message
    assert "UTC" not in message
    assert not FollowUp.objects.exists()
    assert not Interaction.objects.exists()
    assert not NoDecision.objects.exists()


def test_do_not_contact_prospects_get_no_follow_up(denver_deal, owner, steps):
    denver_deal.prospect.do_not_contact = True
    denver_deal.prospect.save()
    with pytest.raises(CadenceRefused, match="asked not to be contacted"):
        followup_schedule(deal=denver_deal, actor=owner, step=steps["tomorrow"], now=NOW)


def test_too_many_touches_are_refused(denver_deal, owner, steps, team):
    from goodfit.followups.services import cadence_update

    cadence_update(team=team, actor=owner, max_touches=1, window_days=7)
    followup_schedule(deal=denver_deal, actor=owner, step=steps["tomorrow"], now=NOW)
    with pytest.raises(CadenceRefused, match="at most 1"):
        followup_schedule(deal=denver_deal, actor=owner, step=steps["days"], now=NOW)


def test_a_rung_or_a_time_is_required(deal, owner):
    with pytest.raises(ValidationError) as raised:
        followup_schedule(deal=deal, actor=owner, now=NOW)
    assert "step" in raised.value.message_dict


def test_done_logs_the_interaction(denver_deal, owner, steps):
    followup = followup_schedule(deal=denver_deal, actor=owner, step=steps["later"], now=NOW)
    with time_machine.travel(followup.due_at, tick=False):
        followup_done(followup=followup, actor=owner, summary="Talked; sending contract")
    followup.refresh_from_db()
    assert followup.status == FollowUp.Status.DONE
    interaction = Interaction.objects.get(deal=denver_deal)
    assert (interaction.summary, interaction.direction) == ("Talked; sending contract", "out")
    with pytest.raises(ValidationError, match="already done"):
        followup_done(followup=followup, actor=owner)


def test_snooze_moves_it_later_within_the_prospects_hours(denver_deal, owner, steps):
    followup = followup_schedule(deal=denver_deal, actor=owner, step=steps["tomorrow"], now=NOW)
    followup_snooze(followup=followup, actor=owner, minutes=60 * 8, now=NOW)
    assert local(followup.due_at).strftime("%H:%M") == "08:00"
    assert followup.status == FollowUp.Status.SNOOZED
    with pytest.raises(ValidationError):
        followup_snooze(followup=followup, actor=owner, minutes=1, now=NOW)


def test_reschedule_checks_the_guard_but_not_against_itself(denver_deal, owner, steps, team):
    from goodfit.followups.services import cadence_update

    cadence_update(team=team, actor=owner, max_touches=1)
    followup = followup_schedule(deal=denver_deal, actor=owner, step=steps["tomorrow"], now=NOW)
    later = followup.due_at + dt.timedelta(hours=2)
    followup_reschedule(followup=followup, actor=owner, due_at=later, now=NOW)
    assert followup.due_at == later
    assert followup.events.last().kind == FollowUpEvent.Kind.RESCHEDULED


def test_no_answer_moves_down_the_ladder(denver_deal, owner, steps):
    first = followup_schedule(deal=denver_deal, actor=owner, step=steps["later"], now=NOW)
    second = followup_no_answer(followup=first, actor=owner, now=NOW)
    assert first.status == FollowUp.Status.MISSED
    assert second.step == steps["tomorrow"]
    last = followup_schedule(deal=denver_deal, actor=owner, step=steps["decide"], now=NOW)
    assert followup_no_answer(followup=last, actor=owner, now=NOW) is None


def test_follow_ups_a_day_overdue_become_missed(denver_deal, owner, steps):
    followup = followup_schedule(deal=denver_deal, actor=owner, step=steps["later"], now=NOW)
    assert followups_mark_missed(now=followup.due_at + dt.timedelta(hours=23)) == 0
    assert followups_mark_missed(now=followup.due_at + dt.timedelta(hours=25)) == 1
    followup.refresh_from_db()
    assert followup.status == FollowUp.Status.MISSED
