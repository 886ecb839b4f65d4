"""Where the time of `goodfit rescore` goes, and whether the column scorer would help.

    python bench/rescore_parts.py --data bench/out/demo-20000 [--all-open]

Reads the open deals of a demo database (a copy when ``--all-open`` moves every deal to
an open stage) in the command's chunks and times each part of a re-score separately:
reading the rows into facts, ``worth_signals.assess`` deal by deal, turning the
assessments into the stored JSON fields, and writing the rows (rolled back). Then the
column scorer on the same facts: building its columns from the facts, and scoring them.
The column scorer gives only the score and the recommendation, so it could replace the
``assess`` part only if a stored score needed no reasons, evidence or resets.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def _all_open(db: Path) -> None:
    with sqlite3.connect(db) as con:
        for (team,) in con.execute("SELECT id FROM core_team").fetchall():
            row = con.execute(
                "SELECT id FROM pipeline_stage WHERE team_id = ? AND outcome = 'open' "
                "ORDER BY position DESC LIMIT 1",
                (team,),
            ).fetchone()
            if row:
                con.execute(
                    "UPDATE pipeline_deal SET stage_id = ?, closed_at = NULL WHERE team_id = ?",
                    (row[0], team),
                )


def measure() -> dict[str, float]:
    from django.db import transaction
    from django.utils import timezone
    from money_vector import RECOMMENDATIONS, assess_columns, columns_from

    from goodfit.core.models import Team
    from goodfit.money.domain import worth_signals as sig
    from goodfit.money.domain.findings import score_fields
    from goodfit.money.selectors import _suggest, chunks, facts_for_deals, team_rules
    from goodfit.money.services.worth import _insert_scores
    from goodfit.pipeline.models import Deal, Outcome

    took: dict[str, float] = defaultdict(float)
    deals = disagree = 0
    for team in Team.objects.order_by("id"):
        rules = team_rules(team.pk)
        open_deals = Deal.objects.filter(team=team, stage__outcome=Outcome.OPEN)
        for chunk in chunks(open_deals):
            t0 = time.perf_counter()
            facts = {pk: _suggest(item)[0].facts for pk, item in facts_for_deals(chunk).items()}
            t1 = time.perf_counter()
            results = {pk: sig.assess(f, rules) for pk, f in facts.items()}
            t2 = time.perf_counter()
            rows = {pk: score_fields(r) for pk, r in results.items()}
            t3 = time.perf_counter()
            with transaction.atomic():
                _insert_scores(rows, timezone.now())
                transaction.set_rollback(True)
            t4 = time.perf_counter()
            slots = max((len(f.interactions) for f in facts.values()), default=1) or 1
            columns = columns_from(list(facts.values()), slots)
            t5 = time.perf_counter()
            scores, picks = assess_columns(columns, rules)
            t6 = time.perf_counter()
            for r, score, pick in zip(results.values(), scores, picks, strict=True):
                same = RECOMMENDATIONS[pick] == r.recommendation
                disagree += not (same and (not r.has_verdict or score == r.score))
            deals += len(chunk)
            for part, seconds in (("read rows into facts", t1 - t0), ("assess", t2 - t1),
                                  ("stored fields", t3 - t2), ("write rows", t4 - t3),
                                  ("vector: columns from facts", t5 - t4),
                                  ("vector: score columns", t6 - t5)):  # fmt: skip
                took[part] += seconds
    return {"deals": deals, "disagree": disagree, **took}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="a demo's data directory")
    parser.add_argument("--all-open", action="store_true", help="every deal open (a copy)")
    args = parser.parse_args()
    data = args.data
    if args.all_open:
        data = Path(tempfile.mkdtemp()) / "data"
        shutil.copytree(args.data, data)
        _all_open(data / "goodfit.sqlite3")
    os.environ.update(GOODFIT_DATA_DIR=str(data), GOODFIT_HTTPS="0")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodfit.settings")
    import django

    django.setup()
    found = measure()
    deals = found.pop("deals")
    print(f"{deals:,} open deals; column scorer disagrees on {found.pop('disagree')}")
    for part, seconds in found.items():
        print(f"  {part:<28} {seconds:7.2f} s  {deals / seconds:>10,.0f} deals/s")
    if args.all_open:
        shutil.rmtree(data.parent, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
