"""Answers and scripts: from what a form or an API sends to the typed value a diagnosis
compares, back to JSON and plain words; and the honest script, filled from plain strings.

Pure Python, no Django.
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from goodfit.fit.domain.diagnosis import SCRIPT_FIELDS, AnswerType, Question

TEXT_MAX = 2000


# Answers: from what a form or an API sends to the typed value the diagnosis compares.


class AnswerError(ValueError):
    """A value that does not fit its question; ``key`` names the question."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


YES = {"yes", "y", "true", "1", "on"}
NO = {"no", "n", "false", "0", "off"}


def _yes_no(q: Question, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in YES or text in NO:
        return text in YES
    raise AnswerError(q.key, f"“{raw}” is not an answer to a yes/no question; send yes or no.")


def _choice(q: Question, raw: Any) -> str:
    if isinstance(raw, str) and raw in q.choices:
        return raw
    accepted = ", ".join(q.choices)
    raise AnswerError(q.key, f"“{raw}” is not one of the choices; accepted: {accepted}.")


def _choices(q: Question, raw: Any) -> frozenset[str]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple | set | frozenset):
        raise AnswerError(q.key, "Send a list of choices, e.g. [] or [“a”, “b”].")
    return frozenset(_choice(q, item) for item in items)


# Answers are people's debts, incomes and head counts: a quadrillion is already absurd,
# and bounding the size keeps Decimal arithmetic exact (its default precision is 28 digits).
NUMBER_MAX = Decimal("1e15")
NUMBER_TEXT_MAX = 40


def _numeric(q: Question, raw: Any) -> Any:
    if isinstance(raw, bool):
        raise AnswerError(q.key, "Send a number, not true or false.")
    text = str(raw).replace(",", "").strip()
    example = "1200 or 1,200.50" if q.type is AnswerType.MONEY else "12 or 2.5"
    if len(text) > NUMBER_TEXT_MAX:
        raise AnswerError(q.key, f"“{text[:20]}…” is too long for a number; send e.g. {example}.")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise AnswerError(q.key, f"“{raw}” is not a number; send e.g. {example}.") from None
    if not value.is_finite():
        raise AnswerError(q.key, f"“{raw}” is not a finite number; send e.g. {example}.")
    if not value:
        value = Decimal(0)  # also “-0” and “0e-999”
    # ``adjusted()`` is the exponent of the first digit; no arithmetic, so no Overflow.
    if value and value.adjusted() >= 15:
        raise AnswerError(q.key, "That number is too large; at most 999,999,999,999,999.")
    if value.is_signed() and value and not q.negative:
        what = "An amount of money" if q.type is AnswerType.MONEY else "This answer"
        raise AnswerError(q.key, f"{what} cannot be negative; send 0 or more.")
    if q.type is AnswerType.MONEY:
        if value.as_tuple().exponent < -2 and value != round(value, 2):  # type: ignore[operator]
            raise AnswerError(q.key, "At most two decimals (cents), e.g. 1200.50.")
        return value.quantize(Decimal("0.01"))
    return float(value)


def _date(q: Question, raw: Any) -> dt.date:
    if isinstance(raw, dt.date):
        return raw
    try:
        return dt.date.fromisoformat(str(raw).strip())
    except ValueError:
        raise AnswerError(q.key, f"“{raw}” is not a date; send YYYY-MM-DD.") from None


def _text(q: Question, raw: Any) -> str:
    if not isinstance(raw, str):
        raise AnswerError(q.key, "Send text.")
    if len(raw) > TEXT_MAX:
        raise AnswerError(q.key, f"At most {TEXT_MAX} characters.")
    return raw.strip()


PARSERS: dict[AnswerType, Callable[[Question, Any], Any]] = {
    AnswerType.YES_NO: _yes_no,
    AnswerType.CHOICE: _choice,
    AnswerType.CHOICES: _choices,
    AnswerType.NUMBER: _numeric,
    AnswerType.MONEY: _numeric,
    AnswerType.DATE: _date,
    AnswerType.TEXT: _text,
}


def answer_parse(q: Question, raw: Any) -> Any:
    """The typed answer, or None when ``raw`` clears it (None or an empty string)."""
    if raw is None or (isinstance(raw, str) and not raw.strip() and q.type is not AnswerType.TEXT):
        return None
    if q.type is AnswerType.TEXT and isinstance(raw, str) and not raw.strip():
        return None
    return PARSERS[q.type](q, raw)


def answer_to_json(q: Question, value: Any) -> Any:
    """A typed answer as it is stored (JSON): money as a string keeps every cent."""
    if value is None:
        return None
    if q.type is AnswerType.CHOICES:
        return sorted(value)
    if q.type is AnswerType.MONEY:
        return str(value)
    if q.type is AnswerType.DATE:
        return value.isoformat()
    if q.type is AnswerType.NUMBER:
        return int(value) if float(value).is_integer() else value
    return value


def answer_display(q: Question | None, value: Any) -> str:
    """An answer in plain words: “yes”, “$28,000.00”, “cards, medical”."""
    if value is None:
        return "—"
    if q is None:
        return str(value)
    if q.type is AnswerType.YES_NO:
        return "yes" if value else "no"
    if q.type is AnswerType.CHOICES:
        return ", ".join(sorted(value)) or "none of these"
    if q.type is AnswerType.MONEY:
        return f"{Decimal(value):,.2f}" + (f" {q.unit}" if q.unit else "")
    if q.type is AnswerType.NUMBER:
        text = f"{float(value):,.10g}"
        return text + (f" {q.unit}" if q.unit else "")
    if q.type is AnswerType.DATE:
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return str(value)


# The honest script: a team-written template that can reach only the plain strings given.


class _OnlyKnown(dict[str, str]):
    def __missing__(self, key: str) -> str:
        raise KeyError(key)


def script_fields(template: str) -> list[str]:
    """The placeholders of ``template`` (raises ValueError for broken braces)."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def script_render(template: str, values: Mapping[str, str]) -> str:
    """Fill ``{prospect}``, ``{offering}``, ``{reasons}``, ``{alternatives}``, ``{rep}``.

    Templates are checked when a playbook is saved (only these names, no attribute or
    index access), so rendering only ever sees plain strings.
    """
    allowed = _OnlyKnown({k: str(values.get(k, "")) for k in SCRIPT_FIELDS})
    return template.format_map(allowed)


def join_words(items: Iterable[str], last: str = "and") -> str:
    words = [w.strip().rstrip(".") for w in items if w.strip()]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"
