"""Writes for teams, members and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from goodfit.core.audit import audit_created, audit_updated, snapshot
from goodfit.core.models import ApiToken, Membership, Role, Team

TEAM_FIELDS = {"name", "currency", "time_zone", "reps_see_own_deals_only"}
MEMBER_FIELDS = {"role", "time_zone", "work_start", "work_end", "work_days", "is_active"}
TOKEN_PREFIX = "gf_"


@transaction.atomic
def team_create(*, name: str, currency: str = "USD", time_zone: str = "UTC") -> Team:
    team = Team(name=name, currency=currency, time_zone=time_zone)
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def team_update(*, team: Team, actor: Any, **fields: Any) -> Team:
    before = snapshot(team, TEAM_FIELDS)
    for name, value in fields.items():
        if name not in TEAM_FIELDS:
            raise TypeError(f"Unknown team field {name}")
        setattr(team, name, value)
    team.full_clean()
    team.save()
    audit_updated(team=team, actor=actor, obj=team, before=before)
    return team


def _check_last_manager(membership: Membership, role: str, is_active: bool) -> None:
    """A team must keep someone who can change its settings."""
    stays_manager = role in (Role.MANAGER, Role.ADMIN) and is_active
    if membership.is_manager and not stays_manager:
        others = Membership.objects.filter(
            team=membership.team, role__in=[Role.MANAGER, Role.ADMIN], is_active=True
        ).exclude(pk=membership.pk)
        if not others.exists():
            raise ValidationError({"role": "The team needs at least one active manager or admin."})


def _is_admin(user: Any) -> bool:
    """Admins, and the operator at the command line (no actor), may manage admins."""
    if user is None:
        return True
    membership = getattr(user, "membership", None)
    return bool(getattr(user, "is_superuser", False)) or (
        membership is not None and membership.role == Role.ADMIN and membership.is_active
    )


def _check_admins(membership: Membership, actor: Any, role: str, is_active: bool) -> None:
    """Only an admin changes an admin's role or access, or makes someone an admin; and
    a team that has an admin keeps one, so a manager cannot take the team over."""
    changes = role != membership.role or is_active != membership.is_active
    touches_admin = Role.ADMIN in (membership.role, role) or membership.user.is_superuser
    if changes and touches_admin and not _is_admin(actor):
        raise ValidationError(
            {"role": "Only an admin can change an admin's role or access, or make an admin."}
        )
    was_admin = membership.role == Role.ADMIN and membership.is_active
    if was_admin and not (role == Role.ADMIN and is_active):
        others = Membership.objects.filter(team=membership.team, role=Role.ADMIN, is_active=True)
        if not others.exclude(pk=membership.pk).exists():
            raise ValidationError(
                {"role": "The team needs at least one active admin; make someone else admin first."}
            )


@transaction.atomic
def member_create(
    *,
    team: Team,
    actor: Any,
    username: str,
    password: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    **fields: Any,
) -> Membership:
    """Create a user and their membership in ``team``."""
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": f"“{username}” is taken; choose another username."})
    user = user_model(username=username, email=email, first_name=first_name, last_name=last_name)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ValidationError({"password": error.messages}) from None
    if fields.get("role") == Role.ADMIN and not _is_admin(actor):
        raise ValidationError({"role": "Only an admin can make an admin."})
    user.set_password(password)
    user.full_clean()
    user.save()
    membership = Membership(user=user, team=team, **fields)
    membership.full_clean()
    membership.save()
    audit_created(team=team, actor=actor, obj=membership, fields=MEMBER_FIELDS | {"user"})
    return membership


@transaction.atomic
def member_update(*, membership: Membership, actor: Any, **fields: Any) -> Membership:
    before = snapshot(membership, MEMBER_FIELDS)
    role = fields.get("role", membership.role)
    is_active = fields.get("is_active", membership.is_active)
    _check_admins(membership, actor, role, is_active)
    _check_last_manager(membership, role, is_active)
    for name, value in fields.items():
        if name not in MEMBER_FIELDS:
            raise TypeError(f"Unknown member field {name}")
        setattr(membership, name, value)
    membership.full_clean()
    membership.save()
    audit_updated(team=membership.team, actor=actor, obj=membership, before=before)
    return membership


def token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: Any, name: str = "") -> tuple[ApiToken, str]:
    """Create an API token; returns the row and the clear value (shown once, never stored)."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name[:80], prefix=raw[: len(TOKEN_PREFIX) + 5], digest=token_digest(raw)
    )
    return token, raw


def token_authenticate(raw: str) -> Any | None:
    """The user behind an unrevoked token whose member is active, or None."""
    token = (
        ApiToken.objects.select_related("user__membership__team")
        .filter(digest=token_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def token_revoke(*, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
