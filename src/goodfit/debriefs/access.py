"""One access helper per debriefs entity: the object, or 404 for anyone outside the team.

Debriefs, objections and check-ins belong to a deal, so they are visible exactly when
their deal is (``deals_visible_to``). Referrals link prospects, visible to the team.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from goodfit.core.access import get_or_404, membership_for, require_manager
from goodfit.core.models import Membership
from goodfit.debriefs.models import Debrief, KeepInTouch, PressurePattern, Referral
from goodfit.pipeline.access import deals_visible_to


def get_debrief_for_manager(user: Any, debrief_id: Any) -> Debrief:
    """For re-categorising: a manager of the deal's team (a rep of the team gets 403)."""
    membership = require_manager(user)
    debriefs = Debrief.objects.filter(deal__team_id=membership.team_id)
    return get_or_404(debriefs.select_related("deal", "deal__team"), debrief_id)


def get_keep_in_touch_for_user(user: Any, task_id: Any) -> KeepInTouch:
    tasks = KeepInTouch.objects.filter(deal__in=deals_visible_to(user))
    return get_or_404(tasks.select_related("deal", "deal__team"), task_id)


def referrals_visible_to(user: Any) -> QuerySet[Referral]:
    return Referral.objects.filter(team_id=membership_for(user).team_id)


def get_referral_for_user(user: Any, referral_id: Any) -> Referral:
    return get_or_404(referrals_visible_to(user).select_related("team"), referral_id)


def get_rep_for_coaching(user: Any, rep_user_id: Any) -> Membership:
    """A member's coaching: managers see anyone in the team, a rep only themself.

    Someone outside the team is 404 (as if they did not exist); a teammate's coaching
    asked for by a rep is 403, because it exists and is for their manager.
    """
    viewer = membership_for(user)
    members = Membership.objects.filter(team_id=viewer.team_id).select_related("user")
    try:
        member = members.get(user_id=int(rep_user_id))
    except (ValueError, TypeError, Membership.DoesNotExist):
        raise Http404 from None
    if not viewer.is_manager and member.user_id != user.pk:
        raise PermissionDenied("Only managers can see a teammate's coaching view.")
    return member


def get_pressure_pattern_for_manager(user: Any, pattern_id: Any) -> PressurePattern:
    """A team's pressure pattern, for its managers (a rep gets 403, an outsider 404)."""
    membership = require_manager(user)
    patterns = PressurePattern.objects.filter(team_id=membership.team_id)
    return get_or_404(patterns.select_related("team"), pattern_id)
