"""The demo's fit rows: both playbooks, the directory, and every verdict on story deals."""

from __future__ import annotations

import datetime as dt

import pytest

from goodfit.demo.load import STORY_DEALS, demo_load
from goodfit.fit.models import Alternative, PlaybookVersion, ReferralOut
from goodfit.fit.selectors import current_verdicts
from goodfit.pipeline.models import Deal

NOW = dt.datetime(2026, 3, 10, 15, 30, tzinfo=dt.UTC)


@pytest.fixture
def demo(db):
    return demo_load(now=NOW, deals=STORY_DEALS)


def verdict_of(name: str) -> str:
    deal = Deal.objects.filter(prospect__name=name).order_by("id").first()
    return current_verdicts([deal.pk])[deal.pk]


def test_the_demo_has_both_playbooks_and_the_directory(demo):
    assert PlaybookVersion.objects.filter(playbook__team=demo).count() == 2
    assert Alternative.objects.filter(team=demo, name="Bankruptcy attorney").exists()


@pytest.mark.parametrize(
    ("name", "verdict"),
    [
        ("Gloria Ramirez", "not_a_fit"),
        ("Priya Nair", "not_a_fit"),
        ("Rosa Ramirez", "good_fit"),
        ("Kevin O'Brien", "partial_fit"),
        ("Ethan Brooks", "not_enough_information"),
        ("Nina Finch", "good_fit"),
        ("Derek Vance", "partial_fit"),
    ],
)
def test_story_deals_cover_every_verdict(demo, name, verdict):
    assert verdict_of(name) == verdict


def test_gloria_was_referred_to_the_bankruptcy_attorney_with_the_script(demo):
    referral = ReferralOut.objects.get(deal__prospect__name="Gloria Ramirez")
    assert referral.alternative.name == "Bankruptcy attorney"
    assert "garnished" in referral.message
