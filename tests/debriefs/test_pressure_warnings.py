"""The same checker warns before a follow-up message goes out: the template form and its
preview, a rung's template, and the Today list."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from goodfit.debriefs.services import pressure_pattern_switch
from goodfit.followups.models import FollowUp
from goodfit.followups.services import followup_schedule, ladder_create_default

pytestmark = pytest.mark.django_db
NOW = dt.datetime(2024, 3, 12, 17, 0, tzinfo=dt.UTC)
PUSHY = "Hi {{ prospect_first_name }}, only two spots left, so confirm by Friday."


def test_the_template_preview_warns_and_still_saves(manager_client, team):
    url = reverse("settings-followups-template-new")
    preview = manager_client.post(url, {"name": "Nudge", "body": PUSHY, "preview": "1"})
    html = preview.content.decode()
    assert "Before you send:" in html
    assert "Scarcity" in html and "Deadline and urgency" in html
    assert "only two spots left" in html
    calm = manager_client.post(url, {"name": "Calm", "body": "Hi, no rush at all.", "preview": "1"})
    assert "Before you send:" not in calm.content.decode()


def test_a_switched_off_default_does_not_warn(manager_client, team, manager):
    for key in ("scarcity.only-n-left", "scarcity.n-left", "deadline.answer-by"):
        pressure_pattern_switch(team=team, actor=manager, key=key, active=False)
    url = reverse("settings-followups-template-new")
    html = manager_client.post(url, {"name": "N", "body": PUSHY, "preview": "1"}).content.decode()
    assert "Before you send:" not in html


def test_today_warns_next_to_a_pushy_message(owner_client, deal, owner, team):
    ladder = ladder_create_default(team=team)
    step = ladder.steps.order_by("position")[1]
    with time_machine.travel(NOW, tick=False):
        followup = followup_schedule(
            deal=deal, actor=owner, step=step, now=NOW - dt.timedelta(days=1)
        )
        FollowUp.objects.filter(pk=followup.pk).update(message="Last chance: it expires tonight.")
        html = owner_client.get(reverse("today")).content.decode()
    assert "Before you send:" in html and "last chance" in html.lower()
