"""Fit diagnosis speed: pure diagnoses per second, and `goodfit rediagnose` on SQLite.

    python bench/diagnosis.py                      # 1,000,000 answer sets, 100,000 deals
    python bench/diagnosis.py --sets 200000 --deals 20000
    python bench/diagnosis.py --skip-db            # only the pure part

Pure part: a generated playbook of 20 questions and 15 criteria (3 disqualifiers,
4 must-haves, 8 signals, two conditions each), compiled once, diagnoses ``--sets``
generated answer sets (three in four questions answered) on one core: verdict and score,
as bulk re-diagnosis needs them. On the first 100,000 sets the same run also measures
the baseline, a straightforward interpreter that reads the playbook document on every
call (what the code would be without care), and the criterion-by-criterion evaluator
behind the explanations (``diagnose_full``), and checks that all agree.

Database part: a fresh SQLite data directory with ``--deals`` open deals of one
offering, six answers and one diagnosis each; then the playbook changes (a new version)
and ``goodfit rediagnose`` runs end to end (management command, progress bar, summary).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections import Counter
from decimal import Decimal
from typing import Any

TARGET_PER_SECOND = 50_000
TARGET_REDIAGNOSE_S = 30.0
TYPES = ["yes_no", "number", "choice", "money", "choices"]
CHOICES = ["a", "b", "c", "d"]


def playbook_document(threshold: float = 6) -> dict[str, Any]:
    questions = []
    for i in range(20):
        kind = TYPES[i % len(TYPES)]
        question: dict[str, Any] = {"key": f"q{i}", "text": f"Question {i}?", "type": kind}
        if kind in ("choice", "choices"):
            question["choices"] = CHOICES
        questions.append(question)

    def condition(i: int, rare: bool) -> dict[str, Any]:
        kind = questions[i]["type"]
        op, value = {
            "yes_no": ("is", True),
            "number": ("gte", 9 if rare else 3),
            "choice": ("is", "d") if rare else ("in", ["a", "b", "c"]),
            "money": ("gte", 9500 if rare else 2000),
            "choices": ("includes", "d") if rare else ("includes_any", ["a", "b"]),
        }[kind]
        return {"question": f"q{i}", "op": op, "value": value}

    criteria = []
    for j in range(15):
        kind = "disqualifier" if j < 3 else "must_have" if j < 7 else "signal"
        first, second = j, (j + 7) % 20
        criterion: dict[str, Any] = {
            "key": f"c{j}",
            "kind": kind,
            "match": "all" if kind == "disqualifier" else "any",
            "when": [condition(first, kind == "disqualifier"), condition(second, False)],
            "reason": f"Criterion {j}",
        }
        if kind == "signal":
            criterion["weight"] = -2 if j % 4 == 0 else (j % 3) + 1
            criterion["benefit"] = f"Benefit {j}"
        criteria.append(criterion)
    return {"threshold": threshold, "questions": questions, "criteria": criteria}


def answer_sets(rng: random.Random, n: int, answered: float = 0.75) -> list[dict[str, Any]]:
    kinds = TYPES * 4
    sets = []
    for _ in range(n):
        answers: dict[str, Any] = {}
        for i, kind in enumerate(kinds):
            if rng.random() > answered:
                continue
            if kind == "yes_no":
                value: Any = rng.random() < 0.3
            elif kind == "number":
                value = float(rng.randint(0, 10))
            elif kind == "choice":
                value = rng.choice(CHOICES)
            elif kind == "money":
                value = Decimal(rng.randint(0, 10000))
            else:
                value = frozenset(c for c in CHOICES if rng.random() < 0.4)
            answers[f"q{i}"] = value
        sets.append(answers)
    return sets


# The baseline: interpret the document on every call.


def _holds(cond: dict[str, Any], value: Any) -> bool:
    op, target = cond["op"], cond["value"]
    if op == "is":
        return bool(value == target)
    if op == "in":
        return value in target
    if op == "gte":
        return bool(value >= Decimal(str(target)))
    if op == "includes":
        return target in value
    if op == "includes_any":
        return any(t in value for t in target)
    raise ValueError(op)


def baseline_diagnose(document: dict[str, Any], answers: dict[str, Any]) -> str:
    states = []
    for criterion in document["criteria"]:
        results = [
            None if answers.get(c["question"]) is None else _holds(c, answers[c["question"]])
            for c in criterion["when"]
        ]
        if criterion.get("match", "all") == "all":
            state = False if False in results else (None if None in results else True)
        else:
            state = True if True in results else (None if None in results else False)
        states.append((criterion, state))
    if any(c["kind"] == "disqualifier" and s is True for c, s in states):
        return "not_a_fit"
    if any(c["kind"] == "must_have" and s is False for c, s in states):
        return "not_a_fit"
    if any(c["kind"] != "signal" and s is None for c, s in states):
        return "not_enough_information"
    signals = [(c["weight"], s) for c, s in states if c["kind"] == "signal"]
    score = sum(w for w, s in signals if s)
    low = score + sum(w for w, s in signals if s is None and w < 0)
    high = score + sum(w for w, s in signals if s is None and w > 0)
    if low < document["threshold"] <= high:
        return "not_enough_information"
    return "good_fit" if score >= document["threshold"] else "partial_fit"


def bench_pure(total: int, seed: int) -> dict[str, Any]:
    from goodfit.fit.domain.diagnosis import compile_playbook, diagnose, diagnose_full
    from goodfit.fit.domain.playbook_format import playbook_read

    document = playbook_document()
    playbook = compile_playbook(playbook_read(document))
    rng = random.Random(seed)
    verdicts: Counter[str] = Counter()
    elapsed = 0.0
    chunk = 100_000
    baseline_elapsed, baseline_n, agree = 0.0, 0, 0
    full_elapsed, full_agree = 0.0, 0
    chunk_rates: list[float] = []
    for done in range(0, total, chunk):
        sets = answer_sets(rng, min(chunk, total - done))
        started = time.perf_counter()
        results = [diagnose(playbook, answers) for answers in sets]
        took = time.perf_counter() - started
        elapsed += took
        chunk_rates.append(len(sets) / took)
        if done == 0:  # what a page or the API adds: the explanations of each result
            started = time.perf_counter()
            explained = [(r.reasons, r.next_questions, r.talking_points, r.gaps) for r in results]
            explain_elapsed = time.perf_counter() - started
            del explained
        verdicts.update(r.verdict.value for r in results)
        if done == 0:  # the baseline on the first chunk, the same answer sets
            started = time.perf_counter()
            base = [baseline_diagnose(document, answers) for answers in sets]
            baseline_elapsed = time.perf_counter() - started
            baseline_n = len(sets)
            agree = sum(b == r.verdict.value for b, r in zip(base, results, strict=True))
            # The criterion-by-criterion evaluator the explanations use: same results?
            started = time.perf_counter()
            full = [diagnose_full(playbook, answers) for answers in sets]
            full_elapsed = time.perf_counter() - started
            full_agree = sum(
                (f.verdict, f.score) == (r.verdict, r.score)
                for f, r in zip(full, results, strict=True)
            )
            del base, full
    return {
        "sets": total,
        "per_second": total / elapsed,
        "seconds": elapsed,
        "slowest_chunk": min(chunk_rates),
        "fastest_chunk": max(chunk_rates),
        "baseline_per_second": baseline_n / baseline_elapsed,
        "baseline_sets": baseline_n,
        "baseline_agrees": agree == baseline_n,
        "full_per_second": baseline_n / full_elapsed,
        "full_agrees": full_agree == baseline_n,
        "verdicts": dict(verdicts),
        "explain_per_second": min(chunk, total) / explain_elapsed,
    }


# The database part, in a scratch data directory.


def _django(data_dir: str) -> None:
    os.environ["GOODFIT_DATA_DIR"] = data_dir
    os.environ["DJANGO_SETTINGS_MODULE"] = "goodfit.settings"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _populate(n: int, seed: int) -> Any:
    from django.utils import timezone

    from goodfit.core.services import member_create, team_create
    from goodfit.fit.models import Answer, Diagnosis
    from goodfit.fit.services import playbook_save
    from goodfit.pipeline.models import Deal, Prospect
    from goodfit.pipeline.services import offering_create, stages_create_default

    team = team_create(name="Bench", currency="USD", time_zone="UTC")
    user = member_create(team=team, actor=None, username="bench", password="x" * 20).user
    stage = stages_create_default(team=team, actor=user)[0]
    offering = offering_create(
        team=team, actor=user, name="Bench", price=Decimal(100), cost_to_serve=Decimal(10)
    )
    version = playbook_save(offering=offering, actor=user, document=playbook_document())
    now = timezone.now()
    prospects = Prospect.objects.bulk_create(
        [Prospect(team=team, name=f"P{i}") for i in range(n)], batch_size=5000
    )
    deals = Deal.objects.bulk_create(
        [
            Deal(
                team=team,
                prospect=p,
                offering=offering,
                owner=user,
                title=p.name,
                amount=Decimal(100),
                currency="USD",
                stage=stage,
                created_at=now,
                updated_at=now,
            )
            for p in prospects
        ],
        batch_size=5000,
    )
    rng = random.Random(seed)
    answers, diagnoses = [], []
    for deal, answer_set in zip(deals, answer_sets(rng, n, answered=0.3), strict=True):
        for key, value in list(answer_set.items())[:6]:
            stored = sorted(value) if isinstance(value, frozenset) else value
            stored = str(stored) if isinstance(stored, Decimal) else stored
            answers.append(Answer(deal=deal, question_key=key, value=stored, at=now))
        diagnoses.append(
            Diagnosis(deal=deal, version=version, verdict="not_enough_information", score=0, at=now)
        )
    Answer.objects.bulk_create(answers, batch_size=5000)
    Diagnosis.objects.bulk_create(diagnoses, batch_size=5000)
    return offering, user


def bench_db(n: int, seed: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="goodfit-bench-fit-") as data_dir:
        _django(data_dir)
        from django.core.management import call_command

        from goodfit.fit.services import playbook_save

        started = time.perf_counter()
        offering, user = _populate(n, seed)
        setup = time.perf_counter() - started
        playbook_save(offering=offering, actor=user, document=playbook_document(threshold=4))
        started = time.perf_counter()
        call_command("rediagnose", "--offering", offering.name)
        elapsed = time.perf_counter() - started
    return {"deals": n, "seconds": elapsed, "setup_seconds": setup}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", type=int, default=1_000_000)
    parser.add_argument("--deals", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-db", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

    pure = bench_pure(args.sets, args.seed)
    print(
        f"Pure diagnosis: {pure['per_second']:,.0f} diagnoses/s over {pure['sets']:,} sets "
        f"({pure['seconds']:.1f} s); target {TARGET_PER_SECOND:,}/s: "
        f"{'met' if pure['per_second'] >= TARGET_PER_SECOND else 'MISSED'}"
    )
    print(
        f"  chunks of {min(100_000, pure['sets']):,}: slowest {pure['slowest_chunk']:,.0f}/s, "
        f"fastest {pure['fastest_chunk']:,.0f}/s"
    )
    print(
        f"Baseline interpreter: {pure['baseline_per_second']:,.0f}/s over "
        f"{pure['baseline_sets']:,} sets; compiled is "
        f"{pure['per_second'] / pure['baseline_per_second']:.2f}× faster; verdicts agree: "
        f"{pure['baseline_agrees']}"
    )
    print(
        f"Criterion-by-criterion evaluator (diagnose_full): {pure['full_per_second']:,.0f}/s; "
        f"verdicts and scores agree with the generated function: {pure['full_agrees']}"
    )
    print(
        f"Explanations (reasons, next questions, talking points, gaps) on top: "
        f"{pure['explain_per_second']:,.0f}/s"
    )
    print("Verdicts:", ", ".join(f"{k} {v:,}" for k, v in sorted(pure["verdicts"].items())))
    if args.skip_db:
        return 0
    db = bench_db(args.deals, args.seed)
    print(
        f"goodfit rediagnose over {db['deals']:,} open deals on SQLite: {db['seconds']:.1f} s "
        f"(target {TARGET_REDIAGNOSE_S:.0f} s: "
        f"{'met' if db['seconds'] <= TARGET_REDIAGNOSE_S else 'MISSED'}; "
        f"setup {db['setup_seconds']:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
