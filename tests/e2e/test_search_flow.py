"""Global search in a real browser: phone numbers in any format, keyboard only, shortcuts."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import login
from tests.factories import DealFactory, ProspectFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def priya(team):
    # No deal: a prospect is found on their own.
    return ProspectFactory(
        team=team, name="Priya Natarajan", company="Harbor Dental", phone="+1 (415) 555-0132"
    )


def test_a_prospect_is_found_by_a_phone_number_typed_another_way(page, owner, priya):
    login(page, owner.username)
    page.keyboard.press("/")
    box = page.locator("#top-search")
    expect(box).to_be_focused()
    page.keyboard.type("415 555 0132")
    suggest = page.locator("#search-suggest")
    expect(suggest).to_be_visible()
    expect(suggest.get_by_role("group", name="Prospects")).to_contain_text("Priya Natarajan")
    expect(box).to_have_attribute("aria-expanded", "true")

    # Arrow down to the prospect, Enter opens their page.
    page.keyboard.press("ArrowDown")
    option = suggest.get_by_role("option", name="Priya Natarajan")
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", f"suggest-prospect-{priya.pk}")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/prospects/{priya.pk}/")


def test_keyboard_walks_the_groups_and_enter_without_a_pick_opens_the_results_page(
    page, team, owner, priya, offering
):
    DealFactory(team=team, owner=owner, prospect=priya, offering=offering, title="Harbor — plan")
    login(page, owner.username)
    box = page.locator("#top-search")
    box.fill("harbor")
    suggest = page.locator("#search-suggest")
    expect(suggest.get_by_role("option")).to_have_count(3)  # a deal, a prospect, all results
    page.keyboard.press("ArrowDown")
    expect(suggest.get_by_role("option", name="Harbor — plan")).to_have_class(
        "search-hit is-active"
    )
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    expect(suggest.get_by_role("option", name="All results for “harbor”")).to_have_attribute(
        "aria-selected", "true"
    )
    page.keyboard.press("ArrowDown")  # wraps to the first
    expect(suggest.get_by_role("option", name="Harbor — plan")).to_have_attribute(
        "aria-selected", "true"
    )
    page.keyboard.press("Escape")
    expect(suggest).to_be_hidden()
    box.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=harbor")
    expect(page.get_by_role("heading", name="Prospects")).to_be_visible()
    expect(page.get_by_role("link", name="Priya Natarajan Harbor Dental")).to_be_visible()


def test_the_shortcuts_overlay_and_go_to_keys(page, owner, deal):
    login(page, owner.username)
    page.keyboard.press("?")
    dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Go to the deal list")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()

    # Typing in a field never fires a shortcut.
    page.locator("#top-search").fill("")
    page.locator("#top-search").press("?")
    expect(dialog).to_be_hidden()
    page.locator("#top-search").press("Escape")
    page.locator("#top-search").blur()

    page.keyboard.press("g")
    page.keyboard.press("d")
    page.wait_for_url("**/deals/")
    # j moves to the first row and Enter opens it.
    page.keyboard.press("j")
    expect(page.get_by_role("link", name=deal.title)).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/deals/{deal.pk}/")
    page.keyboard.press("l")
    expect(page.locator("#composer :focus")).to_have_count(1)
    page.keyboard.press("Escape")
    page.locator("main").click(position={"x": 2, "y": 2})
    page.keyboard.press("n")
    page.wait_for_url("**/deals/new/")
    page.locator("main").click(position={"x": 2, "y": 2})
    page.keyboard.press("g")
    page.keyboard.press("b")
    page.wait_for_url("**/board/")
