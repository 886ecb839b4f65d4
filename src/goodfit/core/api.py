"""Who am I, my team and its members; the error shapes every endpoint shares."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from goodfit.core.access import members_visible_to, membership_for

router = Router(tags=["team"])


class FieldErrorOut(Schema):
    field: str = "__all__"
    message: str


class ErrorOut(Schema):
    """Every error: the field at fault (``__all__`` for the request as a whole) and why."""

    detail: list[FieldErrorOut]


def errors(*codes: int) -> dict[int, Any]:
    """Error responses for an operation's OpenAPI entry; 401 and 422 apply to every one."""
    return {code: ErrorOut for code in sorted({401, 422, *codes})}


class MeOut(Schema):
    id: int
    username: str
    role: str
    team: str
    team_id: int
    time_zone: str


class TeamOut(Schema):
    id: int
    name: str
    currency: str
    time_zone: str
    reps_see_own_deals_only: bool


class MemberOut(Schema):
    """A teammate; ``id`` is the user id that deals name as their owner."""

    id: int
    username: str
    name: str
    role: str
    time_zone: str
    is_active: bool

    @staticmethod
    def resolve_id(obj: Any) -> int:
        return int(obj.user_id)

    @staticmethod
    def resolve_username(obj: Any) -> str:
        return str(obj.user.get_username())

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.user.get_full_name() or obj.user.get_username())


@router.get("/me", response={200: MeOut, **errors()}, summary="Who am I")
def me(request: HttpRequest) -> MeOut:
    membership = membership_for(request.user)
    return MeOut(
        id=request.user.pk,
        username=request.user.get_username(),
        role=membership.role,
        team=membership.team.name,
        team_id=membership.team_id,
        time_zone=membership.time_zone,
    )


@router.get("/team", response={200: TeamOut, **errors()}, summary="My team")
def team(request: HttpRequest) -> Any:
    return membership_for(request.user).team


@router.get("/members", response={200: list[MemberOut], **errors()}, summary="My team's members")
def members(request: HttpRequest) -> Any:
    return members_visible_to(request.user).order_by("user__username")
