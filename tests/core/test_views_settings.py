import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from goodfit.core.models import AuditEntry, Membership, Role
from tests.factories import MembershipFactory

TEAM = {
    "name": "Northwind Sales EU",
    "currency": "eur",
    "time_zone": "Europe/Berlin",
    "reps_see_own_deals_only": "on",
}
NEW_MEMBER = {
    "first_name": "Rita",
    "last_name": "Ramos",
    "email": "rita@example.com",
    "username": "rita",
    "password": "lantern-orbit-canal",
    "password_again": "lantern-orbit-canal",
    "role": Role.REP,
    "time_zone": "Europe/Lisbon",
    "work_start": "08:30",
    "work_end": "16:30",
    "work_days": ["1", "2", "3", "4"],
}
MEMBER_EDIT = {
    "role": Role.MANAGER,
    "time_zone": "Asia/Tokyo",
    "work_start": "10:00",
    "work_end": "18:00",
    "work_days": ["2", "3", "4", "5", "6"],
    "is_active": "on",
}


# Team


def test_manager_sees_the_team_form_with_current_values(manager_client, team):
    response = manager_client.get(reverse("settings-team"))
    assert response.status_code == 200
    assert response.context["form"]["name"].value() == "Northwind Sales"
    assert 'aria-current="page">Team<' in response.content.decode()


def test_manager_changes_the_team_settings(manager_client, team):
    response = manager_client.post(reverse("settings-team"), TEAM)
    team.refresh_from_db()
    assert response.status_code == 302
    assert team.name == "Northwind Sales EU" and team.currency == "EUR"
    assert team.time_zone == "Europe/Berlin" and team.reps_see_own_deals_only
    assert AuditEntry.objects.filter(object_type="core.team", action="update").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"currency": "EU"}, "currency"),
        ({"currency": "E1R"}, "currency"),
        ({"currency": "EURO"}, "currency"),
        ({"time_zone": "Europe/Atlantis"}, "time_zone"),
        ({"name": ""}, "name"),
        ({"name": "n" * 121}, "name"),
    ],
)
def test_team_form_rejects_bad_input_and_changes_nothing(manager_client, team, changes, field):
    response = manager_client.post(reverse("settings-team"), {**TEAM, **changes})
    team.refresh_from_db()
    assert field in response.context["form"].errors
    assert (team.name, team.currency, team.time_zone) == (
        "Northwind Sales",
        "USD",
        "America/New_York",
    )


# Members


def test_member_list_shows_roles_hours_and_days(manager_client, owner, manager, outsider):
    response = manager_client.get(reverse("settings-members"))
    body = response.content.decode()
    assert {m.user.username for m in response.context["members"]} == {"olivia", "maria"}
    assert "Mon–Fri" in body and "09:00–17:00" in body and "Manager" in body


def test_manager_adds_a_member_who_can_sign_in(manager_client, team):
    response = manager_client.post(reverse("settings-member-new"), NEW_MEMBER)
    assert response.status_code == 302
    member = Membership.objects.select_related("user").get(user__username="rita")
    assert member.team == team and member.role == Role.REP
    assert member.work_days == "1234" and member.work_start == dt.time(8, 30)
    assert member.user.check_password("lantern-orbit-canal")
    login = {"username": "rita", "password": "lantern-orbit-canal"}
    assert Client().post(reverse("login"), login).status_code == 302


