"""The close-out linter: what it flags, where, and what it suggests instead."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.debriefs.closeout_lint import (
    DEFAULT_RULES,
    LintRule,
    highlight,
    lint,
    rules_format,
    rules_from_data,
    rules_parse,
    rules_to_data,
)

GRACIOUS = (
    "Carol, thank you for respecting my time and letting me know your reasoning. It sounds "
    "like you are making the best decision for your team. I hope we keep in touch; if your "
    "situation changes we're here. What would have made the difference? And do you know "
    "someone who could use what we do?"
)


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Honestly, you're making a mistake.", "you're making a mistake", "argue"),
        ("Honestly, you’re making a mistake.", "you're making a mistake", "argue"),
        ("Honestly, youre making a mistake.", "you're making a mistake", "argue"),
        ("YOU'RE MAKING A MISTAKE", "you're making a mistake", "argue"),
        ("you're\n  making   a mistake", "you're making a mistake", "argue"),
        ("I think you are making a mistake", "you are making a mistake", "argue"),
        ("Are you sure about this?", "are you sure", "argue"),
        ("This is your last chance to lock the price.", "last chance", "pressure"),
        ("The discount is only today.", "only today", "pressure"),
        ("You'll regret this in a year.", "you'll regret", "guilt"),
        ("You’ll regret this in a year.", "you'll regret", "guilt"),
        ("After all the time I put in…", "after all the time", "guilt"),
        ("Please reconsider.", "reconsider", "argue"),
        ("I'm disappointed, to be honest.", "disappointed", "guilt"),
        ("Don’t miss out on the bonus.", "don't miss out", "pressure"),
    ],
)
def test_pressure_guilt_and_argument_are_flagged(text, phrase, kind):
    findings = lint(text)
    assert [(f.phrase, f.kind) for f in findings] == [(phrase, kind)]
    finding = findings[0]
    assert text[finding.start : finding.end] == finding.text
    assert finding.reason and finding.rewrite


@pytest.mark.parametrize(
    "text",
    [
        GRACIOUS,
        "",
        "I'm sure you'll do well.",  # "sure" alone is fine
        "Thanks — the last chapter of our talk helped.",  # not "last chance"
        "We have a reconsideration period of 14 days.",  # whole words only
        "Your team chose well.",
    ],
)
def test_gracious_messages_pass(text):
    assert lint(text) == []


def test_findings_come_in_reading_order_with_their_spans():
    text = "Are you sure? It's your last chance. You'll regret it."
    findings = lint(text)
    assert [f.phrase for f in findings] == ["are you sure", "last chance", "you'll regret"]
    spans = [text[f.start : f.end] for f in findings]
    assert spans == ["Are you sure", "last chance", "You'll regret"]


def test_overlapping_rules_give_one_finding_for_the_stretch():
    findings = lint("you're making a big mistake, you are making a mistake")
    assert [f.phrase for f in findings] == ["big mistake", "you are making a mistake"]


def test_the_team_list_replaces_the_defaults():
    rules = [LintRule("no brainer", "Belittles their doubts.", "Here is how it would work.")]
    assert [f.phrase for f in lint("It's a no-brainer, a no brainer really.", rules)] == [
        "no brainer"
    ]
    assert lint("you're making a mistake", rules) == []


def test_highlight_cuts_the_text_around_findings():
    text = "Well, are you sure? Bye."
    pieces = highlight(text, lint(text))
    assert "".join(piece for piece, _ in pieces) == text
    assert [piece for piece, finding in pieces if finding] == ["are you sure"]


def test_rules_round_trip_through_the_settings_text():
    rules, errors = rules_parse(rules_format(DEFAULT_RULES))
    assert errors == []
    assert rules == list(DEFAULT_RULES)
    assert rules_from_data(rules_to_data(rules)) == rules


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("just a phrase", "phrase | reason | suggested rewrite"),
        ("a | | c", "phrase | reason | suggested rewrite"),
        ("a | b | c | shouting", "is not one of argue, guilt, pressure"),
        ("x" * 121 + " | b | c", "longer than 120"),
    ],
)
def test_bad_settings_lines_are_named(line, message):
    rules, errors = rules_parse(f"# comment\n\nok | fine | fine\n{line}")
    assert [r.phrase for r in rules] == ["ok"]
    assert len(errors) == 1
    assert errors[0].startswith("Line 4:")
    assert message in errors[0]


def test_stored_rules_without_a_phrase_are_skipped():
    assert rules_from_data([{"reason": "r"}, {"phrase": " "}, "junk"]) == []


words = st.text(alphabet=st.characters(codec="utf-8"), max_size=200)


@given(words)
def test_any_text_lints_without_error_and_spans_match(text):
    findings = lint(text)
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
    starts = [f.start for f in findings]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


@given(st.text(max_size=80), st.text(max_size=80), st.sampled_from(DEFAULT_RULES))
def test_a_phrase_is_found_wherever_it_is_put(before, after, rule):
    text = f"{before} {rule.phrase.upper()} {after}"
    start = len(before) + 1
    # Found as itself, or inside an overlapping finding that starts earlier.
    assert any(f.start <= start < f.end for f in lint(text))


@given(st.text(alphabet=st.sampled_from("abc xyz.,!?"), max_size=200))
def test_text_without_any_phrase_has_no_findings(text):
    assert lint(text) == []


@given(st.sampled_from(["'", "’", "‘", "ʼ", "`", ""]))
def test_any_apostrophe_is_an_apostrophe(apostrophe):
    assert lint(f"you{apostrophe}re making a mistake")
