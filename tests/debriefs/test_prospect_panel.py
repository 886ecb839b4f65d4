"""A prospect's page lists the referrals they gave and received."""

from django.urls import reverse
from django.utils import timezone

from goodfit.core.extensions import Badge
from goodfit.debriefs.models import Referral
from tests.factories import ProspectFactory


def test_prospect_page_lists_referrals_given_and_received(owner_client, owner, team, prospect):
    friend = ProspectFactory(team=team, name="Rosa Diaz", source="referral")
    Referral.objects.create(
        team=team, referrer=prospect, referred=friend, by=owner, at=timezone.now()
    )
    given = owner_client.get(reverse("prospect-detail", args=[prospect.pk])).content.decode()
    received = owner_client.get(reverse("prospect-detail", args=[friend.pk])).content.decode()
    assert "Given" in given and "Rosa Diaz" in given
    assert "Received" in received and "Referred by" in received and prospect.name in received


def test_a_prospect_without_referrals_says_so(owner_client, prospect):
    page = owner_client.get(reverse("prospect-detail", args=[prospect.pk])).content.decode()
    assert "No referrals given, received or made" in page


def test_referral_sourced_deals_are_marked_on_the_board_and_list(
    owner_client, owner, team, prospect
):
    from tests.factories import DealFactory

    friend = ProspectFactory(team=team, name="Rosa Diaz", source="referral")
    referred_deal = DealFactory(team=team, owner=owner, prospect=friend, title="Rosa's deal")
    Referral.objects.create(
        team=team,
        referrer=prospect,
        referred=friend,
        deal=referred_deal,
        by=owner,
        at=timezone.now(),
    )
    for url in (reverse("board"), reverse("deal-list")):
        response = owner_client.get(url)
        assert response.context["markers"][referred_deal.pk] == [Badge("Referral")]
        assert '<span class="badge badge-neutral">Referral</span>' in response.content.decode()
