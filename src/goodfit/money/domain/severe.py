"""Severe signals: patterns bad enough to act on whatever the total score says.

Pure Python (no Django). The summed score hides a single deal-breaker under many good
signs: a prospect who texts at 11pm demanding an answer *and* answers email on time still
scores well. So each rule below looks for one pattern from the coaching text ("not all
money is good money", seed 002) and, when it holds, names the change it asks for. One
severe signal means at least "reset terms"; two mean "walk away" (``advice.recommend``).

Each rule is a function ``(Context) -> Severe | None`` in ``SEVERE_RULES``; the order of
the table is the order they are shown in.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from goodfit.money.domain.advice import margin_reset
from goodfit.money.domain.facts import DISCOUNT, FUTURE_PROMISE, IMMEDIATE
from goodfit.money.domain.findings import Evidence, Severe, Signal
from goodfit.money.domain.rules import Rules

if TYPE_CHECKING:
    from goodfit.money.domain.conversation import Conversation
    from goodfit.money.domain.facts import DealFacts


@dataclass(frozen=True)
class Context:
    facts: DealFacts
    talk: Conversation
    signals: dict[str, Signal]
    rules: Rules


def _ev(kind: str, ids: list[int]) -> tuple[Evidence, ...]:
    return tuple(Evidence(kind, i) for i in sorted(set(ids)))


def after_hours_demands(ctx: Context) -> Severe | None:
    """Most inbound contact outside the rep's hours, with demands for an immediate answer."""
    hours, rules = ctx.facts.work_hours, ctx.rules
    inbound = ctx.talk.inbound
    zone = ZoneInfo(hours.time_zone)
    late = [i for i in inbound if not hours.covers(i.occurred_at, zone)]
    demands = [i for i in late if IMMEDIATE in i.flags]
    if not late:
        return None
    share = len(late) / len(inbound) * 100
    if share <= rules.severe_after_hours_pct or len(demands) < rules.severe_demands:
        return None
    return Severe(
        "after_hours_demands",
        "After-hours demands",
        f"{len(late)} of {len(inbound)} inbound contacts ({share:.0f}%) came outside the "
        f"rep's hours, {len(demands)} demanding an immediate answer.",
        "contact hours",
        f"Agree to talk within working hours ({hours.describe()}); answer late messages the "
        "next working morning, and say so once, politely.",
        _ev("interaction", [i.id for i in late]),
    )


def same_quote_resent(ctx: Context) -> Severe | None:
    """The same terms (amount and text) sent again and again."""
    counts = Counter((q.amount, q.terms.strip().lower()) for q in ctx.facts.quotes)
    if not counts:
        return None
    (amount, terms), sent = counts.most_common(1)[0]
    resends = sent - 1
    if resends < ctx.rules.severe_same_quote_resends:
        return None
    key = (amount, terms)
    same = [q.id for q in ctx.facts.quotes if (q.amount, q.terms.strip().lower()) == key]
    return Severe(
        "same_quote_resent",
        "Same quote re-sent",
        f"The same quote ({amount:,.0f}, “{_short(terms)}”) was re-sent {resends} times.",
        "quote",
        "Send one final quote with an expiry date and stop re-sending it; ask what is "
        "missing for a decision instead.",
        _ev("quote", same),
    )


def slow_and_terse(ctx: Context) -> Severe | None:
    """Slow replies that say little: the prospect is not engaged."""
    rules, talk = ctx.rules, ctx.talk
    waits = [hours for hours, _ in talk.replies]
    written = talk.written_replies
    if not waits or len(written) < rules.severe_terse_min_replies:
        return None
    median = statistics.median(waits)
    terse = [i for i in written if i.word_count <= rules.terse_words]
    share = len(terse) / len(written) * 100
    if median <= rules.severe_latency_hours or share <= rules.severe_terse_pct:
        return None
    return Severe(
        "slow_and_terse",
        "Slow, one-word replies",
        f"The median reply comes after {median:.0f} hours (limit {rules.severe_latency_hours:g})"
        f" and {len(terse)} of {len(written)} written replies were one or two words.",
        "commitment",
        "Ask for a decision date and a committed time for the next call; if they will not "
        "commit, step back.",
        _ev("interaction", [i.id for i in terse] + [r.id for _, r in talk.replies]),
    )


def promise_for_discount(ctx: Context) -> Severe | None:
    """A promise of future business traded for a discount now."""
    facts = ctx.facts
    promises = [i for i in ctx.talk.ordered if FUTURE_PROMISE in i.flags]
    if not promises:
        return None
    first = promises[0].occurred_at
    after = [c for c in facts.concessions if c.kind == DISCOUNT and c.at >= first]
    if not after and facts.terms.discount_pct <= 0:
        return None
    given = f"{_num(facts.terms.discount_pct)}% off" if facts.terms.discount_pct > 0 else ""
    if after:
        given = given or f"{len(after)} discount concession{'s' if len(after) > 1 else ''}"
    return Severe(
        "promise_for_discount",
        "Discount for promised business",
        f"A promise of more business later came with a discount now ({given}); such "
        "promises come true about 2% of the time.",
        "discount",
        "Price this deal on its own: take the discount back, or write the promised volume "
        "into a contract with volume pricing.",
        _ev("interaction", [i.id for i in promises]) + _ev("concession", [c.id for c in after]),
    )


def margin_far_below(ctx: Context) -> Severe | None:
    """The margin far under the offering's floor."""
    margin = ctx.signals["margin"]
    floor = float(ctx.facts.terms.min_margin_pct)
    gap = floor - margin.value
    if gap < ctx.rules.severe_margin_gap_pts:
        return None
    term, change = margin_reset(ctx.facts)
    return Severe(
        "margin_far_below",
        "Margin far under the floor",
        f"{margin.reason} That is {gap:.0f} points under it.",
        term,
        change,
        margin.evidence,
    )


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _num(value: Decimal | int) -> str:
    return f"{Decimal(value).normalize():f}"


Rule = Callable[[Context], Severe | None]
SEVERE_RULES: tuple[tuple[str, Rule], ...] = (
    ("margin_far_below", margin_far_below),
    ("after_hours_demands", after_hours_demands),
    ("same_quote_resent", same_quote_resent),
    ("slow_and_terse", slow_and_terse),
    ("promise_for_discount", promise_for_discount),
)
# The summed signals each severe signal already speaks for (lists show them once).
COVERS: dict[str, tuple[str, ...]] = {
    "margin_far_below": ("margin",),
    "after_hours_demands": ("after_hours",),
    "same_quote_resent": ("quote_resends",),
    "slow_and_terse": ("reply_latency", "terse_replies"),
    "promise_for_discount": ("future_promises",),
}


def severe_signals(ctx: Context) -> tuple[Severe, ...]:
    found = (rule(ctx) for _, rule in SEVERE_RULES)
    return tuple(s for s in found if s is not None)
