"""Bearer-token authentication and the team endpoints (me, team, members)."""

import pytest
from django.utils import timezone

from goodfit.core.models import ApiToken
from goodfit.core.services import token_create, token_revoke
from tests.factories import MembershipFactory

PROTECTED = ["/api/v1/me", "/api/v1/team", "/api/v1/members", "/api/v1/deals", "/api/v1/stages"]


def assert_unauthorised(response) -> None:
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    (error,) = response.json()["detail"]
    assert error["field"] == "__all__" and "Bearer" in error["message"]


@pytest.mark.parametrize("path", PROTECTED)
def test_without_a_token_the_api_answers_401_in_json(client, db, path):
    assert_unauthorised(client.get(path))


@pytest.mark.parametrize(
    "header", ["Bearer gf_not-a-real-token", "Bearer ", "Token abc", "Basic b2xpdmlhOng="]
)
def test_a_wrong_or_malformed_token_is_401(client, owner, header):
    assert_unauthorised(client.get("/api/v1/me", HTTP_AUTHORIZATION=header))


def test_a_revoked_token_is_401(client, owner):
    token, raw = token_create(user=owner)
    header = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    assert client.get("/api/v1/me", **header).status_code == 200
    token_revoke(token=token)
    assert_unauthorised(client.get("/api/v1/me", **header))


def test_a_deactivated_users_token_is_401(client, owner, owner_api):
    owner.is_active = False
    owner.save()
    assert_unauthorised(client.get("/api/v1/me", **owner_api))


def test_a_signed_in_browser_session_is_not_an_api_credential(owner_client):
    # Tokens only: a session cookie would make every endpoint a CSRF target.
    assert_unauthorised(owner_client.get("/api/v1/me"))


def test_using_a_token_records_when_it_was_last_used(client, owner, owner_api):
    before = timezone.now()
    client.get("/api/v1/me", **owner_api)
    assert ApiToken.objects.get(user=owner).last_used_at >= before


def test_me_names_the_caller_their_role_and_team(client, owner, team, owner_api):
    body = client.get("/api/v1/me", **owner_api).json()
    assert body == {
        "id": owner.pk,
        "username": "olivia",
        "role": "rep",
        "team": "Northwind Sales",
        "team_id": team.pk,
        "time_zone": "America/New_York",
    }


def test_team_shows_the_callers_team_settings(client, team, owner_api):
    body = client.get("/api/v1/team", **owner_api).json()
    assert body["name"] == "Northwind Sales" and body["currency"] == "USD"
    assert body["reps_see_own_deals_only"] is False


def test_members_lists_the_callers_team_only(client, owner, teammate, manager, outsider, owner_api):
    members = client.get("/api/v1/members", **owner_api).json()
    assert [m["username"] for m in members] == ["maria", "olivia", "tom"]
    assert {m["id"] for m in members} == {owner.pk, teammate.pk, manager.pk}
    assert next(m for m in members if m["username"] == "maria")["role"] == "manager"


def test_an_outsider_sees_their_own_team_not_ours(client, team, outsider_api, owner):
    assert client.get("/api/v1/team", **outsider_api).json()["name"] == "Contoso"
    usernames = [m["username"] for m in client.get("/api/v1/members", **outsider_api).json()]
    assert usernames == ["oscar"]


def test_a_token_of_a_member_removed_from_the_team_is_401(client, team):
    former = MembershipFactory(team=team, is_active=False).user
    _, raw = token_create(user=former)
    assert_unauthorised(client.get("/api/v1/deals", HTTP_AUTHORIZATION=f"Bearer {raw}"))


def test_an_unknown_object_is_a_json_404(client, owner_api):
    response = client.get("/api/v1/deals/987654", **owner_api)
    assert response.status_code == 404
    assert response.json() == {
        "detail": [
            {"field": "__all__", "message": "Not found: there is no such object in your team."}
        ]
    }
