"""Failed sign-ins for one username from many addresses slow down; they never lock out.

django-axes locks a username *at one address* (five failures, 15 minutes). A stranger
trying someone's username from many addresses, or from behind the same proxy as them,
must not lock that person out, so failures counted by username alone only make the
next try wait: 1 second after the limit, doubling with each failure, at most a minute.
When the count reaches the limit the person and their team's admins are told by email.
"""

from __future__ import annotations

import datetime as dt
import logging
import math

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Max, Sum
from django.utils import timezone

from goodfit.core.models import Membership, Role

WINDOW = dt.timedelta(minutes=15)
LONGEST_WAIT = 60  # seconds
logger = logging.getLogger(__name__)


def _limit() -> int:
    return int(settings.AXES_FAILURE_LIMIT)


def _recent_failures(username: str, now: dt.datetime) -> tuple[int, dt.datetime | None]:
    recent = AccessAttempt.objects.filter(username=username, attempt_time__gte=now - WINDOW)
    totals = recent.aggregate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
    return totals["failures"] or 0, totals["last"]


def login_wait_seconds(username: str, *, now: dt.datetime | None = None) -> int:
    """How long this username must still wait before the next try (0: try now)."""
    if not username:
        return 0
    now = now or timezone.now()
    failures, last = _recent_failures(username, now)
    if failures < _limit() or last is None:
        return 0
    wait = min(2 ** (failures - _limit()), LONGEST_WAIT)
    remaining = (last + dt.timedelta(seconds=wait) - now).total_seconds()
    return max(0, math.ceil(remaining))


def login_failure_noted(username: str, *, now: dt.datetime | None = None) -> None:
    """After a failed sign-in: tell the person and the admins once the limit is reached."""
    failures, _ = _recent_failures(username, now or timezone.now())
    if failures != _limit():
        return
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        return
    admins = Membership.objects.filter(
        team__memberships__user=user, role=Role.ADMIN, is_active=True
    ).exclude(user=user)
    recipients = [user.email, *admins.values_list("user__email", flat=True)]
    body = (
        f"There were {failures} failed attempts to sign in to goodfit as {username} in the "
        "last 15 minutes. Each further try now waits a little longer; the account is not "
        "locked.\n\nIf this was not you, nothing is needed unless the password is shared "
        "or weak: then change it."
    )
    try:
        send_mail(
            f"Failed sign-ins for {username}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            sorted({address for address in recipients if address}),
        )
    except OSError:
        logger.exception("Could not send the failed sign-in notice for user %s", user.pk)
