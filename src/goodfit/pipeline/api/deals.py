"""Deals: terms, stage moves, history and cancellation."""

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from goodfit.core.access import membership_for, require_manager
from goodfit.core.api import ErrorOut, errors
from goodfit.core.pagination import PagePagination
from goodfit.pipeline.access import get_deal_for_user
from goodfit.pipeline.api.common import resolve_references
from goodfit.pipeline.schemas.deals import (
    CancellationCreate,
    CancellationOut,
    DealCreate,
    DealMove,
    DealOut,
    DealQuery,
    DealUpdate,
    StageChangeOut,
    TimelineEventOut,
)
from goodfit.pipeline.selectors.deals import deal_list, deal_timeline
from goodfit.pipeline.services import (
    deal_cancel,
    deal_create,
    deal_delete,
    deal_move,
    deal_update,
)

router = Router(tags=["deals"])


class ConflictOut(ErrorOut):
    """The deal changed since you loaded it: nothing was saved; here is how it is now."""

    current_version: int
    current: DealOut


@router.get("/deals", response={200: list[DealOut], **errors()}, summary="List deals")
@paginate(PagePagination)
def list_deals(request: HttpRequest, filters: Query[DealQuery]) -> Any:
    """Deals you may see, most recently active first, narrowed by the filters given."""
    deals = deal_list(request.user, filters.to_filters())
    return deals.select_related("cancellation__by")


@router.post("/deals", response={201: DealOut, **errors()}, summary="Open a deal")
def create_deal(request: HttpRequest, payload: DealCreate) -> Any:
    """Unknown or other teams' prospect, offering, stage or owner ids are 422 in that field."""
    fields = resolve_references(request.user, payload.model_dump())
    fields["owner"] = fields["owner"] or request.user
    team = membership_for(request.user).team
    return Status(201, deal_create(team=team, actor=request.user, **fields))


@router.get("/deals/{deal_id}", response={200: DealOut, **errors(404)}, summary="A deal")
def get_deal(request: HttpRequest, deal_id: int) -> Any:
    return get_deal_for_user(request.user, deal_id)


@router.patch(
    "/deals/{deal_id}",
    response={200: DealOut, 409: ConflictOut, **errors(404)},
    summary="Change a deal's terms",
)
def update_deal(request: HttpRequest, deal_id: int, payload: DealUpdate) -> Any:
    """Send the ``version`` you loaded: if the deal changed since, nothing is saved and the
    answer is 409 with the current values. Move between stages with ``/move``."""
    deal = get_deal_for_user(request.user, deal_id)
    fields = resolve_references(request.user, payload.changes())
    return deal_update(deal=deal, actor=request.user, **fields)


@router.delete(
    "/deals/{deal_id}", response={204: None, **errors(403, 404)}, summary="Delete a deal"
)
def delete_deal(request: HttpRequest, deal_id: int) -> Any:
    """Managers only; the deal's history goes with it (the audit log keeps its terms)."""
    deal = get_deal_for_user(request.user, deal_id)
    require_manager(request.user)
    deal_delete(deal=deal, actor=request.user)
    return Status(204, None)


@router.post(
    "/deals/{deal_id}/move",
    response={200: DealOut, 409: ConflictOut, **errors(404)},
    summary="Move a deal to another stage",
)
def move_deal(request: HttpRequest, deal_id: int, payload: DealMove) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    stage = resolve_references(request.user, {"stage": payload.stage})["stage"]
    return deal_move(deal=deal, actor=request.user, stage=stage, version=payload.version)


@router.get(
    "/deals/{deal_id}/stage-changes",
    response={200: list[StageChangeOut], **errors(404)},
    summary="A deal's stage changes",
)
def list_stage_changes(request: HttpRequest, deal_id: int) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    return deal.stage_changes.select_related("from_stage", "to_stage", "by")


@router.get(
    "/deals/{deal_id}/timeline",
    response={200: list[TimelineEventOut], **errors(404)},
    summary="A deal's history in time order",
)
def timeline(request: HttpRequest, deal_id: int) -> Any:
    """Stage changes, interactions and notes, oldest first."""
    return deal_timeline(get_deal_for_user(request.user, deal_id))


@router.post(
    "/deals/{deal_id}/cancellation",
    response={201: CancellationOut, **errors(404)},
    summary="Record that a won deal was cancelled",
)
def cancel_deal(request: HttpRequest, deal_id: int, payload: CancellationCreate) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    return Status(201, deal_cancel(deal=deal, actor=request.user, **payload.model_dump()))
