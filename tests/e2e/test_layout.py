"""Pages fit a phone screen: only the board's columns scroll sideways."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import login
from tests.factories import DealFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def page_width(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def test_board_on_a_phone_scrolls_only_its_columns(phone, team, manager, deal):
    for stage in team.stages.all():
        DealFactory(team=team, owner=manager, stage=stage)
    login(phone, manager.username)
    assert page_width(phone) <= PHONE["width"]
    board = phone.locator(".board")
    assert board.evaluate("b => b.scrollWidth > b.clientWidth")  # the columns do scroll
    header = phone.locator(".page-header").bounding_box()
    assert header["x"] + header["width"] <= PHONE["width"]


@pytest.mark.parametrize(
    "path",
    ["/deals/", "/deals/new/", "/deals/{deal}/", "/prospects/", "/settings/offerings/"],
)
def test_pages_fit_a_phone_screen(phone, manager, deal, path):
    login(phone, manager.username)
    phone.goto(path.format(deal=deal.pk))
    assert page_width(phone) <= PHONE["width"]
