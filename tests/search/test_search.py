"""Search through the database index: every kind, phone formats, team scoping, bad input."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from goodfit.core.models import Role
from goodfit.pipeline.services import (
    deal_delete,
    deal_update,
    prospect_create,
    prospect_delete,
    prospect_update,
)
from goodfit.search.domain.query import parse
from goodfit.search.selectors import search
from tests.factories import DealFactory, MembershipFactory, OfferingFactory, ProspectFactory
from tests.querycount import queries_for


def found(user, text, kind=None):
    results = search(user, parse(text), limit=50)
    names = {}
    for group in results.groups:
        names[group.kind] = [getattr(item, "title", None) or item.name for item in group.items]
    return names.get(kind, []) if kind else names


@pytest.fixture
def phoned(team, owner):
    return prospect_create(
        team=team,
        actor=owner,
        name="Priya Natarajan",
        company="Harbor Dental",
        email="priya@harbordental.example",
        phone="+1 (415) 555-0132",
    )


@pytest.mark.parametrize(
    "typed",
    ["4155550132", "415 555 0132", "(415) 555-0132", "415.555.0132", "+14155550132", "555-0132"],
)
def test_a_phone_number_is_found_whatever_its_formatting(owner, phoned, typed):
    assert found(owner, typed, "prospects") == ["Priya Natarajan"]


@pytest.mark.parametrize("typed", ["priya", "NATARAJAN", "harbor dent", "harbordental.example"])
def test_prospects_are_found_by_name_company_and_email(owner, phoned, typed):
    assert found(owner, typed, "prospects") == ["Priya Natarajan"]


def test_a_prospect_without_a_deal_is_found(owner, phoned):
    assert not phoned.deals.exists()
    assert found(owner, "priya") == {"prospects": ["Priya Natarajan"]}


def test_deals_and_offerings_are_found_and_grouped(owner, deal, offering):
    result = found(owner, "debt relief")
    assert result["deals"] == [deal.title]
    assert result["offerings"] == [offering.name]


def test_short_words_narrow_by_substring(owner, team):
    ProspectFactory(team=team, name="Al Brook", company="Brookfield")
    ProspectFactory(team=team, name="Ann Brook", company="Brookfield")
    assert found(owner, "al brook", "prospects") == ["Al Brook"]
    assert found(owner, "al", "prospects") == ["Al Brook"]


def test_index_follows_updates_and_deletes(owner, manager, team, phoned, deal):
    prospect_update(prospect=phoned, actor=owner, phone="020 7946 0018", name="Priya N. Rao")
    assert found(owner, "4155550132", "prospects") == []
    assert found(owner, "02079460018", "prospects") == ["Priya N. Rao"]
    assert found(owner, "natarajan", "prospects") == []
    deal_update(deal=deal, actor=owner, version=deal.version, title="Dana — renewal")
    assert found(owner, "renewal", "deals") == ["Dana — renewal"]
    assert found(owner, "debt", "deals") == []
    deal_delete(deal=deal, actor=manager)
    assert found(owner, "renewal", "deals") == []
    prospect_delete(prospect=phoned, actor=owner)
    assert found(owner, "priya") == {}


def test_bulk_inserted_rows_are_indexed_and_the_index_rebuilds(owner, team):
    from goodfit.pipeline.models import Prospect

    Prospect.objects.bulk_create([Prospect(team=team, name=f"Bulk Person {n}") for n in range(3)])
    assert len(found(owner, "bulk person", "prospects")) == 3
    call_command("search_rebuild", verbosity=0)
    assert len(found(owner, "bulk person", "prospects")) == 3


def test_another_teams_rows_never_show(owner, outsider, other_team, team, deal, phoned):
    ProspectFactory(team=other_team, name="Priya Other", phone="+1 (415) 555-0132")
    DealFactory(team=other_team, owner=outsider, title="Dana Diaz — theirs")
    OfferingFactory(team=other_team, name="Debt relief elsewhere")
    assert found(owner, "4155550132", "prospects") == ["Priya Natarajan"]
    assert found(owner, "dana diaz", "deals") == [deal.title]
    assert found(owner, "debt relief", "offerings") == ["Debt relief program"]
    assert found(outsider, "priya", "prospects") == ["Priya Other"]
    assert found(outsider, "dana diaz", "deals") == ["Dana Diaz — theirs"]


def test_reps_restricted_to_their_own_deals_only_find_those(team, owner, teammate, deal):
    team.reps_see_own_deals_only = True
    team.save()
    assert found(teammate, "dana", "deals") == []
    assert found(owner, "dana", "deals") == [deal.title]


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '""',
        "'",
        "dana OR",
        "NEAR(a b)",
        "a* b*",
        "title:dana",
        "^dana",
        "-dana",
        "dana AND NOT",
        "(",
        "%",
        "_",
        "\\",
        "{phone}: 1",
        "x" * 1000,
        "🙂🙂🙂",
        "\x00abc",
    ],
)
def test_bad_input_never_fails(owner_client, deal, typed):
    for name in ("search", "search-suggest"):
        response = owner_client.get(reverse(name), {"q": typed})
        assert response.status_code == 200


def test_a_long_query_is_refused_with_a_message(owner_client):
    html = owner_client.get(reverse("search"), {"q": "x" * 1000}).content.decode()
    assert "at most 200 characters; yours has 1000" in html


def test_results_page_lists_every_kind_with_links(owner_client, deal, phoned, offering):
    html = owner_client.get(reverse("search"), {"q": "a"}).content.decode()
    assert reverse("deal-detail", args=[deal.pk]) in html
    assert reverse("prospect-detail", args=[phoned.pk]) in html
    assert f"?offering={offering.pk}" in html
    for label in ("Deals", "Prospects", "Offerings"):
        assert f">{label}</h2>" in html


def test_suggest_fragment_has_options_and_a_link_to_all_results(owner_client, phoned):
    html = owner_client.get(reverse("search-suggest"), {"q": "priya"}).content.decode()
    assert 'role="option"' in html and "<html" not in html
    assert reverse("search") + "?q=priya" in html


def test_nothing_found_says_so(owner_client):
    html = owner_client.get(reverse("search-suggest"), {"q": "zzzqqq"}).content.decode()
    assert "Nothing matches" in html


def test_search_needs_a_login(client):
    response = client.get(reverse("search"), {"q": "dana"})
    assert response.status_code == 302


def test_outsider_sees_none_of_the_teams_rows(outsider_client, deal, phoned):
    html = outsider_client.get(reverse("search"), {"q": "dana"}).content.decode()
    assert deal.title not in html and "Priya" not in html


def test_search_costs_the_same_queries_whatever_the_data(owner_client, team, owner, offering):
    url = reverse("search")
    before = queries_for(owner_client, url, {"q": "acme"})
    for n in range(30):
        prospect = ProspectFactory(team=team, name=f"Acme person {n}", company="Acme")
        DealFactory(team=team, owner=owner, prospect=prospect, offering=offering, title=f"Acme {n}")
    assert queries_for(owner_client, url, {"q": "acme"}) == before


def test_a_manager_finds_the_same(team, manager, deal):
    MembershipFactory(team=team, role=Role.REP)
    assert found(manager, "dana", "deals") == [deal.title]
