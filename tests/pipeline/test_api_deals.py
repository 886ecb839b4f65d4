"""The deal endpoints: list, create, read, change, delete, move, history, cancellation."""

import datetime as dt
from decimal import Decimal

import pytest

from goodfit.core.models import AuditEntry
from goodfit.core.services import team_update
from goodfit.pipeline.models import Deal, Outcome, StageChange
from goodfit.pipeline.services import deal_cancel, deal_move, interaction_log, note_add
from tests.factories import (
    DealFactory,
    MembershipFactory,
    OfferingFactory,
    ProspectFactory,
)

JSON = "application/json"


def errors_by_field(response) -> dict[str, str]:
    return {e["field"]: e["message"] for e in response.json()["detail"]}


@pytest.fixture
def new_deal(prospect, offering):
    return {"prospect": prospect.pk, "offering": offering.pk, "title": "Dana", "amount": "4500"}


# ---- list -----------------------------------------------------------------------------


def test_the_deal_list_is_paginated_with_a_count(client, owner_api, team, owner):
    DealFactory.create_batch(7, team=team, owner=owner)
    response = client.get("/api/v1/deals?page=2&page_size=3", **owner_api)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 7 and body["page"] == 2 and body["page_size"] == 3
    assert len(body["items"]) == 3


def test_the_deal_list_filters_by_stage_owner_outcome_segment_source_and_text(
    client, owner_api, team, owner, teammate
):
    won = team.stages.get(outcome=Outcome.WON)
    mine = DealFactory(team=team, owner=owner, title="Acme renewal")
    theirs = DealFactory(
        team=team,
        owner=teammate,
        stage=won,
        prospect=ProspectFactory(team=team, segment="Enterprise", source="referral"),
    )

    def ids(query: str) -> set[int]:
        response = client.get(f"/api/v1/deals?{query}", **owner_api)
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["items"]}

    assert ids(f"stage={won.pk}") == {theirs.pk}
    assert ids(f"owner={owner.pk}") == {mine.pk}
    assert ids("outcome=won") == {theirs.pk}
    assert ids("segment=enterprise") == {theirs.pk}
    assert ids("source=Referral") == {theirs.pk}
    assert ids("q=acme") == {mine.pk}
    assert ids(f"offering={mine.offering_id}") == {mine.pk}


def test_bad_filters_are_422_naming_the_parameter(client, owner_api, db):
    response = client.get("/api/v1/deals?stage=abc&outcome=maybe&page_size=500", **owner_api)
    assert response.status_code == 422
    assert set(errors_by_field(response)) == {"stage", "outcome", "page_size"}


@pytest.mark.parametrize("size", [3, 40])
def test_the_deal_list_costs_the_same_queries_whatever_the_number_of_deals(
    client, owner_api, team, owner, django_assert_max_num_queries, size
):
    won = team.stages.get(outcome=Outcome.WON)
    for n in range(size):
        deal = DealFactory(team=team, owner=owner, stage=won)
        if n % 2:
            deal_cancel(deal=deal, actor=owner, cancelled_on=dt.date.today(), reason="Moved")
    # token lookup, token last-used update, count, page.
    with django_assert_max_num_queries(5):
        response = client.get("/api/v1/deals?page_size=200", **owner_api)
    assert response.json()["count"] == size


def test_a_restricted_rep_lists_only_their_own_deals(client, team, manager, owner, teammate):
    from tests.conftest import bearer

    team_update(team=team, actor=manager, reps_see_own_deals_only=True)
    own = DealFactory(team=team, owner=teammate)
    DealFactory(team=team, owner=owner)
    response = client.get("/api/v1/deals", **bearer(teammate))
    assert [item["id"] for item in response.json()["items"]] == [own.pk]


# ---- create ---------------------------------------------------------------------------


