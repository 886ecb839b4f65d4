"""The good-money check hears of every change to a deal (``core.extensions`` deal events)
and keeps the deal's worth score current inside the writing transaction."""

from __future__ import annotations

from goodfit.core.extensions import DealEvent

# Events that change an input of the score: the deal's terms and its interactions.
# Notes and cancellations of won deals do not.
INPUTS = frozenset(
    {"created", "updated", "interaction_logged", "interaction_updated", "interaction_deleted"}
)


def on_deal_event(event: DealEvent) -> None:
    """Closing keeps the score the deal had then (a row marked ``at_close``); re-opening
    scores it afresh; any other change to an input re-scores an open deal."""
    from goodfit.money.services.worth import worth_after_change, worth_refresh

    if event.closed:
        worth_refresh(deal=event.deal, at_close=True)
    elif event.reopened or event.kind in INPUTS:
        worth_after_change(event.deal)
