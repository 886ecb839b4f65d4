"""Messages that fit the channel and the prospect's kind: a labelled table."""

from __future__ import annotations

import pytest

from goodfit.followups.domain.wording import misfits, touch_for

# (text, channel, prospect kind, phrases that should be flagged)
CASES = [
    ("Hi Dana, I'll call you tomorrow at 10:00.", "email", "person", ["I'll call you"]),
    ("Hi Dana, I'll call you tomorrow at 10:00.", "call", "person", []),
    ("Hi Dana, I will give you a call on Monday.", "message", "person", ["I will give you a call"]),
    ("Hi Dana, I'll email you the details.", "call", "person", ["I'll email you"]),
    ("Hi Dana, I'll email you the details.", "email", "person", []),
    ("Thanks Dana, we'll text you a reminder.", "email", "company", ["we'll text you"]),
    ("How is your business doing?", "email", "person", ["your business"]),
    ("How is your business doing?", "email", "company", []),
    ("Would your team like a demo?", "call", "person", ["your team"]),
    ("Happy to walk your staff through it.", "meeting", "company", []),
    ("Talk soon — no rush at all.", "email", "person", []),
    ("Call me back whenever suits you.", "email", "person", []),
    (
        "I'll call you, and does your company need invoices?",
        "email",
        "person",
        ["I'll call you", "your company"],
    ),
]


@pytest.mark.parametrize(("text", "channel", "kind", "expected"), CASES)
def test_misfits_are_named_in_order(text, channel, kind, expected):
    found = misfits(text, channel=channel, kind=kind)
    assert [m.phrase for m in found] == expected
    for misfit in found:
        assert misfit.problem and misfit.suggestion


def test_the_suggestion_names_what_fits_the_channel():
    (misfit,) = misfits("I'll call you Monday.", channel="email", kind="person")
    assert "This follow-up is a email" not in misfit.problem
    assert "I'll email you" in misfit.suggestion


@pytest.mark.parametrize(
    ("channel", "touch"),
    [
        ("call", "call you"),
        ("email", "email you"),
        ("message", "text you"),
        ("chat", "message you"),
        ("meeting", "see you"),
        ("pigeon", "get in touch"),
    ],
)
def test_touch_reads_by_channel(channel, touch):
    assert touch_for(channel) == touch
