"""Saving, completing and re-categorising debriefs."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.debriefs.models import Debrief, DebriefReview
from goodfit.debriefs.services import (
    debrief_complete,
    debrief_recategorise,
    debrief_save_draft,
    needs_debrief,
)
from goodfit.pipeline.models import Outcome
from tests.debriefs.conftest import end_deal


@pytest.mark.parametrize(
    ("outcome", "needed"),
    [
        (Outcome.LOST, True),
        (Outcome.NOT_A_FIT, True),
        (Outcome.WALKED_AWAY, True),
        (Outcome.WON, False),
    ],
)
def test_a_debrief_is_needed_when_a_deal_ends_without_a_sale(deal, owner, outcome, needed):
    end_deal(deal, owner, outcome)
    assert needs_debrief(deal) is needed


def test_an_open_deal_needs_no_debrief_and_refuses_one(deal, owner):
    assert not needs_debrief(deal)
    with pytest.raises(ValidationError) as error:
        debrief_save_draft(deal=deal, actor=owner, prospect_words="hm")
    assert "deal" in error.value.message_dict


def test_a_cancelled_won_deal_needs_a_debrief(cancelled_deal, owner):
    assert needs_debrief(cancelled_deal)
    debrief = debrief_complete(deal=cancelled_deal, actor=owner, primary_category="price")
    assert debrief.status == Debrief.Status.COMPLETE


def test_a_draft_keeps_what_the_rep_has_and_takes_the_prospects_segment(lost_deal, owner):
    debrief = debrief_save_draft(deal=lost_deal, actor=owner, prospect_words=" Too slow. ")
    assert debrief.status == Debrief.Status.DRAFT
    assert debrief.prospect_words == "Too slow."
    assert debrief.segment == lost_deal.prospect.segment
    assert debrief.completed_at is None


def test_completing_records_reasons_and_who_completed_it(lost_deal, owner):
    debrief = debrief_complete(
        deal=lost_deal,
        actor=owner,
        primary_category="product_capability",
        secondary=["price", "product_capability", "price", "timing"],
        prospect_words="No PO matching.",
        do_differently="Shorter demo.",
        segment="Enterprise",
    )
    assert list(debrief.reasons.values_list("category", flat=True)) == ["price", "timing"]
    assert debrief.completed_by == owner and debrief.completed_at is not None
    assert debrief.segment == "Enterprise"
    assert AuditEntry.objects.filter(object_type="debriefs.debrief").count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"primary_category": ""}, "primary_category"),
        ({"primary_category": "vibes"}, "primary_category"),
        ({"primary_category": "price", "secondary": ["bad"]}, "secondary"),
        ({"primary_category": "competitor"}, "competitor"),
        ({"primary_category": "price", "secondary": ["competitor"]}, "competitor"),
    ],
)
def test_bad_completions_name_the_field_and_write_nothing(lost_deal, owner, kwargs, field):
    with pytest.raises(ValidationError) as error:
        debrief_complete(deal=lost_deal, actor=owner, **kwargs)
    assert field in error.value.message_dict
    assert not Debrief.objects.exists()


def test_a_draft_can_be_completed_later_and_a_complete_one_cannot_go_back(lost_deal, owner):
    debrief_save_draft(deal=lost_deal, actor=owner, primary_category="timing")
    debrief = debrief_complete(
        deal=lost_deal, actor=owner, primary_category="competitor", competitor="Acme"
    )
    assert Debrief.objects.get().pk == debrief.pk
    with pytest.raises(ValidationError) as error:
        debrief_save_draft(deal=lost_deal, actor=owner)
    assert "status" in error.value.message_dict


def test_a_manager_recategorisation_is_recorded(lost_deal, owner, manager):
    debrief = debrief_complete(
        deal=lost_deal, actor=owner, primary_category="price", secondary=["timing"]
    )
    review = debrief_recategorise(
        debrief=debrief,
        actor=manager,
        primary_category="rep_discovery",
        secondary=["price"],
        note="Price was the symptom; discovery missed the budget.",
    )
    debrief.refresh_from_db()
    assert debrief.primary_category == "rep_discovery"
    assert list(debrief.reasons.values_list("category", flat=True)) == ["price"]
    assert (review.from_category, review.to_category, review.by) == (
        "price",
        "rep_discovery",
        manager,
    )
    assert review.from_secondary == ["timing"]


def test_a_draft_cannot_be_reviewed(lost_deal, owner, manager):
    debrief = debrief_save_draft(deal=lost_deal, actor=owner)
    with pytest.raises(ValidationError):
        debrief_recategorise(debrief=debrief, actor=manager, primary_category="price")
    assert not DebriefReview.objects.exists()
