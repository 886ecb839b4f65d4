"""Stages and offerings through the API: everyone reads, managers change offerings."""

from decimal import Decimal

import pytest

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Offering
from tests.factories import OfferingFactory

JSON = "application/json"


def errors_by_field(response) -> dict[str, str]:
    return {e["field"]: e["message"] for e in response.json()["detail"]}


def test_stages_are_listed_in_pipeline_order_with_their_outcomes(client, owner_api, team):
    response = client.get("/api/v1/stages", **owner_api)
    assert response.status_code == 200
    stages = response.json()
    assert [s["name"] for s in stages][:2] == ["Lead", "Discovery"]
    assert {s["outcome"] for s in stages} == {"open", "won", "lost", "not_a_fit", "walked_away"}
    assert {s["id"] for s in stages} == set(team.stages.values_list("pk", flat=True))


def test_offerings_are_listed_and_filtered_by_active(client, owner_api, team, offering):
    OfferingFactory(team=team, name="Retired plan", is_active=False)
    names = [o["name"] for o in client.get("/api/v1/offerings", **owner_api).json()]
    assert names == ["Debt relief program", "Retired plan"]
    active = client.get("/api/v1/offerings?active=true", **owner_api).json()
    assert [o["name"] for o in active] == ["Debt relief program"]
    assert Decimal(active[0]["price"]) == Decimal("10000")


def test_an_outsider_sees_only_their_own_teams_stages_and_offerings(
    client, outsider_api, team, offering
):
    stages = client.get("/api/v1/stages", **outsider_api).json()
    assert not {s["id"] for s in stages} & set(team.stages.values_list("pk", flat=True))
    assert client.get("/api/v1/offerings", **outsider_api).json() == []


def test_a_manager_adds_an_offering(client, manager_api, team):
    response = client.post(
        "/api/v1/offerings",
        {"name": "Bookkeeping", "price": "300", "cost_to_serve": 120.5, "min_margin_pct": 30},
        content_type=JSON,
        **manager_api,
    )
    assert response.status_code == 201, response.content
    offering = Offering.objects.get(team=team, name="Bookkeeping")
    assert offering.cost_to_serve == Decimal("120.50")
    assert AuditEntry.objects.filter(object_type="pipeline.offering", action="create").exists()


def test_a_rep_may_not_add_or_change_offerings(client, owner_api, offering):
    created = client.post(
        "/api/v1/offerings",
        {"name": "Mine", "price": "1", "cost_to_serve": "1"},
        content_type=JSON,
        **owner_api,
    )
    assert created.status_code == 403
    changed = client.patch(
        f"/api/v1/offerings/{offering.pk}", {"price": "1"}, content_type=JSON, **owner_api
    )
    assert changed.status_code == 403
    assert changed.json()["detail"][0]["message"]
    offering.refresh_from_db()
    assert offering.price == Decimal("10000")


def test_a_manager_changes_an_offering(client, manager_api, offering):
    response = client.patch(
        f"/api/v1/offerings/{offering.pk}",
        {"is_active": False, "min_margin_pct": "35.5"},
        content_type=JSON,
        **manager_api,
    )
    assert response.status_code == 200, response.content
    offering.refresh_from_db()
    assert not offering.is_active and offering.min_margin_pct == Decimal("35.5")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"price": "-5"}, "price"),
        ({"min_margin_pct": 120}, "min_margin_pct"),
        ({"name": "Debt relief program"}, "name"),  # taken
        ({"name": "n" * 121}, "name"),
        ({"description": "d" * 2001}, "description"),
    ],
)
def test_bad_offerings_are_422_naming_the_field(client, manager_api, offering, body, field):
    response = client.post(
        "/api/v1/offerings",
        {"name": "New", "price": "10", "cost_to_serve": "5", **body},
        content_type=JSON,
        **manager_api,
    )
    assert response.status_code == 422, response.content
    assert field in errors_by_field(response)
    assert Offering.objects.count() == 1


@pytest.mark.parametrize(("method", "body"), [("get", None), ("patch", {"price": "1"})])
def test_an_outsider_gets_404_for_an_offering(client, outsider_api, offering, method, body):
    url = f"/api/v1/offerings/{offering.pk}"
    if body is None:
        response = client.get(url, **outsider_api)
    else:
        response = client.patch(url, body, content_type=JSON, **outsider_api)
    assert response.status_code == 404
