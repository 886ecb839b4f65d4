"""Services: playbook versions, answers with a diagnosis per saved change, referrals."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import ValidationError

from goodfit.fit.models import Answer, Diagnosis, PlaybookVersion, ReferralOut
from goodfit.fit.selectors import current_verdicts, deal_fit
from goodfit.fit.services import (
    alternative_create,
    alternative_delete,
    answers_save,
    playbook_save,
    referral_out_create,
)
from goodfit.pipeline.models import Outcome
from tests.fit.playbooks import ATTORNEY, debt_document


def test_saving_a_playbook_creates_version_one(playbook):
    assert playbook.number == 1
    assert playbook.definition["format"] == "goodfit-playbook/1"


def test_saving_the_same_document_adds_no_version(playbook, offering, manager):
    again = playbook_save(offering=offering, actor=manager, document=debt_document())
    assert again.pk == playbook.pk


def test_editing_a_playbook_creates_a_new_version_and_keeps_the_old(playbook, offering, manager):
    document = debt_document()
    document["threshold"] = 6
    second = playbook_save(offering=offering, actor=manager, document=document)
    assert second.number == 2
    assert PlaybookVersion.objects.get(pk=playbook.pk).definition["threshold"] == 4


def test_a_playbook_naming_an_unknown_alternative_is_refused_with_its_path(offering, manager):
    with pytest.raises(ValidationError) as error:
        playbook_save(offering=offering, actor=manager, document=debt_document())
    assert "criteria[0].alternatives[0]" in error.value.message_dict


def test_a_bad_rule_is_refused_with_its_path_and_nothing_written(offering, manager, alternatives):
    document = copy.deepcopy(debt_document())
    document["criteria"][1]["when"][0]["op"] = "includes"
    with pytest.raises(ValidationError) as error:
        playbook_save(offering=offering, actor=manager, document=document)
    assert "criteria[1].when[0].op" in error.value.message_dict
    assert not PlaybookVersion.objects.exists()


def test_each_saved_change_writes_answer_rows_and_a_diagnosis(deal, owner, playbook):
    first = answers_save(deal=deal, actor=owner, values={"behind": "yes"})
    assert first.verdict == "not_enough_information"
    second = answers_save(deal=deal, actor=owner, values={"garnished": True, "behind": True})
    assert second.verdict == "not_a_fit"
    assert second.trigger == "garnished"  # "behind" did not change
    assert second.version == playbook
    assert Answer.objects.filter(deal=deal).count() == 2
    assert Diagnosis.objects.filter(deal=deal).count() == 2


def test_saving_unchanged_answers_writes_nothing(deal, owner, playbook):
    answers_save(deal=deal, actor=owner, values={"behind": True})
    assert answers_save(deal=deal, actor=owner, values={"behind": "yes"}) is None
    assert Diagnosis.objects.filter(deal=deal).count() == 1


def test_clearing_an_answer_is_a_saved_change(deal, owner, playbook):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    diagnosis = answers_save(deal=deal, actor=owner, values={"garnished": ""})
    assert diagnosis.verdict == "not_enough_information"
    assert deal_fit(deal).answers == {}


def test_unknown_keys_and_wrong_types_are_refused_together_and_nothing_is_saved(
    deal, owner, playbook
):
    with pytest.raises(ValidationError) as error:
        answers_save(deal=deal, actor=owner, values={"colour": "red", "garnished": "maybe"})
    assert set(error.value.message_dict) == {"colour", "garnished"}
    assert not Answer.objects.exists()


def test_answers_need_a_playbook(deal, owner):
    with pytest.raises(ValidationError) as error:
        answers_save(deal=deal, actor=owner, values={"x": 1})
    assert "playbook" in error.value.message_dict


def test_the_live_diagnosis_renders_the_script_with_the_alternative_contact(deal, owner, playbook):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    fit = deal_fit(deal)
    assert fit.result.verdict == "not_a_fit"
    assert "Bankruptcy attorney (Hale & Ortiz Law)" in fit.script
    assert "wages are garnished" in fit.script


def test_referring_out_moves_the_deal_and_records_the_referral_and_diagnosis(
    deal, owner, playbook, alternatives
):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    referral = referral_out_create(
        deal=deal, actor=owner, alternative=alternatives[ATTORNEY], message="Please call Hale."
    )
    deal.refresh_from_db()
    assert deal.stage.outcome == Outcome.NOT_A_FIT
    assert referral.by == owner
    assert ReferralOut.objects.filter(deal=deal).count() == 1
    assert deal.diagnoses.first().trigger == "referred"
    in_force = deal.diagnoses.filter(at__lte=deal.closed_at).order_by("-at", "-id").first()
    assert in_force.verdict == "not_a_fit"


def test_referring_out_needs_a_message(deal, owner, playbook, alternatives):
    with pytest.raises(ValidationError) as error:
        referral_out_create(deal=deal, actor=owner, alternative=alternatives[ATTORNEY], message=" ")
    assert "message" in error.value.message_dict


def test_referring_out_without_a_not_a_fit_stage_is_refused(deal, owner, playbook, alternatives):
    deal.team.stages.filter(outcome=Outcome.NOT_A_FIT).update(outcome=Outcome.LOST)
    with pytest.raises(ValidationError) as error:
        referral_out_create(deal=deal, actor=owner, alternative=alternatives[ATTORNEY], message="x")
    assert "stage" in error.value.message_dict
    assert not ReferralOut.objects.exists()


def test_referring_to_another_teams_alternative_is_refused(deal, owner, other_team, outsider):
    theirs = alternative_create(team=other_team, actor=outsider, name="X", good_for="y")
    with pytest.raises(ValidationError):
        referral_out_create(deal=deal, actor=owner, alternative=theirs, message="x")


def test_current_verdicts_give_the_latest_verdict_per_deal(deal, owner, playbook):
    assert current_verdicts([deal.pk]) == {}
    answers_save(deal=deal, actor=owner, values={"behind": True})
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    assert current_verdicts([deal.pk]) == {deal.pk: "not_a_fit"}


def test_a_duplicate_alternative_name_is_refused(team, manager, alternatives):
    with pytest.raises(ValidationError) as error:
        alternative_create(team=team, actor=manager, name=ATTORNEY, good_for="again")
    assert "name" in error.value.message_dict


def test_an_alternative_someone_was_referred_to_cannot_be_deleted(
    deal, owner, manager, playbook, alternatives
):
    referral_out_create(deal=deal, actor=owner, alternative=alternatives[ATTORNEY], message="x")
    with pytest.raises(ValidationError):
        alternative_delete(alternative=alternatives[ATTORNEY], actor=manager)
