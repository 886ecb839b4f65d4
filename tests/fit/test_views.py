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


def test_saving_an_answer_by_htmx_returns_the_updated_panel(owner_client, deal, playbook):
    response = owner_client.post(answer_url(deal), {"key": "garnished", "value": "yes"}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.lstrip().startswith('<section class="card fit-panel" id="fit-panel"')
    assert "badge-verdict-not_a_fit" in page
    assert "Bankruptcy attorney (Hale &amp; Ortiz Law)" in page
    assert Diagnosis.objects.filter(deal=deal).count() == 1


def test_saving_without_javascript_redirects_to_the_deal(owner_client, deal, playbook):
    response = owner_client.post(answer_url(deal), {"key": "behind", "value": "no"})
    assert response.status_code == 302
    assert Answer.objects.get(deal=deal).value is False


def test_several_choices_are_saved_as_a_list(owner_client, deal, playbook):
    owner_client.post(answer_url(deal), {"key": "kinds", "value": ["cards", "medical"]}, **HTMX)
    assert Answer.objects.get(deal=deal).value == ["cards", "medical"]


def test_a_wrong_answer_shows_its_error_next_to_the_question(owner_client, deal, playbook):
    response = owner_client.post(
        answer_url(deal), {"key": "unsecured_debt", "value": "lots"}, **HTMX
    )
    assert response.status_code == 422
    assert "not a number" in response.content.decode()
    assert not Answer.objects.exists()


def test_clear_removes_an_answer(owner_client, deal, owner, playbook):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    owner_client.post(answer_url(deal), {"key": "garnished", "clear": "1"}, **HTMX)
    assert Answer.objects.filter(deal=deal).last().value is None


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
