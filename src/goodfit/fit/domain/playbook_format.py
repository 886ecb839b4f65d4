"""The playbook document (YAML or JSON): reading it with an error for every bad rule.

Pure Python. ``playbook_read(document)`` returns a ``PlaybookDefinition`` or raises
``PlaybookError`` listing every problem with its key path
(``criteria[2].when[0].value``), what was wrong and what is accepted.
``playbook_document.playbook_document(version)`` is the inverse (what export writes).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from goodfit.fit.domain.answers import script_fields
from goodfit.fit.domain.diagnosis import (
    DEFAULT_SCRIPT,
    SCRIPT_FIELDS,
    AnswerType,
    Criterion,
    Kind,
    PlaybookDefinition,
    Question,
)
from goodfit.fit.domain.playbook_conditions import (
    ConditionReader,
    PlaybookError,
    is_number,
)

FORMAT = "goodfit-playbook/1"
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,49}$")
TOP_KEYS = {"format", "threshold", "script", "questions", "criteria"}
QUESTION_KEYS = {"key", "text", "type", "help", "choices", "unit", "group", "negative"}
CRITERION_KEYS = {
    "key",
    "kind",
    "match",
    "when",
    "reason",
    "weight",
    "benefit",
    "gap",
    "alternatives",
}


class _Reader(ConditionReader):
    """Reads the document: questions, criteria and the script."""

    def text(self, item: Mapping[str, Any], name: str, path: str, *, required: bool) -> str:
        value = item.get(name, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(f"{path}.{name}", "must be text.")
            return ""
        if required and not value.strip():
            self.fail(f"{path}.{name}", "is required.")
        if len(value) > 2000:
            self.fail(f"{path}.{name}", "is longer than 2000 characters.")
        return value.strip()

    def key(self, item: Mapping[str, Any], path: str, seen: set[str]) -> str:
        key = item.get("key")
        if not isinstance(key, str) or not KEY_PATTERN.match(key):
            self.fail(
                f"{path}.key",
                "must be lower-case letters, digits and _ starting with a letter "
                "(at most 50), e.g. monthly_income.",
            )
            return ""
        if key in seen:
            self.fail(f"{path}.key", f"“{key}” is used twice; keys must be unique.")
        seen.add(key)
        return key

    def items(self, document: Mapping[str, Any], name: str) -> list[Any]:
        value = document.get(name, [])
        if not isinstance(value, list):
            self.fail(name, "must be a list.")
            return []
        return value

    # Questions

    def question(self, raw: Any, path: str, seen: set[str]) -> Question | None:
        item = self.mapping(raw, path, QUESTION_KEYS)
        if not item:
            return None
        key = self.key(item, path, seen)
        text = self.text(item, "text", path, required=True)
        kinds = ", ".join(t.value for t in AnswerType)
        try:
            kind = AnswerType(str(item.get("type")))
        except ValueError:
            self.fail(f"{path}.type", f"“{item.get('type')}” is not an answer type; use {kinds}.")
            return None
        choices = self.choices(item, kind, path)
        negative = item.get("negative", False)
        if not isinstance(negative, bool):
            self.fail(f"{path}.negative", "must be true or false.")
        elif negative and kind is not AnswerType.NUMBER:
            self.fail(f"{path}.negative", "only number questions can allow answers below zero.")
        return Question(
            key=key,
            text=text,
            type=kind,
            help=self.text(item, "help", path, required=False),
            choices=choices,
            unit=self.text(item, "unit", path, required=False),
            group=self.text(item, "group", path, required=False),
            negative=negative is True,
        )

    def choices(self, item: Mapping[str, Any], kind: AnswerType, path: str) -> tuple[str, ...]:
        raw: Any = item.get("choices")
        needs = kind in (AnswerType.CHOICE, AnswerType.CHOICES)
        if not needs:
            if raw:
                self.fail(f"{path}.choices", "only choice and choices questions have choices.")
            return ()
        ok = isinstance(raw, list) and all(isinstance(c, str) and c.strip() for c in raw)
        if not ok or len(raw) < 2:
            self.fail(f"{path}.choices", "must be a list of at least two non-empty texts.")
            return ()
        if len(set(raw)) != len(raw):
            self.fail(f"{path}.choices", "has the same choice twice.")
        return tuple(c.strip() for c in raw)

    # Criteria

    def criterion(
        self, raw: Any, path: str, seen: set[str], questions: dict[str, Question]
    ) -> Criterion | None:
        item = self.mapping(raw, path, CRITERION_KEYS)
        if not item:
            return None
        key = self.key(item, path, seen)
        try:
            kind = Kind(str(item.get("kind")))
        except ValueError:
            kinds = ", ".join(k.value for k in Kind)
            self.fail(f"{path}.kind", f"“{item.get('kind')}” is not a kind; use {kinds}.")
            return None
        self.current = key
        when = self.when(item, path, questions)
        weight = self.weight(item, kind, path)
        self.only_for(item, path, kind, "benefit", Kind.SIGNAL)
        alternatives = self.alternatives(item, kind, path)
        return Criterion(
            key=key,
            kind=kind,
            when=when,
            reason=self.text(item, "reason", path, required=True),
            weight=weight,
            benefit=self.text(item, "benefit", path, required=False),
            gap=self.text(item, "gap", path, required=False),
            alternatives=alternatives,
        )

    def only_for(
        self, item: Mapping[str, Any], path: str, kind: Kind, name: str, *for_: Kind
    ) -> None:
        if item.get(name) and kind not in for_:
            kinds = " and ".join(k.value for k in for_)
            self.fail(f"{path}.{name}", f"only {kinds} criteria have a {name}.")

    def weight(self, item: Mapping[str, Any], kind: Kind, path: str) -> float:
        raw: Any = item.get("weight")
        if kind is not Kind.SIGNAL:
            self.only_for(item, path, kind, "weight", Kind.SIGNAL)
            return 0.0
        if not is_number(raw) or raw == 0:
            self.fail(f"{path}.weight", "a signal needs a non-zero number, e.g. 3 or -2.")
            return 0.0
        return float(raw)

    def alternatives(self, item: Mapping[str, Any], kind: Kind, path: str) -> tuple[str, ...]:
        raw = item.get("alternatives") or []
        self.only_for(item, path, kind, "alternatives", Kind.DISQUALIFIER, Kind.MUST_HAVE)
        if not isinstance(raw, list) or not all(isinstance(a, str) and a.strip() for a in raw):
            self.fail(f"{path}.alternatives", "must be a list of names from the directory.")
            return ()
        return tuple(a.strip() for a in raw)


def _script(reader: _Reader, document: Mapping[str, Any]) -> str:
    script = document.get("script") or DEFAULT_SCRIPT
    if not isinstance(script, str):
        reader.fail("script", "must be text.")
        return DEFAULT_SCRIPT
    accepted = ", ".join("{" + f + "}" for f in SCRIPT_FIELDS)
    try:
        parts = list(_script_parts(script))
    except ValueError:
        reader.fail("script", "has an unmatched { or }; write {{ or }} for a brace.")
        return script
    for name, spec, conversion in parts:
        if name not in SCRIPT_FIELDS or spec or conversion:
            reader.fail("script", f"“{{{name}}}” is not a placeholder; accepted: {accepted}.")
    return script


def _script_parts(script: str) -> list[tuple[str, str, str | None]]:
    import string

    script_fields(script)  # raises ValueError on broken braces
    return [
        (name, spec or "", conv)
        for _, name, spec, conv in string.Formatter().parse(script)
        if name is not None
    ]


def playbook_read(document: Any) -> PlaybookDefinition:
    """A validated playbook version, or PlaybookError naming every problem."""
    reader = _Reader()
    doc = reader.mapping(document, "(document)", TOP_KEYS)
    if not isinstance(document, Mapping):
        raise PlaybookError(reader.issues)
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        reader.fail("format", f"must be {FORMAT}.")
    threshold = doc.get("threshold", 0)
    if not is_number(threshold):
        reader.fail("threshold", "must be a number: the signal score of a good fit.")
        threshold = 0
    seen: set[str] = set()
    raw_questions = reader.items(doc, "questions")
    if not raw_questions:
        reader.fail("questions", "a playbook needs at least one question.")
    found = (reader.question(q, f"questions[{i}]", seen) for i, q in enumerate(raw_questions))
    questions = {q.key: q for q in found if q is not None and q.key}
    seen = set()
    raw_criteria = reader.items(doc, "criteria")
    found_c = (
        reader.criterion(c, f"criteria[{i}]", seen, questions) for i, c in enumerate(raw_criteria)
    )
    criteria = tuple(c for c in found_c if c is not None)
    script = _script(reader, doc)
    if reader.issues:
        raise PlaybookError(reader.issues)
    return PlaybookDefinition(tuple(questions.values()), criteria, float(threshold), script)
