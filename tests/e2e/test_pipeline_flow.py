"""A rep works a deal in a real browser: create it, log a call, move it across the board."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from goodfit.pipeline.models import Deal, Interaction
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Dana Diaz — debt relief plan"


def column(page: Page, stage_name: str):
    """The board column of a stage, found by its heading."""
    return page.locator("section.column").filter(
        has=page.get_by_role("heading", name=stage_name, exact=True)
    )


def move_on_board(page: Page, deal: Deal, stage_name: str) -> None:
    card = page.locator(f"#deal-card-{deal.pk}")
    card.get_by_label(f"Move “{deal.title}” to another stage").click()
    card.get_by_role("button", name=stage_name, exact=True).click()
    expect(column(page, stage_name).locator(f"#deal-card-{deal.pk}")).to_be_visible()


def create_deal(page: Page, prospect, offering) -> Deal:
    page.get_by_role("link", name="New deal").click()
    page.get_by_label("Search prospects").fill(prospect.name.split()[0])
    expect(page.locator("#prospect-options")).to_contain_text("1 match for")
    page.get_by_role("radio", name=re.compile(prospect.name)).check()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Offering").select_option(label=offering.name)
    page.get_by_label("Amount").fill("4800")
    page.get_by_label("Expected close").fill("2031-06-30")
    page.get_by_role("button", name="Create deal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    return Deal.objects.get(title=TITLE)


def log_call(page: Page, summary: str) -> None:
    page.get_by_label("Outbound").check()
    page.get_by_label("Call", exact=True).check()
    page.get_by_label("Summary", exact=True).fill(summary)
    page.get_by_role("button", name="Log it").click()
    expect(page.locator("#activity .timeline")).to_contain_text(summary)


def test_rep_creates_a_deal_logs_a_call_moves_it_and_wins_it(page, owner, prospect, offering):
    login(page, owner.username, then="/board/")
    deal = create_deal(page, prospect, offering)
    expect(page.locator(".timeline")).to_contain_text("Opened in Lead")

    page.evaluate("window.__stillTheSamePage = true")
    log_call(page, "Discovery call: five cards, behind on two")
    assert page.evaluate("window.__stillTheSamePage") is True  # swapped in place by htmx
    assert Interaction.objects.get(deal=deal).channel == "call"
    # A fresh form for the next one.
    expect(page.get_by_label("Summary", exact=True)).to_have_value("")

    page.get_by_role("navigation").get_by_role("link", name="Board").click()
    expect(column(page, "Lead").locator(f"#deal-card-{deal.pk}")).to_be_visible()
    page.evaluate("window.__stillTheSamePage = true")
    move_on_board(page, deal, "Proposal")
    move_on_board(page, deal, "Won")
    assert page.evaluate("window.__stillTheSamePage") is True  # no full reload
    expect(page).to_have_url(re.compile(r"/board/$"))

    page.locator(f"#deal-card-{deal.pk}").get_by_role("link", name=TITLE).click()
    expect(page.locator(".deal-header .deal-title-row .badge")).to_have_text("Won")
    timeline = page.locator(".timeline")
    expect(timeline).to_contain_text("Moved from Lead to Proposal")
    expect(timeline).to_contain_text("Moved from Proposal to Won")
    expect(timeline).to_contain_text("Outbound call")
    expect(timeline).to_contain_text("Discovery call: five cards, behind on two")
    expect(page.get_by_text("Record a cancellation")).to_be_visible()


def test_dragging_a_card_to_another_column_moves_the_deal(page, owner, deal):
    login(page, owner.username, then="/board/")
    page.evaluate("window.__stillTheSamePage = true")
    card = page.locator(f"#deal-card-{deal.pk}")
    card.drag_to(column(page, "Discovery").locator(".column-body"))
    expect(column(page, "Discovery").locator(f"#deal-card-{deal.pk}")).to_be_visible()
    assert page.evaluate("window.__stillTheSamePage") is True
    deal.refresh_from_db()
    assert deal.stage.name == "Discovery"


def test_filtering_the_board_keeps_the_page_and_the_filters(page, owner, deal):
    login(page, owner.username, then="/board/")
    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_label("Search", exact=True).fill("nothing like this")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"q=nothing"))
    expect(page.locator(f"#deal-card-{deal.pk}")).to_have_count(0)
    assert page.evaluate("window.__stillTheSamePage") is True
