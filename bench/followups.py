"""Speed of the pure follow-up modules over large inputs.

    python bench/followups.py              # 1,000,000 deal histories, 100,000 checks
    python bench/followups.py --deals 200000 --checks 20000

Prints the time per call and the throughput for: come-back rates over N deal
histories, "tomorrow at 10" scheduling, the cadence guard with 10 touches, and sandboxed
template rendering. No database, no Django.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time

from goodfit.followups.domain.cadence import CadencePolicy, cadence_check
from goodfit.followups.domain.comeback import DealHistory, comeback_rates
from goodfit.followups.domain.sandbox import render
from goodfit.followups.domain.timing import ContactHours, Delay, Rung, due_for_rung

NOW = dt.datetime(2025, 3, 8, 18, 0, tzinfo=dt.UTC)
SOURCES = ["web form", "cold call", "referral", "event", "partner"]
TEMPLATE = "Hi {{ prospect_first_name }}, I'll call you {{ time }} about {{ offering|lower }}."


def histories(n: int, rng: random.Random) -> list[DealHistory]:
    def ago(days: int) -> dt.datetime:
        return NOW - dt.timedelta(days=days)

    return [
        DealHistory(
            rng.choice(SOURCES),
            ago(rng.randint(0, 700)),
            (ago(rng.randint(0, 700)),),
            (ago(rng.randint(0, 700)),) if rng.random() < 0.3 else (),
            rng.random() < 0.2,
        )
        for _ in range(n)
    ]


def timed(label: str, count: int, run) -> None:
    start = time.perf_counter()
    run()
    seconds = time.perf_counter() - start
    print(f"{label:<42} {count:>9,}  {seconds:7.2f} s  {count / seconds:>12,.0f}/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=1_000_000)
    parser.add_argument("--checks", type=int, default=100_000)
    args = parser.parse_args()
    rng = random.Random(3)
    deals = histories(args.deals, rng)
    timed(
        "come-back rates over deal histories",
        args.deals,
        lambda: comeback_rates(deals, now=NOW, threshold=0.1),
    )
    hours = ContactHours("America/New_York", dt.time(9), dt.time(17))
    rung = Rung(Delay.DAYS, 1, dt.time(10))
    moments = [
        NOW + dt.timedelta(minutes=rng.randint(0, 60 * 24 * 365)) for _ in range(args.checks)
    ]
    timed(
        "tomorrow at 10 (DST-safe)",
        args.checks,
        lambda: [due_for_rung(m, rung, hours) for m in moments],
    )
    policy = CadencePolicy(3, dt.timedelta(days=7))
    touches = [NOW + dt.timedelta(hours=rng.randint(-200, 200)) for _ in range(10)]
    timed(
        "cadence guard, 10 touches",
        args.checks,
        lambda: [
            cadence_check(when=m, now=NOW, hours=hours, touches=touches, policy=policy)
            for m in moments
        ],
    )
    values = {"prospect_first_name": "Dana", "time": "Tuesday at 10:00", "offering": "Ledgerly"}
    timed(
        "sandboxed template render",
        args.checks,
        lambda: [render(TEMPLATE, values) for _ in range(args.checks)],
    )


if __name__ == "__main__":
    main()
