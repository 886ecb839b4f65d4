"""The search text's meaning: words, phone digits, and safe FTS/LIKE literals."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.search.domain.query import (
    MAX_LENGTH,
    QueryTooLong,
    fts_match,
    fts_phrase,
    like_pattern,
    parse,
    phone_digits,
)


@pytest.mark.parametrize(
    ("text", "terms", "digits"),
    [
        ("", (), ""),
        ("   ", (), ""),
        ("Dana", ("dana",), ""),
        ("  Dana   DIAZ ", ("dana", "diaz"), ""),
        ("dana dana", ("dana",), ""),
        ("4155550132", ("4155550132",), "4155550132"),
        ("415 555 0132", ("415", "555", "0132"), "4155550132"),
        ("+1 (415) 555-0132", ("+1", "(415)", "555-0132"), "14155550132"),
        ("415.555.0132", ("415.555.0132",), "4155550132"),
        ("41", ("41",), ""),
        ("acme 415", ("acme", "415"), ""),
        ('"quoted" OR NEAR(', ('"quoted"', "or", "near("), ""),
    ],
)
def test_parse(text, terms, digits):
    query = parse(text)
    assert query.terms == terms
    assert query.digits == digits


def test_long_and_short_terms_split_at_three_characters():
    query = parse("al acme co")
    assert query.long_terms == ("acme",)
    assert query.short_terms == ("al", "co")


def test_text_longer_than_the_limit_is_refused_with_its_length():
    with pytest.raises(QueryTooLong) as error:
        parse("x" * 1000)
    assert "200 characters" in str(error.value) and "1000" in str(error.value)
    assert parse("x" * MAX_LENGTH).terms == ("x" * MAX_LENGTH,)


@pytest.mark.parametrize(
    ("phone", "digits"),
    [("+1 (415) 555-0132", "14155550132"), ("415.555.0132", "4155550132"), ("", "")],
)
def test_phone_digits(phone, digits):
    assert phone_digits(phone) == digits


def test_fts_phrases_quote_everything():
    assert fts_phrase('say "hi"') == '"say ""hi"""'
    assert fts_match(("acme", "or")) == '"acme" AND "or"'
    assert fts_match(("415",), "phone") == 'phone : "415"'


def test_like_pattern_escapes_wildcards():
    assert like_pattern("50%_off\\") == "%50\\%\\_off\\\\%"


@given(st.text(max_size=MAX_LENGTH))
def test_any_text_within_the_limit_parses(text):
    query = parse(text)
    assert all(term == term.lower() and term.strip() == term and term for term in query.terms)
    assert query.digits == "" or query.digits.isdigit()
    for term in query.terms:
        # A phrase is one FTS5 string: it opens and closes with a quote, inner ones doubled.
        phrase = fts_phrase(term)
        assert phrase[0] == phrase[-1] == '"'
        assert phrase[1:-1].replace('""', "").count('"') == 0
