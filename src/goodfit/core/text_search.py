"""How a list's search box narrows its rows.

The search capability registers a condition its indexes serve; without it, the lists fall
back to a plain substring scan (correct, but linear in the number of rows).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from goodfit.core.registry import Registry

TEXT_SEARCH_KINDS = frozenset({"deals", "prospects"})
TEXT_SEARCH: Registry[Callable[[str], Any]] = Registry("text search")


def register_text_search(kind: str, condition: Callable[[str], Any]) -> None:
    """``condition(text)`` returns a ``Q`` over ``kind``'s rows holding every word of text."""
    if kind not in TEXT_SEARCH_KINDS:
        raise ValueError(f"Unknown text search kind {kind!r}")
    TEXT_SEARCH.register(kind, condition)


def unregister_text_search(kind: str) -> None:
    TEXT_SEARCH.unregister(kind)


def text_search_condition(kind: str, text: str) -> Any | None:
    """The registered condition for ``text``, or None when no capability serves ``kind``."""
    condition = TEXT_SEARCH.get(kind)
    return condition(text) if condition else None
