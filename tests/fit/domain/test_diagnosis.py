"""The pure diagnosis: verdict rules, reasons, next questions, and its invariants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodfit.fit.domain.answers import (
    AnswerError,
    answer_display,
    answer_parse,
    answer_to_json,
    join_words,
    script_render,
)
from goodfit.fit.domain.diagnosis import FitVerdict, compile_playbook, diagnose
from goodfit.fit.domain.playbook_format import playbook_read
from tests.fit.playbooks import ATTORNEY, COUNSELING, debt_document

VERSION = playbook_read(debt_document())
PLAYBOOK = compile_playbook(VERSION)
ALL_CLEAR = {"garnished": False, "income": "steady", "kinds": frozenset({"cards"})}

NEI = FitVerdict.NOT_ENOUGH_INFORMATION
CASES = [
    ("nothing answered", {}, NEI),
    ("garnishment alone rules out", {"garnished": True}, FitVerdict.NOT_A_FIT),
    ("small debt fails the must-have", {"unsecured_debt": Decimal(3000)}, FitVerdict.NOT_A_FIT),
    (
        "gates pass, score reaches threshold",
        {**ALL_CLEAR, "unsecured_debt": Decimal(25000), "behind": True},
        FitVerdict.GOOD_FIT,
    ),
    (
        "gates pass, score below threshold",
        {**ALL_CLEAR, "unsecured_debt": Decimal(9000), "behind": False},
        FitVerdict.PARTIAL_FIT,
    ),
    (
        "signals could still cross the threshold",
        {**ALL_CLEAR, "unsecured_debt": Decimal(25000)},
        NEI,
    ),
    (
        "must-have unanswered keeps the verdict waiting",
        {**ALL_CLEAR, "behind": True},
        NEI,
    ),
    (
        "garnishment wins over a great score",
        {**ALL_CLEAR, "garnished": True, "unsecured_debt": Decimal(50000), "behind": True},
        FitVerdict.NOT_A_FIT,
    ),
    (
        "any-of negative signal from one answer",
        {**ALL_CLEAR, "kinds": frozenset({"student"}), "unsecured_debt": Decimal(25000)},
        FitVerdict.PARTIAL_FIT,
    ),
]


@pytest.mark.parametrize(("name", "answers", "verdict"), CASES, ids=[c[0] for c in CASES])
def test_verdict_follows_the_rules(name, answers, verdict):
    assert diagnose(PLAYBOOK, answers).verdict is verdict


def test_not_a_fit_names_the_reason_the_answer_and_the_alternative():
    result = diagnose(PLAYBOOK, {"garnished": True})
    assert [r.criterion for r in result.reasons] == ["garnishment"]
    assert result.reasons[0].answers == (("garnished", True),)
    assert result.alternatives == (ATTORNEY,)
    assert result.next_questions == ()


def test_a_failed_must_have_says_what_is_missing_and_recommends_its_alternative():
    result = diagnose(PLAYBOOK, {"unsecured_debt": Decimal(3000)})
    assert result.reasons[0].text.startswith("Less than $7,500")
    assert result.alternatives == (COUNSELING,)


def test_next_questions_put_questions_that_can_rule_out_first_with_why():
    result = diagnose(PLAYBOOK, {})
    keys = [q.key for q in result.next_questions]
    assert keys[:2] == ["unsecured_debt", "garnished"]
    assert "notes" not in keys  # no criterion reads it: its answer changes nothing
    assert any("rule the prospect out" in why for why in result.next_questions[1].why)


def test_decided_verdicts_have_no_next_questions():
    answers = {**ALL_CLEAR, "unsecured_debt": Decimal(25000), "behind": True}
    assert diagnose(PLAYBOOK, answers).next_questions == ()


def test_good_fit_gives_talking_points_and_partial_gives_gaps():
    good = diagnose(PLAYBOOK, {**ALL_CLEAR, "unsecured_debt": Decimal(25000), "behind": True})
    assert len(good.talking_points) == 2
    assert good.gaps == ()
    partial = diagnose(PLAYBOOK, {**ALL_CLEAR, "unsecured_debt": Decimal(9000), "behind": False})
    assert partial.talking_points == ()
    assert partial.gaps == (
        "Not the case: Owes more than $20,000",
        "Not the case: Already behind on payments",
    )


def test_score_is_the_sum_of_the_signals_that_hold():
    result = diagnose(PLAYBOOK, {**ALL_CLEAR, "unsecured_debt": Decimal(25000), "behind": True})
    assert result.score == 5.0
    assert result.threshold == 4.0


# Invariants over generated answers

answer_values = {
    "unsecured_debt": st.decimals(min_value=0, max_value=100000, places=2),
    "garnished": st.booleans(),
    "behind": st.booleans(),
    "income": st.sampled_from(["steady", "variable", "none"]),
    "kinds": st.frozensets(st.sampled_from(["cards", "medical", "student"])),
    "notes": st.text(max_size=20),
}
answer_sets = st.fixed_dictionaries({}, optional=answer_values)


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.data())
def test_answering_more_never_turns_a_not_a_fit_into_a_fit(answers, data):
    if diagnose(PLAYBOOK, answers).verdict is not FitVerdict.NOT_A_FIT:
        return
    missing = {k: v for k, v in answer_values.items() if k not in answers}
    more = data.draw(st.fixed_dictionaries({}, optional=missing))
    assert diagnose(PLAYBOOK, {**answers, **more}).verdict is FitVerdict.NOT_A_FIT


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.data())
def test_a_decided_verdict_stays_decided_when_more_is_answered(answers, data):
    verdict = diagnose(PLAYBOOK, answers).verdict
    missing = {k: v for k, v in answer_values.items() if k not in answers}
    more = data.draw(st.fixed_dictionaries({}, optional=missing))
    if verdict is not NEI:
        assert diagnose(PLAYBOOK, {**answers, **more}).verdict is verdict


@settings(max_examples=300, deadline=None)
@given(answer_sets, st.randoms())
def test_the_verdict_does_not_depend_on_the_order_of_answers(answers, rng):
    items = list(answers.items())
    rng.shuffle(items)
    assert diagnose(PLAYBOOK, dict(items)) == diagnose(PLAYBOOK, answers)


@settings(max_examples=200, deadline=None)
@given(answer_sets)
def test_only_unanswered_questions_are_suggested(answers):
    for question in diagnose(PLAYBOOK, answers).next_questions:
        assert question.key not in answers


# Answers as typed, stored and shown

Q = {q.key: q for q in VERSION.questions}


@pytest.mark.parametrize(
    ("key", "raw", "value"),
    [
        ("garnished", "yes", True),
        ("garnished", False, False),
        ("unsecured_debt", "12,500", Decimal("12500.00")),
        ("income", "steady", "steady"),
        ("kinds", ["cards", "medical"], frozenset({"cards", "medical"})),
        ("kinds", [], frozenset()),
        ("notes", "  call after 6  ", "call after 6"),
        ("garnished", "", None),
        ("notes", "   ", None),
    ],
)
def test_answers_are_parsed_to_typed_values(key, raw, value):
    assert answer_parse(Q[key], raw) == value


@pytest.mark.parametrize(
    ("key", "raw", "fragment"),
    [
        ("garnished", "maybe", "yes or no"),
        ("unsecured_debt", "lots", "not a number"),
        ("unsecured_debt", -5, "negative"),
        ("unsecured_debt", True, "not true or false"),
        ("income", "rich", "accepted: steady, variable, none"),
        ("kinds", ["cards", "boats"], "not one of the choices"),
        ("notes", 42, "Send text"),
    ],
)
def test_wrong_answers_are_refused_naming_the_question(key, raw, fragment):
    with pytest.raises(AnswerError) as error:
        answer_parse(Q[key], raw)
    assert error.value.key == key
    assert fragment in error.value.message


def test_answers_round_trip_through_json_and_read_in_plain_words():
    value = answer_parse(Q["unsecured_debt"], "28000")
    assert answer_to_json(Q["unsecured_debt"], value) == "28000.00"
    assert answer_display(Q["unsecured_debt"], value) == "28,000.00"
    assert answer_to_json(Q["kinds"], frozenset({"medical", "cards"})) == ["cards", "medical"]
    assert answer_display(Q["garnished"], True) == "yes"


def test_dates_compare_as_dates():
    doc = {
        "questions": [{"key": "start", "text": "Start?", "type": "date"}],
        "criteria": [
            {
                "key": "soon",
                "kind": "must_have",
                "when": [{"question": "start", "op": "lte", "value": "2030-01-01"}],
                "reason": "Starts before 2030",
            }
        ],
    }
    playbook = compile_playbook(playbook_read(doc))
    assert diagnose(playbook, {"start": dt.date(2029, 5, 1)}).verdict is FitVerdict.GOOD_FIT
    assert diagnose(playbook, {"start": dt.date(2031, 5, 1)}).verdict is FitVerdict.NOT_A_FIT


def test_the_script_reaches_only_the_plain_values_given():
    text = script_render(
        "{prospect}: {reasons}. Try {alternatives}.",
        {
            "prospect": "Gloria",
            "reasons": "wages are garnished",
            "alternatives": ATTORNEY,
        },
    )
    assert text == "Gloria: wages are garnished. Try Bankruptcy attorney."
    with pytest.raises(KeyError):
        script_render("{secret}", {})


def test_join_words_reads_like_a_sentence():
    assert join_words(["a", "b", "c."]) == "a, b and c"
    assert join_words(["only"]) == "only"