def test_creating_a_deal_opens_it_in_the_first_open_stage_owned_by_the_caller(
    client, owner_api, owner, team, new_deal
):
    response = client.post("/api/v1/deals", new_deal, content_type=JSON, **owner_api)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["stage"]["name"] == "Lead" and body["owner"]["id"] == owner.pk
    assert body["currency"] == team.currency and body["version"] == 1
    assert Decimal(body["amount"]) == Decimal("4500")
    deal = Deal.objects.get(pk=body["id"])
    assert StageChange.objects.filter(deal=deal, from_stage=None).exists()
    assert AuditEntry.objects.filter(object_type="pipeline.deal", action="create").exists()


def test_a_deal_can_be_created_in_a_given_stage_for_a_teammate(
    client, owner_api, teammate, team, new_deal
):
    stage = team.stages.get(name="Proposal")
    body = {**new_deal, "stage": stage.pk, "owner": teammate.pk, "discount_pct": 12.5}
    response = client.post("/api/v1/deals", body, content_type=JSON, **owner_api)
    assert response.status_code == 201, response.content
    assert response.json()["stage"]["id"] == stage.pk
    assert response.json()["owner"]["username"] == "tom"


def test_ids_of_another_team_are_422_naming_each_field_and_nothing_is_written(
    client, owner_api, other_team, outsider
):
    body = {
        "prospect": ProspectFactory(team=other_team).pk,
        "offering": OfferingFactory(team=other_team).pk,
        "stage": other_team.stages.first().pk,
        "owner": outsider.pk,
        "title": "Poach",
        "amount": "1",
    }
    response = client.post("/api/v1/deals", body, content_type=JSON, **owner_api)
    assert response.status_code == 422
    assert set(errors_by_field(response)) == {"prospect", "offering", "stage", "owner"}
    assert not Deal.objects.exists()


