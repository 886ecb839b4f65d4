"""One access helper per pipeline entity: the object, or 404 for anyone outside."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from goodfit.core.access import membership_for, require_manager
from goodfit.pipeline.models import Deal, Interaction, Note, Offering, Prospect, Stage


def deals_visible_to(user: Any) -> QuerySet[Deal]:
    """The deals this user may see and edit (the team's, or a rep's own when restricted)."""
    membership = membership_for(user)
    deals = Deal.objects.filter(team_id=membership.team_id)
    if not membership.is_manager and membership.team.reps_see_own_deals_only:
        deals = deals.filter(owner_id=user.pk)
    return deals


def _get(queryset: QuerySet[Any], pk: Any) -> Any:
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, TypeError, queryset.model.DoesNotExist):
        raise Http404 from None


def get_deal_for_user(user: Any, deal_id: Any) -> Deal:
    deals = deals_visible_to(user).select_related("prospect", "offering", "owner", "stage")
    return _get(deals, deal_id)


def prospects_visible_to(user: Any) -> QuerySet[Prospect]:
    return Prospect.objects.filter(team_id=membership_for(user).team_id)


def get_prospect_for_user(user: Any, prospect_id: Any) -> Prospect:
    return _get(prospects_visible_to(user), prospect_id)


def get_interaction_for_user(user: Any, interaction_id: Any) -> Interaction:
    interactions = Interaction.objects.filter(deal__in=deals_visible_to(user))
    return _get(interactions.select_related("deal"), interaction_id)


def get_note_for_user(user: Any, note_id: Any) -> Note:
    return _get(Note.objects.filter(deal__in=deals_visible_to(user)), note_id)


def offerings_visible_to(user: Any) -> QuerySet[Offering]:
    return Offering.objects.filter(team_id=membership_for(user).team_id)


def get_offering_for_user(user: Any, offering_id: Any) -> Offering:
    return _get(offerings_visible_to(user), offering_id)


def get_offering_for_manager(user: Any, offering_id: Any) -> Offering:
    return _get(Offering.objects.filter(team_id=require_manager(user).team_id), offering_id)


def stages_visible_to(user: Any) -> QuerySet[Stage]:
    return Stage.objects.filter(team_id=membership_for(user).team_id)


def get_stage_for_user(user: Any, stage_id: Any) -> Stage:
    return _get(stages_visible_to(user), stage_id)


def get_stage_for_manager(user: Any, stage_id: Any) -> Stage:
    return _get(Stage.objects.filter(team_id=require_manager(user).team_id), stage_id)
