from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from goodfit.core.extensions import nav_links, settings_links
from goodfit.core.models import Membership


def membership(request: HttpRequest) -> dict[str, Any]:
    """Expose the signed-in user's membership (team, role) to every template."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"membership": None}
    try:
        membership = user.membership
    except Membership.DoesNotExist:
        return {"membership": None}
    return {
        "membership": membership,
        # Links that capabilities add; evaluated lazily so pages that don't show them pay nothing.
        "extra_nav_first": lambda: nav_links(request, membership.is_manager, slots=("start",)),
        "extra_nav": lambda: nav_links(request, membership.is_manager, slots=("main", "end")),
        "extra_settings": settings_links,
    }
