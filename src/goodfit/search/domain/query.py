"""What a search box's text means: words to look for, and a phone number's digits.

Pure: no Django. The database backends turn a ``SearchQuery`` into SQL; everything a
user types is data there (quoted for FTS5, escaped for LIKE), never syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Longest text the search takes; longer input is refused with a message, not cut.
MAX_LENGTH = 200
# Trigram indexes find substrings of at least this many characters.
TRIGRAM = 3
# Characters people put between the digits of a phone number.
PHONE_PUNCTUATION = re.compile(r"[\s()+\-./\u00a0]")


class QueryTooLong(ValueError):
    def __init__(self, length: int) -> None:
        super().__init__(
            f"Search takes at most {MAX_LENGTH} characters; yours has {length}. "
            "Use a few distinctive words, a phone number or an email address."
        )
        self.length = length


@dataclass(frozen=True)
class SearchQuery:
    """Lower-cased words (each must match), and the digits when the text is a phone number."""

    text: str
    terms: tuple[str, ...]
    digits: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def long_terms(self) -> tuple[str, ...]:
        """Words a trigram index can look up."""
        return tuple(t for t in self.terms if len(t) >= TRIGRAM)

    @property
    def short_terms(self) -> tuple[str, ...]:
        return tuple(t for t in self.terms if len(t) < TRIGRAM)


def phone_digits(text: str) -> str:
    """``+1 (415) 555-0132`` → ``14155550132``: the digits, whatever the formatting."""
    return "".join(ch for ch in text if ch.isascii() and ch.isdigit())


def _as_phone(text: str) -> str:
    """The digits if ``text`` is only digits and phone punctuation (3 digits or more)."""
    bare = PHONE_PUNCTUATION.sub("", text)
    if len(bare) >= TRIGRAM and bare.isascii() and bare.isdigit():
        return bare
    return ""


# Control characters (NUL, escapes …) cannot be typed into a box and end FTS5 strings.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def parse(text: str) -> SearchQuery:
    """Split the text into words; refuse text longer than ``MAX_LENGTH``."""
    text = CONTROL.sub(" ", text or "").strip()
    if len(text) > MAX_LENGTH:
        raise QueryTooLong(len(text))
    words: list[str] = []
    for word in text.lower().split():
        if word not in words:
            words.append(word)
    return SearchQuery(text=text, terms=tuple(words), digits=_as_phone(text))


def fts_phrase(term: str) -> str:
    """An FTS5 string literal: quotes doubled, so operators and quotes are only text."""
    return '"' + term.replace('"', '""') + '"'


def fts_match(terms: tuple[str, ...], column: str = "") -> str:
    """Every term must appear (AND); ``column`` restricts the match to one column."""
    prefix = f"{column} : " if column else ""
    return " AND ".join(prefix + fts_phrase(term) for term in terms)


def like_pattern(term: str) -> str:
    r"""``%term%`` for ``LIKE … ESCAPE '\'``, with the wildcards in ``term`` escaped."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
