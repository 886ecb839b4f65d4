"""Show times in the viewer's own time zone (their membership's), on every page."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from goodfit.core.models import Membership


def _member_zone(request: HttpRequest) -> zoneinfo.ZoneInfo | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    try:
        return zoneinfo.ZoneInfo(user.membership.time_zone)
    except (Membership.DoesNotExist, zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


class MemberTimezoneMiddleware:
    """Activate the signed-in member's time zone; forms read and templates show local times."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        zone = _member_zone(request)
        if zone is None:
            timezone.deactivate()
        else:
            timezone.activate(zone)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
