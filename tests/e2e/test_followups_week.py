"""In Chromium, with the server's clock frozen on a Friday evening: the prospect says
"let me think about it", and every step proposes Monday, labelled as Monday."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
import time_machine
from playwright.sync_api import expect

from goodfit.followups.models import FollowUp
from goodfit.followups.services import ladder_create_default
from tests.e2e.conftest import login

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def next_friday_evening() -> dt.datetime:
    """19:30 in Berlin on a Friday at least a week ahead (sessions stay valid for the
    browser, whose own clock is not frozen)."""
    day = dt.datetime.now(BERLIN).date() + dt.timedelta(days=7)
    day += dt.timedelta(days=(4 - day.weekday()) % 7)
    return dt.datetime.combine(day, dt.time(19, 30), tzinfo=BERLIN)


@pytest.mark.django_db(transaction=True)
def test_a_friday_evening_let_me_think_proposes_monday(page, team, owner, deal):
    ladder_create_default(team=team)
    owner.membership.time_zone = "Europe/Berlin"
    owner.membership.save()
    prospect = deal.prospect
    prospect.time_zone = "Europe/Berlin"
    prospect.contact_start, prospect.contact_end = dt.time(9), dt.time(18)
    prospect.contact_days = "12345"
    prospect.save()
    friday = next_friday_evening()
    monday = friday.date() + dt.timedelta(days=3)

    with time_machine.travel(friday, tick=True):
        login(page, "olivia")
        page.goto(f"/deals/{deal.pk}/?panel=followups")
        panel = page.locator("#followups-panel")
        later = panel.locator("label.followups-rung", has_text="Talk later today")
        expect(later).to_contain_text("Monday at 09:00")
        expect(later).to_contain_text("later today is after their hours")
        tomorrow = panel.locator("label.followups-rung", has_text="Talk tomorrow")
        expect(tomorrow).to_contain_text("Monday at 10:00")
        expect(tomorrow).not_to_contain_text("tomorrow at")

        panel.get_by_label("Talk tomorrow").check()
        panel.get_by_label("What was said").fill("Let me think about it")
        panel.get_by_role("button", name="Log the call and schedule").click()
        notice = page.locator("#followups-panel .alert-success")
        expect(notice).to_contain_text(f"Mon {monday.day} {monday:%b}, 10:00")

    followup = FollowUp.objects.get(deal=deal)
    local = followup.due_at.astimezone(BERLIN)
    assert (local.date(), local.time()) == (monday, dt.time(10))
