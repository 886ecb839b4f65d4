"""Groups, calculations and three-valued logic; referral questions; which question next."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodfit.fit.domain.diagnosis import FitVerdict, compile_playbook, diagnose, diagnose_full
from goodfit.fit.domain.playbook_document import playbook_document
from goodfit.fit.domain.playbook_format import playbook_read
from tests.fit.playbooks import ACCOUNTANT, FREE_TOOL, PAYROLL, grouped_document

VERSION = playbook_read(grouped_document())
PLAYBOOK = compile_playbook(VERSION)
NEI = FitVerdict.NOT_ENOUGH_INFORMATION
M = Decimal


def states(answers):
    every = PLAYBOOK.disqualifiers + PLAYBOOK.must_haves + PLAYBOOK.signals
    return {c.criterion.key: c.node.state(answers) for c in every}


# Each row: answers, then the expected state of one criterion (True, False, None = open).
STATES = [
    # all of three: one false part decides it, unknown parts otherwise keep it open
    ("all: one false part decides", {"sole_trader": False}, "tiny_free", False),
    ("all: true parts alone wait", {"sole_trader": True, "wants_free": True}, "tiny_free", None),
    (
        "all: every part true",
        {"sole_trader": True, "wants_free": True, "invoices": 10.0},
        "tiny_free",
        True,
    ),
    # not inside all: the only need is one we do not serve
    ("not: only payroll", {"needs": frozenset({"payroll"})}, "only_payroll", True),
    (
        "not: payroll and invoicing",
        {"needs": frozenset({"payroll", "invoicing"})},
        "only_payroll",
        False,
    ),
    ("not: unanswered", {}, "only_payroll", None),
    # a calculation: unknown input is unknown, never zero
    ("calc: ratio above", {"payment": M(900), "take_home": M(2000)}, "overstretched", True),
    ("calc: ratio below", {"payment": M(500), "take_home": M(2000)}, "overstretched", False),
    ("calc: one input unknown", {"payment": M(900)}, "overstretched", None),
    ("calc: divided by zero", {"payment": M(1), "take_home": M(0)}, "overstretched", False),
    # any of (calc, all of two): a true part decides, a false calc leaves the other open
    ("any: calc true", {"budget": M(100), "seats": 4.0}, "affordable_seat", True),
    ("any: calc false, small team", {"budget": M(30), "seats": 2.0}, "affordable_seat", True),
    ("any: both parts false", {"budget": M(25), "seats": 5.0}, "affordable_seat", False),
    ("any: budget unknown", {"seats": 5.0}, "affordable_seat", None),
    # any two of four
    ("2 of 4: two hold", {"pains": frozenset({"tax time", "manual entry"})}, "two_pains", True),
    ("2 of 4: one holds", {"pains": frozenset({"tax time"})}, "two_pains", False),
    ("2 of 4: unanswered", {}, "two_pains", None),
    # a calc with max(): no division by zero when seats is 0
    ("calc max()", {"invoices": 80.0, "seats": 0.0}, "many_invoices", True),
]


@pytest.mark.parametrize(("name", "answers", "key", "state"), STATES, ids=[s[0] for s in STATES])
def test_groups_follow_three_valued_logic(name, answers, key, state):
    assert states(answers)[key] is state


def test_the_diagnosis_names_the_unknown_answers_that_keep_a_criterion_open():
    result = diagnose(PLAYBOOK, {"sole_trader": True, "budget": M(25), "seats": 5.0})
    waiting = {o.criterion: o.waiting_on for o in result.open_criteria}
    assert waiting["tiny_free"] == ("wants_free", "invoices")
    assert waiting["overstretched"] == ("payment", "take_home")
    assert "affordable_seat" not in waiting  # settled: false
    # an any-group whose known part already holds waits on nothing
    result = diagnose(PLAYBOOK, {"budget": M(100), "seats": 1.0})
    assert "affordable_seat" not in {o.criterion for o in result.open_criteria}


ALL_CLEAR = {
    "sole_trader": False,
    "needs": frozenset({"invoicing"}),
    "payment": M(0),
    "take_home": M(3000),
    "budget": M(200),
    "seats": 4.0,
}


@pytest.mark.parametrize(
    ("answers", "verdict"),
    [
        ({}, NEI),
        ({**ALL_CLEAR, "pains": frozenset({"tax time", "late payments"})}, FitVerdict.GOOD_FIT),
        ({**ALL_CLEAR, "pains": frozenset({"tax time"}), "invoices": 10.0}, FitVerdict.PARTIAL_FIT),
        # one pain: the +1 signal left cannot reach 3, so the verdict need not wait for it
        ({**ALL_CLEAR, "pains": frozenset({"tax time"})}, FitVerdict.PARTIAL_FIT),
        (
            {**ALL_CLEAR, "pains": frozenset({"tax time"}), "seats": 1.0, "budget": M(60)},
            FitVerdict.PARTIAL_FIT,
        ),
        ({"needs": frozenset({"payroll"})}, FitVerdict.NOT_A_FIT),
        ({**ALL_CLEAR, "budget": M(10)}, FitVerdict.NOT_A_FIT),
    ],
)
def test_verdicts_over_groups(answers, verdict):
    assert diagnose(PLAYBOOK, answers).verdict is verdict


def test_a_not_a_fit_names_its_alternative_at_once():
    result = diagnose(PLAYBOOK, {"needs": frozenset({"payroll"})})
    assert result.alternatives == (PAYROLL,)
    assert not result.referral_undecided


def test_not_a_fit_without_an_alternative_asks_what_decides_the_referral():
    # The must-have fails (no alternative of its own); the disqualifiers that would name
    # one are still open: ask those to know where to send the prospect.
    answers = {"budget": M(25), "seats": 5.0, "sole_trader": True}
    result = diagnose(PLAYBOOK, answers)
    assert result.verdict is FitVerdict.NOT_A_FIT
    assert result.alternatives == ()
    assert result.referral_undecided
    keys = [q.key for q in result.referral_questions]
    # each could settle one disqualifier that names an alternative: document order
    assert keys == ["payment", "take_home", "wants_free", "invoices", "needs"]
    assert any(FREE_TOOL in why for why in result.referral_questions[2].why)
    assert result.next_questions == ()

    # Answered: the alternative is named, and those questions are no longer asked.
    answered = {**answers, "wants_free": True, "invoices": 12.0}
    result = diagnose(PLAYBOOK, answered)
    assert result.alternatives == (FREE_TOOL,)
    assert not result.referral_undecided
    assert "wants_free" not in [q.key for q in result.referral_questions]
    assert ACCOUNTANT in " ".join(w for q in result.referral_questions for w in q.why)


def _ranking_playbook():
    def yes(key):
        return {"question": key, "op": "is", "value": True}

    return compile_playbook(
        playbook_read(
            {
                "threshold": 2,
                "questions": [{"key": k, "text": f"{k}?", "type": "yes_no"} for k in "abcdef"],
                "criteria": [
                    {
                        "key": "big",
                        "kind": "signal",
                        "weight": 5,
                        "when": [yes("a")],
                        "reason": "a",
                    },
                    {
                        "key": "gate",
                        "kind": "must_have",
                        "when": [{"any": [yes("b"), yes("d")]}],
                        "reason": "b or d",
                    },
                    {
                        "key": "small",
                        "kind": "signal",
                        "weight": 1,
                        "when": [yes("c")],
                        "reason": "c",
                    },
                    {
                        "key": "both",
                        "kind": "signal",
                        "weight": -1,
                        "when": [yes("d")],
                        "reason": "d",
                    },
                    {
                        "key": "two",
                        "kind": "disqualifier",
                        "when": [{"not": yes("e")}, yes("b")],
                        "reason": "e",
                    },
                    {
                        "key": "tie",
                        "kind": "signal",
                        "weight": 1,
                        "when": [yes("f")],
                        "reason": "f",
                    },
                ],
            }
        )
    )


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        # b settles two gates; d one gate and a signal; e one gate; then signals by weight,
        # ties (c and f, weight 1 each) in document order
        ({}, ["b", "d", "e", "a", "c", "f"]),
        # b answered yes: the must-have holds, d now only moves a signal by 1
        ({"b": True}, ["e", "a", "c", "d", "f"]),
        # every gate settled and the score cannot reach 2 without a: only a is worth asking
        ({"b": True, "e": True, "c": False, "d": True, "f": False}, ["a"]),
    ],
)
def test_questions_that_can_flip_a_gate_come_before_those_that_move_a_signal(answers, expected):
    result = diagnose(_ranking_playbook(), answers)
    assert [q.key for q in result.next_questions] == expected


def test_ties_keep_the_document_order():
    result = diagnose(PLAYBOOK, {})
    impacts = [
        (q.impact, VERSION.questions.index(VERSION.question(q.key))) for q in result.next_questions
    ]
    for (i1, o1), (i2, o2) in itertools.pairwise(impacts):
        assert i1 > i2 or (i1 == i2 and o1 < o2)


def test_groups_round_trip_through_the_document():
    document = playbook_document(VERSION)
    assert playbook_read(document) == VERSION
    assert document["criteria"][4]["match"] == 2
    assert document["criteria"][1]["when"][1] == {
        "not": {"question": "needs", "op": "includes_any", "value": ["invoicing", "expenses"]}
    }


values = {
    "seats": st.sampled_from([0.0, 1.0, 2.0, 5.0, 40.0]),
    "budget": st.sampled_from([M(0), M(25), M(30), M(500)]),
    "payment": st.sampled_from([M(0), M(500), M(900)]),
    "take_home": st.sampled_from([M(0), M(2000)]),
    "sole_trader": st.booleans(),
    "wants_free": st.booleans(),
    "invoices": st.sampled_from([0.0, 10.0, 49.0, 50.0, 400.0]),
    "pains": st.frozensets(
        st.sampled_from(["late payments", "manual entry", "tax time", "chasing receipts"])
    ),
    "needs": st.frozensets(st.sampled_from(["invoicing", "payroll", "expenses"])),
}
answer_sets = st.fixed_dictionaries({}, optional=values)


@settings(max_examples=400, deadline=None)
@given(answer_sets, st.randoms())
def test_any_order_of_the_same_answers_gives_the_same_diagnosis(answers, rng):
    items = list(answers.items())
    rng.shuffle(items)
    shuffled = diagnose(PLAYBOOK, dict(items))
    assert shuffled == diagnose(PLAYBOOK, answers)
    assert shuffled.open_criteria == diagnose_full(PLAYBOOK, answers).open_criteria


@settings(max_examples=400, deadline=None)
@given(answer_sets, st.randoms())
def test_answers_arriving_one_by_one_in_any_order_end_in_the_same_diagnosis(answers, rng):
    keys = list(answers)
    rng.shuffle(keys)
    so_far = {}
    for key in keys:
        so_far[key] = answers[key]
        assert diagnose(PLAYBOOK, dict(so_far)).verdict in FitVerdict
    assert diagnose(PLAYBOOK, so_far) == diagnose_full(PLAYBOOK, answers)


@settings(max_examples=400, deadline=None)
@given(answer_sets, st.data())
def test_a_settled_verdict_stays_settled_and_fast_agrees_with_full(answers, data):
    result = diagnose(PLAYBOOK, answers)
    full = diagnose_full(PLAYBOOK, answers)
    assert (result.verdict, result.score) == (full.verdict, full.score)
    missing = {k: v for k, v in values.items() if k not in answers}
    more = data.draw(st.fixed_dictionaries({}, optional=missing))
    if result.verdict is not NEI:
        assert diagnose(PLAYBOOK, {**answers, **more}).verdict is result.verdict
    for question in result.next_questions + result.referral_questions:
        assert question.key not in answers
