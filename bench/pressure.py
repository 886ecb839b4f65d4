"""Pressure checker speed: messages checked per second with the default patterns.

    python bench/pressure.py                 # 20,000 messages
    python bench/pressure.py --messages 5000

Messages are the labelled set of the tests (gracious and pushy, 145 of them) cycled,
each padded to a realistic follow-up length (~400 characters). The same run measures
the baseline: the first version's checker, a list of 23 literal phrases each compiled
to one regular expression, on the same messages. Reported: messages per second for
both, the ratio, and the time to check one Today page of 50 messages.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT)]

from goodfit.debriefs.domain.closeout_lint import lint  # noqa: E402
from tests.debriefs.pressure_messages import GRACIOUS, PUSHY  # noqa: E402

OLD_PHRASES = (
    "you're making a mistake", "you are making a mistake", "big mistake", "are you sure",
    "reconsider", "you don't understand", "you should have", "you'll regret",
    "you will regret", "after all the time", "waste of time", "disappointed", "let me down",
    "last chance", "only today", "today only", "final offer", "act now", "limited time",
    "offer expires", "before it's too late", "don't miss out", "if you sign today",
)  # fmt: skip
PADDING = (
    "Thanks again for the call on Tuesday and for walking me through how your team "
    "handles invoices today. I've attached the notes we talked about. "
)
TARGET_PER_SECOND = 250  # a Today page of 50 messages in 0.2 s


def baseline(text: str, compiled: list[re.Pattern[str]]) -> int:
    return sum(1 for regex in compiled for _ in regex.finditer(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=20_000)
    args = parser.parse_args()
    corpus = [PADDING * 2 + text for text in (*GRACIOUS, *(t for _, t in PUSHY))]
    messages = [corpus[i % len(corpus)] for i in range(args.messages)]
    compiled = [
        re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, p.split())) + r"(?!\w)", re.I)
        for p in OLD_PHRASES
    ]
    lint(messages[0])  # compile the patterns once, as a running server has

    start = time.perf_counter()
    found = sum(len(lint(text)) for text in messages)
    patterns_s = time.perf_counter() - start
    start = time.perf_counter()
    old_found = sum(baseline(text, compiled) for text in messages)
    baseline_s = time.perf_counter() - start

    rate, old_rate = len(messages) / patterns_s, len(messages) / baseline_s
    print(f"messages: {len(messages):,} of ~{sum(map(len, corpus)) // len(corpus)} characters")
    print(f"pattern families: {rate:,.0f} messages/s ({found:,} findings)")
    print(f"baseline, 23 literal phrases: {old_rate:,.0f} messages/s ({old_found:,} findings)")
    print(f"ratio (baseline / families): {old_rate / rate:.1f}x slower for far more coverage")
    print(f"one Today page of 50 messages: {50 / rate * 1000:.1f} ms")
    print(f"target {TARGET_PER_SECOND:,}/s: {'met' if rate >= TARGET_PER_SECOND else 'MISSED'}")


if __name__ == "__main__":
    main()
