"""The debriefs API: debriefs, feedback, coaching, objections, referrals, the linter."""

from __future__ import annotations

import json

import pytest

from goodfit.debriefs.models import Referral
from goodfit.debriefs.services import debrief_complete, objection_record, referral_record
from goodfit.pipeline.models import Outcome
from tests.debriefs.conftest import end_deal
from tests.factories import DealFactory, ProspectFactory

API = "/api/v1"


def post(client, url, body, headers, method="post"):
    if method in ("get", "delete"):
        return getattr(client, method)(url, **headers)
    return getattr(client, method)(
        url, data=json.dumps(body), content_type="application/json", **headers
    )


def test_a_debrief_is_saved_completed_and_read_back(client, lost_deal, owner_api):
    url = f"{API}/deals/{lost_deal.pk}/debrief"
    assert client.get(url, **owner_api).json() == {
        "deal_id": lost_deal.pk,
        "needed": True,
        "debrief": None,
    }
    draft = post(client, url, {"prospect_words": "Too slow"}, owner_api)
    assert draft.status_code == 200 and draft.json()["debrief"]["status"] == "draft"
    body = {
        "complete": True,
        "primary_category": "product_capability",
        "secondary": ["price"],
        "segment": "Enterprise",
    }
    done = post(client, url, body, owner_api).json()["debrief"]
    assert (done["status"], done["secondary"], done["segment"]) == (
        "complete",
        ["price"],
        "Enterprise",
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"complete": True}, "primary_category"),
        ({"primary_category": "vibes"}, "primary_category"),
        ({"secondary": ["nope"]}, "secondary.0"),
        ({"complete": True, "primary_category": "competitor"}, "competitor"),
        ({"colour": "red"}, "colour"),
        ({"prospect_words": "x" * 4001}, "prospect_words"),
    ],
)
def test_bad_debriefs_are_422_naming_the_field(client, lost_deal, owner_api, body, field):
    response = post(client, f"{API}/deals/{lost_deal.pk}/debrief", body, owner_api)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["detail"]]


def test_an_open_deal_refuses_a_debrief(client, deal, owner_api):
    response = post(client, f"{API}/deals/{deal.pk}/debrief", {}, owner_api)
    assert response.status_code == 422
    assert response.json()["detail"][0]["field"] == "deal"


def test_product_feedback_and_coaching(client, team, owner, teammate, manager_api, owner_api):
    for rep, reason, segment in [
        (owner, "product_quality", "SMB"),
        (owner, "rep_follow_up", "SMB"),
        (owner, "rep_follow_up", "SMB"),
        (teammate, "price", "Enterprise"),
    ]:
        deal = DealFactory(
            team=team, owner=rep, prospect=ProspectFactory(team=team, segment=segment)
        )
        end_deal(deal, rep, Outcome.LOST)
        debrief_complete(deal=deal, actor=rep, primary_category=reason, prospect_words="meh")
    board = client.get(f"{API}/feedback/product?segment=SMB", **manager_api).json()
    assert board[0]["segment"] == "SMB" and board[0]["themes"][0]["count"] == 1
    assert client.get(f"{API}/feedback/product", **owner_api).status_code == 403
    report = client.get(f"{API}/coaching/{owner.pk}", **manager_api).json()
    assert report["patterns"] == ["rep_follow_up"] and report["debriefs"] == 3
    assert client.get(f"{API}/coaching/{teammate.pk}", **owner_api).status_code == 403


def test_objections_by_segment(client, team, owner, deal, owner_api):
    response = post(client, f"{API}/deals/{deal.pk}/objections", {"category": "Price"}, owner_api)
    assert response.status_code == 201 and response.json()["category"] == "Price"
    bad = post(client, f"{API}/deals/{deal.pk}/objections", {"category": "Moon"}, owner_api)
    assert bad.status_code == 422 and bad.json()["detail"][0]["field"] == "category"
    top = client.get(f"{API}/objections?segment=SMB", **owner_api).json()
    assert top == [{"segment": "SMB", "top": [{"category": "Price", "deals": 1, "share": 1.0}]}]
    assert client.get(f"{API}/objections", **owner_api).json()[0]["segment"] == "SMB"
    assert client.get(f"{API}/objections?limit=0", **owner_api).status_code == 422


