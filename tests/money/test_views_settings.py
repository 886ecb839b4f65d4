"""Settings → Good money (managers only)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.money.domain.rules import DEFAULT_WEIGHTS, Rules
from goodfit.money.forms import SETTINGS_THRESHOLDS
from goodfit.money.models import MoneySettings

pytestmark = pytest.mark.django_db
URL = reverse("settings-money")


def form(**changes):
    data = {
        "bottom_percent": 10,
        "walk_away_below": 45,
        "pursue_from": 70,
        "walk_away_template": "Thanks {prospect_first_name}, good luck. {rep_name}",
        **{f"weight_{k}": v for k, v in DEFAULT_WEIGHTS.items()},
        **{name: getattr(Rules(), name) for name in SETTINGS_THRESHOLDS},
    }
    data.update(changes)
    return data


def test_a_manager_changes_the_bottom_share_and_a_weight(manager_client, team):
    page = manager_client.get(URL)
    assert page.status_code == 200 and "Walk-away message" in page.content.decode()
    response = manager_client.post(URL, form(bottom_percent=20, weight_margin=40))
    assert response.status_code == 302
    row = MoneySettings.objects.get(team=team)
    assert (row.bottom_percent, row.weights["margin"]) == (20, 40)


def test_an_unknown_placeholder_is_refused_on_the_field(manager_client, team):
    response = manager_client.post(URL, form(walk_away_template="Hi {name.__class__}"))
    assert response.status_code == 422
    assert "Unknown placeholder" in response.content.decode()
    assert not MoneySettings.objects.exists()


def test_pursue_below_walk_away_is_refused(manager_client):
    response = manager_client.post(URL, form(walk_away_below=80, pursue_from=50))
    assert response.status_code == 422
    assert "pursue_from: must be at least walk_away_below" in response.content.decode()


def test_reps_get_403_and_outsiders_see_only_their_own_team(owner_client, outsider_client, team):
    assert owner_client.get(URL).status_code == 403
    outsider_client.post(URL, form(bottom_percent=50))
    assert not MoneySettings.objects.filter(team=team).exists()


def test_severe_thresholds_are_team_settings_with_their_defaults_shown(manager_client, team):
    body = manager_client.get(URL).content.decode()
    assert "Severe: median reply slower than, hours" in body and "Default 48" in body
    response = manager_client.post(URL, form(severe_latency_hours=72, min_interactions=5))
    assert response.status_code == 302
    thresholds = MoneySettings.objects.get(team=team).thresholds
    assert (thresholds["severe_latency_hours"], thresholds["min_interactions"]) == (72, 5)
    assert "Default 48" in manager_client.get(URL).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("severe_after_hours_pct", "150", "less than or equal to 99"),
        ("severe_same_quote_resends", "0", "greater than or equal to 1"),
        ("min_interactions", "two", "Enter a whole number"),
    ],
)
def test_a_bad_threshold_is_refused_on_its_field(manager_client, team, field, value, message):
    response = manager_client.post(URL, form(**{field: value}))
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not MoneySettings.objects.exists()
