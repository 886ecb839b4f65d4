"""The public pick-a-time page and the calendar feed: no login, nothing but what's needed."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from icalendar import Calendar

from goodfit.followups.models import FollowUp, PickLinkUse
from goodfit.followups.services import (
    calendar_token_create,
    calendar_tokens_revoke,
    followup_schedule,
    pick_link_create,
)

NOW = dt.datetime(2024, 3, 11, 13, 0, tzinfo=dt.UTC)  # Monday 07:00 Denver, 09:00 New York

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    cache.clear()
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def token(denver_deal, owner):
    owner.first_name, owner.last_name = "Olivia", "Ortiz-Secret"
    owner.save()
    return pick_link_create(deal=denver_deal, actor=owner)


def test_the_page_shows_free_slots_in_the_prospects_zone_and_only_the_reps_first_name(token):
    response = Client().get(reverse("followups-pick", args=[token]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Pick a time to talk with Olivia" in html
    assert "Ortiz-Secret" not in html and "olivia@" not in html and "Dana" not in html
    assert "America/Denver" in html
    # The rep works 09:00–17:00 New York = 07:00–15:00 Denver; two hours' notice from 07:00.
    assert 'value="2024-03-11T15:00Z"' in html  # 09:00 Denver
    assert ">\n            09:00" in html or "> 09:00" in html


def test_picking_a_slot_creates_the_follow_up_once(token, denver_deal):
    client = Client()
    url = reverse("followups-pick", args=[token])
    response = client.post(url, {"slot": "2024-03-11T15:00Z"})
    assert response.status_code == 200
    assert "Booked" in response.content.decode()
    followup = FollowUp.objects.get()
    assert followup.origin == FollowUp.Origin.PROSPECT
    assert followup.due_at == dt.datetime(2024, 3, 11, 15, 0, tzinfo=dt.UTC)
    assert followup.assignee == denver_deal.owner
    again = client.post(url, {"slot": "2024-03-11T16:00Z"})
    assert "Booked" in again.content.decode()
    assert FollowUp.objects.count() == 1


def test_a_slot_that_was_not_offered_is_refused(token):
    response = Client().post(reverse("followups-pick", args=[token]), {"slot": "2024-03-11T03:00Z"})
    assert response.status_code == 422
    assert "no longer free" in response.content.decode()
    response = Client().post(reverse("followups-pick", args=[token]), {"slot": "nonsense"})
    assert "Please pick one of the times shown." in response.content.decode()
    assert not FollowUp.objects.exists()


def test_a_tampered_link_gets_a_clear_page(token):
    response = Client().get(reverse("followups-pick", args=[token[:-2] + "xx"]))
    assert response.status_code == 404
    assert "This link doesn&#x27;t work" in response.content.decode()


def test_an_expired_link_gets_a_clear_page(token):
    with time_machine.travel(NOW + dt.timedelta(days=8), tick=False):
        response = Client().get(reverse("followups-pick", args=[token]))
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_the_page_is_rate_limited_per_client(token, settings):
    client = Client()
    url = reverse("followups-pick", args=[token])
    statuses = [client.get(url).status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30
    assert statuses[30] == 429
    # Reading the page writes nothing, not even a visit row.
    assert not PickLinkUse.objects.exists()
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get(url).status_code == 200


def test_the_calendar_feed_parses_back(owner, denver_deal, steps):
    followup = followup_schedule(deal=denver_deal, actor=owner, step=steps["tomorrow"])
    _, raw = calendar_token_create(user=owner)
    response = Client().get(reverse("followups-calendar-feed", args=[raw]))
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event["uid"] == f"followup-{followup.pk}@goodfit"
    assert event.decoded("dtstart") == followup.due_at
    assert "Dana Diaz" in str(event["summary"])
    assert "Hi Dana" in str(event["description"])


def test_a_revoked_calendar_link_stops_working(owner):
    _, raw = calendar_token_create(user=owner)
    calendar_tokens_revoke(user=owner)
    assert Client().get(reverse("followups-calendar-feed", args=[raw])).status_code == 404
    assert Client().get(reverse("followups-calendar-feed", args=["guess"])).status_code == 404


def test_the_calendar_page_makes_and_revokes_a_link(owner_client, outsider_client):
    response = owner_client.post(reverse("today-calendar"), {"action": "create"})
    assert "/followups/calendar/" in response.content.decode()
    owner_client.post(reverse("today-calendar"), {"action": "revoke"})
    assert "no calendar address yet" in owner_client.get(reverse("today-calendar")).content.decode()
