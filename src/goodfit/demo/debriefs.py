"""Debriefs, objections, referrals and check-ins for the demo team.

The story deals that ended (lost, not a fit, walked away, cancelled) get the debriefs
their notes tell; a fixed number of the generated closed deals get debriefs and
objections drawn in turn from a table per segment, so the product board, coaching and
"most people ask about" lines have something to show. Runs after the generated history
(it reads its closed deals) and does not grow with ``--deals``.
"""

from __future__ import annotations

import datetime as dt
from itertools import cycle

from goodfit.debriefs.services import (
    debrief_complete,
    debrief_save_draft,
    keep_in_touch_schedule,
    objection_record,
    referral_create,
)
from goodfit.demo.roster import Cast
from goodfit.pipeline.models import Deal, Outcome

GENERATED_DEBRIEFS = 40
GENERATED_OBJECTIONS = 90
# Reps whose generated debriefs lean one way, so coaching has a pattern to show.
REP_HABITS = {"sam": "rep_follow_up", "raj": "rep_discovery"}

# segment → (primary reason, the prospect's words), used in turn.
FEEDBACK: dict[str, list[tuple[str, str]]] = {
    "Enterprise": [
        ("product_capability", "We need PO matching across our entities; you match per site."),
        ("product_integration", "It has to post to SAP without a middleware project."),
        ("competitor", "The procurement suite we already license does most of this."),
    ],
    "Mid-market": [
        ("product_integration", "Approvals have to live in NetSuite, not in a second tool."),
        ("price", "Per-site pricing doubles the cost for our three warehouses."),
        ("no_decision", "Finance never got the CFO's sign-off this year."),
    ],
    "SMB": [
        ("price", "For forty invoices a month it's more than our bookkeeper costs."),
        ("product_quality", "The capture misread too many invoices in the trial."),
        ("timing", "Ask us again after tax season."),
    ],
    "Consumer — high unsecured debt": [
        ("timing", "I want to try paying it down myself for six more months."),
        ("price", "The fee on top of the deposits is more than I can do right now."),
        ("product_quality", "Reviews said settlements took longer than promised."),
    ],
    "Consumer — moderate debt": [
        ("product_segment", "A nonprofit plan costs me less for a balance this size."),
        ("no_decision", "My husband and I couldn't agree, so we're leaving it."),
        ("not_a_fit", "You told me a budget plan would do, and it did."),
    ],
    "Consumer — mostly secured debt": [
        ("product_segment", "Most of what I owe is the house and the car."),
        ("not_a_fit", "The attorney said Chapter 13 was the way for us."),
    ],
}

OBJECTIONS: dict[str, list[tuple[str, str]]] = {
    "Enterprise": [
        ("Integration with current tools", "Does it talk to SAP?"),
        ("Needs someone else to decide", "Procurement has to run an RFP."),
        ("Contract length", "We don't sign three-year terms."),
    ],
    "Mid-market": [
        ("Price", "Can you do per-company instead of per-site?"),
        ("Integration with current tools", "Will approvals sync with NetSuite?"),
        ("Contract length", "Can we start with a year?"),
    ],
    "SMB": [
        ("Price", "It's a lot for our volume."),
        ("Already has a provider", "Our bookkeeper handles bills today."),
        ("Price", "Is there a smaller plan?"),
    ],
    "Consumer — high unsecured debt": [
        ("Effect on credit score", "What happens to my credit score?"),
        ("Fees and how they work", "When do you take your fee?"),
        ("Trust: is this legit?", "Is this one of those scams?"),
    ],
    "Consumer — moderate debt": [
        ("Fees and how they work", "How much is the fee, all in?"),
        ("Effect on credit score", "Will this hurt my credit?"),
        ("Timing", "Can I start after the holidays?"),
    ],
    "Consumer — mostly secured debt": [
        ("Trust: is this legit?", "Can you really stop the foreclosure?"),
        ("Fees and how they work", "Do you charge if it doesn't work?"),
    ],
}


def _story_deal(cast: Cast, prospect_name: str, outcome: str | None = None) -> Deal:
    deals = Deal.objects.filter(team=cast.team, prospect__name=prospect_name)
    if outcome:
        deals = deals.filter(stage__outcome=outcome)
    return deals.select_related("prospect", "owner", "stage").order_by("created_at").first()


def _after_close(deal: Deal, days: int = 1) -> dt.datetime:
    return (deal.closed_at or deal.updated_at) + dt.timedelta(days=days)


def _complete(cast: Cast, name: str, primary: str, outcome: str | None = None, **fields) -> Deal:
    deal = _story_deal(cast, name, outcome)
    debrief_complete(
        deal=deal, actor=deal.owner, primary_category=primary, at=_after_close(deal), **fields
    )
    return deal


