"""The good-money score for many deals at once, from columns (numpy, no Django).

A benchmark of the worth rules' arithmetic, not a part of the app: `goodfit rescore`
stores every signal's reason and evidence, which only ``worth_signals.assess`` gives, so
the app scores deal by deal (bench/rescore_parts.py measures what the columns would
save). The same arithmetic as ``worth_signals.assess`` (tests/money/domain/test_vector.py
compares the two), laid out as arrays:
one entry per deal, and one row of ``N`` interaction slots per deal (``valid`` marks the
slots in use; slots of a deal are in id order). Local times come from a fixed UTC offset
per deal, which is what the caller knows for the period scored.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from goodfit.money.domain.conversation import WRITTEN
from goodfit.money.domain.rules import SIGNAL_KEYS, Rules

if TYPE_CHECKING:
    from goodfit.money.domain.facts import DealFacts

F = npt.NDArray[np.float64]
I = npt.NDArray[np.int64]  # noqa: E741
B = npt.NDArray[np.bool_]
DAY = 86_400
RECOMMENDATIONS = ("pursue", "reset_terms", "walk_away", "not_enough_history")


@dataclass
class Columns:
    # per deal
    amount: F
    discount_pct: F
    cost_to_serve: F
    min_margin_pct: F
    extras: F  # value of concessions that are not discounts
    concession_count: I
    concession_total: F
    quotes: I
    same_quote_resends: I  # the most times one set of terms was re-sent
    promise_discount: B  # a future-business promise came with a discount (severe.py)
    meeting_points: F  # declined and missed count 1, rescheduled 0.5
    future_promises: I
    rep_promises: I
    hours_logged: F
    utc_offset_s: I
    work_start_s: I  # seconds after local midnight
    work_end_s: I
    work_days_mask: I  # bit d set for ISO weekday d
    # per interaction slot, shape (deals, N)
    valid: B
    inbound: B
    meeting: B
    written: B
    at: I  # seconds since the epoch, UTC
    words: I
    immediate: B


def _clip(x: F) -> F:
    return np.clip(x, 0.0, 1.0)


def _ramp(x: F, ok: float, full: float) -> F:
    return _clip((x - ok) / (full - ok))


def _ratio(part: F, whole: F) -> F:
    return np.divide(part, whole, out=np.zeros_like(part), where=whole > 0)


def _median_of_prefix(values: F, count: I) -> F:
    """Median of the first ``count`` values of each row (NaN where count is 0)."""
    ordered = np.sort(values, axis=1)  # NaN sorts last
    low = np.clip((count - 1) // 2, 0, None)[:, None]
    high = np.clip(count // 2, 0, values.shape[1] - 1)[:, None]
    mid = (np.take_along_axis(ordered, low, 1) + np.take_along_axis(ordered, high, 1)) / 2
    return np.where(count > 0, mid[:, 0], np.nan)


def _margin_pct(c: Columns) -> tuple[F, F]:
    revenue = np.round(c.amount * (100 - c.discount_pct) / 100, 2)
    cost = c.cost_to_serve + c.extras
    margin = np.where(revenue > 0, np.round(_ratio(revenue - cost, revenue) * 100, 1), -100.0)
    return margin, revenue


def _margin(c: Columns, rules: Rules) -> tuple[F, F]:
    margin, revenue = _margin_pct(c)
    severity = _clip((c.min_margin_pct - margin) / rules.margin_full_gap_pts)
    return severity, revenue


def _late(c: Columns) -> B:
    """Inbound contacts outside the rep's working hours and days."""
    local = c.at + c.utc_offset_s[:, None]
    seconds, day = local % DAY, local // DAY
    weekday = (day + 3) % 7 + 1  # 1970-01-01 was a Thursday (ISO 4)
    on_day = (c.work_days_mask[:, None] >> weekday) & 1 == 1
    inside = on_day & (seconds >= c.work_start_s[:, None]) & (seconds < c.work_end_s[:, None])
    late: B = c.valid & c.inbound & ~inside
    return late


def _after_hours(c: Columns, rules: Rules) -> F:
    late = _late(c)
    count = late.sum(1) + (late & c.immediate).sum(1)
    return _clip(count / rules.after_hours_full)