def test_referrals_crud(client, team, prospect, owner_api):
    created = post(
        client,
        f"{API}/referrals",
        {"referrer_id": prospect.pk, "name": "Rosa Ramirez", "email": "rosa@example.com"},
        owner_api,
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["referred"], body["outcome"]) == ("Rosa Ramirez", "no deal")
    url = f"{API}/referrals/{body['id']}"
    assert client.get(url, **owner_api).json()["referrer"] == prospect.name
    patched = post(client, url, {"note": "Sister"}, owner_api, method="patch")
    assert patched.json()["note"] == "Sister"
    assert [r["id"] for r in client.get(f"{API}/referrals", **owner_api).json()] == [body["id"]]
    existing = ProspectFactory(team=team)
    linked = post(
        client,
        f"{API}/referrals",
        {"referrer_id": prospect.pk, "referred_id": existing.pk},
        owner_api,
    )
    assert linked.status_code == 201
    assert client.delete(url, **owner_api).status_code == 204
    assert Referral.objects.count() == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"referrer_id": 999999, "name": "X", "phone": "1"}, "referrer_id"),
        ({"name": "X", "phone": "1"}, "referrer_id"),
        ({"referrer_id": "PROSPECT"}, "name"),
        ({"referrer_id": "PROSPECT", "name": "X"}, "email"),
        ({"referrer_id": "PROSPECT", "referred_id": "PROSPECT"}, "referred"),
    ],
)
def test_bad_referrals_are_422(client, prospect, owner_api, body, field):
    body = {k: prospect.pk if v == "PROSPECT" else v for k, v in body.items()}
    response = post(client, f"{API}/referrals", body, owner_api)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["detail"]]


def test_the_linter_endpoint(client, owner_api):
    response = post(
        client, f"{API}/closeout/lint", {"text": "Are you sure? Last chance!"}, owner_api
    )
    body = response.json()
    assert body["count"] == 2
    assert body["findings"][0] == {
        **body["findings"][0],
        "start": 0,
        "end": 12,
        "text": "Are you sure",
        "words": "Are you sure",
        "family": "past_no",
        "family_label": "Pushing past a no",
        "kind": "past_no",
    }
    assert body["findings"][1]["family"] == "deadline"
    assert body["findings"][0]["suggestion"] == body["findings"][0]["rewrite"]
    assert post(client, f"{API}/closeout/lint", {"text": "x" * 4001}, owner_api).status_code == 422
    assert post(client, f"{API}/closeout/lint", {}, owner_api).status_code == 422


def test_an_outsider_gets_404_for_this_teams_objects(
    client, team, owner, lost_deal, outsider_api, prospect
):
    debrief_complete(deal=lost_deal, actor=owner, primary_category="product_quality")
    objection_record(deal=lost_deal, actor=owner, category="Price")
    referral = referral_record(referrer=prospect, actor=owner, name="Rosa", phone="5")
    for method, url in [
        ("get", f"{API}/deals/{lost_deal.pk}/debrief"),
        ("post", f"{API}/deals/{lost_deal.pk}/debrief"),
        ("post", f"{API}/deals/{lost_deal.pk}/objections"),
        ("get", f"{API}/coaching/{owner.pk}"),
        ("get", f"{API}/referrals/{referral.pk}"),
        ("patch", f"{API}/referrals/{referral.pk}"),
        ("delete", f"{API}/referrals/{referral.pk}"),
    ]:
        body = {"category": "Price"} if "objections" in url else {}
        response = post(client, url, body, outsider_api, method=method)
        assert response.status_code == 404, (method, url)
    assert client.get(f"{API}/feedback/product", **outsider_api).json() == []
    assert client.get(f"{API}/objections", **outsider_api).json() == []
    assert client.get(f"{API}/referrals", **outsider_api).json() == []
    stolen = post(
        client,
        f"{API}/referrals",
        {"referrer_id": prospect.pk, "name": "X", "phone": "1"},
        outsider_api,
    )
    assert stolen.status_code == 422


def test_without_a_token_it_is_401(client, lost_deal):
    assert client.get(f"{API}/deals/{lost_deal.pk}/debrief").status_code == 401
