"""In Chromium: a rep ends a call with "talk tomorrow", sees it queued at the prospect's
10:00, sends a pick-a-time link, and the prospect picks a slot in a fresh browser."""

from __future__ import annotations

import datetime as dt

import pytest

from goodfit.followups.domain.timing import ContactHours, Delay, Rung, due_for_rung
from goodfit.followups.domain.when import in_zones, stamp
from goodfit.followups.models import FollowUp
from goodfit.followups.services import ladder_create_default
from tests.e2e.conftest import login


@pytest.mark.django_db(transaction=True)
def test_talk_tomorrow_then_the_prospect_picks_a_time(page, new_context, team, owner, deal):
    ladder_create_default(team=team)
    owner.first_name, owner.last_name = "Olivia", "Ortiz"
    owner.save()
    prospect = deal.prospect
    prospect.time_zone = "America/Denver"
    prospect.contact_start, prospect.contact_end = dt.time(8), dt.time(17)
    prospect.contact_days = "1234567"  # any day of the week the suite runs on
    prospect.save()
    tomorrow = due_for_rung(
        dt.datetime.now(dt.UTC),
        Rung(Delay.DAYS, 1, dt.time(10)),
        ContactHours("America/Denver", dt.time(8), dt.time(17)),
    )
    expected = in_zones(tomorrow, "America/Denver", "America/New_York")

    login(page, "olivia")
    page.goto(f"/deals/{deal.pk}/?panel=followups")
    panel = page.locator("#followups-panel")
    panel.get_by_label("Talk tomorrow").check()
    panel.get_by_label("What was said").fill("Wants to sleep on it")
    panel.get_by_role("button", name="Log the call and schedule").click()
    panel = page.locator("#followups-panel")
    panel.get_by_text(f"follow-up set for {expected}").wait_for()

    page.get_by_role("link", name="Today").click()
    # Due later today it is a card of today's list; due after today, a row of "Coming up".
    row = page.locator("li.followups-task, tr", has_text="Dana Diaz")
    row.get_by_text(stamp(tomorrow, "America/Denver")).wait_for()
    assert "10:00 M" in expected

    page.goto(f"/deals/{deal.pk}/?panel=followups")
    page.get_by_role("button", name="Make a pick-a-time link").click()
    link_box = page.get_by_label("Pick-a-time link")
    link_box.wait_for()
    link = link_box.input_value()
    assert "/followups/pick/" in link

    prospect_page = new_context().new_page()
    prospect_page.goto(link)
    prospect_page.get_by_role("heading", name="Pick a time to talk with Olivia").wait_for()
    assert "Ortiz" not in prospect_page.content()
    prospect_page.locator("input[name=slot]").first.check()
    prospect_page.get_by_role("button", name="Book this time").click()
    prospect_page.get_by_role("heading", name="Booked").wait_for()

    picked = FollowUp.objects.get(origin=FollowUp.Origin.PROSPECT)
    page.goto(f"/deals/{deal.pk}/?panel=followups")
    page.locator("#followups-panel").get_by_text("Picked by the prospect").wait_for()
    assert picked.deal_id == deal.pk