def _exchange(c: Columns) -> tuple[B, I, I]:
    """Inbound contacts and our non-meeting messages, in time order, packed to the left."""
    n = c.valid.shape[1]
    slots = np.arange(n)
    by_time = np.argsort(np.where(c.valid, c.at, np.iinfo(np.int64).max), axis=1, kind="stable")
    inbound, meeting = (np.take_along_axis(a, by_time, 1) for a in (c.inbound, c.meeting))
    at = np.take_along_axis(c.at, by_time, 1)
    valid = np.take_along_axis(c.valid, by_time, 1)
    kept = valid & (inbound | ~meeting)
    packed = np.argsort(np.where(kept, slots, n + slots), axis=1, kind="stable")
    return (
        np.take_along_axis(inbound, packed, 1),
        np.take_along_axis(at, packed, 1),
        kept.sum(1),
    )


def _conversation(c: Columns, rules: Rules) -> tuple[F, F, F]:
    inbound, at, count = _exchange(c)
    n = inbound.shape[1]
    slots = np.arange(n)[None, :]
    live = slots < count[:, None]
    ours = live & ~inbound
    next_in = np.zeros_like(inbound)
    next_in[:, :-1] = inbound[:, 1:] & live[:, 1:]
    sent, ignored = ours.sum(1), (ours & ~next_in).sum(1)
    share = _ratio(ignored.astype(float), sent.astype(float))
    trust = np.minimum(1.0, sent / rules.unanswered_min_messages)
    unanswered = _ramp(share, rules.unanswered_ok_share, 1.0) * trust
    latency, median = _latency(inbound & live, at, slots, rules)
    return unanswered, latency, median


def _latency(inbound: B, at: I, slots: I, rules: Rules) -> tuple[F, F]:
    """Severity of the reply time, and the median reply in hours (NaN with no reply)."""
    last_in = np.maximum.accumulate(np.where(inbound, slots, -1), axis=1)
    before = np.full_like(last_in, -1)
    before[:, 1:] = last_in[:, :-1]
    start = before + 1
    reply = inbound & (start < slots)
    started = np.take_along_axis(at, np.minimum(start, at.shape[1] - 1), 1)
    waits = np.where(reply, (at - started) / 3600.0, np.nan)
    packed = np.take_along_axis(waits, np.argsort(~reply, axis=1, kind="stable"), 1)
    m = reply.sum(1)
    median = _median_of_prefix(packed, m)
    severity = np.where(m > 0, _ramp(np.nan_to_num(median), rules.latency_ok_hours,
                                     rules.latency_full_hours), 0.0)  # fmt: skip
    half = m // 2
    early = _median_of_prefix(np.where(slots < half[:, None], packed, np.nan), half)
    late_part = np.where((slots >= (m - half)[:, None]) & (slots < m[:, None]), packed, np.nan)
    late_packed = np.take_along_axis(late_part, np.argsort(np.isnan(late_part), 1, "stable"), 1)
    late = _median_of_prefix(late_packed, half)
    slowing = (half >= 2) & (late >= rules.latency_trend_factor * np.maximum(early, 1.0))
    return _clip(severity + 0.25 * slowing), median


def _terse_counts(c: Columns, rules: Rules) -> tuple[F, F]:
    """Written replies, and those of ``terse_words`` words or fewer, per deal."""
    written = c.valid & c.inbound & c.written & (c.words > 0)
    terse = written & (c.words <= rules.terse_words)
    return written.sum(1).astype(float), terse.sum(1).astype(float)


def _terse(c: Columns, rules: Rules) -> F:
    written = c.valid & c.inbound & c.written & (c.words > 0)
    terse = written & (c.words <= rules.terse_words)
    n = written.sum(1).astype(float)
    share = _ratio(terse.sum(1).astype(float), n)
    trust: F = np.minimum(1.0, n / rules.terse_min_replies)
    return _ramp(share, rules.terse_ok_share, 1.0) * trust


