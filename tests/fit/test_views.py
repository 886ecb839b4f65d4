"""The discovery panel and its actions on the deal page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.fit.models import Answer, Diagnosis, ReferralOut
from goodfit.fit.services import answers_save
from goodfit.pipeline.models import Outcome
from tests.fit.playbooks import ATTORNEY

HTMX = {"HTTP_HX_REQUEST": "true"}


def answer_url(deal):
    return reverse("fit-answer", args=[deal.pk])


def test_the_deal_page_shows_the_panel_with_questions_and_verdict(owner_client, deal, playbook):
    page = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert 'id="fit-panel"' in page
    assert "Are your wages garnished?" in page
    assert "Not enough information" in page


def test_the_panel_says_when_the_offering_has_no_playbook(owner_client, deal):
    page = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "has no discovery playbook yet" in page


def field(key, value):
    """What htmx posts when one discovery answer changes."""
    return {"field": key, f"a-{key}": value}


def test_the_discovery_is_one_form_without_a_save_per_question(owner_client, deal, playbook):
    page = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert page.count('id="fit-discovery"') == 1
    assert page.count(">Save answers</button>") == 1
    assert 'name="clear"' not in page
    assert 'hx-trigger="change, keyup changed delay:600ms"' in page


def test_saving_one_answer_by_htmx_returns_its_state_and_the_new_verdict(
    owner_client, deal, playbook
):
    response = owner_client.post(answer_url(deal), field("garnished", "yes"), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<p class="fit-status is-saved" id="fit-status-garnished"')
    assert 'id="fit-verdict" aria-live="polite" data-verdict="not_a_fit" hx-swap-oob="true"' in page
    assert 'id="fit-result" hx-swap-oob="true"' in page
    assert "Bankruptcy attorney (Hale &amp; Ortiz Law)" in page
    assert Diagnosis.objects.filter(deal=deal).count() == 1


def test_htmx_saves_only_the_field_that_changed(owner_client, deal, playbook):
    data = {**field("behind", "no"), "a-garnished": "yes", "a-unsecured_debt": "lots"}
    response = owner_client.post(answer_url(deal), data, **HTMX)
    assert response.status_code == 200
    assert list(Answer.objects.values_list("question_key", "value")) == [("behind", False)]


def test_saving_the_whole_form_without_javascript_redirects_to_the_deal(
    owner_client, deal, playbook
):
    data = {"a-behind": "no", "a-garnished": "", "a-unsecured_debt": "12,000", "a-kinds": ""}
    response = owner_client.post(answer_url(deal), data)
    assert response.status_code == 302
    saved = dict(Answer.objects.values_list("question_key", "value"))
    assert saved == {"behind": False, "unsecured_debt": "12000.00"}  # empty ones stay unanswered


def test_a_refused_whole_form_is_422_with_every_error_and_what_was_typed(
    owner_client, deal, playbook
):
    data = {"a-behind": "no", "a-unsecured_debt": "1e28", "a-income": "rich"}
    response = owner_client.post(answer_url(deal), data)
    page = response.content.decode()
    assert response.status_code == 422
    assert "Answers not saved" in page
    assert "too large" in page and "not one of the choices" in page
    assert 'value="1e28"' in page
    assert not Answer.objects.exists()  # nothing half-way


def test_several_choices_are_saved_as_a_list_and_none_of_these_is_an_answer(
    owner_client, deal, playbook
):
    data = {"field": "kinds", "a-kinds": ["", "cards", "medical"]}
    owner_client.post(answer_url(deal), data, **HTMX)
    assert Answer.objects.last().value == ["cards", "medical"]
    owner_client.post(answer_url(deal), {"field": "kinds", "a-kinds": ["", "__none__"]}, **HTMX)
    assert Answer.objects.last().value == []
    owner_client.post(answer_url(deal), {"field": "kinds", "a-kinds": [""]}, **HTMX)
    assert Answer.objects.last().value is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("unsecured_debt", "lots", "not a number"),
        ("unsecured_debt", "-5", "cannot be negative"),
        ("unsecured_debt", "1" * 27, "too large"),
        ("income", "rich", "not one of the choices"),
        ("kinds", ["", "boats"], "not one of the choices"),
        ("notes", "x" * 2001, "At most 2000 characters"),
    ],
)
def test_a_wrong_answer_shows_its_error_next_to_the_field(
    owner_client, deal, playbook, key, value, message
):
    response = owner_client.post(answer_url(deal), field(key, value), **HTMX)
    page = response.content.decode()
    assert response.status_code == 200  # htmx swaps the fragment, as everywhere in the app
    assert page.lstrip().startswith(f'<p class="fit-status is-error" id="fit-status-{key}"')
    assert message in page
    assert "hx-swap-oob" not in page  # nothing changed, so the verdict stays
    assert not Answer.objects.exists()


def test_emptying_a_field_clears_its_answer(owner_client, deal, owner, playbook):
    answers_save(deal=deal, actor=owner, values={"garnished": True, "unsecured_debt": "9000"})
    owner_client.post(answer_url(deal), field("garnished", ""), **HTMX)
    owner_client.post(answer_url(deal), field("unsecured_debt", "  "), **HTMX)
    assert Answer.objects.filter(deal=deal, question_key="garnished").last().value is None
    assert Answer.objects.filter(deal=deal, question_key="unsecured_debt").last().value is None


def test_the_history_shows_question_labels_and_explains_the_score(
    owner_client, deal, owner, playbook
):
    answers_save(deal=deal, actor=owner, values={"garnished": False, "behind": True})
    page = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "Answered: Are your wages garnished?; Behind on payments?" in page
    assert "garnished, behind" not in page
    assert "good fit at 4" in page
    assert "Signals add up to" in page


def test_refer_moves_the_deal_and_shows_the_message(
    owner_client, deal, owner, playbook, alternatives
):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    response = owner_client.post(
        reverse("fit-refer", args=[deal.pk]),
        {"alternative": alternatives[ATTORNEY].pk, "message": "Call Hale & Ortiz."},
        follow=True,
    )
    page = response.content.decode()
    deal.refresh_from_db()
    assert deal.stage.outcome == Outcome.NOT_A_FIT
    assert ReferralOut.objects.get(deal=deal).message == "Call Hale & Ortiz."
    assert "Referred out" in page
    assert "Diagnosis history" in page


def test_refer_without_a_message_is_refused(owner_client, deal, playbook, alternatives):
    response = owner_client.post(
        reverse("fit-refer", args=[deal.pk]),
        {"alternative": alternatives[ATTORNEY].pk, "message": ""},
        follow=True,
    )
    assert "Write the message" in response.content.decode()
    assert not ReferralOut.objects.exists()


@pytest.mark.parametrize("name", ["fit-answer", "fit-refer"])
def test_outsiders_get_404_on_the_panel_actions(outsider_client, deal, playbook, name):
    response = outsider_client.post(reverse(name, args=[deal.pk]), {"key": "behind"})
    assert response.status_code == 404


def test_referring_to_another_teams_alternative_is_404(
    owner_client, deal, playbook, other_team, outsider
):
    from goodfit.fit.services import alternative_create

    theirs = alternative_create(team=other_team, actor=outsider, name="X", good_for="y")
    response = owner_client.post(
        reverse("fit-refer", args=[deal.pk]), {"alternative": theirs.pk, "message": "hi"}
    )
    assert response.status_code == 404
