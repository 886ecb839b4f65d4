"""The deal page in a browser: the composer, the timeline newest first and filtered,
panels as tabs the URL remembers, closing into the debrief, the history of changes."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from playwright.sync_api import Page, expect

from goodfit.pipeline.models import Interaction, Note
from goodfit.pipeline.services import deal_update
from tests.e2e.conftest import login
from tests.factories import InteractionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def open_deal(page: Page, owner, deal, query: str = "") -> None:
    login(page, owner.username)
    page.goto(f"/deals/{deal.pk}/{query}")


def test_logging_from_the_composer_puts_it_at_the_top_of_the_timeline(page, owner, deal):
    InteractionFactory(deal=deal, summary="An older call")
    open_deal(page, owner, deal)
    page.evaluate("window.__samePage = true")
    composer = page.locator(".composer")
    composer.get_by_label("Email", exact=True).check()
    composer.get_by_label("Inbound").check()
    composer.get_by_label("Summary", exact=True).fill("Asked for the contract")
    composer.get_by_role("button", name="Log it").click()
    first = page.locator("#timeline-card .timeline-item").first
    expect(first).to_contain_text("Asked for the contract")
    expect(first).to_contain_text("Inbound email")
    assert page.evaluate("window.__samePage") is True  # swapped in place
    expect(composer.get_by_label("Summary", exact=True)).to_have_value("")
    assert Interaction.objects.get(summary="Asked for the contract").channel == "email"

    # A note needs only its text: the interaction fields step aside.
    composer.get_by_label("Note", exact=True).check()
    expect(composer.get_by_label("Summary", exact=True)).to_be_hidden()
    composer.get_by_label("Details").fill("Their CFO signs on Fridays")
    composer.get_by_role("button", name="Log it").click()
    expect(page.locator("#timeline-card .timeline-item").first).to_contain_text(
        "Their CFO signs on Fridays"
    )
    page.wait_for_load_state("networkidle")  # the money card refreshes after the swap
    assert Note.objects.filter(deal=deal).count() == 1


def test_an_empty_note_is_refused_next_to_the_field(page, owner, deal):
    open_deal(page, owner, deal)
    composer = page.locator(".composer")
    composer.get_by_label("Note", exact=True).check()
    composer.get_by_role("button", name="Log it").click()
    expect(composer.locator(".field-error")).to_contain_text("Write the note")
    page.wait_for_load_state("networkidle")  # the money card refreshes after the swap
    assert not Note.objects.exists()


def test_the_timeline_filter_is_in_the_url(page, owner, deal):
    InteractionFactory(deal=deal, summary="A call about fees")
    Note.objects.create(deal=deal, author=owner, body="A plain note", created_at=deal.created_at)
    open_deal(page, owner, deal)
    page.locator("#timeline-card").get_by_role("link", name="Notes").click()
    expect(page).to_have_url(re.compile(r"kind=note"))
    timeline = page.locator("#timeline-card")
    expect(timeline).to_contain_text("A plain note")
    expect(timeline).not_to_contain_text("A call about fees")
    page.reload()
    expect(page.locator("#timeline-card")).not_to_contain_text("A call about fees")


def test_the_url_remembers_the_open_panel(page, owner, deal):
    open_deal(page, owner, deal)
    tabs = page.get_by_role("tablist", name="Deal panels")
    expect(tabs.get_by_role("tab", name=re.compile("Discovery"))).to_have_attribute(
        "aria-selected", "true"
    )
    expect(page.locator("#fit-panel")).to_be_visible()
    tabs.get_by_role("tab", name="Good money").click()
    expect(page.locator("#money-panel")).to_be_visible()
    expect(page.locator("#fit-panel")).to_be_hidden()
    expect(page).to_have_url(re.compile(r"panel=money"))
    page.reload()
    expect(page.locator("#money-panel")).to_be_visible()
    expect(page.locator("#fit-panel")).to_be_hidden()
    # Filtering the timeline keeps the panel in the address.
    page.locator("#timeline-card").get_by_role("link", name="Notes").click()
    expect(page).to_have_url(re.compile(r"kind=note"))
    expect(page).to_have_url(re.compile(r"panel=money"))
    page.wait_for_load_state("networkidle")


def test_closing_a_deal_from_the_header_lands_on_the_debrief(page, owner, deal):
    open_deal(page, owner, deal)
    header = page.locator("#deal-header")
    header.get_by_label("Stage").select_option(label="Lost (lost)")
    header.get_by_role("button", name="Move").click()
    expect(page).to_have_url(re.compile(r"panel=debriefs"))
    expect(page.locator("#debriefs-panel")).to_be_visible()
    expect(page.locator("#debriefs-panel")).to_contain_text("Debrief needed")
    expect(header.locator(".deal-title-row .badge")).to_have_text("Lost")
    # The margin warning is for deals still being negotiated.
    expect(page.locator(".deal-terms .alert-warning")).to_have_count(0)


def test_closing_a_deal_on_the_board_lands_on_the_debrief(page, owner, deal):
    login(page, owner.username)
    page.goto("/board/")
    card = page.locator(f"#deal-card-{deal.pk}")
    card.get_by_label(f"Move “{deal.title}” to another stage").click()
    card.get_by_role("button", name="Walked away", exact=True).click()
    expect(page).to_have_url(re.compile(rf"/deals/{deal.pk}/\?panel=debriefs"))
    expect(page.locator("#debriefs-panel")).to_be_visible()


def test_the_history_of_changes_says_who_changed_what(page, owner, deal):
    deal_update(deal=deal, actor=owner, version=deal.version, amount=Decimal("9100"))
    open_deal(page, owner, deal)
    page.get_by_role("tablist", name="Deal panels").get_by_role("tab", name="History").click()
    table = page.locator("#panel-history table")
    row = table.locator("tr", has_text="Amount").first
    expect(row).to_contain_text("9100")
    expect(row).to_contain_text(owner.get_full_name() or owner.username)
    expect(page).to_have_url(re.compile(r"panel=history"))
    page.reload()
    expect(page.locator("#panel-history table")).to_contain_text("Amount")