def test_an_inactive_member_cannot_own_a_deal(client, owner_api, team, new_deal):
    former = MembershipFactory(team=team, is_active=False).user
    response = client.post(
        "/api/v1/deals", {**new_deal, "owner": former.pk}, content_type=JSON, **owner_api
    )
    assert response.status_code == 422
    assert "owner" in errors_by_field(response)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount": "-1"}, "amount"),
        ({"amount": "abc"}, "amount"),
        ({"amount": "1.005"}, "amount"),
        ({"discount_pct": 101}, "discount_pct"),
        ({"expected_close_date": "1999-12-31"}, "expected_close_date"),
        ({"expected_close_date": "2024-02-30"}, "expected_close_date"),
        ({"title": "x" * 201}, "title"),
        ({"title": "   "}, "title"),
        ({"currency": "euro"}, "currency"),
        ({"currency": "eur"}, "currency"),
        ({"prospect": "one"}, "prospect"),
        ({"prospect": 10**30}, "prospect"),
        ({"stage": 999999}, "stage"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_deal_input_is_422_naming_the_field_and_writes_nothing(
    client, owner_api, new_deal, change, field
):
    response = client.post("/api/v1/deals", {**new_deal, **change}, content_type=JSON, **owner_api)
    assert response.status_code == 422, response.content
    assert field in errors_by_field(response)
    assert not Deal.objects.exists()
    assert not AuditEntry.objects.filter(object_type="pipeline.deal").exists()


def test_a_missing_required_field_is_named(client, owner_api, new_deal):
    del new_deal["amount"]
    response = client.post("/api/v1/deals", new_deal, content_type=JSON, **owner_api)
    assert response.status_code == 422
    assert errors_by_field(response) == {"amount": "Field required"}


def test_a_body_that_is_not_json_is_refused_with_a_json_error(client, owner_api, db):
    response = client.post("/api/v1/deals", "{oops", content_type=JSON, **owner_api)
    assert response.status_code == 400
    assert response.json()["detail"][0]["field"] == "__all__"


# ---- read, change, delete -------------------------------------------------------------


def test_a_deal_is_read_with_its_references(client, owner_api, deal):
    response = client.get(f"/api/v1/deals/{deal.pk}", **owner_api)
    assert response.status_code == 200
    body = response.json()
    assert body["prospect"] == {"id": deal.prospect_id, "name": "Dana Diaz", "company": ""}
    assert body["offering"]["name"] == "Debt relief program"
    assert body["cancellation"] is None


def test_patching_a_deal_with_its_version_saves_and_bumps_the_version(client, owner_api, deal):
    response = client.patch(
        f"/api/v1/deals/{deal.pk}",
        {"version": 1, "amount": "900", "expected_close_date": "2030-01-31"},
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 200, response.content
    assert response.json()["version"] == 2
    deal.refresh_from_db()
    assert deal.amount == Decimal("900") and deal.expected_close_date == dt.date(2030, 1, 31)
    entry = AuditEntry.objects.get(object_type="pipeline.deal", action="update")
    assert entry.changes["amount"] == ["12000.00", "900"]


def test_a_stale_patch_is_409_with_the_current_values_and_changes_nothing(
    client, owner_api, deal, teammate
):
    from tests.conftest import bearer

    first = client.patch(
        f"/api/v1/deals/{deal.pk}", {"version": 1, "amount": "100"}, content_type=JSON, **owner_api
    )
    assert first.status_code == 200
    second = client.patch(
        f"/api/v1/deals/{deal.pk}",
        {"version": 1, "amount": "200"},
        content_type=JSON,
        **bearer(teammate),
    )
    assert second.status_code == 409
    body = second.json()
    assert body["current_version"] == 2
    assert Decimal(body["current"]["amount"]) == Decimal("100")
    assert body["detail"][0]["field"] == "version"
    deal.refresh_from_db()
    assert deal.amount == Decimal("100")


def test_a_patch_without_version_or_with_a_stage_is_refused(client, owner_api, deal):
    response = client.patch(
        f"/api/v1/deals/{deal.pk}", {"amount": "1", "stage": 2}, content_type=JSON, **owner_api
    )
    assert response.status_code == 422
    assert set(errors_by_field(response)) == {"version", "stage"}


def test_a_patch_may_clear_the_close_date_but_not_the_title(client, owner_api, deal):
    cleared = client.patch(
        f"/api/v1/deals/{deal.pk}",
        {"version": 1, "expected_close_date": None},
        content_type=JSON,
        **owner_api,
    )
    assert cleared.status_code == 200
    refused = client.patch(
        f"/api/v1/deals/{deal.pk}", {"version": 2, "title": None}, content_type=JSON, **owner_api
    )
    assert refused.status_code == 422
    assert "title" in errors_by_field(refused)


def test_only_managers_delete_deals(client, owner_api, manager_api, deal):
    refused = client.delete(f"/api/v1/deals/{deal.pk}", **owner_api)
    assert refused.status_code == 403
    assert refused.json()["detail"][0]["message"]
    deleted = client.delete(f"/api/v1/deals/{deal.pk}", **manager_api)
    assert deleted.status_code == 204
    assert not Deal.objects.exists()
    assert AuditEntry.objects.filter(object_type="pipeline.deal", action="delete").exists()


# ---- move, history, cancellation ------------------------------------------------------


def test_moving_a_deal_records_the_stage_change_and_returns_the_deal(client, owner_api, deal, team):
    proposal = team.stages.get(name="Proposal")
    response = client.post(
        f"/api/v1/deals/{deal.pk}/move", {"stage": proposal.pk}, content_type=JSON, **owner_api
    )
    assert response.status_code == 200, response.content
    assert response.json()["stage"]["id"] == proposal.pk and response.json()["version"] == 2
    assert deal.stage_changes.last().to_stage == proposal
    entry = AuditEntry.objects.get(object_type="pipeline.deal", action="update")
    assert entry.changes["stage"][1] == proposal.pk


def test_moving_with_a_stale_version_is_409(client, owner_api, deal, team):
    deal_move(deal=deal, actor=None, stage=team.stages.get(name="Discovery"))
    response = client.post(
        f"/api/v1/deals/{deal.pk}/move",
        {"stage": team.stages.get(name="Won").pk, "version": 1},
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 409
    assert response.json()["current"]["stage"]["name"] == "Discovery"


def test_moving_to_another_teams_stage_is_422_naming_stage(client, owner_api, deal, other_team):
    response = client.post(
        f"/api/v1/deals/{deal.pk}/move",
        {"stage": other_team.stages.first().pk},
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 422
    assert "stage" in errors_by_field(response)


def test_stage_changes_and_timeline_come_in_time_order(client, owner_api, deal, owner, team):
    start = dt.datetime(2025, 1, 1, 9, tzinfo=dt.UTC)
    deal_move(deal=deal, actor=owner, stage=team.stages.get(name="Discovery"), at=start)
    interaction_log(
        deal=deal,
        actor=owner,
        direction="out",
        channel="call",
        occurred_at=start + dt.timedelta(hours=1),
        summary="First call",
    )
    note_add(deal=deal, actor=owner, body="Keen", at=start + dt.timedelta(hours=2))

    changes = client.get(f"/api/v1/deals/{deal.pk}/stage-changes", **owner_api).json()
    assert [c["to_stage"]["name"] for c in changes] == ["Discovery"]
    assert changes[0]["by"]["username"] == "olivia"

    events = client.get(f"/api/v1/deals/{deal.pk}/timeline", **owner_api).json()
    assert [e["kind"] for e in events] == ["stage", "interaction", "note"]
    assert events[1]["interaction"]["summary"] == "First call"
    assert events[2]["note"]["body"] == "Keen" and events[2]["interaction"] is None


def test_a_won_deal_can_be_cancelled_once(client, owner_api, deal, owner, team):
    url = f"/api/v1/deals/{deal.pk}/cancellation"
    body = {"cancelled_on": dt.date.today().isoformat(), "reason": "Found a cheaper plan"}
    open_deal = client.post(url, body, content_type=JSON, **owner_api)
    assert open_deal.status_code == 422
    deal_move(deal=deal, actor=owner, stage=team.stages.get(outcome=Outcome.WON))
    created = client.post(url, body, content_type=JSON, **owner_api)
    assert created.status_code == 201, created.content
    assert created.json()["reason"] == "Found a cheaper plan"
    assert AuditEntry.objects.filter(object_type="pipeline.cancellation").exists()
    again = client.post(url, body, content_type=JSON, **owner_api)
    assert again.status_code == 422
    shown = client.get(f"/api/v1/deals/{deal.pk}", **owner_api).json()
    assert shown["cancellation"]["cancelled_on"] == body["cancelled_on"]


# ---- the outsider ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "", None),
        ("patch", "", {"version": 1, "title": "Mine now"}),
        ("delete", "", None),
        ("post", "/move", {"stage": 1}),
        ("get", "/stage-changes", None),
        ("get", "/timeline", None),
        ("post", "/cancellation", {"cancelled_on": "2025-01-01", "reason": "x"}),
    ],
)
def test_an_outsider_gets_404_on_every_deal_endpoint(
    client, outsider_api, deal, method, path, body
):
    kwargs = {"content_type": JSON} if body is not None else {}
    call = getattr(client, method)
    response = (
        call(f"/api/v1/deals/{deal.pk}{path}", body, **kwargs, **outsider_api)
        if body is not None
        else call(f"/api/v1/deals/{deal.pk}{path}", **outsider_api)
    )
    assert response.status_code == 404
    assert response.json()["detail"][0]["field"] == "__all__"
    deal.refresh_from_db()
    assert deal.title == "Dana Diaz — debt relief" and deal.version == 1


def test_an_outsider_does_not_see_the_team_in_the_list(client, outsider_api, deal):
    assert client.get("/api/v1/deals", **outsider_api).json()["count"] == 0