def test_new_member_form_starts_from_the_team_time_zone_and_a_work_week(manager_client, team):
    form = manager_client.get(reverse("settings-member-new")).context["form"]
    assert form["time_zone"].value() == team.time_zone
    assert form["work_days"].value() == ["1", "2", "3", "4", "5"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"password": "short", "password_again": "short"}, "password"),
        ({"password": "password123", "password_again": "password123"}, "password"),
        ({"password": "48213975613", "password_again": "48213975613"}, "password"),
        ({"password_again": "something-else-entirely"}, "password_again"),
        ({"username": "olivia"}, "username"),
        ({"username": "OLIVIA"}, "username"),
        ({"username": "has space"}, "username"),
        ({"email": "nope"}, "email"),
        ({"time_zone": "Moon/Base"}, "time_zone"),
        ({"work_start": "18:00", "work_end": "09:00"}, "work_end"),
        ({"work_days": []}, "work_days"),
        ({"work_days": ["8"]}, "work_days"),
        ({"role": "owner"}, "role"),
    ],
)
def test_new_member_form_rejects_bad_input_and_creates_nobody(
    manager_client, owner, changes, field
):
    users = get_user_model().objects.count()
    response = manager_client.post(reverse("settings-member-new"), {**NEW_MEMBER, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert get_user_model().objects.count() == users
    assert not Membership.objects.filter(user__username="rita").exists()


def test_manager_changes_a_members_role_hours_and_days(manager_client, owner):
    member = owner.membership
    url = reverse("settings-member-edit", args=[member.pk])
    assert manager_client.get(url).context["form"]["work_days"].value() == list("12345")
    response = manager_client.post(url, MEMBER_EDIT)
    member.refresh_from_db()
    assert response.status_code == 302
    assert member.role == Role.MANAGER and member.time_zone == "Asia/Tokyo"
    assert member.work_days == "23456" and member.work_end == dt.time(18, 0)


def test_manager_deactivates_a_member(manager_client, owner):
    url = reverse("settings-member-edit", args=[owner.membership.pk])
    manager_client.post(url, {**MEMBER_EDIT, "role": Role.REP, "is_active": ""})
    owner.membership.refresh_from_db()
    assert not owner.membership.is_active


@pytest.mark.parametrize(
    "changes", [{"role": Role.REP}, {"is_active": ""}], ids=["demote", "deactivate"]
)
def test_the_last_manager_cannot_demote_or_deactivate_themselves(manager_client, manager, changes):
    url = reverse("settings-member-edit", args=[manager.membership.pk])
    response = manager_client.post(url, {**MEMBER_EDIT, **changes})
    assert response.status_code == 200
    assert "at least one active manager" in response.content.decode()
    manager.membership.refresh_from_db()
    assert manager.membership.role == Role.MANAGER and manager.membership.is_active


def test_a_manager_who_steps_down_lands_outside_the_settings(manager_client, team, manager):
    MembershipFactory(team=team, role=Role.ADMIN)
    url = reverse("settings-member-edit", args=[manager.membership.pk])
    response = manager_client.post(url, {**MEMBER_EDIT, "role": Role.REP})
    assert response.status_code == 302 and response["Location"] == reverse("home")
    assert manager_client.get(reverse("settings-members")).status_code == 403


def test_member_edit_rejects_bad_hours_and_changes_nothing(manager_client, owner):
    url = reverse("settings-member-edit", args=[owner.membership.pk])
    response = manager_client.post(url, {**MEMBER_EDIT, "work_start": "20:00"})
    assert "work_end" in response.context["form"].errors
    owner.membership.refresh_from_db()
    assert owner.membership.role == Role.REP


# Who may see what

SETTINGS_PAGES = ["settings-team", "settings-members", "settings-member-new"]


@pytest.mark.parametrize("name", SETTINGS_PAGES)
def test_a_rep_gets_403_on_team_settings(owner_client, name):
    assert owner_client.get(reverse(name)).status_code == 403


def test_a_rep_cannot_change_the_team_or_add_members(owner_client, team):
    assert owner_client.post(reverse("settings-team"), TEAM).status_code == 403
    assert owner_client.post(reverse("settings-member-new"), NEW_MEMBER).status_code == 403
    team.refresh_from_db()
    assert team.name == "Northwind Sales"
    assert not get_user_model().objects.filter(username="rita").exists()


def test_a_rep_cannot_promote_themselves(owner_client, owner):
    url = reverse("settings-member-edit", args=[owner.membership.pk])
    assert owner_client.post(url, MEMBER_EDIT).status_code == 403
    owner.membership.refresh_from_db()
    assert owner.membership.role == Role.REP


def test_an_admin_may_change_settings(team):
    client = Client()
    client.force_login(MembershipFactory(team=team, role=Role.ADMIN).user)
    assert client.get(reverse("settings-team")).status_code == 200


def test_outsider_edits_their_own_team_only(outsider_client, team, other_team):
    outsider_client.post(reverse("settings-team"), TEAM)
    team.refresh_from_db()
    other_team.refresh_from_db()
    assert team.name == "Northwind Sales" and other_team.name == "Northwind Sales EU"


def test_outsider_gets_404_for_another_teams_member(outsider_client, owner):
    url = reverse("settings-member-edit", args=[owner.membership.pk])
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, MEMBER_EDIT).status_code == 404
    owner.membership.refresh_from_db()
    assert owner.membership.role == Role.REP


def test_an_unknown_member_is_404(manager_client):
    assert manager_client.get(reverse("settings-member-edit", args=[999999])).status_code == 404


def test_settings_need_a_login(client):
    response = client.get(reverse("settings-team"))
    assert response.status_code == 302 and "/login/" in response["Location"]
