"""The prospect picker of the deal forms: a few matches, never every prospect of the team."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.pipeline.models import Deal, Prospect
from goodfit.pipeline.selectors.prospects import prospect_search
from tests.factories import MembershipFactory, ProspectFactory
from tests.querycount import queries_for

HTMX = {"HX-Request": "true"}


def many_prospects(team, count: int, **fields) -> None:
    Prospect.objects.bulk_create([ProspectFactory.build(team=team, **fields) for _ in range(count)])


def deal_data(prospect_id, offering, owner, **overrides):
    data = {
        "title": "Acme — annual plan",
        "prospect": prospect_id,
        "offering": offering.pk,
        "owner": owner.pk,
        "amount": "2500",
        "discount_pct": "0",
    }
    return {**data, **overrides}


# ---------- The search ----------


def test_search_matches_name_company_and_email_with_names_starting_with_it_first(owner, team):
    ProspectFactory(team=team, name="Zoe Acme-Smith")
    ProspectFactory(team=team, name="Bo Brown", company="Acme Corp")
    ProspectFactory(team=team, name="Acme Holdings")
    ProspectFactory(team=team, name="Cy Calm", email="cy@acme.example")
    ProspectFactory(team=team, name="Nobody Else", email="n@else.example")
    matches = prospect_search(owner, " acme ")
    names = [p.name for p in matches.prospects]
    assert names == ["Acme Holdings", "Bo Brown", "Cy Calm", "Zoe Acme-Smith"]
    assert matches.query == "acme" and not matches.more


def test_search_returns_at_most_the_limit_and_says_there_are_more(owner, team):
    many_prospects(team, 30, name="Pat Lee")
    matches = prospect_search(owner, "pat", limit=20)
    assert len(matches.prospects) == 20 and matches.more


def test_empty_search_offers_the_most_recently_added_prospects(owner, team):
    many_prospects(team, 12)
    newest = ProspectFactory(team=team, name="Just Added")
    matches = prospect_search(owner, "", recent=8)
    assert matches.prospects[0] == newest and len(matches.prospects) == 8 and matches.more


def test_search_never_finds_another_teams_prospects(owner, other_team):
    ProspectFactory(team=other_team, name="Foreign Fiona")
    assert prospect_search(owner, "fiona").prospects == []
    assert prospect_search(owner, "").prospects == []


def test_search_view_answers_htmx_with_radio_options(owner_client, team):
    dana = ProspectFactory(team=team, name="Dana Diaz", company="Diaz Bakery")
    response = owner_client.get(reverse("prospect-search"), {"q": "diaz"}, headers=HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert f'type="radio" name="prospect" value="{dana.pk}"' in html
    assert "Diaz Bakery" in html and "1 match for “diaz”" in html


def test_search_view_reads_the_picker_box_name_too(owner_client, team):
    ProspectFactory(team=team, name="Dana Diaz")
    response = owner_client.get(reverse("prospect-search"), {"prospect_q": "dana"}, headers=HTMX)
    assert "Dana Diaz" in response.content.decode()


def test_search_view_says_when_nothing_matches(owner_client, prospect):
    response = owner_client.get(reverse("prospect-search"), {"q": "zzz"}, headers=HTMX)
    assert "No prospect matches “zzz”" in response.content.decode()


def test_search_view_without_htmx_sends_to_the_prospect_list(owner_client):
    response = owner_client.get(reverse("prospect-search"), {"q": "dana diaz"})
    assert response.status_code == 302
    assert response.url == reverse("prospect-list") + "?q=dana+diaz"


def test_search_view_needs_a_login(client):
    response = client.get(reverse("prospect-search"), {"q": "dana"}, headers=HTMX)
    assert response.status_code == 302 and "/login/" in response.url


def test_outsider_search_finds_none_of_the_teams_prospects(outsider_client, prospect):
    response = outsider_client.get(reverse("prospect-search"), {"q": "dana"}, headers=HTMX)
    assert response.status_code == 200
    assert prospect.name not in response.content.decode()


def test_search_view_is_404_for_a_user_without_a_team(client, django_user_model):
    user = django_user_model.objects.create_user("drifter", password="correct-horse-battery")
    client.force_login(user)
    assert client.get(reverse("prospect-search"), {"q": "a"}, headers=HTMX).status_code == 404


# ---------- The new-deal form ----------


def test_new_deal_from_a_prospect_link_shows_that_prospect_fixed(owner_client, prospect):
    html = owner_client.get(reverse("deal-new"), {"prospect": prospect.pk}).content.decode()
    assert f'<input type="hidden" name="prospect" value="{prospect.pk}">' in html
    assert prospect.name in html and "?prospect_q=" in html  # the "Change" link
    assert 'id="prospect-q"' not in html and '<select name="prospect"' not in html


def test_new_deal_without_a_prospect_offers_a_search_box_and_recent_prospects(owner_client, team):
    ProspectFactory(team=team, name="Recent Rita")
    html = owner_client.get(reverse("deal-new")).content.decode()
    assert 'id="prospect-q"' in html and 'form="prospect-search"' in html
    assert '<form id="prospect-search" method="get" action="/deals/new/"' in html
    assert "Recent Rita" in html and 'name="prospect"' in html
    assert reverse("prospect-new") in html


def test_new_deal_search_without_javascript_lists_matches_as_radio_buttons(
    owner_client, team, prospect
):
    ProspectFactory(team=team, name="Someone Else")
    response = owner_client.get(reverse("deal-new"), {"prospect_q": "dana"})
    html = response.content.decode()
    assert f'type="radio" name="prospect" value="{prospect.pk}"' in html
    assert "Someone Else" not in html and 'value="dana"' in html


def test_new_deal_with_no_prospect_at_all_asks_to_add_one(owner_client, offering):
    assert (
        "Your team has no prospects yet" in owner_client.get(reverse("deal-new")).content.decode()
    )


def test_a_deal_created_from_a_searched_prospect(owner_client, owner, prospect, offering):
    response = owner_client.post(
        reverse("deal-new") + "?prospect_q=dana", deal_data(prospect.pk, offering, owner)
    )
    assert response.status_code == 302
    assert Deal.objects.get().prospect == prospect


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1", "1.5"])
def test_new_deal_refuses_a_missing_or_unknown_prospect_on_the_field(
    owner_client, owner, offering, prospect, value
):
    response = owner_client.post(reverse("deal-new"), deal_data(value, offering, owner))
    assert response.status_code == 200
    errors = response.context["form"].errors["prospect"]
    assert errors and errors[0].startswith("Pick")
    html = response.content.decode()
    assert 'id="prospect-error"' in html and 'id="prospect-q"' in html  # back to searching
    assert not Deal.objects.exists()


def test_new_deal_refuses_another_teams_prospect_without_naming_it(
    owner_client, owner, offering, other_team
):
    foreign = ProspectFactory(team=other_team, name="Foreign Fiona")
    response = owner_client.post(reverse("deal-new"), deal_data(foreign.pk, offering, owner))
    assert response.status_code == 200 and "prospect" in response.context["form"].errors
    assert "Foreign Fiona" not in response.content.decode() and not Deal.objects.exists()


def test_a_refused_new_deal_keeps_the_chosen_prospect_fixed(
    owner_client, owner, offering, prospect
):
    response = owner_client.post(
        reverse("deal-new"), deal_data(prospect.pk, offering, owner, amount="-1")
    )
    html = response.content.decode()
    assert "amount" in response.context["form"].errors
    assert f'<input type="hidden" name="prospect" value="{prospect.pk}">' in html


def test_new_deal_page_cost_does_not_grow_with_prospects(
    owner_client, team, offering, django_assert_max_num_queries
):
    many_prospects(team, 5)
    searches = [{}, {"prospect_q": "Prospect"}]
    few = [queries_for(owner_client, reverse("deal-new"), params) for params in searches]
    many_prospects(team, 300)
    for params, budget in zip(searches, few, strict=True):
        with django_assert_max_num_queries(budget):
            response = owner_client.get(reverse("deal-new"), params)
        assert response.status_code == 200
        assert len(response.content) < 20_000
        assert response.content.decode().count('name="prospect"') <= 20


def test_new_deal_page_is_the_same_size_with_300_prospects_as_with_10(owner_client, team):
    many_prospects(team, 10, name="Pat Lee")
    small = len(owner_client.get(reverse("deal-new")).content)
    many_prospects(team, 290, name="Pat Lee")
    assert len(owner_client.get(reverse("deal-new")).content) - small < 200


# ---------- The edit form ----------


def test_edit_shows_the_deals_prospect_fixed(owner_client, team, deal):
    many_prospects(team, 50)
    html = owner_client.get(reverse("deal-edit", args=[deal.pk])).content.decode()
    assert f'<input type="hidden" name="prospect" value="{deal.prospect_id}">' in html
    assert html.count('name="prospect"') == 1


def test_edit_change_keeps_the_current_prospect_checked_while_searching(owner_client, team, deal):
    other = ProspectFactory(team=team, name="Other Olga")
    url = reverse("deal-edit", args=[deal.pk])
    html = owner_client.get(url, {"prospect_q": "olga"}).content.decode()
    assert f'name="prospect" value="{deal.prospect_id}" checked' in html
    assert f'name="prospect" value="{other.pk}"' in html
    assert f'action="{url}"' in html


def test_edit_moves_the_deal_to_another_prospect(owner_client, team, deal):
    other = ProspectFactory(team=team, name="Other Olga")
    data = {
        "title": deal.title,
        "prospect": other.pk,
        "offering": deal.offering_id,
        "owner": deal.owner_id,
        "amount": "12000",
        "discount_pct": "0",
        "version": deal.version,
    }
    response = owner_client.post(reverse("deal-edit", args=[deal.pk]), data)
    assert response.status_code == 302
    deal.refresh_from_db()
    assert deal.prospect == other


def test_edit_refuses_another_teams_prospect(owner_client, deal, other_team):
    foreign = ProspectFactory(team=other_team)
    data = {
        "title": deal.title,
        "prospect": foreign.pk,
        "offering": deal.offering_id,
        "owner": deal.owner_id,
        "amount": "12000",
        "discount_pct": "0",
        "version": deal.version,
    }
    response = owner_client.post(reverse("deal-edit", args=[deal.pk]), data)
    assert response.status_code == 200 and "prospect" in response.context["form"].errors
    deal.refresh_from_db()
    assert deal.prospect_id != foreign.pk and deal.version == 1


def test_a_teammate_searches_the_same_team_prospects(team, prospect, client):
    teammate = MembershipFactory(team=team, user__username="tess").user
    client.force_login(teammate)
    response = client.get(reverse("prospect-search"), {"q": "dana"}, headers=HTMX)
    assert prospect.name in response.content.decode()
