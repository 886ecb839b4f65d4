"""Editing one question of a playbook: each change is a new version via ``playbook_save``.

The current version's document is copied, changed, and saved whole, so these edits are
validated, versioned and followed by re-diagnosis exactly like an imported document.
Errors the playbook reader finds at the edited question's path
(``questions[3].choices``) are reported under the form field's name (``choices``).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from goodfit.fit.models import PlaybookVersion
from goodfit.fit.selectors import current_version
from goodfit.fit.services import playbook_save
from goodfit.pipeline.models import Offering

EMPTY_DOCUMENT: dict[str, Any] = {"threshold": 0, "questions": [], "criteria": []}
FIELD_NAMES = {"help": "help_text"}  # document key -> form field, where they differ
_PATH = re.compile(r"^questions\[(\d+)\]\.(\w+)$")


def _document(offering: Offering) -> dict[str, Any]:
    row = current_version(offering)
    return copy.deepcopy(row.definition if row is not None else EMPTY_DOCUMENT)


def _index(document: dict[str, Any], key: str) -> int:
    for i, question in enumerate(document["questions"]):
        if question["key"] == key:
            return i
    raise ValidationError({"key": f"The playbook has no question “{key}”."})


def _place(questions: list[Any], item: Any, order: int | None) -> int:
    """Insert ``item`` at the 1-based ``order`` (the end when None or beyond it)."""
    at = len(questions) if order is None else min(max(order, 1) - 1, len(questions))
    questions.insert(at, item)
    return at


def _save(
    offering: Offering, actor: Any, document: dict[str, Any], at: int, note: str
) -> PlaybookVersion:
    try:
        return playbook_save(offering=offering, actor=actor, document=document, note=note)
    except ValidationError as error:
        fields: dict[str, list[str]] = {}
        for path, problems in error.message_dict.items():
            found = _PATH.match(path)
            field = found[2] if found and int(found[1]) == at else "__all__"
            field = FIELD_NAMES.get(field, field)
            prefix = "" if field != "__all__" else f"{path}: "
            fields.setdefault(field, []).extend(f"{prefix}{p}" for p in problems)
        raise ValidationError(fields) from None


@transaction.atomic
def playbook_question_add(
    *, offering: Offering, actor: Any, question: dict[str, Any], order: int | None = None
) -> PlaybookVersion:
    """Add a question (key, text, type, help, choices, unit, group) at ``order``."""
    document = _document(offering)
    key = question.get("key", "")
    if any(q["key"] == key for q in document["questions"]):
        raise ValidationError({"key": f"The playbook already has a question “{key}”."})
    item = {k: v for k, v in question.items() if v not in ("", None, [], ())}
    at = _place(document["questions"], item, order)
    return _save(offering, actor, document, at, f"Added question {key}")


@transaction.atomic
def playbook_question_update(
    *,
    offering: Offering,
    actor: Any,
    key: str,
    text: str,
    help_text: str = "",
    order: int | None = None,
) -> PlaybookVersion:
    """Change a question's wording, help text and place; its key and type stay."""
    document = _document(offering)
    questions = document["questions"]
    item = questions.pop(_index(document, key))
    item["text"] = text
    if help_text:
        item["help"] = help_text
    else:
        item.pop("help", None)
    at = _place(questions, item, order)
    return _save(offering, actor, document, at, f"Edited question {key}")


@transaction.atomic
def playbook_question_remove(*, offering: Offering, actor: Any, key: str) -> PlaybookVersion:
    """Remove a question no criterion uses; refused naming the criteria that do."""
    document = _document(offering)
    at = _index(document, key)
    users = [
        c.get("key", "?")
        for c in document["criteria"]
        if any(w.get("question") == key for w in c.get("when", []))
    ]
    if users:
        which = "criterion" if len(users) == 1 else "criteria"
        raise ValidationError(
            {
                "key": f"“{key}” is used by the {which} {', '.join(users)}; change or remove "
                "those conditions first."
            }
        )
    del document["questions"][at]
    return _save(offering, actor, document, at, f"Removed question {key}")
