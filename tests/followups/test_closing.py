"""Closing a deal ends its follow-ups: each is closed with the reason, as a row; they
leave Today, the reminders and the calendar feed at once; reopening brings none back."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from goodfit.core.extensions import register_deal_listener, unregister_deal_listener
from goodfit.followups.models import FollowUp, FollowUpEvent
from goodfit.followups.selectors import (
    coming_up,
    deal_followups,
    due_count,
    today_queue,
    user_calendar,
)
from goodfit.followups.services import (
    LinkProblem,
    call_end_no_decision,
    followup_schedule,
    pick_link_create,
    pick_link_open,
    reminders_send,
)
from goodfit.pipeline.models import Outcome
from goodfit.pipeline.services import deal_cancel, deal_move

pytestmark = pytest.mark.django_db
# Tuesday 2024-03-12 15:00 in Denver.
NOW = dt.datetime(2024, 3, 12, 21, 0, tzinfo=dt.UTC)


def _stage(team, outcome):
    return team.stages.get(outcome=outcome)


def _open_followups(deal, owner, steps):
    first = call_end_no_decision(deal=deal, actor=owner, step=steps["later"], now=NOW)
    second = followup_schedule(deal=deal, actor=owner, step=steps["days"], now=NOW, adjust=True)
    return first, second


@pytest.mark.parametrize(
    ("outcome", "label"),
    [
        (Outcome.WON, "Won"),
        (Outcome.LOST, "Lost"),
        (Outcome.WALKED_AWAY, "Walked away"),
        (Outcome.NOT_A_FIT, "Not a fit"),
    ],
)
def test_closing_a_deal_closes_every_open_followup_with_the_reason(
    denver_deal, owner, steps, team, outcome, label
):
    with time_machine.travel(NOW, tick=False):
        first, second = _open_followups(denver_deal, owner, steps)
        deal_move(deal=denver_deal, actor=owner, stage=_stage(team, outcome))
    for followup in (first, second):
        followup.refresh_from_db()
        assert followup.status == FollowUp.Status.CANCELLED
        assert followup.closed_reason == f"deal closed: {label}"
        event = followup.events.get(kind=FollowUpEvent.Kind.DEAL_CLOSED)
        assert event.note == f"deal closed: {label}"
        assert event.by == owner


def test_closed_followups_leave_today_the_badge_the_reminders_and_the_feed(
    denver_deal, owner, steps, team, mailoutbox
):
    with time_machine.travel(NOW, tick=False):
        first, _ = _open_followups(denver_deal, owner, steps)
    due = first.due_at + dt.timedelta(minutes=1)
    with time_machine.travel(due, tick=False):
        assert list(today_queue(owner, due)) == [first]
        assert due_count(owner, due) == 1
        deal_move(deal=denver_deal, actor=owner, stage=_stage(team, Outcome.LOST))
        assert list(today_queue(owner, due)) == []
        assert list(coming_up(owner, due)) == []
        assert due_count(owner, due) == 0
        assert list(user_calendar(owner, NOW)) == []
        assert reminders_send(now=due) == 0
    assert mailoutbox == []


def test_a_cancelled_won_deal_closes_what_is_still_open(denver_deal, owner, steps, team):
    with time_machine.travel(NOW, tick=False):
        first, _ = _open_followups(denver_deal, owner, steps)
        # A row left open on a won deal (e.g. written before this rule existed).
        deal_move(deal=denver_deal, actor=owner, stage=_stage(team, Outcome.WON))
        FollowUp.objects.filter(pk=first.pk).update(status=FollowUp.Status.OPEN)
        deal_cancel(
            deal=denver_deal, actor=owner, cancelled_on=NOW.date(), reason="Changed their mind"
        )
    first.refresh_from_db()
    assert first.status == FollowUp.Status.CANCELLED
    assert first.closed_reason == "deal closed: Cancelled"


def test_done_followups_keep_their_status(denver_deal, owner, steps, team):
    with time_machine.travel(NOW, tick=False):
        first, _ = _open_followups(denver_deal, owner, steps)
        first.status = FollowUp.Status.DONE
        first.save()
        deal_move(deal=denver_deal, actor=owner, stage=_stage(team, Outcome.LOST))
    first.refresh_from_db()
    assert first.status == FollowUp.Status.DONE and first.closed_reason == ""
    assert not first.events.filter(kind=FollowUpEvent.Kind.DEAL_CLOSED).exists()


def test_reopening_brings_nothing_back_and_scheduling_anew_works(denver_deal, owner, steps, team):
    with time_machine.travel(NOW, tick=False):
        _open_followups(denver_deal, owner, steps)
        deal_move(deal=denver_deal, actor=owner, stage=_stage(team, Outcome.LOST))
        reopened = team.stages.filter(outcome=Outcome.OPEN).first()
        deal_move(deal=denver_deal, actor=owner, stage=reopened)
        assert not FollowUp.objects.filter(
            deal=denver_deal, status__in=(FollowUp.Status.OPEN, FollowUp.Status.SNOOZED)
        ).exists()
        again = followup_schedule(deal=denver_deal, actor=owner, step=steps["days"], now=NOW)
    assert again.status == FollowUp.Status.OPEN
    assert [f.pk for f in deal_followups(denver_deal) if f.is_active] == [again.pk]


def test_a_closed_deal_refuses_new_followups_and_its_pick_links(denver_deal, owner, steps, team):
    with time_machine.travel(NOW, tick=False):
        token = pick_link_create(deal=denver_deal, actor=owner, now=NOW)
        deal_move(deal=denver_deal, actor=owner, stage=_stage(team, Outcome.LOST))
        with pytest.raises(ValidationError) as refused:
            followup_schedule(deal=denver_deal, actor=owner, step=steps["days"], now=NOW)
        assert "closed" in str(refused.value)
        with pytest.raises(LinkProblem) as problem:
            pick_link_open(token)
    assert problem.value.reason == "closed"


def test_a_failed_close_rolls_back_the_followups_too(denver_deal, owner, steps, team):
    """The listener writes in the move's transaction: when a later listener fails, the
    move and the closed follow-ups roll back together."""

    def boom(event):
        if event.closed:
            raise ValidationError({"stage": "refused by a later listener"})

    register_deal_listener("zz-test-boom", boom)
    try:
        with time_machine.travel(NOW, tick=False):
            first, _ = _open_followups(denver_deal, owner, steps)
            with pytest.raises(ValidationError):
                deal_move(deal=denver_deal, actor=owner, stage=_stage(team, Outcome.LOST))
    finally:
        unregister_deal_listener("zz-test-boom")
    first.refresh_from_db()
    assert first.status == FollowUp.Status.OPEN and first.closed_reason == ""
    assert not FollowUpEvent.objects.filter(kind=FollowUpEvent.Kind.DEAL_CLOSED).exists()
