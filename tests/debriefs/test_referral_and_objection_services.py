"""Referrals (new prospects from old ones) and objections."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from goodfit.debriefs.models import ObjectionCategory, Referral
from goodfit.debriefs.selectors import referral_outcome, referrals_of
from goodfit.debriefs.services import (
    debrief_complete,
    objection_record,
    referral_create,
    referral_delete,
    referral_record,
    referral_update,
)
from goodfit.pipeline.models import Outcome, Prospect
from tests.debriefs.conftest import end_deal
from tests.factories import DealFactory, ProspectFactory


def test_a_lost_prospect_can_refer_someone_new(lost_deal, owner):
    referral = referral_record(
        referrer=lost_deal.prospect,
        actor=owner,
        name="Rosa Ramirez",
        email="rosa@example.com",
        note="Her sister",
    )
    rosa = referral.referred
    assert (rosa.source, rosa.segment) == ("referral", lost_deal.prospect.segment)
    assert referral.deal is None and referral_outcome(referral) == "no deal"
    given, received = referrals_of(lost_deal.prospect)
    assert given == [referral] and received == []


def test_the_outcome_follows_the_referred_deal(team, owner, prospect):
    referred = ProspectFactory(team=team)
    new_deal = DealFactory(team=team, owner=owner, prospect=referred)
    referral = referral_create(referrer=prospect, referred=referred, actor=owner)
    assert referral.deal == new_deal
    assert referral_outcome(referral) == Outcome.OPEN
    end_deal(new_deal, owner, Outcome.WON)
    referral.refresh_from_db()
    assert referral_outcome(referral) == Outcome.WON


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"name": "", "email": "a@example.com"}, "name"),
        ({"name": "Rosa"}, "email"),
        ({"name": "Rosa", "email": "not-an-email"}, "email"),
    ],
)
def test_bad_referrals_name_the_field_and_create_nobody(prospect, owner, fields, field):
    before = Prospect.objects.count()
    with pytest.raises(ValidationError) as error:
        referral_record(referrer=prospect, actor=owner, **fields)
    assert field in error.value.message_dict
    assert Prospect.objects.count() == before
    assert not Referral.objects.exists()


def test_referrals_stay_inside_the_team_and_are_not_doubled(team, other_team, prospect, owner):
    stranger = ProspectFactory(team=other_team)
    with pytest.raises(ValidationError) as error:
        referral_create(referrer=prospect, referred=stranger, actor=owner)
    assert "referred" in error.value.message_dict
    with pytest.raises(ValidationError):
        referral_create(referrer=prospect, referred=prospect, actor=owner)
    friend = ProspectFactory(team=team)
    referral_create(referrer=prospect, referred=friend, actor=owner)
    with pytest.raises(ValidationError) as error:
        referral_create(referrer=prospect, referred=friend, actor=owner)
    assert "already referred" in error.value.message_dict["referred"][0]


def test_a_referral_can_be_annotated_and_removed_without_losing_the_prospect(team, prospect, owner):
    friend = ProspectFactory(team=team)
    referral = referral_create(referrer=prospect, referred=friend, actor=owner)
    referral_update(referral=referral, actor=owner, note="Met at the gym")
    assert Referral.objects.get().note == "Met at the gym"
    referral_delete(referral=referral, actor=owner)
    assert not Referral.objects.exists()
    assert Prospect.objects.filter(pk=friend.pk).exists()


def test_objections_use_the_team_list_created_on_first_use(lost_deal, owner):
    debrief = debrief_complete(deal=lost_deal, actor=owner, primary_category="price")
    objection = objection_record(
        deal=lost_deal, actor=owner, category="Price", words="Too dear", debrief=debrief
    )
    assert objection.category.name == "Price"
    assert ObjectionCategory.objects.filter(team=lost_deal.team).count() > 5
    with pytest.raises(ValidationError) as error:
        objection_record(deal=lost_deal, actor=owner, category="Astrology")
    assert "not on your team's list" in error.value.message_dict["category"][0]
