"""Prospects' contact days: set on the prospect form, blank means the team's default,
the team's skipped dates apply to everyone; outsiders still get 404."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from goodfit.followups.adapters import prospect_hours
from goodfit.followups.domain.timing import WEEKDAYS
from goodfit.followups.models import CadenceSettings

pytestmark = pytest.mark.django_db


def _form(prospect, **changes):
    data = {
        "kind": prospect.kind,
        "name": prospect.name,
        "time_zone": prospect.time_zone,
        "preferred_channel": prospect.preferred_channel,
        "contact_start": "09:00",
        "contact_end": "18:00",
    }
    data.update(changes)
    return data


def test_blank_days_use_the_teams_default_and_skipped_dates(prospect, team):
    assert prospect.contact_days == ""
    assert prospect_hours(prospect).days == WEEKDAYS
    CadenceSettings.objects.create(
        team=team, contact_days="123456", skip_dates="2024-12-25\n2024-12-26"
    )
    prospect.refresh_from_db()
    hours = prospect_hours(prospect)
    assert hours.days == frozenset({1, 2, 3, 4, 5, 6})
    assert hours.skip == {dt.date(2024, 12, 25), dt.date(2024, 12, 26)}


def test_the_prospect_form_saves_contact_days(owner_client, prospect):
    url = reverse("prospect-edit", args=[prospect.pk])
    assert "Contact days" in owner_client.get(url).content.decode()
    response = owner_client.post(url, _form(prospect, contact_days=["6", "7"]))
    assert response.status_code == 302
    prospect.refresh_from_db()
    assert prospect.contact_days == "67"
    assert prospect_hours(prospect).days == frozenset({6, 7})
    page = owner_client.get(url).content.decode()
    boxes = re.findall(r'<input type="checkbox" name="contact_days"[^>]*>', page)
    ticked = [re.search(r'value="(\d)"', b).group(1) for b in boxes if "checked" in b]
    assert ticked == ["6", "7"]


def test_an_unknown_day_is_refused_by_name(owner_client, prospect):
    url = reverse("prospect-edit", args=[prospect.pk])
    response = owner_client.post(url, _form(prospect, contact_days=["8"]))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    prospect.refresh_from_db()
    assert prospect.contact_days == ""


def test_outsiders_cannot_edit_a_prospects_days(outsider_client, prospect):
    response = outsider_client.post(
        reverse("prospect-edit", args=[prospect.pk]), _form(prospect, contact_days=["1"])
    )
    assert response.status_code == 404
