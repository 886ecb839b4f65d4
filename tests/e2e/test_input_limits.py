"""Pasting more than a field holds: the browser keeps every character, the page says the
limit at once, and the server refuses the save naming it, rather than cutting silently."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.pipeline.models import Prospect
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_too_long_prospect_name_is_kept_whole_and_refused_with_the_limit(page, owner):
    login(page, owner.username, then="/prospects/new/")
    name = page.locator("#id_name")
    too_long = "N" * 250
    name.fill(too_long)
    assert name.input_value() == too_long  # not cut to 200 by the browser
    expect(page.locator(".field-limit")).to_have_text(
        "At most 200 characters; this has 250. Shorten it to save."
    )
    name.fill("N" * 200)
    expect(page.locator(".field-limit")).to_have_count(0)

    name.fill(too_long)
    page.get_by_role("button", name="Add prospect").click()
    expect(page.get_by_text("at most 200 characters (it has 250)")).to_be_visible()
    assert page.locator("#id_name").input_value() == too_long
    assert not Prospect.objects.exists()
