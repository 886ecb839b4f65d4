"""Prospects: the people and companies deals are made with."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from goodfit.core.access import membership_for
from goodfit.core.api import errors
from goodfit.core.pagination import PagePagination
from goodfit.pipeline.access import get_prospect_for_user
from goodfit.pipeline.schemas.prospects import (
    ProspectCreate,
    ProspectOut,
    ProspectQuery,
    ProspectUpdate,
)
from goodfit.pipeline.selectors.prospects import ProspectFilters, prospect_list
from goodfit.pipeline.services import prospect_create, prospect_delete, prospect_update

router = Router(tags=["prospects"])


@router.get("/prospects", response={200: list[ProspectOut], **errors()}, summary="List prospects")
@paginate(PagePagination)
def list_prospects(request: HttpRequest, filters: Query[ProspectQuery]) -> Any:
    """The team's prospects by name, narrowed by text, segment and source."""
    return prospect_list(request.user, ProspectFilters(**filters.model_dump()))


@router.post("/prospects", response={201: ProspectOut, **errors()}, summary="Add a prospect")
def create_prospect(request: HttpRequest, payload: ProspectCreate) -> Any:
    team = membership_for(request.user).team
    fields = {**payload.model_dump(), "time_zone": payload.time_zone or team.time_zone}
    return Status(201, prospect_create(team=team, actor=request.user, **fields))


@router.get(
    "/prospects/{prospect_id}", response={200: ProspectOut, **errors(404)}, summary="A prospect"
)
def get_prospect(request: HttpRequest, prospect_id: int) -> Any:
    return get_prospect_for_user(request.user, prospect_id)


@router.patch(
    "/prospects/{prospect_id}",
    response={200: ProspectOut, **errors(404)},
    summary="Change a prospect",
)
def update_prospect(request: HttpRequest, prospect_id: int, payload: ProspectUpdate) -> Any:
    prospect = get_prospect_for_user(request.user, prospect_id)
    return prospect_update(prospect=prospect, actor=request.user, **payload.changes())


@router.delete(
    "/prospects/{prospect_id}",
    response={204: None, **errors(404)},
    summary="Delete a prospect without deals",
)
def delete_prospect(request: HttpRequest, prospect_id: int) -> Any:
    """Refused (422, field ``prospect``) while the prospect has deals."""
    prospect = get_prospect_for_user(request.user, prospect_id)
    prospect_delete(prospect=prospect, actor=request.user)
    return Status(204, None)
