from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from goodfit.core.models import Membership


def membership(request: HttpRequest) -> dict[str, Any]:
    """Expose the signed-in user's membership (team, role) to every template."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"membership": None}
    try:
        return {"membership": user.membership}
    except Membership.DoesNotExist:
        return {"membership": None}
