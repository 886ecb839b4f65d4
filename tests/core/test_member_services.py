import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry, Membership, Role
from goodfit.core.services import member_create, member_update

PASSWORD = "lantern-orbit-canal"


def test_member_create_makes_a_user_with_a_hashed_password_and_a_membership(team, manager):
    member = member_create(
        team=team,
        actor=manager,
        username="rita",
        password=PASSWORD,
        email="rita@example.com",
        role=Role.REP,
        work_days="135",
    )
    assert member.team == team and member.work_days == "135"
    assert member.user.password != PASSWORD and member.user.check_password(PASSWORD)
    entry = AuditEntry.objects.get(object_type="core.membership", action="create")
    assert entry.actor == manager and entry.changes["role"] == [None, "rep"]


def test_member_create_refuses_a_taken_username_whatever_the_case(team, manager, owner):
    with pytest.raises(ValidationError) as error:
        member_create(team=team, actor=manager, username="Olivia", password=PASSWORD)
    assert "username" in error.value.message_dict


@pytest.mark.parametrize("password", ["short", "password", "12345678901", "ritaramos1"])
def test_member_create_refuses_weak_passwords_and_creates_nobody(team, manager, password):
    users = get_user_model().objects.count()
    with pytest.raises(ValidationError) as error:
        member_create(team=team, actor=manager, username="ritaramos", password=password)
    assert "password" in error.value.message_dict
    assert get_user_model().objects.count() == users


def test_member_create_with_bad_hours_leaves_no_user_behind(team, manager):
    with pytest.raises(ValidationError):
        member_create(
            team=team,
            actor=manager,
            username="rita",
            password=PASSWORD,
            time_zone="Nowhere/Land",
        )
    assert not get_user_model().objects.filter(username="rita").exists()


def test_member_update_changes_the_fields_and_audits_them(owner, manager):
    member = member_update(
        membership=owner.membership,
        actor=manager,
        role=Role.MANAGER,
        work_start=dt.time(7, 0),
    )
    member.refresh_from_db()
    assert member.role == Role.MANAGER and member.work_start == dt.time(7, 0)
    entry = AuditEntry.objects.get(object_type="core.membership", action="update")
    assert entry.changes["role"] == ["rep", "manager"]


@pytest.mark.parametrize("changes", [{"role": Role.REP}, {"is_active": False}])
def test_member_update_keeps_the_last_manager(manager, changes):
    with pytest.raises(ValidationError) as error:
        member_update(membership=manager.membership, actor=manager, **changes)
    assert "role" in error.value.message_dict
    assert Membership.objects.get(pk=manager.membership.pk).is_manager


def test_member_update_lets_a_manager_step_down_when_another_remains(team, manager):
    from tests.factories import MembershipFactory

    MembershipFactory(team=team, role=Role.ADMIN)
    member_update(membership=manager.membership, actor=manager, role=Role.REP)
    assert Membership.objects.get(pk=manager.membership.pk).role == Role.REP


def test_member_update_refuses_unordered_working_hours(owner, manager):
    with pytest.raises(ValidationError):
        member_update(
            membership=owner.membership,
            actor=manager,
            work_start=dt.time(17, 0),
            work_end=dt.time(9, 0),
        )
    assert Membership.objects.get(pk=owner.membership.pk).work_start == dt.time(9, 0)
