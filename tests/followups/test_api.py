"""The follow-ups API: schedule, today's queue, act on one, come-back rates."""

from __future__ import annotations

import datetime as dt
import json

import pytest
import time_machine

from goodfit.followups.models import FollowUp, NoDecision
from goodfit.followups.services import followup_schedule
from tests.factories import DealFactory

NOW = dt.datetime(2024, 3, 11, 21, 0, tzinfo=dt.UTC)  # 15:00 in Denver

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def post(client, url, body, headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def patch(client, url, body, headers):
    return client.patch(url, json.dumps(body), content_type="application/json", **headers)


def test_schedule_a_rung(client, denver_deal, steps, owner_api):
    url = f"/api/v1/deals/{denver_deal.pk}/followups"
    body = {"step_id": steps["tomorrow"].pk, "no_decision": True, "summary": "Thinking"}
    response = post(client, url, body, owner_api)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["due_at"].startswith("2024-03-12T16:00")
    assert data["due_local"] == "2024-03-12T10:00:00-06:00"
    assert data["step"] == "Talk tomorrow"
    assert "Hi Dana" in data["message"]
    assert NoDecision.objects.count() == 1


def test_a_refusal_explains_why_and_offers_the_next_time(client, denver_deal, owner_api):
    url = f"/api/v1/deals/{denver_deal.pk}/followups"
    response = post(client, url, {"due_at": "2024-03-12T04:00:00Z"}, owner_api)
    assert response.status_code == 422
    data = response.json()
    assert data["reasons"] == ["outside_hours"]
    assert data["next_allowed"].startswith("2024-03-12T14:00")
    assert data["detail"][0]["field"] == "due_at"
    assert "contact hours" in data["detail"][0]["message"]


def test_bad_input_names_the_field(client, denver_deal, owner_api):
    url = f"/api/v1/deals/{denver_deal.pk}/followups"
    response = post(client, url, {"due_at": "tomorrow"}, owner_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "due_at"
    response = post(client, url, {}, owner_api)
    assert response.json()["detail"][0]["field"] == "step"


def test_today_and_patch(client, denver_deal, owner, steps, owner_api):
    due = followup_schedule(
        deal=denver_deal,
        actor=owner,
        due_at=NOW - dt.timedelta(hours=1),
        now=NOW - dt.timedelta(hours=2),
    )
    response = client.get("/api/v1/followups/today", **owner_api)
    assert [f["id"] for f in response.json()] == [due.pk]
    url = f"/api/v1/followups/{due.pk}"
    response = patch(client, url, {"action": "snooze", "minutes": 30}, owner_api)
    assert response.json()["status"] == "snoozed"
    response = patch(client, url, {"action": "snooze"}, owner_api)
    assert response.json()["detail"][0]["field"] == "minutes"
    response = patch(
        client, url, {"action": "reschedule", "due_at": "2024-03-12T04:00:00Z"}, owner_api
    )
    assert response.status_code == 422 and response.json()["reasons"] == ["outside_hours"]
    response = patch(client, url, {"action": "done", "summary": "Signed"}, owner_api)
    assert response.json()["status"] == "done"
    response = patch(client, url, {"action": "done"}, owner_api)
    assert response.status_code == 422


def test_no_answer_returns_the_next_rung(client, denver_deal, owner, steps, owner_api):
    first = followup_schedule(deal=denver_deal, actor=owner, step=steps["later"], now=NOW)
    response = patch(client, f"/api/v1/followups/{first.pk}", {"action": "no_answer"}, owner_api)
    assert response.json()["step"] == "Talk tomorrow"
    assert FollowUp.objects.get(pk=first.pk).status == "missed"


def test_come_back_rates(client, team, owner, offering, owner_api):
    for n in range(6):
        deal = DealFactory(team=team, owner=owner, offering=offering, prospect__team=team)
        NoDecision.objects.create(deal=deal, at=NOW - dt.timedelta(days=60))
        if n < 3:
            deal.interactions.create(
                direction="in", channel="email", occurred_at=NOW - dt.timedelta(days=50)
            )
    data = client.get("/api/v1/sources/come-back-rates", **owner_api).json()
    assert data == [
        {
            "source": "web form",
            "sample": 6,
            "came_back": 3,
            "rate": 0.5,
            "advice": "nurture",
            "sentence": "Leads from web form came back 50% of the time (3 of 6 deals): "
            "nurture: follow up on their terms.",
        }
    ]


def test_outsiders_get_404(client, denver_deal, owner, steps, outsider_api):
    due = followup_schedule(deal=denver_deal, actor=owner, step=steps["later"], now=NOW)
    url = f"/api/v1/deals/{denver_deal.pk}/followups"
    assert post(client, url, {"step_id": steps["later"].pk}, outsider_api).status_code == 404
    response = patch(client, f"/api/v1/followups/{due.pk}", {"action": "done"}, outsider_api)
    assert response.status_code == 404
    assert client.get("/api/v1/followups/today", **outsider_api).json() == []
    assert client.get("/api/v1/sources/come-back-rates", **outsider_api).json() == []


def test_another_teams_rung_is_not_found(client, denver_deal, owner_api, other_team):
    from goodfit.followups.services import ladder_create_default

    foreign = ladder_create_default(team=other_team).steps.first()
    url = f"/api/v1/deals/{denver_deal.pk}/followups"
    assert post(client, url, {"step_id": foreign.pk}, owner_api).status_code == 404
