"""A rep adds a prospect in the browser, is told what is wrong, fixes it and sees the page."""

import re

import pytest
from playwright.sync_api import expect

from goodfit.pipeline.models import Prospect
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def test_rep_creates_a_prospect_after_fixing_a_bad_time_zone(page, owner, prospect):
    login(page, "olivia")
    page.get_by_role("link", name="Prospects").click()
    expect(page.get_by_role("heading", name="Prospects")).to_be_visible()
    expect(page.get_by_role("link", name="Dana Diaz")).to_be_visible()

    page.get_by_role("link", name="New prospect").click()
    page.get_by_role("radio", name="Person").check()
    page.get_by_role("textbox", name="Name", exact=True).fill("Ada Lovelace")
    page.get_by_role("textbox", name="Company").fill("Analytical Engines Ltd")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Segment").fill("SMB")
    page.get_by_label("Source").fill("referral")
    page.get_by_label("Time zone").fill("Mars/Olympus")
    page.get_by_label("Preferred channel").select_option("Call")
    page.get_by_role("button", name="Add prospect").click()

    expect(page.get_by_text("Nothing was saved")).to_be_visible()
    expect(page.get_by_text("“Mars/Olympus” is not a known time zone")).to_be_visible()
    expect(page.get_by_label("Time zone")).to_have_attribute("aria-invalid", "true")
    # What was typed is kept, so only the wrong field needs fixing.
    expect(page.get_by_role("textbox", name="Name", exact=True)).to_have_value("Ada Lovelace")
    assert not Prospect.objects.filter(name="Ada Lovelace").exists()

    page.get_by_label("Time zone").fill("Europe/London")
    page.get_by_role("button", name="Add prospect").click()

    expect(page).to_have_url(re.compile(r"/prospects/\d+/$"))
    expect(page.get_by_role("heading", name="Ada Lovelace")).to_be_visible()
    expect(page.get_by_text("Europe/London")).to_be_visible()
    expect(page.get_by_role("link", name="New deal")).to_be_visible()
    saved = Prospect.objects.get(name="Ada Lovelace")
    assert (saved.time_zone, saved.preferred_channel) == ("Europe/London", "call")
