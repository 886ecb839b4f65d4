"""Follow-up settings: the ladder, the cadence, templates with a preview."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from goodfit.followups.models import CadenceSettings, Ladder

pytestmark = pytest.mark.django_db


def test_a_manager_creates_the_default_ladder(manager_client, team):
    response = manager_client.post(reverse("settings-followups-ladder"))
    assert response.status_code == 302
    html = manager_client.get(reverse("settings-followups")).content.decode()
    assert "Talk later today" in html and "Send information; they choose when" in html
    # Two plans: push (ask for a decision soon) and nurture (let them choose).
    assert sorted(Ladder.objects.filter(team=team).values_list("kind", flat=True)) == [
        "nurture",
        "push",
    ]


def test_reps_cannot_change_settings(owner_client):
    assert owner_client.get(reverse("settings-followups")).status_code == 403


def test_the_cadence_is_saved_and_checked(manager_client, team):
    url = reverse("settings-followups")
    data = {
        "max_touches": "0",
        "window_days": "7",
        "comeback_threshold_pct": "20",
        "comeback_min_sample": "5",
        "contact_days": ["1", "2", "3", "4", "5"],
        "skip_dates": "2024-12-25\n2024-12-26",
    }
    response = manager_client.post(url, data)
    assert "Ensure this value is greater than or equal to 1." in response.content.decode()
    manager_client.post(url, {**data, "max_touches": "2"})
    cadence = CadenceSettings.objects.get(team=team)
    assert cadence.max_touches == 2
    assert cadence.skipped == {dt.date(2024, 12, 25), dt.date(2024, 12, 26)}


def test_bad_skip_dates_and_no_contact_days_are_named(manager_client, team):
    url = reverse("settings-followups")
    data = {
        "max_touches": "3",
        "window_days": "7",
        "comeback_threshold_pct": "20",
        "comeback_min_sample": "5",
        "skip_dates": "2024-12-25\nChristmas",
    }
    html = manager_client.post(url, data).content.decode()
    assert "Not a date: line 2 (“Christmas”)" in html
    assert "Pick at least one contact day." in html
    assert not CadenceSettings.objects.filter(team=team).exists()


def test_settings_speak_plain_words(manager_client, ladder):
    import re

    html = manager_client.get(reverse("settings-followups")).content.decode()
    text = re.sub(r"<[^>]+>", " ", html)  # what the reader sees, not ids and addresses
    assert "rung" not in text.lower() and "ladder" not in text.lower()
    assert "Ladder of preferred additional outcomes" not in html
    assert "github.com" not in html and ".md" not in html


def test_a_template_is_previewed_before_it_is_saved(manager_client, ladder):
    template = ladder.steps.first().template
    url = reverse("settings-followups-template", args=[template.pk])
    body = "Hi {{ prospect_first_name|upper }}"
    response = manager_client.post(url, {"name": template.name, "body": body, "preview": "1"})
    assert "Hi DANA" in response.content.decode()
    template.refresh_from_db()
    assert template.body != body
    manager_client.post(url, {"name": template.name, "body": body, "save": "1"})
    template.refresh_from_db()
    assert template.body == body


def test_a_bad_template_names_every_problem(manager_client, ladder):
    template = ladder.steps.first().template
    url = reverse("settings-followups-template", args=[template.pk])
    body = "{{ price }} {{ rep.password }} {% include 'x' %} {{ time|safe }}"
    html = manager_client.post(url, {"name": "x", "body": body, "save": "1"}).content.decode()
    assert "Unknown placeholder “price”" in html
    assert "reaches into a value" in html
    assert "Tags such as" in html
    assert "Filter “safe” is not allowed" in html


def test_outsiders_get_404_for_another_teams_template(outsider_client, ladder):
    template = ladder.steps.first().template
    url = reverse("settings-followups-template", args=[template.pk])
    assert outsider_client.get(url).status_code == 404
