"""Good-money demo rows: the cost of the Brightline Logistics deal, told as rows.

Brightline texts after 11pm, wants 30% off, promises "more deals next quarter", never
answers email and has had the quote sent five times. Its concessions, quotes, flags and
the hours Raj logged are added to the told story; then every open deal of the team is
scored, so the review page opens with Brightline at the bottom, next to the clean,
good-margin deals at the top.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from goodfit.demo.roster import Cast
from goodfit.money.models import InteractionFlag
from goodfit.money.selectors import chunks
from goodfit.money.services import (
    concession_add,
    flag_add,
    meeting_outcome_set,
    quote_add,
    time_log_add,
    worth_refresh_many,
)
from goodfit.pipeline.models import Deal, Interaction, Outcome

NY = "America/New_York"
FUTURE = InteractionFlag.Kind.FUTURE_BUSINESS_PROMISE
DEMAND = InteractionFlag.Kind.IMMEDIATE_DEMAND
# (days ago, amount, terms): the proposal, then four re-sends "because he can't find it"
QUOTES = [
    (70, 24000, "1 site, 12 months, list price"),
    (56, 24000, "1 site, 12 months, list price"),
    (50, 19200, "1 site, 12 months, 20% off"),
    (37, 16800, "1 site, 12 months, 30% off"),
    (8, 16800, "1 site, 12 months, 30% off"),
]


def _said(deal: Deal, words: str) -> Interaction:
    return deal.interactions.get(text__contains=words)


def brightline_costs(cast: Cast) -> Deal:
    deal = Deal.objects.get(team=cast.team, prospect__company="Brightline Logistics")
    raj = cast.users["raj"]
    for days_ago, amount, terms in QUOTES:
        sent = cast.at(days_ago, 9, 5, NY)
        quote_add(deal=deal, actor=raj, terms=terms, amount=Decimal(amount), sent_at=sent)
    concession_add(
        deal=deal, actor=raj, kind="discount", value=Decimal(4800),
        note="20% off, asked for by text at 11pm", at=cast.at(52, 23, 10, NY),
    )  # fmt: skip
    concession_add(
        deal=deal, actor=raj, kind="discount", value=Decimal(2400),
        note="Another 10% off: “need 30% or we go w competitor”", at=cast.at(38, 23, 30, NY),
    )  # fmt: skip
    concession_add(
        deal=deal, actor=raj, kind="free_extra", value=Decimal(1500),
        note="Onboarding for three AP clerks, free", at=cast.at(37, 9, 20, NY),
    )  # fmt: skip
    flag_add(interaction=_said(deal, "more deals next quarter"), actor=raj, kind=FUTURE)
    flag_add(interaction=_said(deal, "need 30%"), actor=raj, kind=FUTURE)
    flag_add(interaction=_said(deal, "need 30%"), actor=raj, kind=DEMAND)
    flag_add(interaction=_said(deal, "can u hold the 30%"), actor=raj, kind=DEMAND)
    demo = deal.interactions.get(channel="meeting")
    meeting_outcome_set(interaction=demo, actor=raj, outcome="rescheduled")
    for days_ago, hours in [(73, "1.5"), (70, "2"), (52, "1"), (37, "1.5"), (8, "1")]:
        on = (cast.today - dt.timedelta(days=days_ago)).date()
        time_log_add(deal=deal, actor=raj, hours=Decimal(hours), on=on, note="Quote and texts")
    return deal


def money_demo_create(cast: Cast) -> None:
    """Add Brightline's cost rows, then score every open deal of the demo team."""
    brightline_costs(cast)
    open_deals = Deal.objects.filter(team=cast.team, stage__outcome=Outcome.OPEN)
    for chunk in chunks(open_deals):
        worth_refresh_many(deals=chunk)
