"""A manager reviews the bottom of the pipeline in a real browser and walks a deal away."""

from __future__ import annotations

import re

import pytest
from django.template.defaultfilters import floatformat
from playwright.sync_api import expect

from goodfit.demo.load import DEMO_PASSWORD, demo_load
from goodfit.money.models import WalkAway
from goodfit.pipeline.models import Deal, Outcome
from tests.e2e.conftest import login
from tests.money.factories import give_history

pytestmark = pytest.mark.django_db(transaction=True)
BRIGHTLINE = "Brightline Logistics — Ledgerly"


def test_a_manager_walks_the_worst_deal_away_with_a_polite_message(page):
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    demo_load(deals=60)
    login(page, "maria", DEMO_PASSWORD)

    page.get_by_role("link", name="Review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bottom of the pipeline")
    first = page.locator("table.money-review tbody tr").first
    expect(first).to_contain_text(BRIGHTLINE)
    expect(first).to_contain_text("Walk away")
    expect(first).to_contain_text("Margin after a 30% discount")
    expect(first).to_contain_text("outside the rep's hours")

    first.get_by_role("link", name=f"Walk away… from {BRIGHTLINE}").click()
    message = page.get_by_label("Message")
    expect(message).to_have_value(
        re.compile(r"Hi Derek,.*right fit for each other.*reach me", re.S)
    )
    expect(page.get_by_role("button", name="Copy message")).to_be_visible()
    page.get_by_role("button", name="Record as sent and walk away").click()
    expect(
        page.get_by_text("Walked away. The message (as sent) and the time freed are recorded.")
    ).to_be_visible()

    deal = Deal.objects.select_related("stage").get(title=BRIGHTLINE)
    assert deal.stage.outcome == Outcome.WALKED_AWAY
    walk = WalkAway.objects.get(deal=deal)
    assert "right fit for each other" in walk.message
    assert walk.touches_per_week_before > 0 and walk.hours_per_week_before > 0

    page.get_by_role("link", name="Review").click()
    freed = page.locator(".money-freed")
    expect(freed).to_contain_text("Deals walked away from1")
    expect(freed).to_contain_text(
        f"Hours a week freed{floatformat(walk.hours_per_week_before, -1)}"
    )
    expect(page.locator("table.money-review")).not_to_contain_text(BRIGHTLINE)
    expect(page.get_by_role("heading", name="Recently walked away")).to_be_visible()
    assert problems == []


def test_the_deal_card_updates_when_a_concession_or_an_interaction_is_logged(page, deal, owner):
    give_history(deal, owner)
    login(page, "olivia")
    page.goto(f"/deals/{deal.pk}/?panel=money")
    panel = page.locator("#money-panel")
    score = panel.locator(".money-score")
    before = score.inner_text()
    panel.get_by_text("Record a concession").click()
    panel.get_by_label("Kind").select_option(label="Custom work")
    panel.get_by_label("Value").fill("9000")
    panel.get_by_role("button", name="Record concession").click()
    expect(panel.get_by_text("1 concession given (custom work)")).to_be_visible()
    assert score.inner_text() != before

    page.get_by_label("Inbound").check()
    page.get_by_label("Text message", exact=True).check()
    page.get_by_label("Summary", exact=True).fill("we'll have more deals next quarter")
    page.get_by_role("button", name="Log it").click()
    expect(panel.get_by_text("suggested by “more deals”")).to_be_visible()


def test_the_bulk_action_needs_a_choice_and_a_deal_and_writes_nothing_without(
    page, team, owner, deal
):
    from tests.factories import DealFactory

    worst = DealFactory(team=team, owner=owner, discount_pct=80, title="Costly Co")
    give_history(worst, owner)
    login(page, "olivia")
    page.goto("/review/")
    action = page.get_by_label("With the selected deals")
    expect(action).to_have_value("")  # nothing preselected
    action.select_option(label="Walk away (record the team’s polite message as sent)")
    page.get_by_role("button", name="Apply").click()
    error = page.locator("#review-bulk-error")
    expect(error).to_have_text("Select at least one deal.")
    expect(page.get_by_label("With the selected deals")).to_have_attribute(
        "aria-describedby", "review-bulk-error"
    )
    assert not WalkAway.objects.exists()
    expect(page.get_by_text("1 open deal has too little history")).to_be_visible()


def test_a_pushy_walk_away_message_is_flagged_before_it_is_recorded(page, team, owner, deal):
    give_history(deal, owner)
    login(page, "olivia")
    page.goto(f"/deals/{deal.pk}/worth/walk-away/")
    page.get_by_label("Message").fill("Last chance: this offer expires today.")
    page.get_by_role("button", name="Record as sent and walk away").click()
    expect(page.get_by_text("This message pressures the prospect")).to_be_visible()
    expect(page.locator(".money-pressure mark").first).to_have_text("Last chance")
    assert not WalkAway.objects.exists()
    page.get_by_label("record it as written anyway").check()
    page.get_by_role("button", name="Record as sent and walk away").click()
    expect(page.get_by_text("Walked away.")).to_be_visible()
    assert WalkAway.objects.get(deal=deal).message.startswith("Last chance")
