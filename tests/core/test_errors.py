"""Error pages: the app's layout, a way back to Today and the board, a sentence for htmx,
JSON for the API, and a 500 page that needs neither the session nor the database."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from goodfit.core.views import server_error

pytestmark = pytest.mark.django_db


def assert_app_error_page(response, code: int, title: str) -> str:
    html = response.content.decode()
    assert response.status_code == code
    assert f"Error {code}" in html and title in html
    assert 'class="sidebar"' in html and 'class="topbar"' in html  # the app's layout
    assert 'href="/board/"' in html and 'href="/today/"' in html  # a way back
    assert response["X-Goodfit-Message"]
    return html


def test_404_uses_the_layout_and_says_what_may_have_happened(owner_client):
    response = owner_client.get("/deals/999999/")
    html = assert_app_error_page(response, 404, "Not found")
    assert "another team" in html
    assert "Settings" not in html  # a rep's menu, not a manager's


def test_404_of_another_teams_deal_is_the_same_page(outsider_client, deal):
    response = outsider_client.get(f"/deals/{deal.pk}/")
    assert_app_error_page(response, 404, "Not found")


def test_404_for_someone_signed_out_still_has_the_layout(client):
    assert_app_error_page(client.get("/no-such-page/"), 404, "Not found")


def test_403_when_a_rep_opens_team_settings(owner_client):
    html = assert_app_error_page(owner_client.get("/settings/"), 403, "Not allowed")
    assert "Managers and admins" in html


def test_400_for_a_request_django_refuses(owner_client):
    response = owner_client.get("/board/", HTTP_HOST="evil.example")
    assert_app_error_page(response, 400, "Bad request")


def test_an_expired_form_gets_the_apps_page_and_saves_nothing(owner, deal):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    response = client.post(f"/deals/{deal.pk}/notes/new/", {"body": "lost on the way"})
    html = assert_app_error_page(response, 403, "This form has expired")
    assert "nothing was saved" in html
    assert "expired" in response["X-Goodfit-Message"]
    assert not deal.notes.exists()


def test_an_expired_sign_in_form_offers_to_sign_in_again(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post("/login/", {"username": "x", "password": "y"})
    html = assert_app_error_page(response, 403, "This form has expired")
    assert 'href="/login/"' in html


@pytest.mark.urls("tests.core.error_urls")
def test_500_uses_the_layout_with_a_way_back(owner):
    client = Client(raise_request_exception=False)
    client.force_login(owner)
    html = assert_app_error_page(client.get("/boom/"), 500, "Something went wrong")
    assert "the database went away" not in html  # no details for the user


def test_500_page_needs_no_database_query():
    request = RequestFactory().get("/deals/")
    with CaptureQueriesContext(connection) as queries:
        response = server_error(request)
    assert response.status_code == 500
    assert len(queries) == 0
    assert "Go to the board" in response.content.decode()


@pytest.mark.urls("tests.core.error_urls")
def test_api_errors_stay_json(owner_api):
    client = Client(raise_request_exception=False)
    missing = client.get("/api/v1/no-such-thing/", **owner_api)
    assert missing.status_code == 404
    assert missing.json()["detail"][0]["field"] == "__all__"
    failed = client.get("/api/v1/boom/", **owner_api)
    assert failed.status_code == 500
    assert "Try again" in failed.json()["detail"][0]["message"]


def test_a_body_over_the_limit_gets_a_json_error_naming_the_limit(client, owner_api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024
    body = '{"title": "' + "x" * (20 * 1024) + '"}'
    response = client.post("/api/v1/deals", data=body, content_type="application/json", **owner_api)
    assert response.status_code == 400
    assert response.json() == {
        "detail": [
            {
                "field": "__all__",
                "message": "The request body is larger than 10 KB, the most goodfit takes; "
                "nothing was changed. Send less at a time.",
            }
        ]
    }


def test_a_form_over_the_limit_says_so_on_the_page(owner_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = owner_client.post("/prospects/new/", {"name": "x" * 4096})
    assert response.status_code == 400
    assert "larger than 1 KB" in response["X-Goodfit-Message"]
