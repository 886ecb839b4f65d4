"""The fit verdict shows on the board and the deal list, and filters them."""

from django.urls import reverse

from goodfit.fit.services import answers_save
from tests.factories import DealFactory


def test_board_and_list_show_each_deals_verdict(owner_client, deal, playbook, owner):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    board = owner_client.get(reverse("board")).content.decode()
    listing = owner_client.get(reverse("deal-list")).content.decode()
    assert "badge-verdict-not_a_fit" in board
    assert "badge-verdict-not_a_fit" in listing


def test_deal_list_filters_by_verdict(owner_client, deal, playbook, owner, team, offering):
    other = DealFactory(team=team, owner=owner, offering=offering, title="Undiagnosed deal")
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    not_a_fit = owner_client.get(reverse("deal-list"), {"verdict": "not_a_fit"})
    undiagnosed = owner_client.get(reverse("deal-list"), {"verdict": "not_diagnosed"})
    assert list(not_a_fit.context["deals"]) == [deal]
    assert list(undiagnosed.context["deals"]) == [other]


def test_an_unknown_verdict_filter_is_ignored_not_an_error(owner_client, deal):
    response = owner_client.get(reverse("deal-list"), {"verdict": "maybe"})
    assert response.status_code == 200
    assert list(response.context["deals"]) == [deal]


def test_board_filters_by_verdict(owner_client, deal, playbook, owner):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    response = owner_client.get(reverse("board"), {"verdict": "good_fit"})
    assert all(not column.deals for column in response.context["columns"])


def test_the_prospect_page_shows_each_deals_verdict(owner_client, deal, playbook, owner):
    answers_save(deal=deal, actor=owner, values={"garnished": True})
    page = owner_client.get(reverse("prospect-detail", args=[deal.prospect_id]))
    assert "badge-verdict-not_a_fit" in page.content.decode()
