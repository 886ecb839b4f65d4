"""The debriefs card on the deal page: what it shows and the forms in it.

After a refused submission the card (or the whole deal page, without JavaScript) is
given the bound forms (the panel contract's ``bound``) and shows them with their errors
instead of empty ones.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from goodfit.core.access import membership_for
from goodfit.core.extensions import BoundForms, alternative_referrals
from goodfit.debriefs.domain.closeout_message import render
from goodfit.debriefs.forms import (
    CloseOutForm,
    DebriefForm,
    ObjectionForm,
    ReferralForm,
    ReviewForm,
)
from goodfit.debriefs.models import CloseOut, Debrief, KeepInTouch, Objection
from goodfit.debriefs.pressure import check_pressure
from goodfit.debriefs.selectors import referrals_of, segment_objections
from goodfit.debriefs.services.common import needs_debrief
from goodfit.debriefs.settings_read import (
    TeamDebriefSettings,
    objection_category_names,
    team_settings,
)
from goodfit.pipeline.models import Cancellation, Deal, Outcome

PANEL_TEMPLATE = "debriefs/panel.html"


def closeout_values(deal: Deal) -> dict[str, str]:
    prospect, owner = deal.prospect, deal.owner
    # A company prospect's name is its contact person's, so the first word greets them.
    return {
        "first_name": (prospect.name.split() or [""])[0],
        "name": prospect.name,
        "company": prospect.company or prospect.name,
        "rep_name": owner.get_full_name() or owner.get_username(),
        "team_name": deal.team.name,
        "offering": deal.offering.name,
    }


def _debrief_initial(deal: Deal, debrief: Debrief | None) -> dict[str, Any]:
    if debrief is None:
        return {"segment": deal.prospect.segment}
    return {
        "primary_category": debrief.primary_category,
        "secondary": [r.category for r in debrief.reasons.all()],
        "competitor": debrief.competitor,
        "prospect_words": debrief.prospect_words,
        "do_differently": debrief.do_differently,
        "segment": debrief.segment,
    }


def _closeout(bound: BoundForms, deal: Deal, settings: TeamDebriefSettings) -> dict[str, Any]:
    sent = CloseOut.objects.filter(deal=deal).select_related("by").first()
    form = bound.get("closeout_form")
    if form is None:
        form = CloseOutForm(
            initial={"message": render(settings.closeout_template, closeout_values(deal))}
        )
        message = form.initial["message"]
    else:
        message = form.data.get("message", "")
    return {
        "closeout_form": form,
        "findings": check_pressure(message, team=deal.team),
        "sent": sent,
        "keep_in_touch": KeepInTouch.objects.filter(deal=deal, done_at__isnull=True).first(),
    }


def _debrief_part(bound: BoundForms, deal: Deal, is_manager: bool) -> dict[str, Any]:
    debrief = (
        Debrief.objects.filter(deal=deal)
        .select_related("completed_by")
        .prefetch_related("reasons", "reviews__by")
        .first()
    )
    form = bound.get("debrief_form") or DebriefForm(initial=_debrief_initial(deal, debrief))
    context: dict[str, Any] = {"debrief": debrief, "debrief_form": form}
    if is_manager and debrief is not None and debrief.status == Debrief.Status.COMPLETE:
        initial = {
            "primary_category": debrief.primary_category,
            "secondary": [r.category for r in debrief.reasons.all()],
        }
        context["review_form"] = bound.get("review_form") or ReviewForm(initial=initial)
    return context


def panel_context(request: HttpRequest, deal: Deal, bound: BoundForms) -> dict[str, Any]:
    membership = membership_for(request.user)
    team = membership.team
    cancelled = (
        deal.stage.outcome == Outcome.WON and Cancellation.objects.filter(deal_id=deal.pk).exists()
    )
    given, received = referrals_of(deal.prospect)
    names = objection_category_names(team)
    context: dict[str, Any] = {
        "deal": deal,
        "is_open": deal.stage.outcome == Outcome.OPEN,
        "needed": needs_debrief(deal, cancelled),
        "contactable": not deal.prospect.do_not_contact,
        "objections": list(
            Objection.objects.filter(deal=deal).select_related("category", "by")[:10]
        ),
        "objection_form": bound.get("objection_form") or ObjectionForm(names=names),
        "oracle": segment_objections(team, deal.prospect.segment) if deal.prospect.segment else [],
        "referral_form": bound.get("referral_form") or ReferralForm(),
        "referrals_given": given,
        "referrals_received": received,
        "referrals_out": alternative_referrals([deal]),
    }
    if context["needed"]:
        context.update(_debrief_part(bound, deal, membership.is_manager))
        if context["contactable"]:
            context.update(_closeout(bound, deal, team_settings(team)))
    return context
