"""Small verbs for writing the hand-written stories through the real services."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db.models import F

from goodfit.demo.roster import Cast
from goodfit.pipeline.models import Deal, Interaction, Prospect
from goodfit.pipeline.services import (
    deal_cancel,
    deal_create,
    deal_move,
    deal_update,
    interaction_log,
    note_add,
    prospect_create,
)


class Story:
    """One deal told step by step; every step is a service call at a historical time."""

    def __init__(self, cast: Cast, deal: Deal) -> None:
        self.cast = cast
        self.deal = deal

    def user(self, username: str | None) -> Any:
        return self.cast.users[username] if username else self.deal.owner

    def log(
        self,
        at: dt.datetime,
        direction: str,
        channel: str,
        summary: str,
        text: str = "",
        by: str | None = None,
    ) -> Story:
        interaction_log(
            deal=self.deal,
            actor=self.user(by),
            direction=direction,
            channel=channel,
            occurred_at=at,
            summary=summary,
            text=text,
        )
        return self

    def move(self, at: dt.datetime, stage: str, by: str | None = None) -> Story:
        deal_move(deal=self.deal, actor=self.user(by), stage=self.cast.stages[stage], at=at)
        return self

    def note(self, at: dt.datetime, body: str, by: str | None = None) -> Story:
        note_add(deal=self.deal, actor=self.user(by), body=body, at=at)
        return self

    def terms(self, by: str | None = None, **fields: Any) -> Story:
        deal_update(deal=self.deal, actor=self.user(by), version=self.deal.version, **fields)
        return self

    def cancel(self, on: dt.date, reason: str) -> Story:
        deal_cancel(deal=self.deal, actor=self.deal.owner, cancelled_on=on, reason=reason)
        return self


def prospect(cast: Cast, **fields: Any) -> Prospect:
    return prospect_create(team=cast.team, actor=cast.users["olivia"], **fields)


def story(
    cast: Cast,
    *,
    prospect: Prospect,
    offering: str,
    owner: str,
    amount: int,
    at: dt.datetime,
    title: str = "",
    expected_close: dt.date | None = None,
) -> Story:
    """Open a deal in the first stage at ``at``."""
    short = {"debt": "debt relief", "ledgerly": "Ledgerly", "coaching": "money coaching"}
    deal = deal_create(
        team=cast.team,
        actor=cast.users[owner],
        prospect=prospect,
        offering=cast.offerings[offering],
        owner=cast.users[owner],
        title=title or f"{prospect.company or prospect.name} — {short[offering]}",
        amount=Decimal(amount),
        expected_close_date=expected_close or (at + dt.timedelta(days=45)).date(),
        at=at,
    )
    return Story(cast, deal)


def last_activity_apply(deals: list[Deal]) -> None:
    """Set each deal's ``updated_at`` to its last stage move, interaction or note, and
    date interactions from when they happened.

    The services stamp edits with the real clock; a told story's last activity is in
    the past, and lists sort by it.
    """
    for deal in deals:
        times = [deal.created_at]
        times += deal.stage_changes.values_list("at", flat=True)
        times += deal.interactions.values_list("occurred_at", flat=True)
        times += deal.notes.values_list("created_at", flat=True)
        Deal.objects.filter(pk=deal.pk).update(updated_at=max(times))
    # Logged when it happened, like the generated history.
    Interaction.objects.filter(deal__in=deals).update(created_at=F("occurred_at"))
