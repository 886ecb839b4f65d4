"""In Chromium: a rep closes a deal as lost and its follow-up leaves Today at once; the
deal's follow-ups card says why and offers no next rung."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from goodfit.followups.models import FollowUp
from goodfit.followups.services import followup_schedule, ladder_create_default
from tests.e2e.conftest import login


@pytest.mark.django_db(transaction=True)
def test_closing_a_deal_takes_its_followup_off_today(page, team, owner, deal):
    ladder = ladder_create_default(team=team)
    prospect = deal.prospect
    # Any time of day is inside the prospect's hours, so the follow-up is due now.
    prospect.contact_start, prospect.contact_end = dt.time(0, 0), dt.time(23, 59)
    prospect.contact_days = "1234567"
    prospect.save()
    now = dt.datetime.now(dt.UTC)
    followup = followup_schedule(
        deal=deal,
        actor=owner,
        step=ladder.steps.order_by("position").first(),
        due_at=now + dt.timedelta(minutes=2),
        now=now,
    )
    FollowUp.objects.filter(pk=followup.pk).update(due_at=now - dt.timedelta(minutes=5))

    login(page, "olivia")
    page.goto("/today/")
    task = page.locator(f"#followup-{followup.pk}")
    expect(task).to_contain_text("Dana Diaz")

    page.goto(f"/deals/{deal.pk}/")
    page.locator("#deal-move-stage").select_option(label="Lost (lost)")
    page.get_by_role("button", name="Move", exact=True).click()
    panel = page.locator("#followups-panel")
    expect(panel).to_contain_text("deal closed: Lost")
    expect(panel.get_by_role("button", name="Log the call and schedule")).to_have_count(0)

    page.goto("/today/")
    expect(page.locator(f"#followup-{followup.pk}")).to_have_count(0)
    expect(page.get_by_text("Nothing due today")).to_be_visible()
    followup.refresh_from_db()
    assert followup.closed_reason == "deal closed: Lost"
