"""A lost deal teaches: the rep debriefs it, closes out graciously (the linter catches
"you're making a mistake"), records a referral, and the manager sees the product
feedback under its segment and the coaching pattern for the rep."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.core import extensions
from goodfit.debriefs.models import CloseOut, Referral
from goodfit.debriefs.services import debrief_complete
from goodfit.pipeline.models import Outcome, Prospect
from tests.debriefs.conftest import end_deal
from tests.e2e.conftest import login
from tests.factories import DealFactory, ProspectFactory

pytestmark = pytest.mark.django_db(transaction=True)

SEGMENT = "Enterprise healthcare"
WORDS = "We need PO matching across our three hospitals."


@pytest.fixture(autouse=True)
def only_the_debriefs_panel(registries):
    for key in extensions.deal_panel_keys():
        if key != "debriefs":
            extensions.unregister_deal_panel(key)


@pytest.fixture
def history(team, owner, teammate):
    """An earlier debrief where the rep was too pushy, and a teammate's about price."""
    for rep, reason in [(owner, "rep_pushy"), (teammate, "price")]:
        deal = DealFactory(team=team, owner=rep, prospect=ProspectFactory(team=team))
        end_deal(deal, rep, Outcome.LOST)
        debrief_complete(deal=deal, actor=rep, primary_category=reason)


def test_a_lost_deal_is_debriefed_closed_out_and_referred(
    page, new_context, team, owner, manager, offering, history
):
    carol = ProspectFactory(team=team, name="Carol Jennings", segment=SEGMENT)
    deal = DealFactory(
        team=team, owner=owner, prospect=carol, offering=offering, title="Meridian — Ledgerly"
    )
    login(page, owner.username)
    page.goto(f"/deals/{deal.pk}/")

    page.locator("#deal-move-stage").select_option(label="Lost (lost)")
    page.get_by_role("button", name="Move", exact=True).click()
    panel = page.locator("#debriefs-panel")
    expect(panel).to_contain_text("Debrief needed")

    panel.get_by_label("Main reason").select_option(label="Missing capability")
    panel.get_by_label("Too pushy").check()
    panel.get_by_label("The prospect's own words").fill(WORDS)
    panel.get_by_label("What I'd do differently").fill("Keep the demo to their workflow.")
    panel.get_by_role("button", name="Complete debrief").click()
    expect(panel).to_contain_text("Debrief complete")

    message = page.locator("#closeout-message")
    # Typed key by key, as a rep would: the live check reacts to keystrokes, and the
    # panel that was just swapped in may take a moment before it listens.
    message.fill("Carol, thank you for telling me. Honestly, you're making")
    message.press_sequentially(" a mistake.", delay=60)
    findings = page.locator("#closeout-findings")
    expect(findings).to_contain_text("“you're making a mistake”")
    expect(findings).to_contain_text("It sounds like you're making the best decision")

    message.fill("Carol, thank you for telling me. It sounds like the best decision for your")
    message.press_sequentially(" team.", delay=60)
    expect(findings).to_contain_text("Nothing rushes, guilts, frightens or argues")
    panel.get_by_role("button", name="Record as sent").click()
    expect(panel).to_contain_text("Keep in touch")
    assert CloseOut.objects.get(deal=deal).findings_count == 0

    panel.get_by_text("Record a referral from this prospect").click()
    panel.get_by_label("Their name").fill("Sam Ortiz")
    panel.get_by_label("Email").fill("sam.ortiz@example.com")
    panel.get_by_role("button", name="Record referral").click()
    expect(panel).to_contain_text("Referred Sam Ortiz")
    assert Prospect.objects.get(name="Sam Ortiz").source == "referral"
    assert Referral.objects.get().referrer == carol

    boss = new_context().new_page()
    login(boss, manager.username)
    boss.goto("/debriefs/product/")
    board = boss.locator("section.feedback-segment").filter(has_text=SEGMENT)
    expect(board).to_contain_text("Missing capability")
    expect(board).to_contain_text(WORDS)

    boss.goto(f"/debriefs/coaching/{owner.pk}/")
    expect(boss.locator(".coaching-patterns")).to_contain_text("Too pushy")
