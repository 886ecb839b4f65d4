"""The browser console stays clean: no script error, no refused inline style or script
(CSP), no failed request, on every main page and through the daily in-page actions."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from goodfit.demo.load import DEMO_PASSWORD
from goodfit.pipeline.models import Deal
from tests.e2e.conftest import login
from tests.e2e.pages import main_pages, realistic_pipeline

pytestmark = pytest.mark.django_db(transaction=True)

# Records every CSP refusal, including those the console might word differently.
RECORD_CSP = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__csp.push(`${e.violatedDirective} refused ${e.blockedURI || "inline"}`);
});
"""


class Console:
    """Everything the browser complained about, with the page it happened on."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.add_init_script(RECORD_CSP)
        page.on("console", self._message)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url} error: {error}"))

    def _message(self, message) -> None:
        if message.type in ("error", "warning"):
            self.problems.append(f"{self.page.url} {message.type}: {message.text}")

    def check(self) -> list[str]:
        refused = self.page.evaluate("window.__csp || []")
        return self.problems + [f"{self.page.url} CSP: {r}" for r in refused]


def column(page: Page, stage_name: str):
    return page.locator("section.column").filter(
        has=page.get_by_role("heading", name=stage_name, exact=True)
    )


def test_every_main_page_loads_without_a_console_complaint(page):
    console = Console(page)
    pipeline = realistic_pipeline()
    login(page, "maria", DEMO_PASSWORD)
    for path in main_pages(page, pipeline):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        assert console.check() == [], path


def test_daily_actions_leave_the_console_clean(page, browser, live_server):
    console = Console(page)
    pipeline = realistic_pipeline()
    login(page, "maria", DEMO_PASSWORD)

    # Open and close the user menu.
    page.locator(".user-menu summary").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()
    page.keyboard.press("Escape")

    # Move a card on the board (an htmx swap of the whole board).
    page.goto("/board/")
    deal = pipeline.long_deal
    card = page.locator(f"#deal-card-{deal.pk}")
    card.drag_to(column(page, "Discovery").locator(".column-header"))
    expect(column(page, "Discovery").locator(f"#deal-card-{deal.pk}")).to_be_attached()
    assert Deal.objects.get(pk=deal.pk).stage.name == "Discovery"

    # Log an interaction and add a note on the deal page (htmx swaps of the activity).
    page.goto(f"/deals/{deal.pk}/")
    composer = page.locator(".composer")
    composer.get_by_label("Call", exact=True).check()
    composer.get_by_label("Outbound").check()
    composer.get_by_label("Summary", exact=True).fill("Walked through the onboarding plan")
    composer.get_by_role("button", name="Log it").click()
    expect(page.locator("#activity .timeline")).to_contain_text("Walked through the onboarding")
    composer = page.locator(".composer")
    composer.get_by_label("Note", exact=True).check()
    composer.get_by_label("Details").fill("Budget owner is the COO")
    composer.get_by_role("button", name="Log it").click()
    expect(page.locator("#activity .timeline")).to_contain_text("Budget owner is the COO")
    page.wait_for_load_state("networkidle")
    assert console.check() == []

    # On a phone: open the Menu drawer and follow a section.
    phone_context = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}
    )
    phone = phone_context.new_page()
    phone_console = Console(phone)
    login(phone, "olivia", DEMO_PASSWORD)
    phone.locator(".nav-drawer summary").click()
    phone.get_by_role("navigation", name="Sections").get_by_role("link", name="Deals").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Deals")
    phone.wait_for_load_state("networkidle")
    assert phone_console.check() == []
    phone_context.close()
