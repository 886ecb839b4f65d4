"""Team patterns: services, the settings pages, access, and the public entry point."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS
from goodfit.debriefs.models import PressurePattern
from goodfit.debriefs.pressure import check_pressure
from goodfit.debriefs.services import (
    pressure_default_save,
    pressure_pattern_create,
    pressure_pattern_delete,
    pressure_pattern_switch,
    pressure_pattern_update,
)

pytestmark = pytest.mark.django_db
PUSHY = "Honestly, this is a no brainer."


def test_a_team_pattern_is_checked_for_that_team_only(team, other_team, manager):
    assert check_pressure(PUSHY, team=team) == []
    pressure_pattern_create(
        team=team, actor=manager, family="past_no", pattern="no brainer", reason="Belittles."
    )
    (finding,) = check_pressure(PUSHY, team=team)
    assert (finding.family, finding.words, finding.reason) == (
        "past_no",
        "no brainer",
        "Belittles.",
    )
    assert finding.suggestion  # the family's, as the team wrote none
    assert check_pressure(PUSHY, team=other_team) == []


def test_a_bad_pattern_is_refused_naming_the_field(team, manager):
    with pytest.raises(ValidationError) as error:
        pressure_pattern_create(team=team, actor=manager, family="guilt", pattern="(oops")
    assert "never closed" in error.value.message_dict["pattern"][0]
    with pytest.raises(ValidationError) as error:
        pressure_pattern_create(team=team, actor=manager, family="shouting", pattern="a b")
    assert "family" in error.value.message_dict
    assert not PressurePattern.objects.exists()


def test_switching_off_editing_and_restoring_a_default(team, manager):
    assert check_pressure("Only two spots left.", team=team)
    pressure_pattern_switch(team=team, actor=manager, key="scarcity.only-n-left", active=False)
    pressure_pattern_switch(team=team, actor=manager, key="scarcity.n-left", active=False)
    assert check_pressure("Only two spots left.", team=team) == []
    row = pressure_default_save(
        team=team, actor=manager, key="scarcity.only-n-left", pattern="only {number} seats"
    )
    assert row.family == "scarcity" and row.is_active
    assert check_pressure("Only two seats.", team=team)
    pressure_pattern_delete(row=row, actor=manager)  # back to the default
    assert check_pressure("Only two spots left.", team=team)
    with pytest.raises(ValidationError):
        pressure_pattern_switch(team=team, actor=manager, key="nope.nope", active=False)
    with pytest.raises(ValidationError):
        pressure_pattern_switch(team=team, actor=manager, key="team:999", active=False)


def test_an_own_pattern_is_edited_and_switched(team, manager):
    row = pressure_pattern_create(team=team, actor=manager, family="guilt", pattern="no brainer")
    pressure_pattern_update(row=row, actor=manager, pattern="total no brainer", family="fear")
    assert PressurePattern.objects.get().family == "fear"
    pressure_pattern_switch(team=team, actor=manager, key=f"team:{row.pk}", active=False)
    assert check_pressure("a total no brainer", team=team) == []


def test_the_settings_page_lists_every_family_and_adds_a_pattern(manager_client, team):
    url = reverse("settings-pressure")
    html = manager_client.get(url).content.decode()
    assert "Deadline and urgency" in html and "Pushing past a no" in html
    assert html.count("pressure-row") >= len(DEFAULT_PATTERNS)
    response = manager_client.post(
        url, {"new-family": "guilt", "new-pattern": "no brainer", "new-is_active": "on"}
    )
    assert response.status_code == 302
    assert PressurePattern.objects.get(team=team).pattern == "no brainer"


def test_a_bad_pattern_on_the_page_is_a_400_naming_the_field(manager_client):
    response = manager_client.post(
        reverse("settings-pressure"), {"new-family": "guilt", "new-pattern": "only ^ now"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "“^” cannot be used in a pattern (at character 6)" in html
    assert 'id="id_new-pattern_error"' in html
    assert not PressurePattern.objects.exists()


def test_edit_switch_and_restore_pages(manager_client, team, manager):
    key = "deadline.deadline"
    url = reverse("settings-pressure-default", args=[key])
    assert manager_client.get(url).status_code == 200
    bad = manager_client.post(url, {"pattern": "[x]", "is_active": "on"})
    assert bad.status_code == 400 and "not [optional]" in bad.content.decode()
    ok = manager_client.post(url, {"pattern": "hard deadline", "is_active": "on"})
    assert ok.status_code == 302
    row = PressurePattern.objects.get(builtin_key=key)
    assert manager_client.get(reverse("settings-pressure-edit", args=[row.pk])).status_code == 200
    manager_client.post(reverse("settings-pressure-switch"), {"key": key, "active": "0"})
    assert not PressurePattern.objects.get(builtin_key=key).is_active
    manager_client.post(reverse("settings-pressure-delete", args=[row.pk]))
    assert not PressurePattern.objects.exists()
    assert manager_client.get(reverse("settings-pressure-default", args=["x.y"])).status_code == 404


def test_reps_get_403_and_outsiders_404(owner_client, outsider_client, team, manager):
    row = pressure_pattern_create(team=team, actor=manager, family="guilt", pattern="no brainer")
    assert owner_client.get(reverse("settings-pressure")).status_code == 403
    assert owner_client.get(reverse("settings-pressure-edit", args=[row.pk])).status_code == 403
    for name in ("settings-pressure-edit", "settings-pressure-delete"):
        method = outsider_client.get if name.endswith("edit") else outsider_client.post
        assert method(reverse(name, args=[row.pk])).status_code in (403, 404)
    assert PressurePattern.objects.filter(pk=row.pk).exists()
