"""Settings: adding, editing and removing playbook questions with forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.fit.models import Diagnosis, PlaybookVersion
from goodfit.fit.selectors import current_version
from goodfit.fit.services import answers_save


def new_url(offering):
    return reverse("settings-playbook-question-new", args=[offering.pk])


def edit_url(offering, key):
    return reverse("settings-playbook-question-edit", args=[offering.pk, key])


def delete_url(offering, key):
    return reverse("settings-playbook-question-delete", args=[offering.pk, key])


def questions(offering):
    return current_version(offering).definition["questions"]


NEW = {
    "key": "months_behind",
    "text": "How many months behind are you?",
    "type": "number",
    "unit": "months",
    "group": "Payments",
    "help_text": "Count the oldest missed payment.",
    "order": "2",
}


def test_adding_a_question_creates_a_new_version_with_it_in_place(
    manager_client, playbook, offering
):
    response = manager_client.post(new_url(offering), NEW)
    assert response.status_code == 302
    row = current_version(offering)
    assert row.number == 2
    assert row.note == "Added question months_behind"
    added = questions(offering)[1]
    assert added == {
        "key": "months_behind",
        "text": "How many months behind are you?",
        "type": "number",
        "help": "Count the oldest missed payment.",
        "unit": "months",
        "group": "Payments",
    }


def test_a_choice_question_takes_its_choices_one_a_line(manager_client, playbook, offering):
    data = {"key": "source", "text": "Where did you hear of us?", "type": "choice"}
    manager_client.post(new_url(offering), {**data, "choices": "Friend\n\nRadio\n Web "})
    assert questions(offering)[-1]["choices"] == ["Friend", "Radio", "Web"]


def test_the_first_question_of_an_offering_starts_its_playbook(manager_client, offering):
    data = {"key": "budget", "text": "What is your budget?", "type": "money"}
    assert manager_client.post(new_url(offering), data).status_code == 302
    assert [q["key"] for q in questions(offering)] == ["budget"]


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"key": "Bad Key"}, "key", "lower-case letters"),
        ({"key": "garnished"}, "key", "already has a question"),
        ({"text": ""}, "text", "required"),
        ({"type": "essay"}, "type", "Select a valid choice"),
        ({"type": "choice", "unit": ""}, "choices", "at least two choices"),
        ({"choices": "a\nb"}, "choices", "Only choice questions"),
        ({"type": "yes_no"}, "unit", "Only number and money"),
        ({"order": "0"}, "order", "greater than or equal to 1"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(
    manager_client, playbook, offering, change, field, fragment
):
    response = manager_client.post(new_url(offering), {**NEW, **change})
    assert response.status_code == 200
    form = response.context["form"]
    assert fragment in " ".join(form.errors[field])
    assert fragment in response.content.decode().replace("&#x27;", "'")
    assert PlaybookVersion.objects.count() == 1


def test_editing_changes_text_help_and_order_in_a_new_version(manager_client, playbook, offering):
    form = manager_client.get(edit_url(offering, "income")).context["form"]
    assert form.initial == {"text": "How steady is your income?", "help_text": "", "order": 4}
    data = {"text": "Is your income steady?", "help_text": "Pay slips help.", "order": "1"}
    assert manager_client.post(edit_url(offering, "income"), data).status_code == 302
    first = questions(offering)[0]
    assert first["key"] == "income"
    assert (first["text"], first["help"]) == (data["text"], data["help_text"])
    assert first["type"] == "choice"
    assert current_version(offering).number == 2


def test_editing_with_an_empty_text_names_the_field(manager_client, playbook, offering):
    response = manager_client.post(edit_url(offering, "income"), {"text": " ", "order": "1"})
    assert "text" in response.context["form"].errors
    assert PlaybookVersion.objects.count() == 1


def test_a_question_no_criterion_uses_can_be_removed(manager_client, playbook, offering):
    response = manager_client.post(delete_url(offering, "notes"))
    assert response.status_code == 302
    assert "notes" not in [q["key"] for q in questions(offering)]
    assert current_version(offering).number == 2


def test_removing_a_question_a_criterion_uses_is_refused_naming_it(
    manager_client, playbook, offering
):
    response = manager_client.post(delete_url(offering, "garnished"), follow=True)
    page = response.content.decode()
    assert "used by the criterion garnishment" in page
    assert PlaybookVersion.objects.count() == 1


def test_saving_a_question_re_diagnoses_open_deals(
    manager_client, playbook, offering, deal, owner, django_capture_on_commit_callbacks
):
    answers_save(deal=deal, actor=owner, values={"behind": "yes"})
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(edit_url(offering, "income"), {"text": "Income steady?"})
    assert Diagnosis.objects.filter(deal=deal, trigger="rediagnose").exists()


def test_an_unknown_question_is_not_found(manager_client, playbook, offering):
    assert manager_client.get(edit_url(offering, "nope")).status_code == 404
    assert manager_client.post(delete_url(offering, "nope")).status_code == 404


@pytest.mark.parametrize("url", ["new", "edit", "delete"])
def test_reps_are_forbidden_and_outsiders_find_nothing(
    owner_client, outsider_client, playbook, offering, url
):
    target = {
        "new": new_url(offering),
        "edit": edit_url(offering, "income"),
        "delete": delete_url(offering, "notes"),
    }[url]
    assert owner_client.post(target, NEW).status_code == 403
    assert outsider_client.post(target, NEW).status_code == 404
    if url != "delete":
        assert owner_client.get(target).status_code == 403
        assert outsider_client.get(target).status_code == 404
    assert PlaybookVersion.objects.count() == 1


def test_the_playbook_page_links_to_adding_and_editing_questions(
    manager_client, playbook, offering
):
    page = manager_client.get(reverse("settings-playbook", args=[offering.pk])).content.decode()
    assert new_url(offering) in page
    assert edit_url(offering, "garnished") in page
