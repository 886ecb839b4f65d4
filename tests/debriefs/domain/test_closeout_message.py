"""The close-out template: named blanks only, nothing else reachable."""

from __future__ import annotations

import pytest

from goodfit.debriefs.domain.closeout_lint import lint
from goodfit.debriefs.domain.closeout_message import DEFAULT_TEMPLATE, render, template_errors

VALUES = {"first_name": "Carol", "rep_name": "Raj Patel", "team_name": "Northwind"}


def test_the_default_template_is_gracious_and_fills_its_blanks():
    text = render(DEFAULT_TEMPLATE, VALUES)
    assert text.startswith("Hi Carol,") and text.endswith("Raj Patel")
    assert "what would have made the difference" in text
    assert "do you know anyone who could use what we do" in text
    assert lint(text) == []
    assert template_errors(DEFAULT_TEMPLATE) == []


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("Hi $nickname", "Unknown blank $nickname"),
        ("Hi $a and ${b}", "Unknown blanks $a, $b"),
        ("It costs $ 5", "write $$ for a dollar sign"),
    ],
)
def test_bad_templates_say_what_to_write(template, message):
    assert message in template_errors(template)[0]


@pytest.mark.parametrize(
    "template",
    ["{first_name.__class__}", "${first_name.__class__}", "{0}", "%(first_name)s"],
)
def test_nothing_but_named_blanks_is_substituted(template):
    assert render(template, VALUES) == template


def test_a_blank_without_a_value_stays_as_written():
    assert render("Hi $company, $$5", {}) == "Hi $company, $5"
