"""Every main page works on a 390-pixel phone: nothing wider than the screen, long text
wraps, and the Menu drawer reaches every section, by touch and by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.demo.load import DEMO_PASSWORD
from tests.e2e.conftest import login
from tests.e2e.pages import LONG_TITLE, main_pages, realistic_pipeline

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
# What sticks out past the right edge of the screen, outside anything that scrolls.
OVERFLOWING = """() => {
  const out = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= window.innerWidth + 1) continue;
    let parent = el.parentElement, scrolls = false;
    while (parent) {
      if (getComputedStyle(parent).overflowX !== "visible") { scrolls = true; break; }
      parent = parent.parentElement;
    }
    if (!scrolls) out.push(`${el.tagName.toLowerCase()}.${el.className}`);
  }
  return out.slice(0, 5);
}"""


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_every_main_page_fits_a_phone(phone):
    pipeline = realistic_pipeline()
    login(phone, "maria", DEMO_PASSWORD)
    paths = main_pages(phone, pipeline)
    assert len(paths) >= 20  # the settings and debrief tabs were found
    too_wide = {}
    for path in paths:
        response = phone.goto(path)
        assert response.status == 200, path
        width = phone.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide[path] = (width, phone.evaluate(OVERFLOWING))
    assert too_wide == {}


def test_a_reps_today_fits_a_phone(phone):
    realistic_pipeline()
    login(phone, "olivia", DEMO_PASSWORD)
    expect(phone).to_have_url("/today/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_long_unbroken_text_wraps_on_the_deal_page_and_the_board(phone):
    pipeline = realistic_pipeline()
    login(phone, "maria", DEMO_PASSWORD)
    phone.goto(f"/deals/{pipeline.long_deal.pk}/")
    # The header stays compact: the title is cut short, its whole text in a tooltip.
    title = phone.get_by_role("heading", level=1)
    expect(title).to_have_text(LONG_TITLE)
    expect(title).to_have_attribute("title", LONG_TITLE)
    box = title.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert title.evaluate("el => el.scrollWidth > el.clientWidth")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.goto("/board/")
    # The card keeps to its column (85% of the screen): the name is cut, with a tooltip.
    card = phone.locator(f"#deal-card-{pipeline.long_deal.pk}")
    assert card.bounding_box()["width"] <= PHONE["width"] * 0.85
    name = card.get_by_title(pipeline.long_deal.prospect.name)
    assert name.evaluate("el => el.scrollWidth > el.clientWidth")  # cut short, not wrapped


def test_the_menu_reaches_every_section_by_touch_and_keyboard(phone, browser, live_server):
    realistic_pipeline()
    desktop = browser.new_context(base_url=live_server.url, viewport={"width": 1440, "height": 900})
    wide = desktop.new_page()
    login(wide, "maria", DEMO_PASSWORD)
    sections = wide.locator(".sidebar nav a:visible").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), a.pathname])"
    )
    desktop.close()
    assert len(sections) >= 7

    login(phone, "maria", DEMO_PASSWORD)
    menu = phone.get_by_role("navigation", name="Sections")
    expect(menu).to_be_hidden()
    phone.locator(".nav-drawer summary").click()
    expect(menu).to_be_visible()
    shown = menu.get_by_role("link").evaluate_all(
        "links => links.map(a => [a.textContent.trim(), a.pathname])"
    )
    assert shown == sections
    phone.keyboard.press("Escape")
    expect(menu).to_be_hidden()

    # By keyboard: focus the Menu button, open it, tab to a section, follow it.
    phone.locator(".nav-drawer summary").focus()
    phone.keyboard.press("Enter")
    expect(menu).to_be_visible()
    label, path = sections[-1]
    for _ in range(len(sections)):
        phone.keyboard.press("Tab")
        if phone.evaluate("document.activeElement.textContent.trim()") == label:
            break
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(path)
