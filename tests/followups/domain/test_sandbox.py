"""Message templates reach nothing but the plain strings handed to them."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.followups.domain.sandbox import TemplateError, check, render

VALUES = {
    "prospect_name": "Dana Diaz",
    "prospect_first_name": "Dana",
    "rep_name": "Olivia Ortiz",
    "rep_first_name": "Olivia",
    "offering": "Debt relief program",
    "time": "Tue 10:00",
    "pick_link": "https://example.test/p/abc",
}

RENDERS = [
    ("Hi {{ prospect_first_name }}, it's {{rep_first_name}}.", "Hi Dana, it's Olivia."),
    ("{{ offering|upper }}", "DEBT RELIEF PROGRAM"),
    ("{{ prospect_name|lower|capfirst }}", "Dana diaz"),
    ('{{ pick_link|default:"no link" }}', "https://example.test/p/abc"),
    ("Talk {{ time }}?", "Talk Tue 10:00?"),
    ("No placeholders at all.", "No placeholders at all."),
]


@pytest.mark.parametrize(("source", "expected"), RENDERS)
def test_placeholders_and_safe_filters_render(source, expected):
    assert render(source, VALUES) == expected


def test_default_fills_an_empty_value():
    assert render('{{ time|default:"soon" }}', {**VALUES, "time": ""}) == "soon"


REFUSALS = [
    ("{{ prospect_name.__class__ }}", "reaches into a value"),
    ("{{ rep.password }}", "reaches into a value"),
    ("{{ offering[0] }}", "reaches into a value"),
    ('{% include "base.html" %}', "Tags such as"),
    ("{% load static %}{{ time }}", "Tags such as"),
    ("{# comment #}", "Tags such as"),
    ("{{ time|safe }}", "Filter “safe” is not allowed"),
    ("{{ time|date:'Y' }}", "is not allowed"),
    ('{{ time|upper:"x" }}', "is not allowed"),
    ("{{ price }}", "Unknown placeholder “price”"),
    ("Hello {{ prospect_name", "not closed"),
]


@pytest.mark.parametrize(("source", "message"), REFUSALS)
def test_anything_beyond_plain_placeholders_is_refused(source, message):
    with pytest.raises(TemplateError) as raised:
        render(source, VALUES)
    assert message in str(raised.value)


def test_every_unknown_placeholder_is_named():
    problems = check("{{ price }} {{ discount }} {{ time }}")
    assert problems == ["Unknown placeholder “price”.", "Unknown placeholder “discount”."]


def test_only_strings_may_be_given():
    with pytest.raises(TypeError):
        render("{{ time }}", {"time": object()})


@given(st.text(alphabet=st.characters(blacklist_characters="{}%#"), max_size=200))
def test_text_without_braces_renders_unchanged(text):
    assert render(text, VALUES) == text


@given(st.text(max_size=100))
def test_rendering_never_fails_with_anything_but_a_template_error(text):
    try:
        render(text, VALUES)
    except TemplateError as error:
        assert error.problems
