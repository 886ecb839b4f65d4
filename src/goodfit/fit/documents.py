"""Playbook documents as text: YAML or JSON in, YAML or JSON out, with line numbers.

YAML is a superset of JSON, so one reader takes both. Errors found by the playbook
checks name a key path (``criteria[2].when[0].value``); for text we add the line.
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml
from django.core.exceptions import ValidationError

PATH_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def document_load(text: str) -> Any:
    """The document in ``text``, or a ValidationError naming the line of a syntax error."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ValidationError({"document": f"{where}not valid YAML or JSON ({problem})."}) from None


def document_dump(document: dict[str, Any], fmt: str = "yaml") -> str:
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=88)


def line_of(text: str, path: str) -> int | None:
    """The line (1-based) where ``path`` sits in the YAML/JSON ``text``, if found."""
    try:
        node = yaml.compose(text)
    except yaml.YAMLError:
        return None
    for name, index in PATH_PART.findall(path):
        if node is None:
            return None
        if index and isinstance(node, yaml.SequenceNode):
            position = int(index)
            node = node.value[position] if position < len(node.value) else None
        elif name and isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == name), None) or next(
                (k for k, _ in node.value if k.value == name), None
            )
        else:
            break
    return node.start_mark.line + 1 if node is not None else None


def with_lines(error: ValidationError, text: str) -> ValidationError:
    """The same errors, each message prefixed with its line in ``text`` when known."""
    if not hasattr(error, "error_dict"):
        return error
    out: dict[str, list[str]] = {}
    for path, messages in error.message_dict.items():
        line = line_of(text, path)
        prefix = f"line {line}: " if line else ""
        out[path] = [prefix + m for m in messages]
    return ValidationError(out)
