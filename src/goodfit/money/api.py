"""The good-money API: a deal's worth, walking away, the bottom of the pipeline, and the
concessions and quotes behind the score."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Query, Router, Status
from ninja.pagination import paginate

from goodfit.core.access import membership_for
from goodfit.core.api import errors
from goodfit.core.pagination import PagePagination
from goodfit.money import services
from goodfit.money.access import get_concession_for_user, get_quote_for_user
from goodfit.money.models import WorthOverride
from goodfit.money.review import bottom_of_pipeline, time_freed
from goodfit.money.schemas import (
    BottomOut,
    BottomQuery,
    ConcessionCreate,
    ConcessionOut,
    ConcessionUpdate,
    QuoteCreate,
    QuoteOut,
    QuoteUpdate,
    WalkAwayCreate,
    WalkAwayOut,
    WorthOut,
)
from goodfit.money.selectors import current_worth, team_rules
from goodfit.pipeline.access import get_deal_for_user

router = Router(tags=["good money"])


@router.get(
    "/deals/{deal_id}/worth", response={200: WorthOut, **errors(404)}, summary="A deal's worth"
)
def get_worth(request: HttpRequest, deal_id: int) -> Any:
    """The current score, as written by every change to its inputs (this read writes
    nothing): the signals by effect, the severe signals, the recommendation and what would
    have to change. A closed deal answers with the score it had when it closed."""
    deal = get_deal_for_user(request.user, deal_id)
    current = current_worth(deal)
    override = WorthOverride.objects.filter(deal=deal).select_related("by").first()
    if current is None:
        return {"deal": deal.pk, "closed": True, "stored": False, "override": override}
    worth = current.score
    return {
        "deal": deal.pk, "score": worth.score, "recommendation": worth.recommendation,
        "signals": worth.signals, "resets": worth.resets, "severe": worth.severe,
        "missing": worth.missing, "closed": current.closed, "stored": current.stored,
        "override": override, "at": worth.at,
    }  # fmt: skip


@router.post(
    "/deals/{deal_id}/walk-away",
    response={201: WalkAwayOut, **errors(404)},
    summary="Walk away from a deal",
)
def walk_away(request: HttpRequest, deal_id: int, payload: WalkAwayCreate) -> Any:
    """Records the message as sent (the team's template unless given; nothing is emailed)
    and the time the deal was taking, and moves it to the walked-away stage. 422 if it is
    not open, or if the message pressures the prospect (the close-out checker) and
    ``pressure_ok`` is not true."""
    deal = get_deal_for_user(request.user, deal_id)
    row = services.deal_walk_away(
        deal=deal, actor=request.user, message=payload.message, pressure_ok=payload.pressure_ok
    )
    return Status(201, row)


@router.get(
    "/review/bottom", response={200: BottomOut, **errors()}, summary="The bottom of the pipeline"
)
def bottom(request: HttpRequest, query: Query[BottomQuery]) -> Any:
    """The lowest ``percent`` of open deals by worth (default: the team's setting, 10%)."""
    percent = query.percent or team_rules(membership_for(request.user).team_id).bottom_percent
    bottom = bottom_of_pipeline(request.user, percent)
    deals = [
        {
            "deal": r.deal.pk, "title": r.deal.title, "amount": r.deal.amount,
            "currency": r.deal.currency, "score": r.score.score,
            "recommendation": r.score.recommendation,
            "severe": [f["label"] for f in r.severe],
            "reasons": [s["reason"] for s in r.reasons], "touches": r.touches,
            "hours_logged": r.hours,
        }
        for r in bottom.rows
    ]  # fmt: skip
    return {
        "percent": percent, "open_deals": bottom.open_deals,
        "not_enough_history": bottom.not_enough_history, "deals": deals,
        "time_freed": time_freed(request.user),
    }  # fmt: skip


# ---- concessions ----------------------------------------------------------------------


@router.get(
    "/deals/{deal_id}/concessions",
    response={200: list[ConcessionOut], **errors(404)},
    summary="A deal's concessions",
)
@paginate(PagePagination)
def list_concessions(request: HttpRequest, deal_id: int) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    return deal.concessions.select_related("by").order_by("at", "id")


@router.post(
    "/deals/{deal_id}/concessions",
    response={201: ConcessionOut, **errors(404)},
    summary="Record a concession",
)
def add_concession(request: HttpRequest, deal_id: int, payload: ConcessionCreate) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    return Status(
        201, services.concession_add(deal=deal, actor=request.user, **payload.model_dump())
    )


@router.get(
    "/concessions/{concession_id}", response={200: ConcessionOut, **errors(404)},
    summary="A concession",
)  # fmt: skip
def get_concession(request: HttpRequest, concession_id: int) -> Any:
    return get_concession_for_user(request.user, concession_id)


@router.patch(
    "/concessions/{concession_id}", response={200: ConcessionOut, **errors(404)},
    summary="Change a concession",
)  # fmt: skip
def update_concession(request: HttpRequest, concession_id: int, payload: ConcessionUpdate) -> Any:
    row = get_concession_for_user(request.user, concession_id)
    return services.concession_update(concession=row, actor=request.user, **payload.changes())


@router.delete(
    "/concessions/{concession_id}", response={204: None, **errors(404)},
    summary="Delete a concession",
)  # fmt: skip
def delete_concession(request: HttpRequest, concession_id: int) -> Any:
    row = get_concession_for_user(request.user, concession_id)
    services.concession_delete(concession=row, actor=request.user)
    return Status(204, None)


# ---- quotes ---------------------------------------------------------------------------


@router.get(
    "/deals/{deal_id}/quotes", response={200: list[QuoteOut], **errors(404)},
    summary="A deal's quotes",
)  # fmt: skip
@paginate(PagePagination)
def list_quotes(request: HttpRequest, deal_id: int) -> Any:
    deal = get_deal_for_user(request.user, deal_id)
    return deal.quotes.select_related("by").order_by("sent_at", "version")


@router.post(
    "/deals/{deal_id}/quotes", response={201: QuoteOut, **errors(404)},
    summary="Record a quote sent",
)  # fmt: skip
def add_quote(request: HttpRequest, deal_id: int, payload: QuoteCreate) -> Any:
    """Sending the same terms again is a re-send: record it as a new version."""
    deal = get_deal_for_user(request.user, deal_id)
    return Status(201, services.quote_add(deal=deal, actor=request.user, **payload.model_dump()))


@router.get("/quotes/{quote_id}", response={200: QuoteOut, **errors(404)}, summary="A quote")
def get_quote(request: HttpRequest, quote_id: int) -> Any:
    return get_quote_for_user(request.user, quote_id)


@router.patch(
    "/quotes/{quote_id}", response={200: QuoteOut, **errors(404)}, summary="Change a quote"
)
def update_quote(request: HttpRequest, quote_id: int, payload: QuoteUpdate) -> Any:
    row = get_quote_for_user(request.user, quote_id)
    return services.quote_update(quote=row, actor=request.user, **payload.changes())


@router.delete("/quotes/{quote_id}", response={204: None, **errors(404)}, summary="Delete a quote")
def delete_quote(request: HttpRequest, quote_id: int) -> Any:
    row = get_quote_for_user(request.user, quote_id)
    services.quote_delete(quote=row, actor=request.user)
    return Status(204, None)
