"""Picking the prospect of a new deal among many, with and without JavaScript."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from goodfit.pipeline.models import Deal, Prospect
from tests.e2e.conftest import login
from tests.factories import ProspectFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def crowd(team):
    """Enough prospects that only a search finds the right one."""
    Prospect.objects.bulk_create(
        [ProspectFactory.build(team=team, name=f"Pat Lee {n}") for n in range(40)]
    )
    return ProspectFactory(team=team, name="Wanda Ward", company="Ward Farms")


def fill_the_rest(page: Page, offering) -> None:
    page.get_by_label("Title").fill("Ward Farms — annual plan")
    page.get_by_label("Offering").select_option(label=offering.name)
    page.get_by_label("Amount").fill("3000")
    page.get_by_role("button", name="Create deal").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ward Farms — annual plan")


def test_matches_appear_as_you_type_without_reloading(page, owner, offering, crowd):
    login(page, owner.username)
    page.goto("/deals/new/")
    page.evaluate("window.__stillTheSamePage = true")
    page.get_by_label("Search prospects").press_sequentially("ward f", delay=30)
    options = page.locator("#prospect-options")
    expect(options).to_contain_text("1 match for “ward f”")
    expect(options.get_by_role("radio")).to_have_count(1)
    assert page.evaluate("window.__stillTheSamePage") is True
    options.get_by_role("radio", name=re.compile("Wanda Ward")).check()
    fill_the_rest(page, offering)
    assert Deal.objects.get().prospect == crowd


def test_the_picker_works_without_javascript(browser, live_server, owner, offering, crowd):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        login(page, owner.username)
        page.goto("/deals/new/")
        page.get_by_label("Search prospects").fill("wanda")
        page.get_by_role("button", name="Search").click()
        expect(page).to_have_url(re.compile(r"/deals/new/\?prospect_q=wanda$"))
        page.get_by_role("radio", name=re.compile("Wanda Ward")).check()
        fill_the_rest(page, offering)
        assert Deal.objects.get().prospect == crowd
    finally:
        context.close()


def test_a_deal_started_from_a_prospect_keeps_it_and_can_change_it(page, owner, crowd):
    login(page, owner.username)
    page.goto(f"/prospects/{crowd.pk}/")
    page.get_by_role("link", name="New deal").click()
    picker = page.locator("#prospect-picker")
    expect(picker).to_contain_text("Wanda Ward")
    expect(picker.get_by_label("Search prospects")).to_have_count(0)
    picker.get_by_role("link", name="Change").click()
    expect(page.get_by_label("Search prospects")).to_be_focused()
