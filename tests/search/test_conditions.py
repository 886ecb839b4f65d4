"""The deal and prospect lists' search boxes, served by the search index."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.core.text_search import text_search_condition
from goodfit.pipeline.selectors.deals import DealFilters, deal_list
from goodfit.pipeline.selectors.prospects import ProspectFilters, prospect_list
from goodfit.pipeline.services import prospect_create
from tests.factories import DealFactory, ProspectFactory


@pytest.fixture
def harbor(team, owner):
    prospect = prospect_create(
        team=team,
        actor=owner,
        name="Priya Natarajan",
        company="Harbor Dental",
        email="priya@harbordental.example",
        phone="+1 (415) 555-0132",
    )
    return DealFactory(team=team, owner=owner, prospect=prospect, title="Chairs for two rooms")


@pytest.fixture
def others(team, owner, other_team, outsider):
    DealFactory(team=team, owner=owner, title="Fleet tracking", prospect__team=team)
    stranger = ProspectFactory(team=other_team, company="Harbor Dental", phone="415 555 0132")
    DealFactory(team=other_team, owner=outsider, prospect=stranger, title="Harbor chairs")


def deal_titles(user, q):
    return sorted(d.title for d in deal_list(user, DealFilters(q=q)))


@pytest.mark.parametrize(
    "q",
    [
        "chairs",
        "CHAIRS two",
        "harbor",
        "harbor dent",
        "natarajan",
        "harbordental.example",
        "(415) 555-0132",
        "555 0132",
        "tw",
    ],
)
def test_the_deal_list_finds_deals_by_title_prospect_and_phone(owner, harbor, others, q):
    assert deal_titles(owner, q) == ["Chairs for two rooms"]


@pytest.mark.parametrize("q", ["fleet chairs", "zzz", "harbor fleet"])
def test_every_word_must_match_and_nothing_leaks_from_other_teams(owner, harbor, others, q):
    assert deal_titles(owner, q) == []


def test_the_list_search_goes_through_the_index(db):
    """The condition is the search capability's, not a scan of every row."""
    condition = text_search_condition("deals", "harbor")
    assert condition is not None
    assert "__in" in str(condition)


@pytest.mark.parametrize("q", ["priya", "Harbor", "415-555-0132", "dental priya"])
def test_the_prospect_list_finds_prospects_by_text_and_phone(owner, harbor, others, q):
    found = [p.name for p in prospect_list(owner, ProspectFilters(q=q))]
    assert found == ["Priya Natarajan"]


def test_the_deal_list_page_searches_through_the_index(owner_client, harbor, others):
    response = owner_client.get(reverse("deal-list"), {"q": "555 0132"})
    assert response.status_code == 200
    assert "Chairs for two rooms" in response.content.decode()
    assert "Fleet tracking" not in response.content.decode()
