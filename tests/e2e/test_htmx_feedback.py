"""No htmx action fails silently: the server's validation errors are swapped in next to the
field, and a server error or a lost connection shows a toast."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.fit.models import Answer
from tests.e2e.conftest import login
from tests.e2e.test_fit_flow import demo_like_deal

pytestmark = pytest.mark.django_db(transaction=True)


def answer(page, key: str, value: str | None = None):
    """A discovery answer's field (each saves itself through htmx as it changes)."""
    if value is None:
        return page.locator(f'[name="a-{key}"]')
    return page.locator(f'[name="a-{key}"][value="{value}"]')


def test_a_refused_discovery_answer_shows_its_error_next_to_the_field(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    field = answer(page, "unsecured_debt")
    with page.expect_response(lambda r: "/fit/answer/" in r.url) as response:
        field.fill("lots")
        field.press("Tab")
    assert response.value.status < 500
    error = page.locator("#fit-status-unsecured_debt.is-error")
    expect(error).to_be_visible()
    expect(error).not_to_be_empty()
    expect(page.locator(".toast")).to_have_count(0)
    assert not Answer.objects.filter(deal=deal).exists()


def test_a_server_error_shows_a_toast_and_a_later_success_clears_it(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    page.route(
        "**/fit/answer/",
        lambda route: route.fulfill(status=500, body="<!doctype html><html>boom</html>"),
    )
    answer(page, "behind_on_payments", "yes").check()
    toast = page.get_by_role("alert").filter(has_text="nothing was saved")
    expect(toast).to_be_visible()
    expect(page.locator("#fit-panel")).to_be_visible()  # the panel stays as it was

    page.unroute("**/fit/answer/")
    with page.expect_response(lambda r: "/fit/answer/" in r.url):
        answer(page, "behind_on_payments", "no").check()
    expect(page.locator(".toast")).to_have_count(0)
    assert Answer.objects.filter(deal=deal, question_key="behind_on_payments").exists()


def test_a_lost_connection_shows_a_toast(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    page.route("**/fit/answer/", lambda route: route.abort("internetdisconnected"))
    answer(page, "behind_on_payments", "no").check()
    expect(page.locator(".toast")).to_contain_text("could not be reached")
    page.locator(".toast").get_by_role("button", name="Dismiss").click()
    expect(page.locator(".toast")).to_have_count(0)


def test_an_expired_session_is_said_in_a_toast(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    page.context.clear_cookies()  # signed out elsewhere: the CSRF check now fails
    answer(page, "behind_on_payments", "yes").check()
    expect(page.locator(".toast")).to_contain_text("expired")
    assert not Answer.objects.filter(deal=deal).exists()
