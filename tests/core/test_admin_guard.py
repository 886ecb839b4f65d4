"""A manager cannot demote, deactivate or replace the admin; a team keeps its last admin."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import Membership, Role
from goodfit.core.services import member_create, member_update
from tests.factories import MembershipFactory


@pytest.fixture
def admin(team):
    return MembershipFactory(team=team, role=Role.ADMIN, user__username="ada").user


DEMOTIONS = [{"role": Role.MANAGER}, {"role": Role.REP}, {"is_active": False}]


@pytest.mark.parametrize("changes", DEMOTIONS)
def test_a_manager_cannot_demote_or_deactivate_the_admin(admin, manager, changes):
    MembershipFactory(team=admin.membership.team, role=Role.ADMIN)  # not the last one
    with pytest.raises(ValidationError) as error:
        member_update(membership=admin.membership, actor=manager, **changes)
    assert "Only an admin" in error.value.message_dict["role"][0]
    refreshed = Membership.objects.get(pk=admin.membership.pk)
    assert refreshed.role == Role.ADMIN and refreshed.is_active


def test_a_manager_cannot_make_an_admin(manager, owner, team):
    with pytest.raises(ValidationError):
        member_update(membership=manager.membership, actor=manager, role=Role.ADMIN)
    with pytest.raises(ValidationError):
        member_update(membership=owner.membership, actor=manager, role=Role.ADMIN)
    with pytest.raises(ValidationError):
        member_create(
            team=team, actor=manager, username="eve", password="lantern-orbit-canal", role="admin"
        )
    assert not Membership.objects.filter(role=Role.ADMIN).exists()


def test_a_manager_may_still_edit_an_admins_hours(admin, manager):
    member_update(membership=admin.membership, actor=manager, work_days="12345")


@pytest.mark.parametrize("changes", [{"role": Role.MANAGER}, {"is_active": False}])
def test_the_last_admin_stays_even_by_their_own_hand(admin, manager, changes):
    with pytest.raises(ValidationError) as error:
        member_update(membership=admin.membership, actor=admin, **changes)
    assert "at least one active admin" in error.value.message_dict["role"][0]


def test_an_admin_may_step_down_when_another_admin_remains(admin, team):
    other = MembershipFactory(team=team, role=Role.ADMIN).user
    member_update(membership=admin.membership, actor=other, role=Role.MANAGER)
    assert Membership.objects.get(pk=admin.membership.pk).role == Role.MANAGER


def test_the_members_page_shows_the_refusal(admin, manager_client):
    response = manager_client.post(
        f"/settings/members/{admin.membership.pk}/edit/",
        {
            "role": "rep",
            "time_zone": "UTC",
            "work_start": "09:00",
            "work_end": "17:00",
            "work_days": list("12345"),
            "is_active": "on",
        },
    )
    assert response.status_code == 200
    assert "Only an admin can change an admin" in response.content.decode()
    assert Membership.objects.get(pk=admin.membership.pk).role == Role.ADMIN
