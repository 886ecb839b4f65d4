"""One access helper per pipeline entity: the object, or 404 for anyone outside."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from goodfit.core.access import get_or_404, members_visible_to, membership_for, require_manager
from goodfit.pipeline.models import Deal, Interaction, Note, Offering, Prospect, Stage


def deals_visible_to(user: Any) -> QuerySet[Deal]:
    """The deals this user may see and edit (the team's, or a rep's own when restricted)."""
    membership = membership_for(user)
    deals = Deal.objects.filter(team_id=membership.team_id)
    if not membership.is_manager and membership.team.reps_see_own_deals_only:
        deals = deals.filter(owner_id=user.pk)
    return deals


def get_deal_for_user(user: Any, deal_id: Any) -> Deal:
    deals = deals_visible_to(user).select_related("prospect", "offering", "owner", "stage")
    return get_or_404(deals, deal_id)


def prospects_visible_to(user: Any) -> QuerySet[Prospect]:
    return Prospect.objects.filter(team_id=membership_for(user).team_id)


def get_prospect_for_user(user: Any, prospect_id: Any) -> Prospect:
    return get_or_404(prospects_visible_to(user), prospect_id)


def get_interaction_for_user(user: Any, interaction_id: Any) -> Interaction:
    interactions = Interaction.objects.filter(deal__in=deals_visible_to(user))
    return get_or_404(interactions.select_related("deal"), interaction_id)


def get_note_for_user(user: Any, note_id: Any) -> Note:
    return get_or_404(Note.objects.filter(deal__in=deals_visible_to(user)), note_id)


def get_owner_for_user(user: Any, owner_id: Any) -> Any:
    """The user behind an active membership of the caller's team (a deal's owner), or 404."""
    member = members_visible_to(user).filter(user_id=owner_id, is_active=True).first()
    if member is None:
        raise Http404
    return member.user


def offerings_visible_to(user: Any) -> QuerySet[Offering]:
    return Offering.objects.filter(team_id=membership_for(user).team_id)


def get_offering_for_user(user: Any, offering_id: Any) -> Offering:
    return get_or_404(offerings_visible_to(user), offering_id)


def get_offering_for_manager(user: Any, offering_id: Any) -> Offering:
    return get_or_404(Offering.objects.filter(team_id=require_manager(user).team_id), offering_id)


def stages_visible_to(user: Any) -> QuerySet[Stage]:
    return Stage.objects.filter(team_id=membership_for(user).team_id)


def get_stage_for_user(user: Any, stage_id: Any) -> Stage:
    return get_or_404(stages_visible_to(user), stage_id)


def get_stage_for_manager(user: Any, stage_id: Any) -> Stage:
    return get_or_404(Stage.objects.filter(team_id=require_manager(user).team_id), stage_id)
