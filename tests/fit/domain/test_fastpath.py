"""The generated verdict function agrees with the criterion-by-criterion evaluator."""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from goodfit.fit.domain.diagnosis import (
    AnswerType,
    Condition,
    Criterion,
    FitVerdict,
    Group,
    Kind,
    PlaybookDefinition,
    Question,
    compile_playbook,
    diagnose,
    diagnose_full,
)
from goodfit.fit.domain.playbook_format import playbook_read
from tests.fit.domain.test_diagnosis import answer_sets
from tests.fit.playbooks import debt_document

QUESTIONS = {q["key"]: q for q in debt_document()["questions"]}
CHOICES = {"income": ["steady", "variable", "none"], "kinds": ["cards", "medical", "student"]}


def _condition(draw: Any, key: str) -> dict[str, Any]:
    kind = QUESTIONS[key]["type"]
    if kind == "yes_no":
        return {"question": key, "op": "is", "value": draw(st.booleans())}
    if kind == "money":
        op = draw(st.sampled_from(["is", "is_not", "lt", "lte", "gt", "gte"]))
        return {"question": key, "op": op, "value": draw(st.integers(0, 100000))}
    if kind == "text":
        op = draw(st.sampled_from(["contains", "not_contains"]))
        return {"question": key, "op": op, "value": draw(st.sampled_from(["a", "Debt", "x"]))}
    one = draw(st.sampled_from(CHOICES[key]))
    several = draw(st.lists(st.sampled_from(CHOICES[key]), min_size=1, unique=True))
    ops = {"income": ["is", "is_not", "in", "not_in"], "kinds": list(_CHOICES_OPS)}[key]
    op = draw(st.sampled_from(ops))
    value = several if op in ("in", "not_in", "includes_any", "includes_none") else one
    return {"question": key, "op": op, "value": value}


_CHOICES_OPS = ("includes", "excludes", "includes_any", "includes_none")


@st.composite
def playbooks(draw: Any) -> dict[str, Any]:
    criteria = []
    for i in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["disqualifier", "must_have", "signal"]))
        keys = draw(st.lists(st.sampled_from(sorted(QUESTIONS)), min_size=1, max_size=3))
        criterion = {
            "key": f"c{i}",
            "kind": kind,
            "match": draw(st.sampled_from(["all", "any"])),
            "when": [_condition(draw, key) for key in keys],
            "reason": f"Criterion {i}",
        }
        if kind == "signal":
            criterion["weight"] = draw(st.sampled_from([-2.5, -1, 0.1, 0.2, 1, 3]))
        criteria.append(criterion)
    threshold = draw(st.sampled_from([-1, 0, 0.3, 1, 2.5, 4]))
    return {**debt_document(), "criteria": criteria, "threshold": threshold}


@settings(max_examples=300, deadline=None)
@given(playbooks(), answer_sets)
def test_the_fast_path_and_the_full_evaluation_agree_on_generated_playbooks(document, answers):
    playbook = compile_playbook(playbook_read(document))
    fast, full = diagnose(playbook, answers), diagnose_full(playbook, answers)
    assert (fast.verdict, fast.score) == (full.verdict, full.score)
    assert fast == full  # and so do the explanations built from it


def test_the_fast_path_agrees_with_the_full_evaluation_on_the_benchmark_playbook():
    sys.path.insert(0, str(Path(__file__).parents[3] / "bench"))
    from diagnosis import answer_sets as bench_sets
    from diagnosis import playbook_document

    for threshold in (-3, 0, 4, 6, 12):
        playbook = compile_playbook(playbook_read(playbook_document(threshold)))
        for answers in bench_sets(random.Random(threshold), 2000):
            fast, full = diagnose(playbook, answers), diagnose_full(playbook, answers)
            assert (fast.verdict, fast.score) == (full.verdict, full.score)


def test_keys_and_values_reach_the_generated_code_as_data_never_as_source():
    key = "x') or __import__('os').system('false') or ('"
    question = Question(key=key, text="Odd key?", type=AnswerType.TEXT)
    rule = Criterion(
        key="odd",
        kind=Kind.DISQUALIFIER,
        when=Group("all", (Condition(question=key, op="contains", value="') or True or ('"),)),
    )
    playbook = compile_playbook(PlaybookDefinition(questions=(question,), criteria=(rule,)))
    assert diagnose(playbook, {}).verdict is FitVerdict.NOT_ENOUGH_INFORMATION
    assert diagnose(playbook, {key: "nothing here"}).verdict is FitVerdict.GOOD_FIT
    assert diagnose(playbook, {key: "so ') OR TRUE OR (' it is"}).verdict is FitVerdict.NOT_A_FIT


def test_a_playbook_without_criteria_is_a_good_fit_at_a_zero_threshold():
    playbook = compile_playbook(PlaybookDefinition(questions=(), criteria=()))
    assert (diagnose(playbook, {}).verdict, diagnose(playbook, {}).score) == (
        FitVerdict.GOOD_FIT,
        0.0,
    )
