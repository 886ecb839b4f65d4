"""From signals to a decision: pursue, reset which terms (and why), or walk away.

Pure Python. The order of the checks is the rule (docs/money.md, "The recommendation"):

1. Too little history (fewer than ``min_interactions`` interactions, or no amount yet):
   "not enough history yet", with the facts that would inform a verdict. No score counts.
2. The score: walk away under ``walk_away_below``; reset terms under ``pursue_from`` or
   when a term itself is troubling; pursue otherwise.
3. Severe signals raise it: one means at least "reset terms", two or more "walk away".

What would have to change is returned whatever the recommendation, pursue included.
"""

from __future__ import annotations

from decimal import ROUND_FLOOR, Decimal

from goodfit.money.domain.facts import DealFacts, extras_cost
from goodfit.money.domain.findings import Reset, Severe, Signal
from goodfit.money.domain.rules import Rules

PURSUE, RESET_TERMS, WALK_AWAY = "pursue", "reset_terms", "walk_away"
NOT_ENOUGH = "not_enough_history"
RANK = {PURSUE: 0, RESET_TERMS: 1, WALK_AWAY: 2}
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


def margin_reset(facts: DealFacts, reason: str = "") -> tuple[str, str]:
    """The term and the change that brings the margin back to the offering's floor."""
    best = max_discount_for_floor(facts, extras_cost(facts))
    if best is None:
        return "price", (
            "Even at list price the margin stays under the floor: raise the price or "
            "narrow the scope."
        )
    prefix = f"{reason} " if reason else ""
    why = f"{prefix}At most {best}% off keeps the floor; bring the discount back to it."
    return "discount", why


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


def resets_for(
    signals: dict[str, Signal], facts: DealFacts, rules: Rules, severe: tuple[Severe, ...] = ()
) -> tuple[Reset, ...]:
    """What would have to change: the severe signals' changes first, then one line per
    term for every signal at ``reset_severity`` or more, the largest effect first."""
    resets: dict[str, str] = {}
    for found in severe:
        resets.setdefault(found.term, found.change)
    troubling = sorted(
        (s for s in signals.values() if s.severity >= rules.reset_severity),
        key=lambda s: (s.effect, s.key),
    )
    for signal in troubling:
        if signal.key == "margin":
            term, why = margin_reset(facts, signal.reason)
        else:
            term, why = ADVICE[signal.key]
        resets.setdefault(term, why)
    return tuple(Reset(term, why) for term, why in resets.items())


def missing_facts(facts: DealFacts, rules: Rules) -> tuple[str, ...]:
    """The facts a verdict still needs; empty when there is enough history."""
    missing = []
    count = len(facts.interactions)
    if count < rules.min_interactions:
        missing.append(
            f"At least {rules.min_interactions} logged interactions (calls, emails, meetings, "
            f"messages) to judge replies and contact hours: {count} so far."
        )
    if facts.terms.amount <= 0:
        missing.append("The terms: an amount on the deal (and the discount, if any).")
    return tuple(missing)


def by_score(score: int, signals: dict[str, Signal], rules: Rules) -> str:
    """The recommendation of the summed score alone."""
    if score < rules.walk_away_below:
        return WALK_AWAY
    terms_trouble = any(signals[k].severity >= rules.reset_severity for k in TERMS_KEYS)
    if score < rules.pursue_from or terms_trouble:
        return RESET_TERMS
    return PURSUE


def with_severe(recommendation: str, severe_count: int) -> str:
    """One severe signal means at least "reset terms"; two or more mean "walk away"."""
    floor = WALK_AWAY if severe_count >= 2 else RESET_TERMS if severe_count == 1 else PURSUE
    return max(recommendation, floor, key=RANK.__getitem__)


def recommend(
    score: int,
    signals: dict[str, Signal],
    facts: DealFacts,
    rules: Rules,
    severe: tuple[Severe, ...] = (),
) -> tuple[str, tuple[Reset, ...]]:
    """The recommendation and what would have to change (see the module docstring)."""
    if missing_facts(facts, rules):
        return NOT_ENOUGH, ()
    recommendation = with_severe(by_score(score, signals, rules), len(severe))
    return recommendation, resets_for(signals, facts, rules, severe)


def margin_is_healthy(margin_pct: float, floor_pct: float, rules: Rules) -> bool:
    return margin_pct >= floor_pct + rules.healthy_margin_pts


def override_allowed(
    choice: str, severe_count: int, margin_pct: float, floor_pct: float, rules: Rules
) -> bool:
    """May a person's call replace "walk away"? With two severe signals only when the
    margin is healthy; otherwise always (the reason is required by the service)."""
    if choice == WALK_AWAY or severe_count < 2:
        return True
    return margin_is_healthy(margin_pct, floor_pct, rules)
