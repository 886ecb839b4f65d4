"""A manager configures the team in the browser: an offering, a stage, a new rep."""

import re

import pytest
from playwright.sync_api import expect

from goodfit.core.models import Membership, Role
from goodfit.pipeline.models import Offering
from tests.e2e.conftest import login

pytestmark = pytest.mark.django_db(transaction=True)


def stage_rows(page) -> list[str]:
    return page.locator("tbody tr td.primary").all_inner_texts()


def test_manager_adds_an_offering_a_stage_and_a_rep(page, manager, team):
    login(page, "maria")
    page.get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings")).to_be_visible()

    # An offering.
    page.get_by_role("link", name="Offerings").click()
    page.get_by_role("link", name="New offering").click()
    page.get_by_label("Name").fill("Payroll software")
    page.get_by_label("List price").fill("12000")
    page.get_by_label("Cost to serve").fill("9000")
    page.get_by_label("Minimum margin %").fill("30")
    page.get_by_role("button", name="Add offering").click()
    expect(page.get_by_text("Offering “Payroll software” added.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Payroll software")
    expect(row).to_contain_text("25%")
    expect(row).to_contain_text("Below minimum")
    assert Offering.objects.get(name="Payroll software").team == team

    # A stage mapped to an outcome, then moved up one place.
    page.get_by_role("link", name="Stages").click()
    page.get_by_role("link", name="New stage").click()
    page.get_by_label("Name").fill("Referred elsewhere")
    page.get_by_label("Outcome").select_option("Not a fit")
    page.get_by_role("button", name="Add stage").click()
    expect(page.get_by_text("Stage “Referred elsewhere” added")).to_be_visible()
    assert stage_rows(page)[-2:] == ["Walked away", "Referred elsewhere"]
    expect(page.get_by_role("row").filter(has_text="Referred elsewhere")).to_contain_text(
        "Not a fit"
    )
    page.get_by_role("button", name="Move Referred elsewhere up").click()
    expect(page.locator("tbody tr td.primary").last).to_have_text("Walked away")
    assert stage_rows(page)[-2:] == ["Referred elsewhere", "Walked away"]

    # A new rep, then promoted to manager.
    page.get_by_role("link", name="Members").click()
    page.get_by_role("link", name="New member").click()
    page.get_by_label("First name").fill("Rita")
    page.get_by_label("Username").fill("rita")
    page.get_by_label(re.compile(r"^Password")).fill("lantern-orbit-canal")
    page.get_by_label("Repeat the password").fill("lantern-orbit-canal")
    page.get_by_label("Role").select_option("Rep")
    page.get_by_role("checkbox", name="Sat").check()
    page.get_by_role("button", name="Add member").click()
    expect(page.get_by_text("rita can now sign in.")).to_be_visible()
    rita_row = page.get_by_role("row").filter(has_text="rita")
    expect(rita_row).to_contain_text("Rep")
    expect(rita_row).to_contain_text("Mon–Sat")

    page.get_by_role("link", name="Edit rita").click()
    page.get_by_label("Role").select_option("Manager")
    page.get_by_role("button", name="Save member").click()
    expect(page.get_by_role("row").filter(has_text="rita")).to_contain_text("Manager")
    assert Membership.objects.get(user__username="rita").role == Role.MANAGER
