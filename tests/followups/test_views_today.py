"""The Today queue and what a rep does with each follow-up."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from goodfit.followups.models import FollowUp
from goodfit.followups.services import followup_schedule
from goodfit.pipeline.models import Interaction

NOW = dt.datetime(2024, 3, 12, 17, 0, tzinfo=dt.UTC)  # 11:00 Denver, 13:00 New York

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def due(denver_deal, owner, steps):
    """Scheduled yesterday for "tomorrow at 10" (Denver): due an hour ago."""
    return followup_schedule(
        deal=denver_deal, actor=owner, step=steps["tomorrow"], now=NOW - dt.timedelta(days=1)
    )


def test_the_queue_lists_due_follow_ups_with_both_clocks_and_the_message(owner_client, due):
    html = owner_client.get(reverse("today")).content.decode()
    assert "Dana Diaz" in html
    assert "12:00" in html  # the rep's clock (New York)
    assert "Tuesday, March 12 at 10:00 MDT" in html
    assert "Hi Dana" in html
    assert "Overdue" in html


def test_the_nav_shows_the_due_count(owner_client, due):
    html = owner_client.get(reverse("board")).content.decode()
    assert 'href="/today/"' in html
    assert '<span class="nav-count"><span class="visually-hidden">, </span>1</span>' in html


def test_done_logs_the_interaction(owner_client, due):
    response = owner_client.post(reverse("today-done", args=[due.pk]), {"summary": "Agreed"})
    assert response.status_code == 302
    due.refresh_from_db()
    assert due.status == FollowUp.Status.DONE
    assert Interaction.objects.get(deal=due.deal).summary == "Agreed"


def test_snooze_and_reschedule(owner_client, due):
    owner_client.post(reverse("today-snooze", args=[due.pk]), {"minutes": "60"})
    due.refresh_from_db()
    assert due.due_at == NOW + dt.timedelta(hours=1)
    url = reverse("today-reschedule", args=[due.pk])
    owner_client.post(url, {"due_at": "2024-03-13T09:30"})
    due.refresh_from_db()
    assert due.due_at == dt.datetime(2024, 3, 13, 15, 30, tzinfo=dt.UTC)


def test_a_bad_reschedule_says_why(owner_client, due):
    url = reverse("today-reschedule", args=[due.pk])
    response = owner_client.post(url, {"due_at": "2024-03-13T23:00"}, follow=True)
    assert "outside Dana Diaz&#x27;s contact hours" in response.content.decode()
    response = owner_client.post(url, {"due_at": "soon"}, follow=True)
    assert "Enter a date and time" in response.content.decode()


def test_no_answer_moves_down_the_ladder(owner_client, due, steps):
    response = owner_client.post(reverse("today-no-answer", args=[due.pk]), follow=True)
    assert "next: talk in a couple of days" in response.content.decode()
    assert FollowUp.objects.filter(step=steps["days"], status="open").exists()


def test_outsiders_get_404(outsider_client, due):
    for name in ("today-done", "today-snooze", "today-reschedule", "today-no-answer"):
        assert outsider_client.post(reverse(name, args=[due.pk])).status_code == 404
    due.refresh_from_db()
    assert due.status == FollowUp.Status.OPEN
    assert "Dana" not in outsider_client.get(reverse("today")).content.decode()


def _badge(html):
    """The number next to Today in the navigation."""
    import re

    match = re.search(
        r'href="/today/"[^>]*>Today <span class="nav-count">.*?(\d+)</span>', html, re.S
    )
    return int(match.group(1)) if match else 0


def test_after_a_snooze_the_count_the_badge_and_the_message_agree(owner_client, due):
    response = owner_client.post(reverse("today-snooze", args=[due.pk]), {"minutes": 60})
    page = owner_client.get(response["Location"]).content.decode()
    # Snoozed an hour: still today, so still on the list, in the badge and the message.
    assert "<strong>1</strong> follow-up on your list" in page
    assert _badge(page) == 1
    assert "1 follow-up left on today&#x27;s list." in page
    assert (
        "Snoozed Dana Diaz until Tue 12 Mar, 14:00 EDT (Tue 12 Mar, 12:00 MDT their time)" in page
    )


def test_one_date_format_on_the_page(owner_client, due, denver_deal, owner, steps):
    followup_schedule(deal=denver_deal, actor=owner, step=steps["days"], now=NOW)
    html = owner_client.get(reverse("today")).content.decode()
    assert "Tue 12 Mar, 12:00 EDT" in html and "Tue 12 Mar, 10:00 MDT" in html
    assert "Thu 14 Mar, 12:00 EDT" in html and "Thu 14 Mar, 10:00 MDT" in html


def test_labels_say_what_happens(owner_client, due):
    html = owner_client.get(reverse("today")).content.decode()
    assert "Copy message" in html and "Record as done" in html
    assert ">Send<" not in html and ">Done<" not in html


def test_managers_switch_today_to_the_whole_team(manager_client, owner_client, owner, due):
    mine = manager_client.get(reverse("today")).content.decode()
    assert "Dana Diaz" not in mine and "Whole team" in mine
    team = manager_client.get(reverse("today") + "?who=team").content.decode()
    assert "Dana Diaz" in team and (owner.get_full_name() or owner.username) in team
    # A rep asking for the team's day gets their own.
    rep = owner_client.get(reverse("today") + "?who=team").content.decode()
    assert "Whole team" not in rep


def test_a_manager_acts_on_the_team_view_and_returns_to_it(manager_client, due):
    response = manager_client.post(
        reverse("today-snooze", args=[due.pk]), {"minutes": 15, "who": "team"}
    )
    assert response["Location"] == "/today/?who=team"
