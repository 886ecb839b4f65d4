"""A manager adds a team pattern in Settings → Pressure patterns; a rep's close-out that
uses it is flagged live on the debrief panel, with the family and the gentler line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from goodfit.core import extensions
from goodfit.debriefs.models import PressurePattern
from goodfit.pipeline.models import Outcome
from tests.debriefs.conftest import end_deal
from tests.e2e.conftest import login
from tests.factories import DealFactory, ProspectFactory

pytestmark = pytest.mark.django_db(transaction=True)
SHOTS = os.environ.get("GOODFIT_SHOTS_DIR", "")
SIZES = {"desktop": (1440, 900), "phone": (390, 844)}


@pytest.fixture(autouse=True)
def only_the_debriefs_panel(registries):
    for key in extensions.deal_panel_keys():
        if key != "debriefs":
            extensions.unregister_deal_panel(key)


def _shoot(page, name: str, focus: str = "") -> None:
    """Screenshots at both sizes when a folder is given (the screen, scrolled to ``focus``);
    the page must never scroll sideways."""
    for size, (width, height) in SIZES.items():
        page.set_viewport_size({"width": width, "height": height})
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} overflows by {overflow}px at {width}px"
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            if focus:
                page.locator(focus).scroll_into_view_if_needed()
            page.wait_for_timeout(400)  # let the resized page paint
            page.screenshot(path=f"{SHOTS}/{name}-{size}.png")
    page.set_viewport_size({"width": 1360, "height": 900})


def test_a_team_pattern_flags_a_close_out_live(page, new_context, team, owner, manager, offering):
    boss = new_context().new_page()
    login(boss, manager.username)
    boss.goto("/settings/pressure/")
    expect(boss.get_by_role("heading", name="Pushing past a no")).to_be_visible()

    add = boss.locator("form.pressure-add")
    add.get_by_label("Family").select_option(label="Pushing past a no")
    add.get_by_label("Why it hurts").fill("Belittles the doubts they just told you about.")
    add.get_by_label("Gentler line").fill("Those are fair questions to weigh.")
    add.get_by_label("Pattern").fill("(no brainer")
    add.get_by_role("button", name="Add pattern").click()
    expect(add).to_contain_text("never closed")  # refused, with where and what is accepted
    assert not PressurePattern.objects.exists()

    add = boss.locator("form.pressure-add")
    add.get_by_label("Pattern").fill("(no/zero) brainer")
    add.get_by_role("button", name="Add pattern").click()
    expect(boss.locator(".messages")).to_contain_text("added; it is checked from now on")
    row = boss.locator(".pressure-row").filter(has_text="(no/zero) brainer")
    expect(row).to_contain_text("Your team")
    boss.locator("#pressure-try-text").press_sequentially("It's a zero-brainer.", delay=30)
    expect(boss.locator("#closeout-findings")).to_contain_text("Pushing past a no")
    _shoot(boss, "settings-pressure")

    carol = ProspectFactory(team=team, name="Carol Jennings")
    deal = DealFactory(team=team, owner=owner, prospect=carol, offering=offering)
    end_deal(deal, owner, Outcome.LOST)
    login(page, owner.username)
    page.goto(f"/deals/{deal.pk}/")
    message = page.locator("#closeout-message")
    message.fill("Carol, thank you. Honestly, going with us was a no")
    message.press_sequentially(" brainer.", delay=60)
    findings = page.locator("#closeout-findings")
    expect(findings).to_contain_text("“no brainer”")
    expect(findings).to_contain_text("Pushing past a no")
    expect(findings).to_contain_text("Those are fair questions to weigh.")
    _shoot(page, "closeout-panel", "#closeout-findings")

    message.fill("Carol, thank you. No rush at all; happy to talk on Friday if that suits")
    message.press_sequentially(" you.", delay=60)
    expect(findings).to_contain_text("Nothing rushes, guilts, frightens or argues")


def test_a_follow_up_template_preview_warns_before_it_is_sent(page, manager):
    login(page, manager.username)
    page.goto("/settings/followups/templates/new/")
    page.get_by_label("Name").fill("Nudge")
    page.get_by_label("Body").fill(
        "Hi {{ prospect_first_name }}, only two spots left, so I need to hear back by noon."
    )
    page.get_by_role("button", name="Preview").click()
    warning = page.locator(".pressure-warning")
    expect(warning).to_contain_text("Before you send")
    expect(warning).to_contain_text("Scarcity")
    expect(warning).to_contain_text("Deadline and urgency")
    _shoot(page, "followup-template", ".pressure-warning")
