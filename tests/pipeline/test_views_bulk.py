"""Bulk actions on the deal list: confirmation with the count, all-or-nothing writes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from goodfit.core.models import AuditEntry, Role
from goodfit.pipeline.models import Deal, StageChange
from goodfit.pipeline.services import deals_bulk_update
from tests.factories import DealFactory, MembershipFactory

URL = reverse("deal-bulk")


@pytest.fixture
def deals(team, owner, offering):
    return [DealFactory(team=team, owner=owner, offering=offering, title=f"D{n}") for n in range(3)]


def post(client, deals, **data):
    return client.post(URL, {"deal": [d.pk for d in deals], **data}, follow=True)


def test_an_empty_selection_says_select_at_least_one_deal(owner_client, team):
    response = post(owner_client, [], action="stage", stage=team.stages.get(name="Won").pk)
    assert "Select at least one deal." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("deal-list")


def test_moving_asks_first_saying_how_many_deals_change(owner_client, team, deals):
    won = team.stages.get(name="Won")
    deals[0].stage = won
    deals[0].save()
    response = post(owner_client, deals, action="stage", stage=won.pk)
    html = response.content.decode()
    assert "Move 2 deals to Won?" in html
    assert "1 already in Won, unchanged" in html
    assert Deal.objects.filter(stage=won).count() == 1  # nothing written yet


def test_confirmed_move_goes_through_deal_move_for_each_deal(owner_client, team, deals):
    won = team.stages.get(name="Won")
    next_url = reverse("deal-list") + "?sort=amount"
    response = post(owner_client, deals, action="stage", stage=won.pk, confirmed="1", next=next_url)
    assert response.redirect_chain[-1][0] == next_url
    assert "Moved 3 deals to Won." in response.content.decode()
    for deal in deals:
        deal.refresh_from_db()
        assert deal.stage == won and deal.closed_at is not None
        assert StageChange.objects.filter(deal=deal, to_stage=won).exists()


def test_confirmed_owner_change_is_audited_per_deal(owner_client, team, teammate, deals):
    response = post(owner_client, deals, action="owner", owner=teammate.pk, confirmed="1")
    assert "Gave 3 deals to" in response.content.decode()
    assert Deal.objects.filter(owner=teammate).count() == 3
    assert AuditEntry.objects.filter(action=AuditEntry.Action.UPDATE).count() >= 3


def test_a_missing_value_names_what_to_pick(owner_client, deals):
    response = post(owner_client, deals, action="owner")
    assert "Pick an owner to apply to the selected deals." in response.content.decode()


def test_an_outsiders_deal_is_refused_and_nothing_changes(owner_client, team, other_team, deals):
    from tests.factories import UserFactory

    theirs = DealFactory(team=other_team, owner=UserFactory())
    won = team.stages.get(name="Won")
    response = post(owner_client, [*deals, theirs], action="stage", stage=won.pk, confirmed="1")
    assert "not in your list" in response.content.decode()
    assert not Deal.objects.filter(stage=won).exists()


def test_an_outsider_cannot_act_on_the_teams_deals(outsider_client, other_team, deals):
    won = other_team.stages.get(name="Won")
    response = post(outsider_client, deals, action="stage", stage=won.pk, confirmed="1")
    assert "not in your list" in response.content.decode()


def test_a_refusal_rolls_every_deal_back(team, owner, deals):
    leaver = MembershipFactory(team=team, role=Role.REP, is_active=False).user
    with pytest.raises(Exception) as error:
        deals_bulk_update(deals=deals, actor=owner, owner=leaver)
    assert "Nothing was changed" in str(error.value)
    assert Deal.objects.filter(owner=leaver).count() == 0


def test_next_cannot_point_elsewhere(owner_client, team, deals):
    won = team.stages.get(name="Won")
    response = owner_client.post(
        URL,
        {
            "deal": [deals[0].pk],
            "action": "stage",
            "stage": won.pk,
            "confirmed": "1",
            "next": "https://evil.example/",
        },
    )
    assert response.url == reverse("deal-list")


def test_get_is_not_allowed(owner_client):
    assert owner_client.get(URL).status_code == 405


def test_bulk_follow_up_uses_the_follow_ups_service(owner_client, team, deals):
    from goodfit.followups.models import FollowUp

    day = timezone.localdate() + dt.timedelta(days=7)
    response = post(owner_client, deals, action="follow_up", follow_up_on=day.isoformat())
    expected = f"Schedule a follow-up on 3 deals for {day:%b} {day.day}, {day.year}?"
    assert expected in response.content.decode()
    response = post(
        owner_client, deals, action="follow_up", follow_up_on=day.isoformat(), confirmed="1"
    )
    assert "Scheduled a follow-up on 3 deals" in response.content.decode()
    due = FollowUp.objects.filter(deal__in=deals).values_list("due_at", flat=True)
    assert len(due) == 3 and all(d.date() >= day for d in due)


def test_bulk_follow_up_refuses_closed_deals_and_writes_nothing(owner_client, team, deals):
    from goodfit.followups.models import FollowUp

    deals[1].stage = team.stages.get(name="Lost")
    deals[1].save()
    response = post(
        owner_client, deals, action="follow_up", follow_up_on="2031-03-10", confirmed="1"
    )
    assert "is closed (Lost)" in response.content.decode()
    assert not FollowUp.objects.exists()


def test_the_list_carries_the_bulk_form_with_one_button_per_action(owner_client, deals):
    html = owner_client.get(reverse("deal-list")).content.decode()
    assert f'action="{URL}"' in html
    assert 'name="action" value="owner"' in html and 'name="action" value="stage"' in html
    assert 'name="action" value="follow_up"' in html
    assert f'name="deal" value="{deals[0].pk}"' in html
