"""Control and direction-override characters are refused in names, on pages and in the API."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.names import unsafe_character, validate_plain_text
from goodfit.pipeline.models import Prospect

UNSAFE = ["\u202e", "\u2066", "\x00", "\x07", "\x1b", "\x7f", "\t", "\n"]


@pytest.mark.parametrize("char", UNSAFE)
def test_names_refuse_controls_and_overrides(char):
    with pytest.raises(ValidationError) as error:
        validate_plain_text(f"Dana{char}Diaz", label="Name")
    assert error.value.messages[0].startswith("Name may not contain control")
    assert f"U+{ord(char):04X}" in error.value.messages[0]


def test_multi_line_text_keeps_tabs_and_line_breaks_only():
    assert unsafe_character("one\ttwo\r\nthree", multiline=True) is None
    assert unsafe_character("one\u202etwo", multiline=True) == "\u202e"
    assert unsafe_character("Zoë Ångström — 東京 مرحبا") is None


def test_the_prospect_page_names_the_field(owner_client, team):
    response = owner_client.post(
        "/prospects/new/",
        {
            "kind": "person",
            "name": "Dana\u202eDiaz",
            "time_zone": "UTC",
            "preferred_channel": "email",
            "contact_start": "09:00",
            "contact_end": "18:00",
            "contact_days": list("12345"),
        },
    )
    assert response.status_code == 200
    assert "Name may not contain control or direction-override characters" in (
        response.content.decode()
    )
    assert not Prospect.objects.filter(team=team).exists()


def test_the_deal_page_refuses_an_override_in_the_title(owner_client, deal):
    form = owner_client.get(f"/deals/{deal.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        title="Refund\u202egnp.exe",
        prospect=deal.prospect_id,
        offering=deal.offering_id,
        version=deal.version,
    )
    response = owner_client.post(f"/deals/{deal.pk}/edit/", data)
    deal.refresh_from_db()
    assert deal.title == "Dana Diaz — debt relief"
    assert "Title may not contain control" in response.content.decode()


def _post(client, path, body, headers):
    return client.post(path, json.dumps(body), content_type="application/json", **headers)


def test_the_api_names_the_field(client, owner_api, team):
    response = _post(client, "/api/v1/prospects", {"name": "Dana\x1bDiaz"}, owner_api)
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert detail[0]["field"] == "name"
    assert "U+001B" in detail[0]["message"]
    assert not Prospect.objects.filter(team=team).exists()


def test_the_api_refuses_an_override_in_an_offering_name(client, manager_api):
    body = {"name": "Gold\u2067plan", "price": "100", "cost_to_serve": "10"}
    response = _post(client, "/api/v1/offerings", body, manager_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "name"


def test_member_names_are_checked_too(manager_client, team):
    response = manager_client.post(
        "/settings/members/new/",
        {
            "username": "eve",
            "first_name": "Eve\u202e",
            "password": "a-long-enough-passphrase-9",
            "password_again": "a-long-enough-passphrase-9",
            "role": "rep",
            "time_zone": "UTC",
            "work_start": "09:00",
            "work_end": "17:00",
            "work_days": list("12345"),
        },
    )
    assert response.status_code == 200
    assert "First name may not contain control" in response.content.decode()
