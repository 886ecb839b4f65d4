"""Reading and writing the playbook document: every bad rule named by its key path."""

from __future__ import annotations

import copy

import pytest

from goodfit.fit.domain.playbook_document import playbook_document
from goodfit.fit.domain.playbook_format import PlaybookError, playbook_read
from tests.fit.playbooks import debt_document


def issues_of(document) -> dict[str, str]:
    with pytest.raises(PlaybookError) as error:
        playbook_read(document)
    return {issue.path: issue.message for issue in error.value.issues}


def test_a_document_round_trips_through_export():
    version = playbook_read(debt_document())
    assert playbook_read(playbook_document(version)) == version


def test_a_document_must_be_a_mapping():
    assert "(document)" in issues_of(["not", "a", "mapping"])


def mutated(change) -> dict:
    document = copy.deepcopy(debt_document())
    change(document)
    return document


BAD = [
    (lambda d: d["questions"][0].update(type="essay"), "questions[0].type", "not an answer type"),
    (lambda d: d["questions"][1].update(key="Has Space"), "questions[1].key", "lower-case"),
    (lambda d: d["questions"][2].update(key="garnished"), "questions[2].key", "used twice"),
    (lambda d: d["questions"][3].update(choices=["one"]), "questions[3].choices", "at least two"),
    (lambda d: d["questions"][0].update(wieght=3), "questions[0].wieght", "unknown key"),
    (lambda d: d["criteria"][0].update(kind="maybe"), "criteria[0].kind", "not a kind"),
    (
        lambda d: d["criteria"][0]["when"][0].update(question="nope"),
        "criteria[0].when[0].question",
        "not a question key",
    ),
    (
        lambda d: d["criteria"][0]["when"][0].update(op="gt"),
        "criteria[0].when[0].op",
        "does not apply to a yes_no question",
    ),
    (
        lambda d: d["criteria"][1]["when"][0].update(value="lots"),
        "criteria[1].when[0].value",
        "must be a number",
    ),
    (
        lambda d: d["criteria"][4]["when"][0].update(value="rich"),
        "criteria[4].when[0].value",
        "not a choice of income",
    ),
    (lambda d: d["criteria"][2].update(weight=0), "criteria[2].weight", "non-zero"),
    (lambda d: d["criteria"][0].update(weight=2), "criteria[0].weight", "only signal"),
    (lambda d: d["criteria"][2].update(alternatives=["X"]), "criteria[2].alternatives", "only"),
    (lambda d: d["criteria"][0].update(when=[]), "criteria[0].when", "at least one condition"),
    (lambda d: d["criteria"][0].update(reason=""), "criteria[0].reason", "required"),
    (lambda d: d["criteria"][0].update(match="some"), "criteria[0].match", "all"),
    (lambda d: d.update(threshold="high"), "threshold", "must be a number"),
    (lambda d: d.update(script="Hi {prospect.__class__}"), "script", "not a placeholder"),
    (lambda d: d.update(script="Hi {prospect"), "script", "unmatched"),
    (lambda d: d.update(script="{reasons:>999}"), "script", "not a placeholder"),
    (lambda d: d.update(questions=[]), "questions", "at least one question"),
]


@pytest.mark.parametrize(("change", "path", "fragment"), BAD, ids=[b[1] for b in BAD])
def test_each_bad_rule_is_named_by_its_path(change, path, fragment):
    issues = issues_of(mutated(change))
    assert path in issues, issues
    assert fragment in issues[path]


def test_every_problem_is_reported_at_once():
    def two_problems(d):
        d["questions"][0]["type"] = "essay"
        d["criteria"][2]["weight"] = "big"

    issues = issues_of(mutated(two_problems))
    assert {"questions[0].type", "criteria[2].weight"} <= set(issues)
