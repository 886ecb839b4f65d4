"""Sorting the deal list by each of its columns, stable across pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from goodfit.pipeline.selectors.deals import DEAL_SORTS, clean_sort
from tests.factories import DealFactory, ProspectFactory
from tests.querycount import queries_for


@pytest.fixture
def three(team, owner, offering):
    """Three deals whose columns each sort them differently."""
    late = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)
    rows = [
        ("Bravo", "Zed Co", "Proposal", "300", dt.date(2031, 5, 1), late),
        ("alpha", "Ann Co", "Won", "100", None, late - dt.timedelta(days=2)),
        ("Charlie", "Moe Co", "Lead", "200", dt.date(2031, 1, 1), late - dt.timedelta(days=1)),
    ]
    deals = []
    for title, prospect, stage, amount, close, updated in rows:
        deals.append(
            DealFactory(
                team=team,
                owner=owner,
                offering=offering,
                prospect=ProspectFactory(team=team, name=prospect),
                title=title,
                stage=team.stages.get(name=stage),
                amount=Decimal(amount),
                expected_close_date=close,
                updated_at=updated,
            )
        )
    return deals


def titles(client, sort):
    response = client.get(reverse("deal-list"), {"sort": sort})
    assert response.status_code == 200
    return [d.title for d in response.context["deals"]]


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("title", ["alpha", "Bravo", "Charlie"]),
        ("-title", ["Charlie", "Bravo", "alpha"]),
        ("prospect", ["alpha", "Charlie", "Bravo"]),
        ("stage", ["Charlie", "Bravo", "alpha"]),
        ("-stage", ["alpha", "Bravo", "Charlie"]),
        ("amount", ["alpha", "Charlie", "Bravo"]),
        ("-amount", ["Bravo", "Charlie", "alpha"]),
        ("close", ["Charlie", "Bravo", "alpha"]),
        ("-close", ["Bravo", "Charlie", "alpha"]),
        ("updated", ["alpha", "Charlie", "Bravo"]),
        ("-updated", ["Bravo", "Charlie", "alpha"]),
        ("nonsense", ["Bravo", "Charlie", "alpha"]),
        ("", ["Bravo", "Charlie", "alpha"]),
    ],
)
def test_every_column_sorts(owner_client, three, sort, expected):
    assert titles(owner_client, sort) == expected


def test_ties_break_by_id_the_same_way_on_every_page(owner_client, team, owner, settings):
    settings.PAGE_SIZE = 4
    deals = DealFactory.create_batch(10, team=team, owner=owner, amount=Decimal("5"))
    seen = []
    for page in (1, 2, 3):
        response = owner_client.get(reverse("deal-list"), {"sort": "amount", "page": page})
        seen += [d.pk for d in response.context["deals"]]
    assert seen == sorted(d.pk for d in deals)


def test_headers_link_to_each_sort_and_mark_the_current_one(owner_client, three):
    html = owner_client.get(reverse("deal-list"), {"sort": "amount", "q": "a"}).content.decode()
    assert 'aria-sort="ascending"' in html
    assert "?sort=-amount&amp;q=a" in html or "?q=a&amp;sort=-amount" in html
    for key in DEAL_SORTS:
        assert f"sort={key}" in html or f"sort=-{key}" in html


def test_owner_sort_uses_names(owner_client, team, offering):
    from goodfit.core.models import Role
    from tests.factories import MembershipFactory

    zed = MembershipFactory(team=team, role=Role.REP, user__first_name="Zed").user
    amy = MembershipFactory(team=team, role=Role.REP, user__first_name="Amy").user
    DealFactory(team=team, owner=zed, offering=offering, title="Z's")
    DealFactory(team=team, owner=amy, offering=offering, title="A's")
    assert titles(owner_client, "owner") == ["A's", "Z's"]
    assert titles(owner_client, "-owner") == ["Z's", "A's"]


def test_clean_sort():
    assert clean_sort("-amount") == "-amount"
    assert clean_sort("drop table") == "-updated"
    assert clean_sort(None) == "-updated"


@pytest.mark.parametrize("sort", ["title", "-prospect", "stage", "amount", "-owner", "close"])
def test_sorted_list_costs_the_same_queries_whatever_the_number_of_deals(
    owner_client, team, owner, sort
):
    url = reverse("deal-list")
    DealFactory.create_batch(2, team=team, owner=owner)
    few = queries_for(owner_client, url, {"sort": sort})
    DealFactory.create_batch(30, team=team, owner=owner)
    assert queries_for(owner_client, url, {"sort": sort}) == few
