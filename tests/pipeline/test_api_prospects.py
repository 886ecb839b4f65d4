"""The prospect endpoints: list, create, read, change, delete."""

import pytest

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Prospect
from tests.factories import DealFactory, ProspectFactory

JSON = "application/json"


def errors_by_field(response) -> dict[str, str]:
    return {e["field"]: e["message"] for e in response.json()["detail"]}


def test_creating_a_prospect_uses_the_teams_time_zone_by_default(client, owner_api, team):
    response = client.post(
        "/api/v1/prospects",
        {"name": "  Ivy Ng ", "email": "ivy@example.com", "segment": "SMB"},
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["name"] == "Ivy Ng" and body["time_zone"] == team.time_zone
    assert body["kind"] == "person" and body["preferred_channel"] == "email"
    assert AuditEntry.objects.filter(object_type="pipeline.prospect", action="create").exists()


def test_a_company_prospect_keeps_every_field_given(client, owner_api):
    body = {
        "kind": "company",
        "name": "Globex",
        "company": "Globex Corp",
        "phone": "+1 555 0100",
        "source": "referral",
        "time_zone": "Asia/Tokyo",
        "preferred_channel": "call",
        "contact_start": "08:30",
        "contact_end": "12:00",
        "do_not_contact": True,
    }
    response = client.post("/api/v1/prospects", body, content_type=JSON, **owner_api)
    assert response.status_code == 201, response.content
    prospect = Prospect.objects.get()
    assert prospect.kind == "company" and prospect.time_zone == "Asia/Tokyo"
    assert str(prospect.contact_start) == "08:30:00" and prospect.do_not_contact


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"email": "not-an-email"}, "email"),
        ({"segment": "s" * 81}, "segment"),
        ({"kind": "robot"}, "kind"),
        ({"preferred_channel": "pigeon"}, "preferred_channel"),
        ({"contact_start": "18:00", "contact_end": "09:00"}, "contact_end"),
        ({"contact_start": "25:00"}, "contact_start"),
        ({"contact_start": "09:00+02:00"}, "contact_start"),
        ({"do_not_contact": "perhaps"}, "do_not_contact"),
        ({"name": "Nul\u0000"}, "name"),
    ],
)
def test_bad_prospect_input_is_422_naming_the_field_and_writes_nothing(
    client, owner_api, change, field
):
    response = client.post(
        "/api/v1/prospects", {"name": "Ivy", **change}, content_type=JSON, **owner_api
    )
    assert response.status_code == 422, response.content
    assert field in errors_by_field(response)
    assert not Prospect.objects.exists()


def test_the_prospect_list_is_paginated_and_filtered(client, owner_api, team):
    ProspectFactory.create_batch(5, team=team, segment="SMB", source="web form")
    ProspectFactory(team=team, name="Zed Acme", segment="Enterprise", source="referral")

    def get(query: str) -> dict:
        response = client.get(f"/api/v1/prospects?{query}", **owner_api)
        assert response.status_code == 200, response.content
        return response.json()

    assert get("page_size=2")["count"] == 6 and len(get("page_size=2")["items"]) == 2
    assert [p["name"] for p in get("q=acme")["items"]] == ["Zed Acme"]
    assert get("segment=enterprise")["count"] == 1
    assert get("source=web%20form")["count"] == 5


@pytest.mark.parametrize("size", [2, 30])
def test_the_prospect_list_costs_the_same_queries_whatever_its_length(
    client, owner_api, team, owner, django_assert_max_num_queries, size
):
    for prospect in ProspectFactory.create_batch(size, team=team):
        DealFactory(team=team, owner=owner, prospect=prospect)
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/prospects?page_size=200", **owner_api)
    assert response.json()["count"] == size


def test_a_prospect_is_read_and_patched_field_by_field(client, owner_api, prospect):
    url = f"/api/v1/prospects/{prospect.pk}"
    assert client.get(url, **owner_api).json()["name"] == "Dana Diaz"
    response = client.patch(url, {"segment": "Consumer"}, content_type=JSON, **owner_api)
    assert response.status_code == 200, response.content
    prospect.refresh_from_db()
    assert prospect.segment == "Consumer" and prospect.name == "Dana Diaz"
    entry = AuditEntry.objects.get(object_type="pipeline.prospect", action="update")
    assert entry.changes == {"segment": ["SMB", "Consumer"]}


def test_a_patch_refuses_nulls_and_bad_values_and_changes_nothing(client, owner_api, prospect):
    url = f"/api/v1/prospects/{prospect.pk}"
    response = client.patch(
        url, {"name": None, "time_zone": "Nowhere"}, content_type=JSON, **owner_api
    )
    assert response.status_code == 422
    assert "name" in errors_by_field(response)
    response = client.patch(url, {"time_zone": "Nowhere"}, content_type=JSON, **owner_api)
    assert response.status_code == 422
    assert "time_zone" in errors_by_field(response)
    prospect.refresh_from_db()
    assert prospect.time_zone == "Europe/Lisbon"


def test_a_prospect_without_deals_can_be_deleted(client, owner_api, team):
    prospect = ProspectFactory(team=team)
    response = client.delete(f"/api/v1/prospects/{prospect.pk}", **owner_api)
    assert response.status_code == 204
    assert not Prospect.objects.filter(pk=prospect.pk).exists()
    assert AuditEntry.objects.filter(object_type="pipeline.prospect", action="delete").exists()


def test_deleting_a_prospect_with_deals_is_refused_with_a_reason(client, owner_api, deal):
    response = client.delete(f"/api/v1/prospects/{deal.prospect_id}", **owner_api)
    assert response.status_code == 422
    assert "1 deal" in errors_by_field(response)["prospect"]
    assert Prospect.objects.filter(pk=deal.prospect_id).exists()


@pytest.mark.parametrize(
    ("method", "body"), [("get", None), ("patch", {"name": "Taken"}), ("delete", None)]
)
def test_an_outsider_gets_404_on_every_prospect_endpoint(
    client, outsider_api, prospect, method, body
):
    url = f"/api/v1/prospects/{prospect.pk}"
    call = getattr(client, method)
    if body is None:
        response = call(url, **outsider_api)
    else:
        response = call(url, body, content_type=JSON, **outsider_api)
    assert response.status_code == 404
    prospect.refresh_from_db()
    assert prospect.name == "Dana Diaz"


def test_an_outsider_lists_only_their_own_teams_prospects(client, outsider_api, prospect):
    assert client.get("/api/v1/prospects", **outsider_api).json()["count"] == 0
