"""Generated prospects: people for the consumer offerings, companies for the software one."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import TypeVar

from goodfit.demo import words

T = TypeVar("T")

AREA_CODES = ["212", "214", "303", "305", "312", "404", "415", "512", "602", "646", "713", "773"]
DO_NOT_CONTACT_RATE = 0.02


def weighted(rng: random.Random, choices: list[tuple[T, int]]) -> T:
    """One value of ``[(value, weight), …]``."""
    values = [value for value, _ in choices]
    weights = [weight for _, weight in choices]
    return rng.choices(values, weights)[0]


@dataclass(slots=True)
class ProspectPlan:
    key: int
    kind: str
    name: str
    company: str
    email: str
    phone: str
    segment: str
    source: str
    time_zone: str
    preferred_channel: str
    contact_start: dt.time
    contact_end: dt.time
    do_not_contact: bool

    def fields(self) -> dict[str, object]:
        """Model field values (everything but the key)."""
        return {name: getattr(self, name) for name in self.__slots__ if name != "key"}


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _phone(rng: random.Random) -> str:
    # 555-01xx numbers are reserved for fiction.
    return f"+1 {rng.choice(AREA_CODES)} 555 01{rng.randint(0, 99):02d}"


def prospect_plan(rng: random.Random, key: int, kind: str) -> ProspectPlan:
    first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
    if kind == "person":
        company = ""
        email = f"{_slug(first)}.{_slug(last)}{key}@example.com"
        segment = weighted(rng, words.CONSUMER_SEGMENTS)
        channel = weighted(rng, words.CONSUMER_CHANNELS)
        hours = weighted(rng, words.CONSUMER_HOURS)
    else:
        company = f"{rng.choice(words.COMPANY_FIRST)} {rng.choice(words.COMPANY_LAST)}"
        email = f"{_slug(first)}.{_slug(last)}@{_slug(company)}{key}.example"
        segment = weighted(rng, words.BUSINESS_SEGMENTS)
        channel = weighted(rng, words.BUSINESS_CHANNELS)
        hours = weighted(rng, words.BUSINESS_HOURS)
    return ProspectPlan(
        key=key,
        kind=kind,
        name=f"{first} {last}",
        company=company,
        email=email,
        phone=_phone(rng),
        segment=segment,
        source=weighted(rng, words.SOURCES),
        time_zone=weighted(rng, words.PROSPECT_ZONES),
        preferred_channel=channel,
        contact_start=dt.time(hours[0]),
        contact_end=dt.time(hours[1]),
        do_not_contact=rng.random() < DO_NOT_CONTACT_RATE,
    )
