"""One access helper per fit entity: the object, or 404 for anyone outside the team."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from goodfit.core.access import get_or_404, membership_for, require_manager
from goodfit.fit.models import Alternative


def alternatives_visible_to(user: Any) -> QuerySet[Alternative]:
    """Every member may read the directory (to refer a prospect); managers change it."""
    return Alternative.objects.filter(team_id=membership_for(user).team_id)


def get_alternative_for_user(user: Any, alternative_id: Any) -> Alternative:
    return get_or_404(alternatives_visible_to(user), alternative_id)


def get_alternative_for_manager(user: Any, alternative_id: Any) -> Alternative:
    team_id = require_manager(user).team_id
    return get_or_404(Alternative.objects.filter(team_id=team_id), alternative_id)
