"""Good-money figures: signals over 1,000,000 deals, and `goodfit rescore` on SQLite.

    python bench/money.py                          # 1M deals × 20 interactions; rescore 100k
    python bench/money.py --deals 200000 --skip-rescore
    python bench/money.py --json bench/out/money.json

1. Signals: generates columns for ``--deals`` deals with ``--slots`` interactions each
   (numpy, fixed seed), scores them with ``money_vector.assess_columns`` in chunks and
   reports deals/s. The baseline, measured in the same run on a sample of the same deals,
   is ``money.domain.worth_signals.assess`` one deal at a time (the path the app uses for a deal's
   panel); the two agree (tests/money/domain/test_vector.py).
2. Rescore: copies the 100,000-deal demo database (``bench/out/demo-100000``, built with
   `goodfit demo --deals 100000 --no-serve` when missing), migrates it, and times
   `goodfit rescore --quiet` twice: on the demo as it is (its open deals), and with
   every deal moved to an open stage (100,000 open deals, the worst case). Prints wall
   and CPU seconds against the 30 s target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
TARGET_S = 30.0
DEMO = HERE / "out" / "demo-100000"
EPOCH_2026 = 1_767_225_600


def generate(rng: np.random.Generator, deals: int, slots: int) -> Any:
    """Columns that look like a pipeline: most deals fine, some silent, some costly."""
    from money_vector import Columns

    n = rng.integers(1, slots + 1, deals)
    valid = np.arange(slots)[None, :] < n[:, None]
    start = EPOCH_2026 + rng.integers(0, 300 * 86_400, deals)
    gaps = rng.exponential(2.5 * 86_400, (deals, slots)).astype(np.int64)
    amount = rng.choice([900.0, 6000.0, 24000.0, 60000.0], deals)
    quotes = rng.poisson(1.2, deals)
    discount = rng.choice([0.0, 5, 10, 20, 30], deals, p=[0.7, 0.1, 0.1, 0.07, 0.03])
    promises = rng.poisson(0.1, deals)
    return Columns(
        amount=amount,
        discount_pct=discount,
        cost_to_serve=amount * rng.uniform(0.3, 0.6, deals),
        min_margin_pct=rng.choice([35.0, 40, 45], deals),
        extras=rng.choice([0.0, 500, 1500], deals, p=[0.9, 0.07, 0.03]),
        concession_count=rng.poisson(0.3, deals),
        concession_total=rng.choice([0.0, 800, 3000], deals, p=[0.85, 0.1, 0.05]),
        quotes=quotes,
        same_quote_resends=np.maximum(quotes - 1, 0) * (rng.random(deals) < 0.5),
        promise_discount=(promises > 0) & (discount > 0),
        meeting_points=rng.choice([0.0, 0.5, 1, 2], deals, p=[0.8, 0.1, 0.07, 0.03]),
        future_promises=promises,
        rep_promises=rng.poisson(0.05, deals),
        hours_logged=rng.exponential(2.0, deals),
        utc_offset_s=rng.choice([-8, -6, -5, 0, 1], deals) * 3600,
        work_start_s=np.full(deals, 9 * 3600),
        work_end_s=np.full(deals, 17 * 3600),
        work_days_mask=np.full(deals, 0b111110),
        valid=valid,
        inbound=rng.random((deals, slots)) < 0.4,
        meeting=rng.random((deals, slots)) < 0.1,
        written=rng.random((deals, slots)) < 0.7,
        at=start[:, None] + np.cumsum(gaps, axis=1),
        words=rng.integers(0, 60, (deals, slots)),
        immediate=rng.random((deals, slots)) < 0.02,
    )


def facts_of(c: Any, row: int) -> Any:
    """One deal of the columns as ``signals.DealFacts`` (for the one-deal baseline)."""
    from goodfit.money.domain import worth_signals as s

    def money(v: float) -> Decimal:
        return Decimal(str(round(float(v), 2)))

    zone = f"Etc/GMT{-int(c.utc_offset_s[row]) // 3600:+d}" if c.utc_offset_s[row] else "UTC"

    def channel(slot: int) -> str:
        if c.meeting[row, slot]:
            return "meeting"
        return "email" if c.written[row, slot] else "call"

    items = [
        s.InteractionFact(
            slot + 1, "in" if c.inbound[row, slot] else "out", channel(slot),
            dt.datetime.fromtimestamp(int(c.at[row, slot]), dt.UTC), int(c.words[row, slot]),
            frozenset({"immediate_demand"}) if c.immediate[row, slot] else frozenset(),
        )
        for slot in range(c.valid.shape[1]) if c.valid[row, slot]
    ]  # fmt: skip
    return s.DealFacts(
        terms=s.Terms(money(c.amount[row]), money(c.discount_pct[row]),
                      money(c.cost_to_serve[row]), money(c.min_margin_pct[row])),
        interactions=items,
        work_hours=s.WorkHours(zone, dt.time(9), dt.time(17), "12345"),
    )  # fmt: skip


def bench_signals(deals: int, slots: int, chunk: int, sample: int) -> dict[str, Any]:
    from money_vector import assess_columns

    from goodfit.money.domain.worth_signals import assess

    rng = np.random.default_rng(2026)
    scored, seconds, walk = 0, 0.0, 0
    while scored < deals:
        size = min(chunk, deals - scored)
        columns = generate(rng, size, slots)
        started = time.perf_counter()
        _, choices = assess_columns(columns)
        seconds += time.perf_counter() - started
        walk += int((choices == 2).sum())
        scored += size
        if scored == size:
            baseline_columns = columns
    facts = [facts_of(baseline_columns, row) for row in range(sample)]
    started = time.perf_counter()
    for item in facts:
        assess(item)
    baseline = time.perf_counter() - started
    return {
        "deals": deals,
        "interaction_slots": slots,
        "vector_seconds": round(seconds, 2),
        "vector_deals_per_s": round(deals / seconds),
        "baseline_sample": sample,
        "baseline_deals_per_s": round(sample / baseline),
        "ratio": round((deals / seconds) / (sample / baseline), 1),
        "walk_away_share": round(walk / deals, 4),
    }


def _run(data_dir: Path, *argv: str) -> tuple[float, float, str]:
    env = {**os.environ, "GOODFIT_DATA_DIR": str(data_dir), "GOODFIT_HTTPS": "0"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "goodfit", *argv], env=env, capture_output=True, text=True
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.exit(f"goodfit {' '.join(argv)} failed:\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


def _all_open(db: Path) -> int:
    with sqlite3.connect(db) as con:
        (team,) = con.execute(
            "SELECT id FROM core_team WHERE name = 'Northwind Advisory'"
        ).fetchone()
        (stage,) = con.execute(
            "SELECT id FROM pipeline_stage WHERE team_id = ? AND outcome = 'open' "
            "ORDER BY position DESC LIMIT 1",
            (team,),
        ).fetchone()
        con.execute("UPDATE pipeline_deal SET stage_id = ?, closed_at = NULL", (stage,))
        con.execute("DELETE FROM money_worthscore")
        return con.execute("SELECT count(*) FROM pipeline_deal").fetchone()[0]


def bench_rescore() -> dict[str, Any]:
    if not (DEMO / "goodfit.sqlite3").exists():
        print("Building the 100,000-deal demo (once) …", flush=True)
        _run(DEMO, "demo", "--deals=100000", "--no-serve")
    results = {}
    for label in ("demo", "all_open"):
        work = HERE / "out" / f"money-rescore-{label}"
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(DEMO, work)
        _run(work, "manage", "migrate", "--no-input")
        if label == "all_open":
            _all_open(work / "goodfit.sqlite3")
        wall, cpu, line = _run(work, "rescore", "--quiet")
        results[label] = {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "output": line}
        shutil.rmtree(work, ignore_errors=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--deals", type=int, default=1_000_000)
    parser.add_argument("--slots", type=int, default=20)
    parser.add_argument("--chunk", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=5_000, help="deals for the baseline")
    parser.add_argument("--skip-rescore", action="store_true")
    parser.add_argument("--skip-signals", action="store_true")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    sys.path.insert(0, str(HERE.parent / "src"))
    figures: dict[str, Any] = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs"}
    if not args.skip_signals:
        signals = bench_signals(args.deals, args.slots, args.chunk, args.sample)
        figures["signals"] = signals
        print(
            f"Signals: {signals['deals']:,} deals × {args.slots} interactions in "
            f"{signals['vector_seconds']} s = {signals['vector_deals_per_s']:,} deals/s "
            f"(one deal at a time: {signals['baseline_deals_per_s']:,} deals/s; "
            f"×{signals['ratio']})"
        )
    if not args.skip_rescore:
        figures["rescore"] = rescore = bench_rescore()
        for label, row in rescore.items():
            verdict = "within" if row["wall_s"] <= TARGET_S else "OVER"
            print(
                f"Rescore ({label}): {row['wall_s']} s wall, {row['cpu_s']} s CPU — "
                f"{verdict} the {TARGET_S:.0f} s target. {row['output']}"
            )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n")


if __name__ == "__main__":
    main()
