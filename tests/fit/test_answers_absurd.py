"""Absurd numbers never crash: the parser refuses them clearly, the endpoints answer 4xx."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from goodfit.fit.domain.answers import NUMBER_MAX, AnswerError, answer_parse
from goodfit.fit.domain.playbook import AnswerType, Question
from goodfit.fit.models import Answer

MONEY = Question("debt", "How much?", AnswerType.MONEY)
NUMBER = Question("staff", "How many?", AnswerType.NUMBER)
SIGNED = Question("change", "Change?", AnswerType.NUMBER, negative=True)

absurd_text = st.one_of(
    st.text(max_size=60),
    st.from_regex(r"-?[0-9]{1,40}(\.[0-9]{0,12})?([eE][-+]?[0-9]{1,12})?", fullmatch=True),
    st.sampled_from(["NaN", "nan", "-Infinity", "Infinity", "inf", "1e28", "1" * 27, "-0"]),
)
absurd_raw = st.one_of(
    absurd_text,
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.booleans(),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=500, deadline=None)
@given(absurd_raw, st.sampled_from([MONEY, NUMBER, SIGNED]))
def test_the_parser_returns_a_bounded_number_or_a_clear_refusal(raw, question):
    try:
        value = answer_parse(question, raw)
    except AnswerError as error:
        assert error.key == question.key
        assert error.message.strip()
        return
    if value is None:
        return
    assert abs(Decimal(str(value))) < NUMBER_MAX
    assert math.isfinite(float(value))
    if not question.negative:
        assert value >= 0
    if question.type is AnswerType.MONEY:
        assert value == value.quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("1" * 27, "too large"),
        ("1e28", "too large"),
        ("NaN", "not a finite number"),
        ("Infinity", "not a finite number"),
        ("-3", "cannot be negative"),
        ("12.345", "two decimals"),
    ],
)
def test_absurd_money_is_refused_with_a_message(raw, fragment):
    with pytest.raises(AnswerError) as error:
        answer_parse(MONEY, raw)
    assert fragment in error.value.message


def test_a_number_question_may_allow_negative_answers():
    assert answer_parse(SIGNED, "-3") == -3.0
    with pytest.raises(AnswerError):
        answer_parse(NUMBER, "-3")


HTMX = {"HTTP_HX_REQUEST": "true"}
endpoint_values = st.one_of(
    st.sampled_from(["1" * 27, "1e28", "NaN", "Infinity", "-Infinity", "-5", "1e-400", "12.345"]),
    st.text(max_size=30),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=endpoint_values)
def test_the_html_endpoint_never_fails_on_absurd_numbers(owner_client, deal, playbook, value):
    url = reverse("fit-answer", args=[deal.pk])
    plain = owner_client.post(url, {"a-unsecured_debt": value})
    assert plain.status_code in (302, 422)
    htmx = owner_client.post(url, {"field": "unsecured_debt", "a-unsecured_debt": value}, **HTMX)
    assert htmx.status_code == 200
    page = htmx.content.decode()
    if plain.status_code == 422:
        assert "fit-status is-error" in page
    Answer.objects.all().delete()


api_values = st.one_of(
    st.sampled_from(["1" * 27, "1e28", "NaN", "-Infinity", -5, 1e300, 10**30, [1], {"a": 1}]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=api_values)
def test_the_api_never_fails_on_absurd_numbers(client, owner_api, deal, playbook, value):
    response = client.put(
        f"/api/v1/deals/{deal.pk}/answers",
        json.dumps({"unsecured_debt": value}),
        content_type="application/json",
        **owner_api,
    )
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        detail = response.json()["detail"]
        assert detail[0]["field"] == "unsecured_debt"
        assert detail[0]["message"]
    Answer.objects.all().delete()


def test_the_api_refuses_nan_sent_as_a_json_number(client, owner_api, deal, playbook):
    response = client.put(
        f"/api/v1/deals/{deal.pk}/answers",
        '{"unsecured_debt": NaN}',
        content_type="application/json",
        **owner_api,
    )
    assert response.status_code == 422
