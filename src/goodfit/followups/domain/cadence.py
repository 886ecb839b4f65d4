"""The cadence guard: may we touch this prospect at this moment? If not, why, and when?

Pure Python. A "touch" is any contact with the prospect we made or have scheduled
(outbound interactions, open follow-ups). The rule is "at most ``max_touches`` in any
window of ``window`` length", checked over every window that contains the new touch, so
neither past nor already-scheduled touches can be crowded.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from goodfit.followups.domain.timing import UTC, ContactHours, next_in_hours
from goodfit.followups.domain.when import in_zones


@dataclass(frozen=True)
class CadencePolicy:
    max_touches: int = 3
    window: dt.timedelta = dt.timedelta(days=7)

    def __post_init__(self) -> None:
        if self.max_touches < 1:
            raise ValueError("max_touches must be at least 1")
        if self.window <= dt.timedelta(0):
            raise ValueError("window must be positive")


class Reason:
    DO_NOT_CONTACT = "do_not_contact"
    OUTSIDE_HOURS = "outside_hours"
    TOO_MANY_TOUCHES = "too_many_touches"
    IN_THE_PAST = "in_the_past"


@dataclass(frozen=True)
class Refusal:
    code: str
    message: str


@dataclass(frozen=True)
class CadenceCheck:
    """``allowed`` or not; ``refusals`` say why; ``next_allowed`` is the first moment that
    passes every rule (None when no moment ever will, as for do-not-contact)."""

    allowed: bool
    refusals: tuple[Refusal, ...]
    next_allowed: dt.datetime | None

    def explain(self, prospect_zone: str, rep_zone: str | None = None) -> str:
        """Why, and the next allowed time on the prospect's clock (and the rep's)."""
        text = " ".join(r.message for r in self.refusals)
        if self.next_allowed is not None:
            when = in_zones(self.next_allowed, prospect_zone, rep_zone or prospect_zone)
            text += f" The next allowed time is {when}."
        return text


def busiest_window(when: dt.datetime, touches: Sequence[dt.datetime], window: dt.timedelta) -> int:
    """The most touches in any ``window``-long span [s, s + window) that contains ``when``."""
    starts = [when] + [u for u in touches if when - window < u <= when]
    return max(sum(1 for u in touches if s <= u < s + window) for s in starts)


def _fits(when: dt.datetime, touches: Sequence[dt.datetime], policy: CadencePolicy) -> bool:
    return busiest_window(when, touches, policy.window) < policy.max_touches


def _next_fitting(
    when: dt.datetime, touches: Sequence[dt.datetime], policy: CadencePolicy, hours: ContactHours
) -> dt.datetime:
    # The busiest window can only shrink when a touch leaves it, at u + window; so those
    # moments (pushed into contact hours) are the only candidates worth trying.
    candidate = next_in_hours(when, hours)
    for _ in range(len(touches) + 2):
        if _fits(candidate, touches, policy):
            return candidate
        later = [u + policy.window for u in touches if u + policy.window > candidate]
        candidate = next_in_hours(min(later), hours)
    raise AssertionError("every touch leaves the window eventually")  # pragma: no cover


def cadence_check(
    *,
    when: dt.datetime,
    now: dt.datetime,
    hours: ContactHours,
    touches: Sequence[dt.datetime],
    policy: CadencePolicy,
    do_not_contact: bool = False,
    who: str = "the prospect",
) -> CadenceCheck:
    """Check a proposed follow-up time against every rule; say why it is refused."""
    if do_not_contact:
        message = f"{_cap(who)} asked not to be contacted, so no follow-up can be scheduled."
        return CadenceCheck(False, (Refusal(Reason.DO_NOT_CONTACT, message),), None)
    refusals: list[Refusal] = []
    if when < now - dt.timedelta(minutes=1):
        refusals.append(Refusal(Reason.IN_THE_PAST, "That time has already passed."))
    if not hours.contains(when):
        local = when.astimezone(hours.tz)
        refusals.append(
            Refusal(
                Reason.OUTSIDE_HOURS,
                f"{local:%a %H:%M} is outside {who}'s contact hours ({hours.describe()}).",
            )
        )
    count = busiest_window(when, touches, policy.window)
    if count >= policy.max_touches:
        refusals.append(
            Refusal(
                Reason.TOO_MANY_TOUCHES,
                f"{_cap(who)} already has {count} touches within {_days(policy.window)} of that "
                f"time; the team allows at most {policy.max_touches}.",
            )
        )
    if not refusals:
        return CadenceCheck(True, (), when.astimezone(UTC))
    start = max(when, now)
    return CadenceCheck(False, tuple(refusals), _next_fitting(start, touches, policy, hours))


def _days(window: dt.timedelta) -> str:
    days = window / dt.timedelta(days=1)
    if days == int(days):
        return f"{int(days)} day{'s' if days != 1 else ''}"
    return f"{window / dt.timedelta(hours=1):g} hours"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
