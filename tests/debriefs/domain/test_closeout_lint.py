"""The pressure checker: what it flags, where, what clears it, and what it suggests."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from goodfit.debriefs.domain.closeout_lint import DEFAULT_RULES, highlight, lint, merge_rules
from goodfit.debriefs.domain.pressure_families import FAMILY_CODES, PatternRule

GRACIOUS = (
    "Carol, thank you for respecting my time and letting me know your reasoning. It sounds "
    "like you are making the best decision for your team. I hope we keep in touch; if your "
    "situation changes we're here. What would have made the difference? And do you know "
    "someone who could use what we do?"
)


@pytest.mark.parametrize(
    ("text", "family", "words"),
    [
        ("Honestly, you're making a mistake.", "past_no", "you're making a mistake"),
        ("Honestly, you’re making a mistake.", "past_no", "you’re making a mistake"),
        ("YOU'RE MAKING A BIG MISTAKE", "past_no", "YOU'RE MAKING A BIG MISTAKE"),
        ("Are you sure about this?", "past_no", "Are you sure"),
        ("This is your last chance to lock the price.", "deadline", "last chance"),
        ("You'll regret this in a year.", "fear", "You'll regret"),
        ("You’ll regret this in a year.", "fear", "You’ll regret"),
        ("After all the time I put in…", "guilt", "After all the time"),
        ("Please reconsider.", "past_no", "reconsider"),
        ("I'm disappointed, to be honest.", "guilt", "disappointed"),
        ("Don’t miss out on the bonus.", "fear", "Don’t miss out"),
    ],
)
def test_pressure_is_flagged_with_its_family_and_words(text, family, words):
    findings = lint(text)
    assert [(f.family, f.words) for f in findings] == [(family, words)]
    finding = findings[0]
    assert text[finding.start : finding.end] == finding.text
    assert finding.reason and finding.suggestion
    assert (finding.kind, finding.rewrite, finding.phrase) == (
        finding.family,
        finding.suggestion,
        finding.pattern,
    )


@pytest.mark.parametrize(
    "text",
    [
        GRACIOUS,
        "",
        "I'm sure you'll do well.",
        "Thanks — the last chapter of our talk helped.",
        "We have a reconsideration period of 14 days.",  # whole words only
        "Your team chose well.",
    ],
)
def test_gracious_messages_pass(text):
    assert lint(text) == []


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("No need to decide by Friday.", False),
        ("There's no deadline.", False),
        ("No pressure to sign by Friday, truly.", False),
        ("No pressure, but decide by Friday.", True),  # "but" turns it back into pressure
        ("No rush. Decide by Friday.", True),  # another sentence
        ("Our prices won't go up.", False),
        ("The quote doesn't expire.", False),
    ],
)
def test_a_softener_in_the_same_clause_clears_a_finding(text, flagged):
    assert bool(lint(text)) is flagged


def test_findings_come_in_reading_order_with_their_spans():
    text = "Are you sure? It's your last chance. You'll regret it."
    spans = [text[f.start : f.end] for f in lint(text)]
    assert spans == ["Are you sure", "last chance", "You'll regret"]


def test_overlapping_patterns_give_one_finding_for_the_stretch():
    findings = lint("you're making a big mistake, a big mistake")
    assert [f.words for f in findings] == ["you're making a big mistake", "big mistake"]


def test_a_team_pattern_and_a_switched_off_default():
    own = PatternRule("team:1", "guilt", "no brainer", "Belittles their doubts.", "", False)
    off = PatternRule("past_no.mistake", "past_no", "making a mistake", active=False)
    rules = merge_rules(DEFAULT_RULES, {off.key: off}, [own])
    assert len(rules) == len(DEFAULT_RULES) + 1
    assert [f.words for f in lint("It's a no-brainer, a no brainer really.", rules)] == [
        "no-brainer",
        "no brainer",
    ]
    assert lint("you're making a mistake", rules) == []
    finding = lint("a no brainer", rules)[0]
    assert (finding.reason, finding.family_label) == (
        "Belittles their doubts.",
        "Guilt and obligation",
    )
    assert finding.suggestion  # the family's gentler line when the team wrote none


def test_a_stored_pattern_that_no_longer_reads_is_skipped():
    broken = PatternRule("team:2", "guilt", "((", builtin=False)
    assert lint("((", [broken]) == []


def test_highlight_cuts_the_text_around_findings():
    text = "Well, are you sure? Bye."
    pieces = highlight(text, lint(text))
    assert "".join(piece for piece, _ in pieces) == text
    assert [piece for piece, finding in pieces if finding] == ["are you sure"]


def test_every_default_has_a_known_family_and_a_unique_key():
    assert {r.family for r in DEFAULT_RULES} == set(FAMILY_CODES)
    assert len({r.key for r in DEFAULT_RULES}) == len(DEFAULT_RULES)


words = st.text(alphabet=st.characters(codec="utf-8"), max_size=300)


@given(words)
def test_any_text_is_checked_without_error_and_spans_match(text):
    findings = lint(text)
    for finding in findings:
        assert text[finding.start : finding.end] == finding.text
    starts = [f.start for f in findings]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(findings))


@given(st.text(alphabet=st.sampled_from("abc xyz.,!?"), max_size=200))
def test_text_without_any_pattern_has_no_findings(text):
    assert lint(text) == []


@given(st.sampled_from(["'", "’", "‘", "ʼ", "`", ""]))
def test_any_apostrophe_is_an_apostrophe(apostrophe):
    assert lint(f"you{apostrophe}ll regret it")