def severities(c: Columns, rules: Rules, talk: tuple[F, F, F] | None = None) -> dict[str, F]:
    """Each signal's severity per deal; ``talk`` is ``_conversation``'s result if known."""
    margin, revenue = _margin(c, rules)
    share = np.where(
        c.amount > 0, _ratio(c.concession_total, c.amount) * 100,
        np.where(c.concession_total > 0, 100.0, 0.0),
    )  # fmt: skip
    unanswered, latency, _ = talk or _conversation(c, rules)
    hours = c.hours_logged + c.valid.sum(1) * rules.touch_hours
    per_hour = _ratio(revenue - c.cost_to_serve - c.extras, hours)
    floor = rules.min_margin_per_hour
    return {
        "margin": margin,
        "concessions": _clip(np.maximum(c.concession_count / rules.concessions_full_count,
                                        share / rules.concessions_full_share_pct)),
        "after_hours": _after_hours(c, rules),
        "unanswered": unanswered,
        "reply_latency": latency,
        "terse_replies": _terse(c, rules),
        "meetings": _clip(c.meeting_points / rules.meetings_full),
        "quote_resends": _ramp(np.maximum(c.quotes - 1, 0).astype(float),
                               rules.quote_free_resends, rules.quote_full_resends),
        "future_promises": _clip(c.future_promises / rules.promises_full),
        "rep_promises": _clip(c.rep_promises / rules.promises_full),
        "effort": np.where(hours > 0, _clip((floor - per_hour) / floor), 0.0),
    }  # fmt: skip


def severe_count(c: Columns, rules: Rules, talk: tuple[F, F, F] | None = None) -> I:
    """How many of the severe rules (``money.domain.severe``) hold for each deal."""
    margin, _ = _margin_pct(c)
    late = _late(c)
    inbound = (c.valid & c.inbound).sum(1).astype(float)
    late_n = late.sum(1).astype(float)
    demands = (late & c.immediate).sum(1)
    after_hours = (
        (late_n > 0)
        & (_ratio(late_n, inbound) * 100 > rules.severe_after_hours_pct)
        & (demands >= rules.severe_demands)
    )
    _, _, median = talk or _conversation(c, rules)
    written, terse = _terse_counts(c, rules)
    slow_terse = (
        (written >= rules.severe_terse_min_replies)
        & (np.nan_to_num(median, nan=-1.0) > rules.severe_latency_hours)
        & (_ratio(terse, written) * 100 > rules.severe_terse_pct)
    )
    found = (
        (c.min_margin_pct - margin >= rules.severe_margin_gap_pts).astype(np.int64)
        + after_hours
        + (c.same_quote_resends >= rules.severe_same_quote_resends)
        + slow_terse
        + c.promise_discount
    )
    return np.asarray(found, dtype=np.int64)


def assess_columns(c: Columns, rules: Rules | None = None) -> tuple[I, I]:
    """Scores 0–100 and recommendations (indexes into ``RECOMMENDATIONS``) per deal.

    The order is ``advice.recommend``'s: too little history first (index 3), then the
    score, then severe signals (one: at least reset terms; two: walk away)."""
    rules = rules or Rules()
    talk = _conversation(c, rules)  # shared by the signals and the severe rules
    found = {k: np.round(v, 4) for k, v in severities(c, rules, talk).items()}
    penalty = sum(rules.weight(k) * found[k] for k in SIGNAL_KEYS)
    score = np.clip(np.rint(100 - penalty), 0, 100).astype(np.int64)
    terms = (
        (found["margin"] >= rules.reset_severity)
        | (found["concessions"] >= rules.reset_severity)
        | (found["rep_promises"] >= rules.reset_severity)
    )
    reset = (score < rules.pursue_from) | terms
    choice = np.where(score < rules.walk_away_below, 2, np.where(reset, 1, 0))
    severe = severe_count(c, rules, talk)
    choice = np.maximum(choice, np.where(severe >= 2, 2, np.where(severe == 1, 1, 0)))
    thin = (c.valid.sum(1) < rules.min_interactions) | (c.amount <= 0)
    return score, np.where(thin, 3, choice).astype(np.int64)


