"""The deal list in a real browser: sorting by a column, a bulk move with its confirmation."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from goodfit.pipeline.models import Deal
from tests.e2e.conftest import login
from tests.factories import DealFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def deals(team, owner, offering):
    return [
        DealFactory(team=team, owner=owner, offering=offering, title=t, amount=Decimal(a))
        for t, a in [("Small one", "100"), ("Big one", "9000"), ("Middle one", "500")]
    ]


def titles(page):
    return page.locator("table.deal-table tbody td.primary a").all_inner_texts()


def test_sorting_by_a_column_and_back(page, owner, deals):
    login(page, owner.username)
    page.goto("/deals/")
    page.get_by_role("link", name="Amount", exact=True).click()
    page.wait_for_url("**/deals/?sort=-amount")
    assert titles(page) == ["Big one", "Middle one", "Small one"]
    header = page.get_by_role("columnheader", name="Amount")
    expect(header).to_have_attribute("aria-sort", "descending")
    page.get_by_role("link", name="Amount", exact=True).click()
    page.wait_for_url("**/deals/?sort=amount")
    assert titles(page) == ["Small one", "Middle one", "Big one"]
    expect(header).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("link", name="Deal", exact=True).click()
    page.wait_for_url("**/deals/?sort=title")
    assert titles(page) == ["Big one", "Middle one", "Small one"]


def test_a_bulk_move_confirms_how_many_deals_change(page, team, owner, deals):
    login(page, owner.username)
    page.goto("/deals/?sort=amount")
    # Nothing ticked: the list says what to do.
    page.get_by_label("New stage").select_option(label="Won")
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Select at least one deal.")).to_be_visible()

    page.get_by_label("Select Small one").check()
    page.get_by_label("Select Big one").check()
    expect(page.locator("[data-bulk-count]")).to_have_text("2 deals selected")
    page.get_by_label("New stage").select_option(label="Won")
    page.get_by_role("button", name="Move", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Move 2 deals to Won?")
    assert Deal.objects.filter(stage__name="Won").count() == 0
    page.get_by_role("button", name="Move 2 deals to Won").click()
    page.wait_for_url("**/deals/?sort=amount")
    expect(page.get_by_text("Moved 2 deals to Won.")).to_be_visible()
    assert set(Deal.objects.filter(stage__name="Won").values_list("title", flat=True)) == {
        "Small one",
        "Big one",
    }


def test_select_all_ticks_the_page(page, owner, deals):
    login(page, owner.username)
    page.goto("/deals/")
    page.get_by_label("Select every deal on this page").check()
    expect(page.locator("[data-bulk-count]")).to_have_text("3 deals selected")
