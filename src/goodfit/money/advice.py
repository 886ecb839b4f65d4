"""From signals to a decision: pursue, reset which terms (and why), or walk away."""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal
from typing import TYPE_CHECKING

from goodfit.money.rules import Rules

if TYPE_CHECKING:
    from goodfit.money.signals import DealFacts, Reset, Signal

PURSUE, RESET_TERMS, WALK_AWAY = "pursue", "reset_terms", "walk_away"
# Signals about the terms themselves: bad ones call for new terms even when the score
# is otherwise fine.
TERMS_KEYS = ("margin", "concessions", "rep_promises")


def max_discount_for_floor(facts: DealFacts, extras: Decimal) -> Decimal | None:
    """The largest whole-percent discount that keeps the margin at the floor, if any."""
    t = facts.terms
    if t.amount <= 0 or t.min_margin_pct >= 100:
        return None
    needed = (t.cost_to_serve + extras) / (1 - t.min_margin_pct / 100)
    best = ((1 - needed / t.amount) * 100).to_integral_value(ROUND_FLOOR)
    return best if best >= 0 else None


def _margin_reset(facts: DealFacts, signal: Signal) -> tuple[str, str]:
    from goodfit.money.signals import extras_cost

    best = max_discount_for_floor(facts, extras_cost(facts))
    if best is None:
        return "price", (
            "Even at list price the margin stays under the floor: raise the price or "
            "narrow the scope."
        )
    return "discount", (
        f"{signal.reason} At most {best}% off keeps the floor; bring the discount back to it."
    )


NEXT_STEP = ("next step", "Ask for a decision date and a committed time for the next call.")
ADVICE = {
    "concessions": (
        "concessions",
        "Take back the free extras and custom work, or charge for them.",
    ),
    "rep_promises": (
        "promises",
        "Put in writing what we can deliver; withdraw the promises we cannot keep.",
    ),
    "quote_resends": (
        "quote",
        "Send one final quote with an expiry date instead of re-sending it.",
    ),
    "after_hours": (
        "contact hours",
        "Agree to talk within working hours; answer late messages the next morning.",
    ),
    "unanswered": NEXT_STEP,
    "reply_latency": NEXT_STEP,
    "meetings": NEXT_STEP,
    "terse_replies": NEXT_STEP,
    "future_promises": (
        "future business",
        "Price this deal on its own; write promised volume into a contract with volume "
        "pricing instead of a discount now.",
    ),
    "effort": ("scope", "Cut the time this deal takes: fewer custom calls, a fixed scope."),
}


def resets_for(signals: dict[str, Signal], facts: DealFacts, rules: Rules) -> tuple[Reset, ...]:
    from goodfit.money.signals import Reset

    troubling = sorted(
        (s for s in signals.values() if s.severity >= rules.reset_severity),
        key=lambda s: (s.effect, s.key),
    )
    resets: dict[str, str] = {}
    for signal in troubling:
        term, why = _margin_reset(facts, signal) if signal.key == "margin" else ADVICE[signal.key]
        resets.setdefault(term, why)
    return tuple(Reset(term, why) for term, why in resets.items())


def recommend(
    score: int, signals: dict[str, Signal], facts: DealFacts, rules: Rules
) -> tuple[str, tuple[Reset, ...]]:
    """Walk away under ``walk_away_below``; reset terms under ``pursue_from`` or when a
    term itself is troubling; pursue otherwise. Resets say what would have to change."""
    resets = resets_for(signals, facts, rules)
    if score < rules.walk_away_below:
        return WALK_AWAY, resets
    terms_trouble = any(signals[k].severity >= rules.reset_severity for k in TERMS_KEYS)
    if score < rules.pursue_from or terms_trouble:
        return RESET_TERMS, resets
    return PURSUE, ()
