"""Where signing in lands: a rep on Today (their calls due), a manager on the board."""

from __future__ import annotations

import pytest
from django.test import Client

from goodfit.core.models import Role
from tests.e2e.conftest import PASSWORD
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def sign_in(username: str, **extra) -> str:
    response = Client().post(
        "/login/", {"username": username, "password": PASSWORD, **extra}, follow=True
    )
    assert response.status_code == 200
    return response.redirect_chain[-1][0]


@pytest.mark.parametrize(
    ("role", "landing"),
    [(Role.REP, "/today/"), (Role.MANAGER, "/board/"), (Role.ADMIN, "/board/")],
)
def test_signing_in_lands_on_the_page_for_the_role(team, role, landing):
    member = MembershipFactory(team=team, role=role, user__username=f"u-{role}")
    member.user.set_password(PASSWORD)
    member.user.save()
    assert sign_in(member.user.username) == landing
    # Straight there, without a detour through "/".
    response = Client().post("/login/", {"username": member.user.username, "password": PASSWORD})
    assert response["Location"] == landing


def test_a_next_page_still_wins(team, deal, owner):
    owner.set_password(PASSWORD)
    owner.save()
    assert sign_in(owner.username, next=f"/deals/{deal.pk}/") == f"/deals/{deal.pk}/"


def test_the_home_address_sends_each_role_to_its_page(owner_client, manager_client):
    assert owner_client.get("/")["Location"] == "/today/"
    assert manager_client.get("/")["Location"] == "/board/"
