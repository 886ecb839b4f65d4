"""Does a message fit the prospect and the channel it goes out on?

Pure Python (stdlib only). An email must not promise a call, a text must not say "I'll
email you"; a private person has no "business" or "team" to be asked about. The checks
return plain-language problems with a suggestion, so the rep (or the manager writing a
template) can fix the wording before it is sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What the rep will do next, by channel: the {{ touch }} placeholder.
TOUCH = {
    "call": "call you",
    "email": "email you",
    "message": "text you",
    "chat": "message you",
    "meeting": "see you",
}
CHANNEL_NAMES = {
    "call": "call",
    "email": "email",
    "message": "text message",
    "chat": "chat message",
    "meeting": "meeting",
}
# Phrases that promise a specific kind of contact, and the channels they belong to.
PROMISES: tuple[tuple[str, frozenset[str]], ...] = (
    (
        r"\b(?:i'?ll|i will|we'?ll|we will|i'?m going to)\s+(?:give you a\s+)?(?:call|ring|phone)"
        r"(?:\s+you)?\b",
        frozenset({"call"}),
    ),
    (r"\bcall you\b", frozenset({"call"})),
    (r"\b(?:i'?ll|i will|we'?ll|we will)\s+(?:e-?mail|write to)\s+you\b", frozenset({"email"})),
    (r"\b(?:i'?ll|i will|we'?ll|we will)\s+text\s+you\b", frozenset({"message", "chat"})),
    (r"\bspeak (?:to you )?on the phone\b", frozenset({"call"})),
)
# Words that assume the prospect is a company, with what to say to a person instead.
BUSINESS_WORDS: tuple[tuple[str, str], ...] = (
    (r"\byour (?:business|company|firm|organi[sz]ation)\b", "you (or your household)"),
    (r"\byour (?:team|staff|employees|colleagues)\b", "you"),
    (r"\byour (?:procurement|purchasing|finance department)\b", "you"),
)


@dataclass(frozen=True)
class Misfit:
    phrase: str
    problem: str
    suggestion: str


def touch_for(channel: str) -> str:
    return TOUCH.get(channel, "get in touch")


def misfits(text: str, *, channel: str, kind: str) -> list[Misfit]:
    """Every phrase of ``text`` that does not fit the ``channel`` ("call", "email" …) or
    the prospect's ``kind`` ("person" or "company"), in the order they appear."""
    found: list[tuple[int, Misfit]] = []
    name = CHANNEL_NAMES.get(channel, channel)
    article = "an" if name[:1].lower() in "aeiou" else "a"
    for pattern, channels in PROMISES:
        if channel in channels:
            continue
        for match in re.finditer(pattern, text, re.IGNORECASE):
            found.append(
                (
                    match.start(),
                    Misfit(
                        match.group(0),
                        f"This follow-up is {article} {name}, but the message says "
                        f"“{match.group(0)}”.",
                        f"Say what you will do: “I'll {touch_for(channel)}”, or use "
                        "{{ touch }} in the template.",
                    ),
                )
            )
    if kind == "person":
        for pattern, instead in BUSINESS_WORDS:
            for match in re.finditer(pattern, text, re.IGNORECASE):
                found.append(
                    (
                        match.start(),
                        Misfit(
                            match.group(0),
                            f"“{match.group(0)}” speaks to a company; this prospect is a "
                            "private person.",
                            f"Speak to them directly: “{instead}”.",
                        ),
                    )
                )
    seen: set[tuple[int, str]] = set()
    result: list[Misfit] = []
    for start, misfit in sorted(found, key=lambda item: item[0]):
        if (start, misfit.problem) not in seen:
            seen.add((start, misfit.problem))
            result.append(misfit)
    return _drop_overlaps(result)


def _drop_overlaps(items: list[Misfit]) -> list[Misfit]:
    """'I'll call you' and 'call you' are one problem, not two."""
    result: list[Misfit] = []
    for item in items:
        if any(item.phrase.lower() in kept.phrase.lower() for kept in result):
            continue
        result.append(item)
    return result
