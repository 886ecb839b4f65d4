"""Interactions (calls, emails, meetings, messages) and notes on a deal."""

from typing import Any

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import paginate

from goodfit.core.api import errors
from goodfit.core.pagination import PagePagination
from goodfit.pipeline.access import get_deal_for_user, get_interaction_for_user, get_note_for_user
from goodfit.pipeline.schemas.interactions import (
    InteractionCreate,
    InteractionOut,
    InteractionUpdate,
    NoteCreate,
    NoteOut,
)
from goodfit.pipeline.services import (
    interaction_delete,
    interaction_log,
    interaction_update,
    note_add,
    note_delete,
)

router = Router(tags=["interactions"])


@router.get(
    "/deals/{deal_id}/interactions",
    response={200: list[InteractionOut], **errors(404)},
    summary="A deal's interactions",
)
@paginate(PagePagination)
def list_interactions(request: HttpRequest, deal_id: int) -> Any:
    """Oldest first."""
    deal = get_deal_for_user(request.user, deal_id)
    return deal.interactions.select_related("logged_by").order_by("occurred_at", "id")


@router.post(
    "/deals/{deal_id}/interactions",
    response={201: InteractionOut, **errors(404)},
    summary="Log an interaction",
)
def log_interaction(request: HttpRequest, deal_id: int, payload: InteractionCreate) -> Any:
    """Something that happened: ``occurred_at`` between 2000 and now; a summary or a text."""
    deal = get_deal_for_user(request.user, deal_id)
    return Status(201, interaction_log(deal=deal, actor=request.user, **payload.model_dump()))


@router.get(
    "/interactions/{interaction_id}",
    response={200: InteractionOut, **errors(404)},
    summary="An interaction",
)
def get_interaction(request: HttpRequest, interaction_id: int) -> Any:
    return get_interaction_for_user(request.user, interaction_id)


@router.patch(
    "/interactions/{interaction_id}",
    response={200: InteractionOut, **errors(404)},
    summary="Correct an interaction",
)
def update_interaction(
    request: HttpRequest, interaction_id: int, payload: InteractionUpdate
) -> Any:
    interaction = get_interaction_for_user(request.user, interaction_id)
    return interaction_update(interaction=interaction, actor=request.user, **payload.changes())


@router.delete(
    "/interactions/{interaction_id}",
    response={204: None, **errors(404)},
    summary="Delete an interaction",
)
def delete_interaction(request: HttpRequest, interaction_id: int) -> Any:
    interaction = get_interaction_for_user(request.user, interaction_id)
    interaction_delete(interaction=interaction, actor=request.user)
    return Status(204, None)


@router.get(
    "/deals/{deal_id}/notes",
    response={200: list[NoteOut], **errors(404)},
    summary="A deal's notes",
)
@paginate(PagePagination)
def list_notes(request: HttpRequest, deal_id: int) -> Any:
    """Oldest first."""
    deal = get_deal_for_user(request.user, deal_id)
    return deal.notes.select_related("author").order_by("created_at", "id")


@router.post("/deals/{deal_id}/notes", response={201: NoteOut, **errors(404)}, summary="Add a note")
def add_note(request: HttpRequest, deal_id: int, payload: NoteCreate) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    return Status(201, note_add(deal=deal, actor=request.user, body=payload.body))


@router.get("/notes/{note_id}", response={200: NoteOut, **errors(404)}, summary="A note")
def get_note(request: HttpRequest, note_id: int) -> Any:
    return get_note_for_user(request.user, note_id)


@router.delete("/notes/{note_id}", response={204: None, **errors(404)}, summary="Delete a note")
def delete_note(request: HttpRequest, note_id: int) -> Any:
    note = get_note_for_user(request.user, note_id)
    note_delete(note=note, actor=request.user)
    return Status(204, None)
