"""Derived values: the whitelist, the refusals at import, and unknown inputs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from goodfit.fit.domain.expressions import ExpressionError, Undefined, expression_parse
from goodfit.fit.domain.playbook_format import PlaybookError, playbook_read
from tests.fit.playbooks import grouped_document

NUMERIC = {"payment", "take_home", "seats", "budget"}
KNOWN = NUMERIC | {"sole_trader"}


def parse(source):
    return expression_parse(source, numeric=NUMERIC, known=KNOWN)


@pytest.mark.parametrize(
    ("source", "answers", "value"),
    [
        ("payment / take_home", {"payment": 800, "take_home": 2000}, 0.4),
        ("(budget - 10) * 2", {"budget": 30}, 40.0),
        ("-seats + 3", {"seats": 1}, 2.0),
        ("min(budget, 100) / max(seats, 1)", {"budget": 250, "seats": 0}, 100.0),
        ("abs(payment - take_home)", {"payment": 10, "take_home": 25}, 15.0),
        ("budget / seats", {"budget": 60}, None),  # seats unknown: unknown, never zero
        ("min(budget, seats)", {"seats": 0}, None),
        ("2.5 * 4", {}, 10.0),
    ],
)
def test_expressions_compute_from_numeric_answers(source, answers, value):
    assert parse(source).evaluate(answers) == value


def test_dividing_by_an_answer_of_zero_has_no_value():
    with pytest.raises(Undefined):
        parse("budget / seats").evaluate({"budget": 10, "seats": 0})


def test_keys_are_listed_in_order_of_first_use():
    assert parse("budget / seats + budget").keys == ("budget", "seats")


@pytest.mark.parametrize(
    ("source", "position", "fragment"),
    [
        ("budget / seeds", 10, "“seeds” is not a question key"),
        ("budget / 0", 10, "divides by zero"),
        ("budget / (2 - 2)", 11, "divides by zero"),
        ("budget /", 9, "does not parse"),
        ("budget ** 2", 1, "is not allowed"),
        ("sole_trader * 2", 1, "not a number or money question"),
        ("__import__('os')", 1, "is not allowed"),
        ("budget.real", 1, "is not allowed"),
        ("seats if budget else 1", 1, "is not allowed"),
        ("'a' + budget", 1, "not a number"),
        ("True + budget", 1, "not a number"),
        ("abs(budget, seats)", 1, "abs takes one value"),
        ("max(budget)", 1, "max takes two values or more"),
        ("round(budget)", 1, "is not allowed"),
        ("", 1, "empty"),
        ("budget < seats", 1, "is not allowed"),
        ("[budget]", 1, "is not allowed"),
        ("lambda: 1", 1, "is not allowed"),
    ],
)
def test_bad_expressions_are_refused_with_the_position_and_what_is_accepted(
    source, position, fragment
):
    with pytest.raises(ExpressionError) as error:
        parse(source)
    assert fragment in str(error.value)
    assert error.value.position == position
    assert "accepted: keys of number or money questions" in str(error.value)


@settings(deadline=None)
@given(st.text(max_size=60))
def test_any_text_is_either_a_checked_expression_or_a_clear_refusal(source):
    try:
        expression = parse(source)
    except ExpressionError as error:
        assert error.position >= 1
        return
    assert set(expression.keys) <= NUMERIC


def _with_calc(calc, op="gt", value=0.4):
    document = grouped_document()
    document["criteria"][2]["when"] = [{"calc": calc, "op": op, "value": value}]
    return document


@pytest.mark.parametrize(
    ("calc", "op", "value", "path", "fragment"),
    [
        (
            "payment / take_hom",
            "gt",
            0.4,
            "criteria[2].when[0].calc",
            "“take_hom” is not a question",
        ),
        ("payment / 0", "gt", 0.4, "criteria[2].when[0].calc", "divides by zero"),
        ("payment /", "gt", 0.4, "criteria[2].when[0].calc", "does not parse"),
        ("payment / take_home", "includes", 0.4, "criteria[2].when[0].op", "use is, is_not"),
        ("payment / take_home", "gt", "lots", "criteria[2].when[0].value", "must be a number"),
        ("payment / take_home", "gt", float("nan"), "criteria[2].when[0].value", "number"),
    ],
)
def test_the_playbook_reader_refuses_bad_calculations_naming_the_criterion(
    calc, op, value, path, fragment
):
    with pytest.raises(PlaybookError) as error:
        playbook_read(_with_calc(calc, op, value))
    issues = {i.path: i.message for i in error.value.issues}
    assert path in issues, issues
    assert fragment in issues[path]
    if path.endswith(".calc"):
        assert "at character" in issues[path]
        assert "accepted:" in issues[path]
