"""Managers edit the ladder: rungs are added, changed, moved and removed through services."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.followups.models import FollowUp, Ladder, LadderStep, MessageTemplate
from goodfit.followups.services import (
    call_end_no_decision,
    followup_done,
    step_create,
    step_delete,
    step_move,
    step_update,
)

NOW = dt.datetime(2024, 3, 11, 21, 0, tzinfo=dt.UTC)
RUNG = {"outcome": "Talk next week", "delay_kind": "days", "delay_amount": 7}

pytestmark = pytest.mark.django_db


def outcomes(team):
    rows = LadderStep.objects.filter(ladder__team=team, ladder__kind="push").order_by("position")
    return [(s.position, s.outcome) for s in rows]


def test_a_rung_is_added_at_the_bottom_and_audited(team, manager, ladder):
    step = step_create(team=team, actor=manager, at_time=dt.time(9), **RUNG)
    assert step.position == 5 and step.ladder == ladder
    assert AuditEntry.objects.filter(object_type="followups.ladderstep", action="create").exists()


def test_the_first_rung_makes_the_teams_ladder(team, manager):
    step = step_create(team=team, actor=manager, **RUNG)
    assert step.position == 1
    assert Ladder.objects.filter(team=team).count() == 1


def test_a_rung_can_bring_its_own_new_template(team, manager):
    body = "Hi {{ prospect_first_name }}, talk {{ time }}."
    step = step_create(team=team, actor=manager, template_body=body, **RUNG)
    assert step.template.name == "Talk next week" and step.template.body == body


def test_a_new_template_with_unknown_placeholders_writes_nothing(team, manager):
    with pytest.raises(ValidationError) as error:
        step_create(team=team, actor=manager, template_body="Hi {{ price }} {{ budget }}", **RUNG)
    problems = " ".join(error.value.message_dict["template_body"])
    assert "price" in problems and "budget" in problems
    assert not LadderStep.objects.exists() and not MessageTemplate.objects.exists()
    assert not Ladder.objects.exists()


def test_another_teams_template_is_refused(team, other_team, manager):
    theirs = MessageTemplate.objects.create(team=other_team, name="Theirs", body="Hi")
    with pytest.raises(ValidationError) as error:
        step_create(team=team, actor=manager, template=theirs, **RUNG)
    assert "template" in error.value.message_dict


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"outcome": "Talk tomorrow"}, "outcome"),
        ({"delay_kind": "hours", "at_time": dt.time(10)}, "at_time"),
        ({"delay_amount": 0}, "delay_amount"),
        ({"delay_amount": 91}, "delay_amount"),
        ({"channel": "pigeon"}, "channel"),
    ],
)
def test_bad_rungs_name_the_field_and_change_nothing(steps, manager, fields, field):
    step = steps["days"]
    with pytest.raises(ValidationError) as error:
        step_update(step=step, actor=manager, **fields)
    assert field in error.value.message_dict
    step.refresh_from_db()
    assert step.outcome == "Talk in a couple of days" and step.delay_amount == 2


def test_a_rung_is_edited_and_the_change_audited(steps, manager):
    step = step_update(
        step=steps["later"], actor=manager, outcome="Talk this afternoon", delay_amount=4
    )
    step.refresh_from_db()
    assert (step.outcome, step.delay_amount) == ("Talk this afternoon", 4)
    entry = AuditEntry.objects.get(object_type="followups.ladderstep", action="update")
    assert entry.changes["delay_amount"] == [3, 4]


def test_moving_up_swaps_with_the_rung_above_and_the_top_stays_put(team, steps, manager):
    step_move(step=steps["days"], actor=manager, direction="up")
    assert [o for _, o in outcomes(team)][:3] == [
        "Talk later today",
        "Talk in a couple of days",
        "Talk tomorrow",
    ]
    steps["later"].refresh_from_db()
    step_move(step=steps["later"], actor=manager, direction="up")
    assert outcomes(team)[0] == (1, "Talk later today")
    with pytest.raises(ValidationError):
        step_move(step=steps["later"], actor=manager, direction="sideways")


def test_moving_down_the_last_rung_changes_nothing(team, steps, manager):
    before = outcomes(team)
    step_move(step=steps["decide"], actor=manager, direction="down")
    assert outcomes(team) == before


def test_removing_a_rung_closes_the_gap(team, steps, manager):
    step_delete(step=steps["tomorrow"], actor=manager)
    assert outcomes(team) == [
        (1, "Talk later today"),
        (2, "Talk in a couple of days"),
        (3, "Ask for a decision"),
    ]
    assert AuditEntry.objects.filter(object_type="followups.ladderstep", action="delete").exists()


def test_a_rung_with_open_followups_is_not_removed(denver_deal, owner, manager, steps):
    followup = call_end_no_decision(
        deal=denver_deal, actor=owner, step=steps["tomorrow"], summary="", now=NOW
    )
    with pytest.raises(ValidationError) as error:
        step_delete(step=steps["tomorrow"], actor=manager)
    assert "1 open follow-up" in error.value.message_dict["step"][0]
    assert LadderStep.objects.filter(pk=steps["tomorrow"].pk).exists()
    # Once done, the rung can go; the follow-up keeps its time and message.
    followup_done(followup=followup, actor=owner, now=NOW)
    step_delete(step=steps["tomorrow"], actor=manager)
    followup.refresh_from_db()
    assert followup.step is None and followup.message
    assert FollowUp.objects.filter(pk=followup.pk).exists()
