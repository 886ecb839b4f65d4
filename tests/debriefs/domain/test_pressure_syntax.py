"""The pattern syntax: what each mark matches, and a bad pattern is a message, not a crash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.debriefs.domain.pressure_families import DEFAULT_PATTERNS
from goodfit.debriefs.domain.pressure_syntax import (
    MAX_LENGTH,
    PatternError,
    compile_pattern,
    may_match,
    pattern_error,
)


@pytest.mark.parametrize(
    ("pattern", "text", "found"),
    [
        ("deadline", "The DEADLINE is near", "DEADLINE"),
        ("deadline", "deadlines", None),  # whole words
        ("expir*", "It is expiring.", "expiring"),
        ("won't", "it wont be", "wont"),
        ("won't", "it won’t be", "won’t"),
        ("spot/place left", "one place left", "place left"),
        ("(go live / get started) soon", "we get started soon", "get started soon"),
        ("only [the] last", "only the last", "only the last"),
        ("only [the] last", "only last", "only last"),
        ("let* ... down", "letting the whole team down", "letting the whole team down"),
        ("let* ... down", "let one two three four down", None),  # at most three between
        ("only {number} left", "only 2 left", "only 2 left"),
        ("only {number} left", "only a couple of left", "only a couple of left"),
        ("by {day}", "by Friday", "by Friday"),
        ("by {day}", "by the end of the week", "by the end of the week"),
        ("by {time}", "by 5pm", "by 5pm"),
        ("by {time}", "by close of business", "by close of business"),
        ("by {when}", "by noon", "by noon"),
        ("today only | last chance", "a last chance", "last chance"),
        ("today only", "today. Only", None),  # never across a sentence
        ("limited time", "a limited-time offer", "limited-time"),
        ("Don't wait!", "don't wait", "don't wait"),  # punctuation in a pattern is ignored
    ],
)
def test_what_each_mark_matches(pattern, text, found):
    match = compile_pattern(pattern).search(text)
    assert (match.group(0) if match else None) == found


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("", "write at least one word"),
        ("(a b", "never closed"),
        ("a b)", "no matching opening bracket"),
        ("... a", "goes between two words"),
        ("a ...", "goes between two words"),
        ("[maybe]", "not [optional]"),
        ("a /", "between two words"),
        ("x*", "too short"),
        ("*", "must end a word stem"),
        ("a\\b", "“\\” cannot be used"),
        ("a ^ b", "“^” cannot be used"),
        ("{nope}", "is not a set"),
        ("a ( | b)", "empty"),
        ("a ... b ... c ... d ... e ... f", "at most 4 times"),
        ("((((a))))", "nested more than 3"),
        ("a" * (MAX_LENGTH + 1), "keep it under"),
    ],
)
def test_a_bad_pattern_says_what_and_where(pattern, message):
    problem = pattern_error(pattern)
    assert problem is not None and message in problem
    assert "A pattern is made of words" in problem  # and what is accepted


def test_the_position_counts_from_one():
    with pytest.raises(PatternError) as error:
        compile_pattern("only ^")
    assert error.value.position == 6


@given(st.text(max_size=120))
def test_any_text_is_a_pattern_or_a_message(text):
    problem = pattern_error(text)
    if problem is None:
        compile_pattern(text).search("only two spots left, today only")
    else:
        assert problem.endswith(".")


@given(st.lists(st.from_regex(r"[a-z]{3,8}", fullmatch=True), min_size=1, max_size=5))
def test_plain_words_find_themselves_in_any_case(words):
    pattern = " ".join(words)
    assert compile_pattern(pattern).search(f"Well, {pattern.upper()} indeed")


VOCABULARY = sorted(
    {
        word.strip("()[]/*{}|.,")
        for rule in DEFAULT_PATTERNS
        for word in rule.pattern.replace("/", " ").split()
        if word.strip("()[]/*{}|.,")
    }
    | {"two", "Friday", "noon", "the", "a", "to", "and", ",", "."}
)


@given(
    st.lists(st.sampled_from(VOCABULARY), max_size=12), st.integers(min_value=0, max_value=10_000)
)
def test_the_quick_word_check_never_hides_a_match(words, index):
    """Patterns are skipped when their trigger words are absent; that must be sound."""
    rule = DEFAULT_PATTERNS[index % len(DEFAULT_PATTERNS)]
    text = " ".join(words)
    if compile_pattern(rule.pattern).search(text):
        assert may_match(text.casefold(), rule.pattern)


def test_the_quick_word_check_keeps_every_match_of_the_labelled_messages():
    from tests.debriefs.domain.test_pressure_families import CAUGHT
    from tests.debriefs.pressure_messages import GRACIOUS, PUSHY

    texts = [*GRACIOUS, *(t for _, t in PUSHY), *(t for ts in CAUGHT.values() for t in ts)]
    for rule in DEFAULT_PATTERNS:
        for text in texts:
            if compile_pattern(rule.pattern).search(text):
                assert may_match(text.casefold(), rule.pattern), (rule.key, text)
