"""Good-money signals: is this deal worth what it costs to win and to serve?

Pure Python over dataclasses (no Django): services turn rows into ``DealFacts``;
``assess`` returns a worth score 0–100, the signals ranked by their effect (each with
value, weight, a reason in plain words and the ids of the rows behind it) and a
recommendation. Every signal's severity is 0–1 and never falls when bad evidence is
added; the score is 100 minus the sum of weight × severity, so adding a bad signal never
raises it. Interactions are put in time order first, so the order they come in is moot.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable
from decimal import Decimal
from zoneinfo import ZoneInfo

from goodfit.money.domain.advice import missing_facts, recommend
from goodfit.money.domain.conversation import Conversation, conversation
from goodfit.money.domain.facts import (
    DISCOUNT,
    FUTURE_PROMISE,
    IMMEDIATE,
    REP_PROMISE,
    ConcessionFact,
    DealFacts,
    InteractionFact,
    Meeting,
    QuoteFact,
    Terms,
    TimeEntry,
    WorkHours,
    extras_cost,
)
from goodfit.money.domain.findings import Assessment, Evidence, Reset, Severe, Signal
from goodfit.money.domain.rules import SIGNAL_KEYS, Rules
from goodfit.money.domain.severe import Context, severe_signals
from goodfit.pipeline.domain.rules import deal_margin_pct, net_amount

__all__ = [
    "Assessment", "ConcessionFact", "DealFacts", "Evidence", "InteractionFact", "Meeting",
    "QuoteFact", "Reset", "Severe", "Signal", "Terms", "TimeEntry", "WorkHours", "assess",
]  # fmt: skip

BAD_MEETINGS = {"declined": 1.0, "missed": 1.0, "rescheduled": 0.5}


def clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def ramp(value: float, ok: float, full: float) -> float:
    """0 at or below ``ok``, 1 at or above ``full``, linear between."""
    return clamp((value - ok) / (full - ok))


def _ids(
    kind: str, rows: Iterable[InteractionFact | ConcessionFact | QuoteFact | TimeEntry]
) -> tuple[Evidence, ...]:
    return tuple(sorted(Evidence(kind, r.id) for r in rows)) if rows else ()


def _money(value: Decimal | float, currency: str) -> str:
    return f"{value:,.0f} {currency}".strip()


def _number(value: Decimal | int) -> str:
    """80.00 → "80", 12.50 → "12.5" (an int from an unsaved deal is fine too)."""
    return f"{Decimal(value).normalize():f}"


def _plural(count: int, word: str) -> str:
    plural = "es" if word.endswith("ch") else "s"
    return f"{count} {word}{'' if count == 1 else plural}"


# ---- the signals ----------------------------------------------------------------------


def margin_signal(facts: DealFacts, rules: Rules) -> Signal:
    t = facts.terms
    extras = extras_cost(facts)
    margin = deal_margin_pct(t.amount, t.discount_pct, t.cost_to_serve + extras)
    floor = float(t.min_margin_pct)
    value = -100.0 if margin is None else float(margin)
    severity = clamp((floor - value) / rules.margin_full_gap_pts)
    extra = f" and {_money(extras, facts.currency)} of free extras" if extras else ""
    reason = (
        f"Margin after a {_number(t.discount_pct)}% discount{extra} is "
        + ("nothing: no revenue" if margin is None else f"{_number(margin)}%")
        + f", against the offering's {_number(t.min_margin_pct)}% floor."
    )
    given = [c for c in facts.concessions if c.kind != DISCOUNT]
    return _signal("margin", "Margin", value, severity, reason, _ids("concession", given), rules)


def concessions_signal(facts: DealFacts, rules: Rules) -> Signal:
    given = facts.concessions
    total = sum((c.value for c in given), Decimal(0))
    amount = facts.terms.amount
    share = float(total / amount * 100) if amount > 0 else (100.0 if total else 0.0)
    severity = clamp(
        max(len(given) / rules.concessions_full_count, share / rules.concessions_full_share_pct)
    )
    kinds = sorted({c.kind.replace("_", " ") for c in given})
    reason = (
        f"{_plural(len(given), 'concession')} given ({', '.join(kinds)}), worth "
        f"{_money(total, facts.currency)}: {share:.0f}% of the amount."
        if given
        else "No concessions given."
    )
    return _signal(
        "concessions", "Concessions", len(given), severity, reason, _ids("concession", given), rules
    )


def after_hours_signal(facts: DealFacts, talk: Conversation, rules: Rules) -> Signal:
    hours = facts.work_hours
    zone = ZoneInfo(hours.time_zone)
    late = [i for i in talk.inbound if not hours.covers(i.occurred_at, zone)]
    demands = [i for i in late if IMMEDIATE in i.flags]
    severity = clamp((len(late) + len(demands)) / rules.after_hours_full)
    reason = (
        f"{len(late)} of {len(talk.inbound)} inbound contacts came outside the rep's working "
        f"hours ({facts.work_hours.describe()})"
        + (f", {len(demands)} demanding an immediate answer." if demands else ".")
    )
    return _signal(
        "after_hours", "Contact after hours", len(late), severity, reason,
        _ids("interaction", late), rules,
    )  # fmt: skip


def unanswered_signal(talk: Conversation, rules: Rules) -> Signal:
    sent, ignored = talk.messages_out, talk.unanswered
    share = len(ignored) / len(sent) if sent else 0.0
    trust = min(1.0, len(sent) / rules.unanswered_min_messages)
    severity = ramp(share, rules.unanswered_ok_share, 1.0) * trust
    reason = (
        f"{len(ignored)} of our {len(sent)} messages got no reply ({share:.0%})."
        if sent
        else "We have sent no messages yet."
    )
    return _signal(
        "unanswered", "Unanswered messages", round(share, 4), severity, reason,
        _ids("interaction", ignored), rules,
    )  # fmt: skip


def latency_signal(talk: Conversation, rules: Rules) -> Signal:
    waits = [hours for hours, _ in talk.replies]
    if not waits:
        reason = "No replies to our messages yet to time."
        return _signal("reply_latency", "Reply time", 0.0, 0.0, reason, (), rules)
    median = statistics.median(waits)
    severity = ramp(median, rules.latency_ok_hours, rules.latency_full_hours)
    half = len(waits) // 2
    slowing = False
    if half >= 2:
        early, late = statistics.median(waits[:half]), statistics.median(waits[-half:])
        slowing = late >= rules.latency_trend_factor * max(early, 1.0)
    if slowing:
        severity = clamp(severity + 0.25)
    reason = f"The prospect's median reply comes after {median:.0f} hours" + (
        ", and replies are getting slower." if slowing else "."
    )
    evidence = _ids("interaction", [reply for _, reply in talk.replies])
    return _signal(
        "reply_latency", "Reply time", round(median, 2), severity, reason, evidence, rules
    )


def terse_signal(talk: Conversation, rules: Rules) -> Signal:
    written = talk.written_replies
    terse = [i for i in written if i.word_count <= rules.terse_words]
    share = len(terse) / len(written) if written else 0.0
    trust = min(1.0, len(written) / rules.terse_min_replies)
    severity = ramp(share, rules.terse_ok_share, 1.0) * trust
    reason = (
        f"{len(terse)} of {len(written)} written replies were one or two words ({share:.0%})."
        if written
        else "No written replies yet."
    )
    return _signal(
        "terse_replies", "One- or two-word replies", round(share, 4), severity, reason,
        _ids("interaction", terse), rules,
    )  # fmt: skip


def meetings_signal(facts: DealFacts, rules: Rules) -> Signal:
    bad = [m for m in facts.meetings if m.outcome in BAD_MEETINGS]
    if not bad:
        reason = "Every meeting set so far was kept."
        return _signal("meetings", "Meetings not kept", 0.0, 0.0, reason, (), rules)
    points = sum(BAD_MEETINGS[m.outcome] for m in bad)
    severity = clamp(points / rules.meetings_full)
    counts = {o: sum(1 for m in bad if m.outcome == o) for o in BAD_MEETINGS}
    words = [f"{n} {o}" for o, n in counts.items() if n]
    reason = f"Meeting and call times not kept: {', '.join(words)}."
    evidence = tuple(sorted(Evidence("interaction", m.id) for m in bad))
    return _signal("meetings", "Meetings not kept", points, severity, reason, evidence, rules)


def quotes_signal(facts: DealFacts, rules: Rules) -> Signal:
    quotes = sorted(facts.quotes, key=lambda q: (q.sent_at, q.version, q.id))
    resends = max(0, len(quotes) - 1)
    pairs = itertools.pairwise(quotes)
    same = sum(1 for a, b in pairs if (a.amount, a.terms) == (b.amount, b.terms))
    severity = ramp(resends, rules.quote_free_resends, rules.quote_full_resends)
    reason = (
        f"The quote was sent {len(quotes)} times; {same} of the re-sends had the same terms."
        if resends
        else "The quote has not been re-sent."
    )
    return _signal(
        "quote_resends", "Quote re-sends", resends, severity, reason,
        _ids("quote", quotes[1:]), rules,
    )  # fmt: skip


def promises_signal(talk: Conversation, key: str, rules: Rules) -> Signal:
    flag = FUTURE_PROMISE if key == "future_promises" else REP_PROMISE
    flagged = [i for i in talk.ordered if flag in i.flags]
    severity = clamp(len(flagged) / rules.promises_full)
    if key == "future_promises":
        label = "Promises of future business"
        reason = (
            f"{_plural(len(flagged), 'promise')} of more business later; such promises come "
            "true about 2% of the time, so judge this deal on its own terms."
        )
    else:
        label = "Hard promises we made"
        reason = f"The rep made {_plural(len(flagged), 'hard promise')} that will be hard to keep."
    if not flagged:
        reason = "None flagged."
    return _signal(key, label, len(flagged), severity, reason, _ids("interaction", flagged), rules)


def effort_signal(facts: DealFacts, talk: Conversation, rules: Rules) -> Signal:
    t = facts.terms
    logged = float(sum((e.hours for e in facts.time_entries), Decimal(0)))
    hours = logged + len(talk.ordered) * rules.touch_hours
    kept = float(net_amount(t.amount, t.discount_pct) - t.cost_to_serve - extras_cost(facts))
    if hours <= 0:
        reason = "No time spent yet."
        return _signal("effort", "Margin per hour of work", 0.0, 0.0, reason, (), rules)
    per_hour = kept / hours
    severity = clamp((rules.min_margin_per_hour - per_hour) / rules.min_margin_per_hour)
    reason = (
        f"{_plural(len(talk.ordered), 'touch')} and {logged:g} hours logged (about {hours:.1f} "
        f"hours) for {_money(kept, facts.currency)} of margin: "
        f"{_money(per_hour, facts.currency)} per hour."
    )
    evidence = _ids("time_entry", facts.time_entries)
    return _signal("effort", "Margin per hour of work", round(per_hour, 2), severity, reason,
                   evidence, rules)  # fmt: skip


def _signal(
    key: str,
    label: str,
    value: float,
    severity: float,
    reason: str,
    evidence: tuple[Evidence, ...],
    rules: Rules,
) -> Signal:
    weight, severity = rules.weight(key), round(severity, 4)
    effect = 0.0 - round(weight * severity, 2)
    return Signal(key, label, float(value), weight, severity, reason, evidence, effect)


def all_signals(
    facts: DealFacts, rules: Rules, talk: Conversation | None = None
) -> dict[str, Signal]:
    talk = talk or conversation(facts.interactions)
    found = [
        margin_signal(facts, rules),
        concessions_signal(facts, rules),
        after_hours_signal(facts, talk, rules),
        unanswered_signal(talk, rules),
        latency_signal(talk, rules),
        terse_signal(talk, rules),
        meetings_signal(facts, rules),
        quotes_signal(facts, rules),
        promises_signal(talk, "future_promises", rules),
        promises_signal(talk, "rep_promises", rules),
        effort_signal(facts, talk, rules),
    ]
    return {s.key: s for s in found}


def score_of(signals: dict[str, Signal]) -> int:
    penalty = sum(signals[k].weight * signals[k].severity for k in SIGNAL_KEYS if k in signals)
    return max(0, min(100, round(100 - penalty)))


def assess(facts: DealFacts, rules: Rules | None = None) -> Assessment:
    """The worth score, the signals ranked by effect and what to do about the deal."""
    rules = rules or Rules()
    talk = conversation(facts.interactions)
    signals = all_signals(facts, rules, talk)
    score = score_of(signals)
    ranked = sorted(signals.values(), key=lambda s: (s.effect, SIGNAL_KEYS.index(s.key)))
    missing = missing_facts(facts, rules)
    severe = () if missing else severe_signals(Context(facts, talk, signals, rules))
    recommendation, resets = recommend(score, signals, facts, rules, severe)
    return Assessment(score, recommendation, tuple(ranked), resets, severe, missing)
