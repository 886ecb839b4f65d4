"""The weights and thresholds of the good-money check: a team may change every one.

Pure Python (no Django). The defaults are documented in docs/money.md; the team's
``MoneySettings`` row stores only the values it changes.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

# How many points of the 100 each signal may take away at full severity.
DEFAULT_WEIGHTS: dict[str, float] = {
    "margin": 30.0,
    "concessions": 10.0,
    "after_hours": 12.0,
    "unanswered": 12.0,
    "reply_latency": 8.0,
    "terse_replies": 6.0,
    "meetings": 10.0,
    "quote_resends": 8.0,
    "future_promises": 6.0,
    "rep_promises": 6.0,
    "effort": 10.0,
}
SIGNAL_KEYS = tuple(DEFAULT_WEIGHTS)
MAX_WEIGHT = 100.0


@dataclass(frozen=True)
class Rules:
    """Thresholds: where a signal starts to count and where it reaches full weight."""

    weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    # margin: full weight this many percentage points under the offering's floor
    margin_full_gap_pts: float = 20.0
    # concessions: full weight at this many concessions, or this share of the amount
    concessions_full_count: int = 4
    concessions_full_share_pct: float = 20.0
    # after hours: full weight at this many inbound contacts outside working hours
    # (a demand for an immediate answer at those hours counts twice)
    after_hours_full: int = 6
    # unanswered: share of our messages that may go unanswered before it counts, and
    # how many messages it takes before the share is trusted fully
    unanswered_ok_share: float = 0.25
    unanswered_min_messages: int = 4
    # reply latency: median hours before the prospect answers (ok → full weight)
    latency_ok_hours: float = 24.0
    latency_full_hours: float = 120.0
    # ... and a slowing trend: recent replies this many times slower than earlier ones
    latency_trend_factor: float = 2.0
    # terse replies: at most this many words; the share that is normal
    terse_words: int = 2
    terse_ok_share: float = 0.2
    terse_min_replies: int = 3
    # meetings declined or missed (a reschedule counts half): full weight at this many
    meetings_full: float = 3.0
    # quotes: re-sends that are normal, and the number that takes full weight
    quote_free_resends: int = 1
    quote_full_resends: int = 4
    # promises (the prospect's of future business, the rep's hard ones): full weight at
    promises_full: int = 2
    # effort: hours one touch costs, and the margin per hour of work that is acceptable
    touch_hours: float = 0.25
    min_margin_per_hour: float = 150.0
    # no verdict without evidence: interactions needed before the score is trusted
    min_interactions: int = 3
    # severe signals (one resets the terms, two walk away; docs/money.md, "Severe signals")
    # most inbound contact (more than this %) after hours, with demands for an immediate answer
    severe_after_hours_pct: float = 50.0
    severe_demands: int = 1
    # the same terms re-sent this many times
    severe_same_quote_resends: int = 3
    # a median reply slower than this many hours, and more than this % of one- or two-word
    # written replies (from this many written replies)
    severe_latency_hours: float = 48.0
    severe_terse_pct: float = 50.0
    severe_terse_min_replies: int = 3
    # the margin this many points under the offering's floor
    severe_margin_gap_pts: float = 10.0
    # a margin this many points above the floor (or more) is healthy: with two severe
    # signals only a healthy margin lets a person override "walk away"
    healthy_margin_pts: float = 0.0
    # recommendation
    walk_away_below: int = 45
    pursue_from: int = 70
    reset_severity: float = 0.34
    bottom_percent: float = 10.0

    def weight(self, key: str) -> float:
        return float(self.weights.get(key, DEFAULT_WEIGHTS[key]))


def _number(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{name}: give a number, not {value!r}.")
    if not low <= float(value) <= high:
        raise ValueError(f"{name}: {value} is out of range; use {low:g} to {high:g}.")
    return float(value)


# Bounds per threshold; anything outside is refused with the field named.
BOUNDS: dict[str, tuple[float, float]] = {
    "margin_full_gap_pts": (1, 100),
    "concessions_full_count": (1, 100),
    "concessions_full_share_pct": (1, 100),
    "after_hours_full": (1, 100),
    "unanswered_ok_share": (0, 0.95),
    "unanswered_min_messages": (1, 100),
    "latency_ok_hours": (0, 24 * 60),
    "latency_full_hours": (1, 24 * 90),
    "latency_trend_factor": (1.1, 100),
    "terse_words": (1, 20),
    "terse_ok_share": (0, 0.95),
    "terse_min_replies": (1, 100),
    "meetings_full": (1, 100),
    "quote_free_resends": (0, 100),
    "quote_full_resends": (1, 100),
    "promises_full": (1, 100),
    "touch_hours": (0, 24),
    "min_margin_per_hour": (1, 1_000_000),
    "min_interactions": (0, 100),
    "severe_after_hours_pct": (0, 99),
    "severe_demands": (0, 100),
    "severe_same_quote_resends": (1, 100),
    "severe_latency_hours": (1, 24 * 90),
    "severe_terse_pct": (0, 99),
    "severe_terse_min_replies": (1, 100),
    "severe_margin_gap_pts": (0.5, 100),
    "healthy_margin_pts": (0, 100),
    "walk_away_below": (0, 100),
    "pursue_from": (0, 100),
    "reset_severity": (0.01, 1),
    "bottom_percent": (1, 100),
}
INTEGERS = {f.name for f in dataclasses.fields(Rules) if f.type == "int"}


def rules_from(weights: Mapping[str, Any], thresholds: Mapping[str, Any]) -> Rules:
    """A team's rules from its stored overrides; ValueError names the first bad entry."""
    unknown = [k for k in weights if k not in DEFAULT_WEIGHTS]
    unknown += [k for k in thresholds if k not in BOUNDS]
    if unknown:
        raise ValueError(f"{unknown[0]}: unknown setting.")
    merged = dict(DEFAULT_WEIGHTS)
    merged.update({k: _number(k, v, 0, MAX_WEIGHT) for k, v in weights.items()})
    values: dict[str, Any] = {}
    for name, value in thresholds.items():
        number = _number(name, value, *BOUNDS[name])
        values[name] = int(number) if name in INTEGERS else number
    rules = Rules(weights=merged, **values)
    if rules.latency_full_hours <= rules.latency_ok_hours:
        raise ValueError("latency_full_hours: must be more than latency_ok_hours.")
    if rules.pursue_from < rules.walk_away_below:
        raise ValueError("pursue_from: must be at least walk_away_below.")
    return rules
