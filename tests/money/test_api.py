"""The good-money API: worth, walk-away, the bottom of the pipeline, concessions, quotes."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from goodfit.money import services
from goodfit.money.models import Concession, Quote, WalkAway
from goodfit.pipeline.models import Outcome
from tests.factories import DealFactory
from tests.money.factories import ConcessionFactory, QuoteFactory, give_history

pytestmark = pytest.mark.django_db
API = "/api/v1"


def post(client, url, body, headers, method="post"):
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", **headers
    )


def test_worth_gives_score_recommendation_and_signals_with_evidence(client, deal, owner, owner_api):
    give_history(deal, owner)
    services.concession_add(deal=deal, actor=owner, kind="free_extra", value=Decimal(3000))
    response = client.get(f"{API}/deals/{deal.pk}/worth", **owner_api)
    assert response.status_code == 200
    body = response.json()
    assert 0 <= body["score"] <= 100
    assert body["recommendation"] in ("pursue", "reset_terms", "walk_away")
    concessions = next(s for s in body["signals"] if s["key"] == "concessions")
    assert set(concessions) >= {"key", "value", "weight", "reason", "evidence"}
    assert concessions["evidence"][0]["kind"] == "concession"


def test_walk_away_moves_the_deal_and_records_the_message(client, deal, owner_api):
    response = post(client, f"{API}/deals/{deal.pk}/walk-away", {}, owner_api)
    assert response.status_code == 201, response.content
    body = response.json()
    assert "right fit for each other" in body["message"]
    deal.refresh_from_db()
    assert deal.stage.outcome == Outcome.WALKED_AWAY
    assert WalkAway.objects.get(deal=deal).message == body["message"]


def test_walking_away_twice_is_refused_with_the_field_named(client, deal, owner_api):
    post(client, f"{API}/deals/{deal.pk}/walk-away", {"message": "Bye for now."}, owner_api)
    again = post(client, f"{API}/deals/{deal.pk}/walk-away", {}, owner_api)
    assert again.status_code == 422
    assert again.json()["detail"][0]["field"] == "deal"


def test_a_walk_away_body_with_unknown_fields_is_refused(client, deal, owner_api):
    response = post(client, f"{API}/deals/{deal.pk}/walk-away", {"mesage": "x"}, owner_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "mesage"


def test_bottom_lists_the_lowest_share_of_open_deals(client, team, owner, deal, owner_api):
    worst = DealFactory(team=team, owner=owner, discount_pct=90, title="Giveaway")
    fine = DealFactory(team=team, owner=owner, title="Fine")
    for scored in (worst, fine):
        give_history(scored, owner)
    response = client.get(f"{API}/review/bottom?percent=10", **owner_api)
    assert response.status_code == 200
    body = response.json()
    assert body["open_deals"] == 3
    assert body["not_enough_history"] == 1  # ``deal`` has no interactions yet
    assert [d["deal"] for d in body["deals"]] == [worst.pk]
    assert body["deals"][0]["reasons"]
    assert body["time_freed"]["deals"] == 0


@pytest.mark.parametrize("percent", ["0", "101", "ten"])
def test_bottom_refuses_a_bad_percent(client, deal, owner_api, percent):
    response = client.get(f"{API}/review/bottom?percent={percent}", **owner_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "percent"


def test_concessions_can_be_created_read_changed_and_deleted(client, deal, owner_api):
    created = post(
        client, f"{API}/deals/{deal.pk}/concessions",
        {"kind": "free_extra", "value": "750", "note": "Onboarding"}, owner_api,
    )  # fmt: skip
    assert created.status_code == 201
    pk = created.json()["id"]
    assert client.get(f"{API}/concessions/{pk}", **owner_api).json()["note"] == "Onboarding"
    listed = client.get(f"{API}/deals/{deal.pk}/concessions", **owner_api).json()
    assert listed["count"] == 1
    changed = post(client, f"{API}/concessions/{pk}", {"value": "900"}, owner_api, "patch")
    assert changed.status_code == 200 and changed.json()["value"] == "900.00"
    assert client.delete(f"{API}/concessions/{pk}", **owner_api).status_code == 204
    assert not Concession.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "bribe", "value": "10"}, "kind"),
        ({"kind": "discount", "value": "-1"}, "value"),
        ({"kind": "discount", "value": "1", "at": "2999-01-01T00:00:00Z"}, "at"),
        ({"kind": "discount", "value": "1", "at": "2025-01-01T00:00:00"}, "at"),
    ],
)
def test_a_bad_concession_is_refused_naming_the_field(client, deal, owner_api, body, field):
    response = post(client, f"{API}/deals/{deal.pk}/concessions", body, owner_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == field
    assert not Concession.objects.exists()


def test_quotes_get_the_next_version_and_a_taken_version_is_refused(client, deal, owner_api):
    url = f"{API}/deals/{deal.pk}/quotes"
    first = post(client, url, {"terms": "1 site", "amount": "24000"}, owner_api).json()
    second = post(client, url, {"terms": "1 site", "amount": "24000"}, owner_api).json()
    assert (first["version"], second["version"]) == (1, 2)
    taken = post(client, url, {"terms": "x", "amount": "1", "version": 2}, owner_api)
    assert taken.status_code == 422 and taken.json()["detail"][0]["field"] == "version"
    pk = second["id"]
    assert (
        post(client, f"{API}/quotes/{pk}", {"terms": "2 sites"}, owner_api, "patch").json()["terms"]
        == "2 sites"
    )
    assert client.get(f"{API}/deals/{deal.pk}/quotes", **owner_api).json()["count"] == 2
    assert client.delete(f"{API}/quotes/{pk}", **owner_api).status_code == 204
    assert Quote.objects.count() == 1


def test_an_empty_quote_is_refused(client, deal, owner_api):
    response = post(
        client, f"{API}/deals/{deal.pk}/quotes", {"terms": " ", "amount": "1"}, owner_api
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "terms"


def test_an_outsider_gets_404_everywhere(client, deal, outsider_api):
    concession, quote = ConcessionFactory(deal=deal), QuoteFactory(deal=deal)
    gets = [
        f"/deals/{deal.pk}/worth", f"/deals/{deal.pk}/concessions", f"/deals/{deal.pk}/quotes",
        f"/concessions/{concession.pk}", f"/quotes/{quote.pk}",
    ]  # fmt: skip
    for url in gets:
        assert client.get(API + url, **outsider_api).status_code == 404, url
    for url, body in [
        (f"/deals/{deal.pk}/walk-away", {}),
        (f"/deals/{deal.pk}/concessions", {"kind": "discount", "value": "1"}),
        (f"/deals/{deal.pk}/quotes", {"terms": "x", "amount": "1"}),
    ]:
        assert post(client, API + url, body, outsider_api).status_code == 404, url
    assert (
        post(client, f"{API}/quotes/{quote.pk}", {"terms": "y"}, outsider_api, "patch").status_code
        == 404
    )
    assert client.delete(f"{API}/concessions/{concession.pk}", **outsider_api).status_code == 404
    assert client.delete(f"{API}/quotes/{quote.pk}", **outsider_api).status_code == 404
    deal.refresh_from_db()
    assert deal.stage.outcome == Outcome.OPEN


def test_the_outsider_sees_only_their_own_bottom(client, deal, outsider_api):
    body = client.get(f"{API}/review/bottom", **outsider_api).json()
    assert body["open_deals"] == 0 and body["deals"] == []