def _stories(cast: Cast) -> None:
    gloria = _complete(
        cast,
        "Gloria Ramirez",
        "not_a_fit",
        prospect_words="Thank you for being straight with me.",
        do_differently="Nothing: the honest no earned a referral (her sister Rosa).",
    )
    rosa = _story_deal(cast, "Rosa Ramirez")
    referral_create(
        referrer=gloria.prospect,
        referred=rosa.prospect,
        actor=gloria.owner,
        deal=rosa,
        note="Her sister; Gloria was not a fit and went to a bankruptcy attorney.",
        at=rosa.created_at,
    )
    keep_in_touch_schedule(
        deal=gloria,
        actor=gloria.owner,
        due_on=cast.today.date() + dt.timedelta(days=26),
        at=_after_close(gloria, 7),
    )
    _complete(
        cast,
        "Marcus Bell",
        "product_segment",
        secondary=["not_a_fit"],
        prospect_words="Most of what I owe is the house and the car.",
        do_differently="Ask about secured debt in the first five minutes.",
    )
    _complete(
        cast,
        "Priya Nair",
        "not_a_fit",
        secondary=["price"],
        prospect_words="Thanks for the honest advice; the nonprofit plan it is.",
    )
    _complete(
        cast,
        "Kevin O'Brien",
        "rep_discovery",
        secondary=["timing"],
        prospect_words="Income dropped after a slow quarter; I couldn't keep up the deposits.",
        do_differently="Commission-only income: size the deposit for a slow month, or wait.",
    )
    _complete(
        cast,
        "Greg Lund",
        "competitor",
        secondary=["product_integration"],
        competitor="Their new ERP's AP module",
        prospect_words="The AP module bundled with our new ERP duplicated Ledgerly.",
    )
    meridian = _complete(
        cast,
        "Carol Jennings",
        "product_capability",
        secondary=["competitor", "rep_discovery"],
        competitor="A procurement suite",
        prospect_words="We chose a procurement suite that does PO matching across our three "
        "hospitals. Raj was responsive, but the demo ran long on features we didn't need.",
        do_differently="Keep demos to their workflow, 45 minutes.",
        segment="Enterprise",
    )
    objection_record(
        deal=meridian,
        actor=meridian.owner,
        category="Integration with current tools",
        words="PO matching across the three hospitals?",
        at=meridian.created_at + dt.timedelta(days=5),
    )
    # Left as a draft: it shows on Sam's to-do list. Linda (lost, do not contact) has none.
    crestview = _story_deal(cast, "Dr. Helen Hale", Outcome.WALKED_AWAY)
    debrief_save_draft(
        deal=crestview,
        actor=crestview.owner,
        primary_category="price",
        prospect_words="40% off plus free onboarding, or we look elsewhere.",
        at=_after_close(crestview),
    )


def _generated(cast: Cast) -> None:
    ended = (
        Deal.objects.filter(
            team=cast.team,
            stage__outcome__in=[Outcome.LOST, Outcome.NOT_A_FIT, Outcome.WALKED_AWAY],
            debrief__isnull=True,
            prospect__segment__in=list(FEEDBACK),
        )
        .exclude(prospect__do_not_contact=True)
        .select_related("prospect", "owner", "stage")
        .order_by("-closed_at", "-id")[:GENERATED_DEBRIEFS]
    )
    turns = {segment: cycle(rows) for segment, rows in FEEDBACK.items()}
    for n, deal in enumerate(ended):
        primary, words = next(turns[deal.prospect.segment])
        habit = REP_HABITS.get(deal.owner.get_username())
        secondary = [habit] if habit and n % 2 == 0 and habit != primary else []
        debrief_complete(
            deal=deal,
            actor=deal.owner,
            primary_category=primary,
            secondary=secondary,
            competitor="Another vendor" if primary == "competitor" else "",
            prospect_words=words,
            at=_after_close(deal),
        )


def _objections(cast: Cast) -> None:
    deals = (
        Deal.objects.filter(team=cast.team, prospect__segment__in=list(OBJECTIONS))
        .select_related("prospect", "owner")
        .order_by("created_at", "id")[:GENERATED_OBJECTIONS]
    )
    turns = {segment: cycle(rows) for segment, rows in OBJECTIONS.items()}
    for deal in deals:
        category, words = next(turns[deal.prospect.segment])
        objection_record(
            deal=deal,
            actor=deal.owner,
            category=category,
            words=words,
            at=min(deal.created_at + dt.timedelta(days=1), cast.today),
        )


def debriefs_demo_create(cast: Cast) -> None:
    _stories(cast)
    _generated(cast)
    _objections(cast)
