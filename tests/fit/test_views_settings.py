"""Settings: playbooks (readable view, import, export) and the alternatives directory."""

from __future__ import annotations

import json

import pytest
import yaml
from django.urls import reverse

from goodfit.fit.models import Alternative, PlaybookVersion
from tests.fit.playbooks import debt_document


def test_the_playbooks_page_lists_offerings_with_their_version(manager_client, playbook, offering):
    page = manager_client.get(reverse("settings-playbooks")).content.decode()
    assert offering.name in page
    assert "v1" in page


def test_the_playbook_page_shows_questions_and_criteria_in_words(
    manager_client, playbook, offering
):
    page = manager_client.get(reverse("settings-playbook", args=[offering.pk])).content.decode()
    assert "Are your wages garnished?" in page
    assert "When Are your wages garnished? is yes." in page


def test_importing_a_document_creates_a_version(manager_client, offering, alternatives):
    text = yaml.safe_dump(debt_document())
    response = manager_client.post(
        reverse("settings-playbook", args=[offering.pk]), {"document": text, "note": "first"}
    )
    assert response.status_code == 302
    assert PlaybookVersion.objects.get().note == "first"


def test_importing_a_bad_document_names_the_line_and_key(manager_client, offering, alternatives):
    document = debt_document()
    document["questions"][1]["type"] = "essay"
    text = yaml.safe_dump(document, sort_keys=False)
    response = manager_client.post(
        reverse("settings-playbook", args=[offering.pk]), {"document": text}
    )
    page = response.content.decode()
    assert "questions[1].type: line" in page
    assert "not an answer type" in page
    assert not PlaybookVersion.objects.exists()


def test_importing_text_that_is_not_yaml_says_where(manager_client, offering):
    response = manager_client.post(
        reverse("settings-playbook", args=[offering.pk]), {"document": "questions: [\n  - {"}
    )
    assert "not valid YAML or JSON" in response.content.decode()


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_export_downloads_the_current_version(manager_client, playbook, offering, fmt):
    response = manager_client.get(reverse("settings-playbook-export", args=[offering.pk, fmt]))
    body = response.content.decode()
    document = json.loads(body) if fmt == "json" else yaml.safe_load(body)
    assert document == playbook.definition


def test_reps_cannot_open_playbook_settings(owner_client, offering):
    assert owner_client.get(reverse("settings-playbooks")).status_code == 403
    assert owner_client.get(reverse("settings-playbook", args=[offering.pk])).status_code == 403


def test_outsiders_get_404_for_this_teams_playbook_and_alternatives(
    outsider_client, playbook, offering, alternatives
):
    alt = next(iter(alternatives.values()))
    for url in [
        reverse("settings-playbook", args=[offering.pk]),
        reverse("settings-playbook-export", args=[offering.pk, "yaml"]),
        reverse("settings-alternative-edit", args=[alt.pk]),
    ]:
        assert outsider_client.get(url).status_code == 404
    url = reverse("settings-alternative-delete", args=[alt.pk])
    assert outsider_client.post(url).status_code == 404


def test_alternatives_can_be_added_edited_and_deleted(manager_client):
    manager_client.post(
        reverse("settings-alternative-new"),
        {"name": "Legal aid", "good_for": "Free legal help", "contact": "555-0100"},
    )
    alt = Alternative.objects.get(name="Legal aid")
    manager_client.post(
        reverse("settings-alternative-edit", args=[alt.pk]),
        {"name": "Legal aid society", "good_for": "Free legal help", "is_active": "on"},
    )
    alt.refresh_from_db()
    assert alt.name == "Legal aid society"
    manager_client.post(reverse("settings-alternative-delete", args=[alt.pk]))
    assert not Alternative.objects.exists()


def test_an_alternative_needs_what_it_is_good_for(manager_client):
    response = manager_client.post(reverse("settings-alternative-new"), {"name": "X"})
    assert "This field is required" in response.content.decode()
    assert not Alternative.objects.exists()


def test_the_alternatives_page_lists_the_directory(manager_client, alternatives):
    page = manager_client.get(reverse("settings-alternatives")).content.decode()
    assert "Hale &amp; Ortiz Law" in page
