"""The team's pipeline stages and offerings (changing offerings is for managers)."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status

from goodfit.core.access import require_manager
from goodfit.core.api import errors
from goodfit.pipeline.access import (
    get_offering_for_manager,
    get_offering_for_user,
    offerings_visible_to,
    stages_visible_to,
)
from goodfit.pipeline.schemas.config import (
    OfferingCreate,
    OfferingOut,
    OfferingQuery,
    OfferingUpdate,
    StageOut,
)
from goodfit.pipeline.services import offering_create, offering_update

router = Router(tags=["configuration"])


@router.get("/stages", response={200: list[StageOut], **errors()}, summary="Pipeline stages")
def list_stages(request: HttpRequest) -> Any:
    """In pipeline order; each maps to an outcome (open, won, lost, not a fit, walked away)."""
    return stages_visible_to(request.user).order_by("position", "id")


@router.get("/offerings", response={200: list[OfferingOut], **errors()}, summary="Offerings")
def list_offerings(request: HttpRequest, filters: Query[OfferingQuery]) -> Any:
    offerings = offerings_visible_to(request.user).order_by("name", "id")
    if filters.active is not None:
        offerings = offerings.filter(is_active=filters.active)
    return offerings


@router.post("/offerings", response={201: OfferingOut, **errors(403)}, summary="Add an offering")
def create_offering(request: HttpRequest, payload: OfferingCreate) -> Any:
    """Managers only."""
    team = require_manager(request.user).team
    return Status(201, offering_create(team=team, actor=request.user, **payload.model_dump()))


@router.get(
    "/offerings/{offering_id}", response={200: OfferingOut, **errors(404)}, summary="An offering"
)
def get_offering(request: HttpRequest, offering_id: int) -> Any:
    return get_offering_for_user(request.user, offering_id)


@router.patch(
    "/offerings/{offering_id}",
    response={200: OfferingOut, **errors(403, 404)},
    summary="Change an offering",
)
def update_offering(request: HttpRequest, offering_id: int, payload: OfferingUpdate) -> Any:
    """Managers only."""
    offering = get_offering_for_manager(request.user, offering_id)
    return offering_update(offering=offering, actor=request.user, **payload.changes())
