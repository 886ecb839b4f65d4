"""Message templates that can reach nothing but the values handed to them.

Pure Python. The language is deliberately tiny: ``{{ name }}`` inserts a value,
``{{ name|upper }}`` passes it through one of a few text filters. There are no tags
(``{% include %}``, ``{% load %}`` …), no attribute or index access (``{{ rep.password }}``),
no calls, and the values are plain strings, so a template written by any team member
cannot read anything else. Every problem in a template is reported at once, by name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

PLACEHOLDERS: dict[str, str] = {
    "prospect_name": "the prospect's full name",
    "prospect_first_name": "the prospect's first name",
    "rep_name": "your full name",
    "rep_first_name": "your first name",
    "offering": "the offering's name",
    "time": "the follow-up time, in the prospect's time zone",
    "pick_link": "a link where the prospect picks a time that suits them",
    "touch": "what you will do, by the channel: “call you”, “email you”, “text you” …",
    "company": "the prospect's company (blank for a private person)",
}

FILTERS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "lower": str.lower,
    "title": str.title,
    "capfirst": lambda s: s[:1].upper() + s[1:],
    "trim": str.strip,
}
# `default:"text"` is the only filter with an argument.
ARGUMENT_FILTERS = {"default"}

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
TAG = re.compile(r"\{%.*?%\}|\{#.*?#\}", re.S)
NAME = re.compile(r"[a-z_][a-z0-9_]*\Z")
FILTER = re.compile(r'([a-z_]+)(?::"([^"]*)")?\Z')
MAX_LENGTH = 5000


class TemplateError(ValueError):
    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class _Expr:
    name: str
    filters: tuple[tuple[str, str | None], ...]


def _parse_expression(text: str, allowed: Mapping[str, object], problems: list[str]) -> _Expr:
    name, *filter_texts = [part.strip() for part in text.split("|")]
    if not NAME.match(name):
        if "." in name or "[" in name or "(" in name:
            problems.append(
                f"“{{{{ {name} }}}}” reaches into a value; only plain placeholders are allowed."
            )
        else:
            problems.append(f"“{{{{ {name} }}}}” is not a placeholder name.")
    elif name not in allowed:
        problems.append(f"Unknown placeholder “{name}”.")
    filters = []
    for filter_text in filter_texts:
        match = FILTER.match(filter_text)
        known = match and (match[1] in FILTERS or match[1] in ARGUMENT_FILTERS)
        if not match or not known or (match[2] is not None) != (match[1] in ARGUMENT_FILTERS):
            problems.append(
                f"Filter “{filter_text}” is not allowed; use "
                f'{", ".join(sorted(FILTERS))} or default:"…".'
            )
            continue
        filters.append((match[1], match[2]))
    return _Expr(name, tuple(filters))


def _parse(source: str, allowed: Mapping[str, object]) -> tuple[list[str | _Expr], list[str]]:
    problems: list[str] = []
    if len(source) > MAX_LENGTH:
        problems.append(f"A template may be at most {MAX_LENGTH} characters long.")
    for tag in TAG.findall(source):
        problems.append(f"Tags such as “{tag.strip()[:40]}” are not allowed; use {{{{ name }}}}.")
    parts: list[str | _Expr] = []
    position = 0
    for match in EXPRESSION.finditer(source):
        parts.append(source[position : match.start()])
        parts.append(_parse_expression(match[1], allowed, problems))
        position = match.end()
    parts.append(source[position:])
    if any("{{" in p or "}}" in p for p in parts if isinstance(p, str)):
        problems.append(
            "A “{{” or “}}” is not closed or opened; placeholders look like {{ name }}."
        )
    return parts, problems


def check(source: str, allowed: Mapping[str, object] = PLACEHOLDERS) -> list[str]:
    """Every problem in ``source`` (empty when it is fine)."""
    return _parse(source, allowed)[1]


def _apply(value: str, filters: tuple[tuple[str, str | None], ...]) -> str:
    for name, argument in filters:
        value = (value or argument or "") if name == "default" else FILTERS[name](value)
    return value


def render(source: str, values: Mapping[str, str]) -> str:
    """Render ``source`` with ``values`` (plain strings only); TemplateError on any problem."""
    for key, value in values.items():
        if not isinstance(value, str):
            raise TypeError(f"template value {key!r} must be a string, not {type(value).__name__}")
    parts, problems = _parse(source, values)
    if problems:
        raise TemplateError(problems)
    return "".join(
        part if isinstance(part, str) else _apply(values[part.name], part.filters) for part in parts
    )
