"""No htmx action fails silently: the server's validation errors are swapped in next to the
field, and a server error or a lost connection shows a toast."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from goodfit.fit.models import Answer
from tests.e2e.conftest import login
from tests.e2e.test_fit_flow import demo_like_deal

pytestmark = pytest.mark.django_db(transaction=True)


def discovery_form(page, key: str):
    return page.locator(f'form[data-question="{key}"]')


def test_a_refused_discovery_answer_shows_its_error_next_to_the_field(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    form = discovery_form(page, "unsecured_debt")
    form.locator('[name="value"]').fill("lots")
    with page.expect_response(lambda r: "/fit/answer/" in r.url) as answer:
        form.get_by_role("button", name="Save").click()
    assert 400 <= answer.value.status < 500
    error = discovery_form(page, "unsecured_debt").locator(".field-error")
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
    form = discovery_form(page, "behind_on_payments")
    form.get_by_label("Yes", exact=True).check()
    form.get_by_role("button", name="Save").click()
    toast = page.get_by_role("alert").filter(has_text="nothing was saved")
    expect(toast).to_be_visible()
    expect(page.locator("#fit-panel")).to_be_visible()  # the panel stays as it was

    page.unroute("**/fit/answer/")
    with page.expect_response(lambda r: "/fit/answer/" in r.url):
        discovery_form(page, "behind_on_payments").get_by_role("button", name="Save").click()
    expect(page.locator(".toast")).to_have_count(0)
    assert Answer.objects.filter(deal=deal, question_key="behind_on_payments").exists()


def test_a_lost_connection_shows_a_toast(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    page.route("**/fit/answer/", lambda route: route.abort("internetdisconnected"))
    form = discovery_form(page, "behind_on_payments")
    form.get_by_label("No", exact=True).check()
    form.get_by_role("button", name="Save").click()
    expect(page.locator(".toast")).to_contain_text("could not be reached")
    page.locator(".toast").get_by_role("button", name="Dismiss").click()
    expect(page.locator(".toast")).to_have_count(0)


def test_an_expired_session_is_said_in_a_toast(page):
    deal = demo_like_deal()
    login(page, "olivia", then=f"/deals/{deal.pk}/")
    page.context.clear_cookies()  # signed out elsewhere: the CSRF check now fails
    form = discovery_form(page, "behind_on_payments")
    form.get_by_label("Yes", exact=True).check()
    form.get_by_role("button", name="Save").click()
    expect(page.locator(".toast")).to_contain_text("expired")
    assert not Answer.objects.filter(deal=deal).exists()