def columns_from(deals: list[DealFacts], slots: int) -> Columns:
    """Columns for ``deals`` (each with at most ``slots`` interactions), mostly for tests.

    The UTC offset of each deal's rep is taken at the deal's first interaction.
    """
    from goodfit.money.domain.facts import FUTURE_PROMISE, IMMEDIATE, REP_PROMISE, extras_cost
    from goodfit.money.domain.severe import promise_for_discount
    from goodfit.money.domain.worth_signals import BAD_MEETINGS

    d = len(deals)
    shape = (d, slots)
    arrays: dict[str, Any] = {name: np.zeros(d) for name in PER_DEAL_FLOATS}
    arrays.update({name: np.zeros(d, dtype=np.int64) for name in PER_DEAL_INTS})
    arrays.update({name: np.zeros(shape, dtype=bool) for name in SLOT_FLAGS})
    arrays.update({name: np.zeros(d, dtype=bool) for name in PER_DEAL_FLAGS})
    arrays.update(at=np.zeros(shape, dtype=np.int64), words=np.zeros(shape, dtype=np.int64))
    c = Columns(**arrays)
    for row, facts in enumerate(deals):
        t, hours = facts.terms, facts.work_hours
        c.amount[row], c.discount_pct[row] = float(t.amount), float(t.discount_pct)
        c.cost_to_serve[row] = float(t.cost_to_serve)
        c.min_margin_pct[row] = float(t.min_margin_pct)
        c.extras[row] = float(extras_cost(facts))
        c.concession_count[row] = len(facts.concessions)
        c.concession_total[row] = float(sum(x.value for x in facts.concessions))
        c.quotes[row] = len(facts.quotes)
        c.same_quote_resends[row] = _same_quote_resends(facts)
        c.promise_discount[row] = promise_for_discount(_context(facts)) is not None
        c.meeting_points[row] = sum(BAD_MEETINGS.get(m.outcome, 0) for m in facts.meetings)
        c.hours_logged[row] = float(sum(e.hours for e in facts.time_entries))
        c.work_start_s[row] = hours.start.hour * 3600 + hours.start.minute * 60
        c.work_end_s[row] = hours.end.hour * 3600 + hours.end.minute * 60
        c.work_days_mask[row] = sum(1 << int(day) for day in hours.days)
        items = sorted(facts.interactions, key=lambda i: i.id)
        c.future_promises[row] = sum(FUTURE_PROMISE in i.flags for i in items)
        c.rep_promises[row] = sum(REP_PROMISE in i.flags for i in items)
        if items:
            zone = ZoneInfo(hours.time_zone)
            offset = items[0].occurred_at.astimezone(zone).utcoffset()
            c.utc_offset_s[row] = int(offset.total_seconds()) if offset else 0
        for slot, item in enumerate(items):
            c.valid[row, slot], c.inbound[row, slot] = True, item.direction == "in"
            c.meeting[row, slot] = item.channel == "meeting"
            c.written[row, slot] = item.channel in WRITTEN
            c.at[row, slot] = int(item.occurred_at.timestamp())
            c.words[row, slot] = item.word_count
            c.immediate[row, slot] = IMMEDIATE in item.flags
    return c


PER_DEAL_FLOATS = (
    "amount", "discount_pct", "cost_to_serve", "min_margin_pct", "extras", "concession_total",
    "meeting_points", "hours_logged",
)  # fmt: skip


def _same_quote_resends(facts: DealFacts) -> int:
    counts = Counter((q.amount, q.terms.strip().lower()) for q in facts.quotes)
    return max(counts.values(), default=1) - 1


def _context(facts: DealFacts) -> Any:
    from goodfit.money.domain.conversation import conversation
    from goodfit.money.domain.severe import Context

    return Context(facts, conversation(facts.interactions), {}, Rules())


PER_DEAL_INTS = (
    "concession_count", "quotes", "same_quote_resends", "future_promises", "rep_promises",
    "utc_offset_s", "work_start_s", "work_end_s", "work_days_mask",
)  # fmt: skip
SLOT_FLAGS = ("valid", "inbound", "meeting", "written", "immediate")
PER_DEAL_FLAGS = ("promise_discount",)
