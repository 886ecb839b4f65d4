"""Who may see what. Every view and endpoint fetches through these helpers.

An object of another team is indistinguishable from one that does not exist (404).
A team member who lacks the role for a settings page gets 403, because the page
exists for their team and they should know to ask a manager.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from goodfit.core.models import Membership


def get_or_404(queryset: QuerySet[Any], pk: Any) -> Any:
    """The row of ``queryset`` with this primary key, or 404.

    A key that is not a number (or too big for one) is a missing page too, never a 500.
    """
    try:
        return queryset.get(pk=int(pk))
    except (ValueError, TypeError, OverflowError, queryset.model.DoesNotExist):
        raise Http404 from None


def membership_for(user: Any) -> Membership:
    """The active membership of a signed-in user, or 404 for anyone without one."""
    if not getattr(user, "is_authenticated", False):
        raise Http404
    try:
        membership = user.membership
    except Membership.DoesNotExist:
        raise Http404 from None
    if not membership.is_active:
        raise Http404
    return membership


def require_manager(user: Any) -> Membership:
    membership = membership_for(user)
    if not membership.is_manager:
        raise PermissionDenied("Only managers and admins can change team settings.")
    return membership


def get_member_for_user(user: Any, member_id: int) -> Membership:
    """A membership of the user's own team (managers only)."""
    manager = require_manager(user)
    try:
        return Membership.objects.select_related("user").get(pk=member_id, team=manager.team)
    except (Membership.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def members_visible_to(user: Any) -> QuerySet[Membership]:
    """The memberships of the user's team: every member may see who their teammates are
    (to pick a deal's owner, say); changing them is for managers (``get_member_for_user``)."""
    return Membership.objects.filter(team_id=membership_for(user).team_id).select_related("user")
