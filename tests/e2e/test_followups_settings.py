"""In Chromium: a manager adds a step to the ask-for-a-decision plan whose new template has
an unknown placeholder, reads the error, fixes it, and moves the step up the plan."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.followups.models import LadderStep
from goodfit.followups.services import ladder_create_default
from tests.e2e.conftest import login


@pytest.mark.django_db(transaction=True)
def test_a_manager_adds_a_step_fixes_its_template_and_moves_it_up(page, team, manager):
    ladder_create_default(team=team)
    login(page, "maria")
    page.goto("/settings/followups/")
    page.locator("section[aria-labelledby=plan-push-heading]").get_by_role(
        "link", name="Add a step"
    ).click()

    page.get_by_label("What the prospect agrees to").fill("Talk next week")
    page.get_by_label("When").select_option("days")
    page.get_by_label("How many").fill("7")
    page.get_by_label("At (their local time)").fill("09:30")
    page.get_by_label("New template text").fill("Hi {{ first_name }}, talk {{ time }}.")
    page.get_by_role("button", name="Add step").click()
    page.get_by_text("Unknown placeholder “first_name”").wait_for()
    assert not LadderStep.objects.filter(outcome="Talk next week").exists()

    page.get_by_label("New template text").fill("Hi {{ prospect_first_name }}, talk {{ time }}.")
    page.get_by_role("button", name="Preview").click()
    page.get_by_text("Hi Dana, talk Tuesday").wait_for()
    page.get_by_role("button", name="Add step").click()
    page.get_by_text("Step “Talk next week” added").wait_for()

    rows = page.locator("section[aria-labelledby=plan-push-heading] tbody tr")
    expect(rows).to_have_count(5)
    expect(rows.last).to_contain_text("Talk next week")
    page.get_by_role("button", name="Move Talk next week up").click()
    expect(rows.nth(3)).to_contain_text("Talk next week")
    expect(rows.nth(4)).to_contain_text("Ask for a decision")
    assert LadderStep.objects.get(outcome="Talk next week").position == 4
