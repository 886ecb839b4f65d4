"""A manager reads the team's audit log in a browser, filters it, and exports it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from goodfit.pipeline.services import deal_update, prospect_update
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_manager_filters_the_audit_log_and_exports_it(page, owner, manager, deal, prospect):
    deal_update(deal=deal, actor=owner, version=deal.version, amount=Decimal("7700"))
    prospect_update(prospect=prospect, actor=owner, company="Diaz Bakery")
    login(page, manager.username)
    page.get_by_role("link", name="Audit log").click()
    table = page.locator("table")
    expect(table).to_contain_text("7700")
    expect(table).to_contain_text("Diaz Bakery")
    page.get_by_label("Object").select_option(label="Prospect")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table")).to_contain_text("Diaz Bakery")
    expect(page.locator("table")).not_to_contain_text("7700")
    with page.expect_download() as download:
        page.get_by_role("link", name="Export CSV").click()
    text = download.value.path().read_text(encoding="utf-8")
    assert "Diaz Bakery" in text and "7700" not in text


def test_a_rep_has_no_audit_log(page, owner):
    login(page, owner.username)
    expect(page.get_by_role("link", name="Audit log")).to_have_count(0)
    response = page.goto("/audit/")
    assert response is not None and response.status == 404
