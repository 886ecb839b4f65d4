"""Who sees which deal: the team, a rep's own deals when restricted, nobody outside."""

import pytest
from django.http import Http404

from goodfit.core.services import team_update
from goodfit.pipeline.access import (
    deals_visible_to,
    get_deal_for_user,
    get_interaction_for_user,
    get_prospect_for_user,
)
from tests.factories import DealFactory, InteractionFactory, MembershipFactory


def test_a_teammate_sees_and_fetches_the_teams_deals(deal, teammate):
    assert get_deal_for_user(teammate, deal.pk) == deal


def test_an_outsider_gets_404_for_a_deal_prospect_and_interaction(deal, outsider):
    interaction = InteractionFactory(deal=deal)
    for getter, pk in [
        (get_deal_for_user, deal.pk),
        (get_prospect_for_user, deal.prospect_id),
        (get_interaction_for_user, interaction.pk),
    ]:
        with pytest.raises(Http404):
            getter(outsider, pk)


def test_restricted_reps_see_only_their_own_deals_but_managers_see_all(
    team, deal, teammate, manager
):
    team_update(team=team, actor=manager, reps_see_own_deals_only=True)
    teammate.membership.refresh_from_db()
    own = DealFactory(team=team, owner=teammate)
    assert list(deals_visible_to(teammate)) == [own]
    with pytest.raises(Http404):
        get_deal_for_user(teammate, deal.pk)
    assert set(deals_visible_to(manager)) == {deal, own}


def test_a_deactivated_member_sees_nothing(deal, team):
    former = MembershipFactory(team=team, is_active=False).user
    with pytest.raises(Http404):
        get_deal_for_user(former, deal.pk)


@pytest.mark.parametrize("bad_id", ["abc", "", None, "1; DROP TABLE", -5, 10**12])
def test_malformed_ids_are_404_not_errors(deal, owner, bad_id):
    with pytest.raises(Http404):
        get_deal_for_user(owner, bad_id)
