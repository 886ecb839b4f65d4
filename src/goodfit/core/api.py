from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from goodfit.core.access import membership_for

router = Router(tags=["team"])


class MeOut(Schema):
    id: int
    username: str
    role: str
    team: str
    team_id: int
    time_zone: str


@router.get("/me", response=MeOut, summary="Who am I")
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
