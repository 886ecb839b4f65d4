"""The pattern syntax a sales manager writes to catch pressure (pure Python: no Django).

A pattern is words, with a few marks a non-programmer can read:

- ``word``        the word itself: any case, any apostrophe style ("won't" = "won’t" =
                  "wont"), whole words only;
- ``expir*``      any word starting with ``expir`` (expires, expiring, expiry);
- ``spot/place``  either word (each may be a stem or a set);
- ``(go live / get started)`` one of several word groups: inside brackets ``/`` and
                  ``|`` both separate the choices; a whole pattern may be ``a b | c d``;
- ``[the whole]`` optional words;
- ``...``         up to three other words in between (``let* ... down`` finds "letting
                  the whole team down" and "let us down");
- ``{number}``, ``{day}``, ``{time}``, ``{when}``: a number (2, two, a few), a day
                  (Friday, tomorrow, the end of the week), a time of day (noon, 5pm,
                  close of business), or either of the last two.

Commas, full stops and other sentence punctuation in a pattern are ignored; anything
else that is not a word is refused with where it is and what is accepted. Users never
write regular expressions: this module writes them, escaping every character, so a
bad pattern is a message, never a crash, and nothing a team types can make matching
slow (no nesting deeper than three, at most four ``...``, 200 characters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MAX_LENGTH = 200
MAX_GAPS = 4
MAX_DEPTH = 3
GAP_WORDS = 3
MIN_STEM = 3
APOSTROPHES = "'’‘ʼ`"
IGNORED = ',.!?;:"“”'
SPECIALS = "()[]|/{}*"

_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "fifty",
    "hundred",
]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBER = r"\d+|(?:a\s+)?(?:few|couple(?:\s+of)?|handful(?:\s+of)?)|limited|last|" + "|".join(
    _NUMBER_WORDS
)
_DAY = (
    r"(?:this\s+|next\s+|on\s+)?(?:" + "|".join(_DAYS) + r")(?:'s)?|weekend|tomorrow|tonight|"
    r"today|(?:the\s+)?end\s+of\s+(?:the\s+|this\s+)?(?:day|week|month|quarter|year)|"
    r"eod|eow|cob|(?:the\s+)?\d{1,2}(?:st|nd|rd|th)"
)
_TIME = (
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)|noon|midday|midnight|"
    r"lunch(?:time)?|close\s+of\s+business|end\s+of\s+(?:the\s+)?day|cob|eod|"
    r"(?:this|tomorrow)\s+(?:morning|afternoon|evening)"
)
# Trusted expressions written here (never by users), named in patterns as {name}.
SETS: dict[str, str] = {
    "number": _NUMBER,
    "day": _DAY,
    "time": _TIME,
    "when": f"{_TIME}|{_DAY}",
}
SET_HELP = {
    "number": "2, two, a few, a couple of, a handful of",
    "day": "Friday, tomorrow, tonight, the end of the week, the 15th",
    "time": "noon, 5pm, 17:00, midnight, close of business",
    "when": "any {day} or {time}",
}

# Between two words of a pattern: spaces, dashes, commas, quotes; never a full stop,
# question or exclamation mark, so a match stays inside one sentence.
SEP = r"[^\w.!?]+"
_ANY_WORD = r"\w+(?:[" + re.escape(APOSTROPHES) + r"\-]\w+)*"
_BEFORE = r"(?<!\w)(?<!\w[" + re.escape(APOSTROPHES) + "])"
_AFTER = r"(?!\w|[" + re.escape(APOSTROPHES) + r"]\w)"
ACCEPTED = (
    "words, word stems ending in * (expir*), a/b for either word, (a b | c d) for word "
    "groups, [optional words], ... for a few words in between, and {number}, {day}, "
    "{time} or {when}"
)


class PatternError(ValueError):
    """A pattern that cannot be read; ``position`` counts from 1, as people do."""

    def __init__(self, message: str, position: int = 0) -> None:
        self.message = message
        self.position = position
        where = f" (at character {position})" if position else ""
        super().__init__(f"{message}{where}. A pattern is made of {ACCEPTED}.")


@dataclass(frozen=True)
class _Token:
    kind: str  # word, set, gap, or the special character itself
    text: str
    position: int


def _word_end(text: str, at: int) -> int:
    while at < len(text) and (text[at].isalnum() or text[at] in APOSTROPHES + "-_"):
        at += 1
    return at


def _tokens(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    at = 0
    while at < len(text):
        char = text[at]
        if text.startswith("...", at) or char == "…":
            tokens.append(_Token("gap", "...", at + 1))
            at += 1 if char == "…" else 3
        elif char.isspace() or char in IGNORED:
            at += 1
        elif char == "{":
            close = text.find("}", at)
            name = text[at + 1 : close].strip().lower() if close > 0 else ""
            if close < 0 or name not in SETS:
                known = ", ".join("{" + n + "}" for n in SETS)
                raise PatternError(
                    f"“{text[at : close + 1 or None]}” is not a set; use {known}", at + 1
                )
            tokens.append(_Token("set", name, at + 1))
            at = close + 1
        elif char == "*":
            raise PatternError("a * must end a word stem such as expir*", at + 1)
        elif char in SPECIALS:
            tokens.append(_Token(char, char, at + 1))
            at += 1
        elif char.isalnum() or char in APOSTROPHES:
            end = _word_end(text, at)
            word = text[at:end].strip(APOSTROPHES + "-_")
            stem = end < len(text) and text[end] == "*"
            if stem and len(word) < MIN_STEM:
                raise PatternError(
                    f"the stem “{word}*” is too short; use {MIN_STEM} letters or more", at + 1
                )
            tokens.append(_Token("stem" if stem else "word", word.lower(), at + 1))
            at = end + (1 if stem else 0)
        else:
            raise PatternError(f"“{char}” cannot be used in a pattern", at + 1)
    return tokens


def _word_regex(word: str, stem: bool) -> str:
    parts = []
    for char in word:
        if char in APOSTROPHES:
            parts.append(f"[{re.escape(APOSTROPHES)}]?")
        elif char in "-_":
            parts.append(r"[\-\s]?")
        else:
            parts.append(re.escape(char))
    return "".join(parts) + (r"\w*" if stem else "")


# Words of which at least one must be in a text for a pattern to match it (casefolded,
# cut at the first apostrophe or hyphen); None when a part can match without any, such
# as a {set}. Checking these substrings first skips most patterns for most messages.
Triggers = frozenset[str] | None


@dataclass
class _Part:
    regex: str
    optional: bool = False
    gap: bool = False
    triggers: Triggers = None
    # For a sequence: the triggers of each required part; a text must meet every one.
    required: tuple[frozenset[str], ...] = ()


def _word_trigger(word: str) -> Triggers:
    head = re.split(f"[{re.escape(APOSTROPHES)}\\-_]", word.casefold())[0]
    return frozenset([head]) if head else None


def _union(options: list[Triggers]) -> Triggers:
    if any(option is None for option in options):
        return None
    return frozenset().union(*(o for o in options if o is not None))


def _best(parts: list[_Part]) -> Triggers:
    """The most selective triggers of the required parts (the longest shortest word)."""
    candidates = [p.triggers for p in parts if not p.optional and not p.gap and p.triggers]
    if not candidates:
        return None
    return max(candidates, key=lambda t: min(map(len, t)) if t else 0)


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.at = 0
        self.gaps = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def alternatives(self, depth: int, closer: str, opened: int) -> _Part:
        """``seq | seq | …`` up to ``closer`` (consumed) or the end of the pattern."""
        if depth > MAX_DEPTH:
            raise PatternError(f"brackets are nested more than {MAX_DEPTH} deep", opened)
        # Inside brackets "/" separates the choices like "|" ("(go live/get started)");
        # outside, it joins two single words ("spot/place left").
        separators = ("|", "/") if closer else ("|",)
        options = [self.sequence(depth, closer, opened)]
        while (token := self.peek()) is not None and token.kind in separators:
            self.take()
            options.append(self.sequence(depth, closer, token.position))
        token = self.peek()
        if closer:
            if token is None:
                raise PatternError(
                    f"the bracket opened here is never closed with “{closer}”", opened
                )
            self.take()
        if len(options) == 1:
            return options[0]
        regex = "(?:" + "|".join(o.regex for o in options) + ")"
        return _Part(regex, triggers=_union([o.triggers for o in options]))

    def sequence(self, depth: int, closer: str, where: int) -> _Part:
        parts: list[_Part] = []
        ends = ("|", "/", ")", "]") if closer else ("|", ")", "]")
        while (token := self.peek()) is not None and token.kind not in ends:
            if token.kind == "gap":
                self.take()
                self.gaps += 1
                if self.gaps > MAX_GAPS:
                    raise PatternError(f"use “...” at most {MAX_GAPS} times", token.position)
                if not parts or parts[-1].gap:
                    raise PatternError("“...” goes between two words", token.position)
                parts.append(_Part("", gap=True))
                continue
            parts.append(self.item(depth) if not closer else self.atom(depth))
        token = self.peek()
        if token is not None and token.kind in ")]" and token.kind != closer:
            raise PatternError(f"“{token.kind}” has no matching opening bracket", token.position)
        if not parts:
            raise PatternError("an alternative or a bracket is empty", where)
        if parts[-1].gap:
            raise PatternError("“...” goes between two words", where)
        if all(p.optional for p in parts if not p.gap):
            raise PatternError("write at least one word that is not [optional]", where)
        required = tuple(p.triggers for p in parts if not p.optional and not p.gap and p.triggers)
        return _Part(_join(parts), triggers=_best(parts), required=required)

    def item(self, depth: int) -> _Part:
        choices = [self.atom(depth)]
        while (token := self.peek()) is not None and token.kind == "/":
            self.take()
            if self.peek() is None or self.peek().kind in ("/", "|", ")", "]", "gap"):  # type: ignore[union-attr]
                raise PatternError("a / must stand between two words", token.position)
            choices.append(self.atom(depth))
        if len(choices) == 1:
            return choices[0]
        if any(c.optional for c in choices):
            raise PatternError("an [optional] group cannot be one side of a /", 0)
        regex = "(?:" + "|".join(c.regex for c in choices) + ")"
        return _Part(regex, triggers=_union([c.triggers for c in choices]))

    def atom(self, depth: int) -> _Part:
        token = self.take()
        if token.kind in ("word", "stem"):
            word = _word_regex(token.text, token.kind == "stem")
            return _Part(word, triggers=_word_trigger(token.text))
        if token.kind == "set":
            return _Part("(?:" + SETS[token.text] + ")")
        if token.kind == "(":
            inner = self.alternatives(depth + 1, ")", token.position)
            return _Part("(?:" + inner.regex + ")", triggers=inner.triggers)
        if token.kind == "[":
            inner = self.alternatives(depth + 1, "]", token.position)
            return _Part("(?:" + inner.regex + ")", True)
        raise PatternError(f"“{token.text}” cannot start a word here", token.position)


def _join(parts: list[_Part]) -> str:
    """Words separated by ``SEP``; an optional part takes its separator with it."""
    out = ""
    started = False
    for part in parts:
        if part.gap:
            out += f"(?:{SEP}{_ANY_WORD}){{0,{GAP_WORDS}}}"
        elif part.optional:
            out += f"(?:{SEP}{part.regex})?" if started else f"(?:{part.regex}{SEP})?"
        else:
            out += (SEP if started else "") + part.regex
            started = True
    return out


def _parse(text: str) -> _Part:
    if len(text) > MAX_LENGTH:
        raise PatternError(f"the pattern is {len(text)} characters; keep it under {MAX_LENGTH}")
    if not text.strip():
        raise PatternError("write at least one word")
    parser = _Parser(text)
    if not parser.tokens:
        raise PatternError("write at least one word")
    body = parser.alternatives(0, "", 0)
    if parser.peek() is not None:
        token = parser.take()
        raise PatternError(f"“{token.text}” has no matching opening bracket", token.position)
    return body


def pattern_regex(text: str) -> str:
    """The regular expression for a pattern; ``PatternError`` when it cannot be read."""
    return _BEFORE + "(?:" + _parse(text).regex + ")" + _AFTER


@lru_cache(maxsize=2048)
def compile_pattern(text: str) -> re.Pattern[str]:
    return re.compile(pattern_regex(text), re.IGNORECASE)


@lru_cache(maxsize=2048)
def pattern_triggers(text: str) -> tuple[frozenset[str], ...]:
    """Groups of words: to match the pattern, a text (``str.casefold``) contains at least
    one word of every group. Empty when nothing can be said in advance."""
    body = _parse(text)
    if body.required:
        return body.required
    return (body.triggers,) if body.triggers else ()


def may_match(text_casefolded: str, pattern: str) -> bool:
    """False when the pattern cannot match: some group has none of its words in the text."""
    return all(any(t in text_casefolded for t in group) for group in pattern_triggers(pattern))


def pattern_error(text: str) -> str | None:
    """What is wrong with a pattern, in words a manager can act on; None when it is fine."""
    try:
        compile_pattern(text)
    except PatternError as error:
        return str(error)
    return None
