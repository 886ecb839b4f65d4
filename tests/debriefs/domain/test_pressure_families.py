"""Each family of pressure, table by table: inflected and reordered variants are caught;
the gracious look-alikes are not."""

from __future__ import annotations

import pytest

from goodfit.debriefs.domain.closeout_lint import lint
from goodfit.debriefs.domain.pressure_families import FAMILIES, FAMILY_CODES, family_label

CAUGHT = {
    "deadline": [
        "Today only!",
        "This is tonight only.",
        "The offer expires on Friday.",
        "Your quote is expiring tomorrow.",
        "I need to hear back by noon.",
        "Could you confirm by Friday?",
        "We need your decision by the end of the week.",
        "Please respond before 5pm.",
        "Last chance to join.",
        "A limited-time offer.",
        "Act now.",
        "Sign today if you can.",
        "Time is running out.",
        "Only until midnight.",
        "Valid until Friday.",
        "I can only hold the price until Wednesday.",
    ],
    "price": [
        "Rates rise next month.",
        "Our rates are rising in May.",
        "Prices will increase soon.",
        "Pricing goes up on the 1st.",
        "This discount disappears at midnight.",
        "The offer goes away after today.",
        "It won't be this low again.",
        "It will never be this cheap again.",
        "Lock in your rate before the change.",
    ],
    "scarcity": [
        "Only two spots left.",
        "Only 3 places remaining.",
        "We have just a few seats left.",
        "Two slots left this month.",
        "These are selling out fast.",
        "We're nearly sold out.",
        "First come, first served.",
        "Other customers will snap them up.",
    ],
    "guilt": [
        "You are letting the whole team down.",
        "You let us down.",
        "You owe it to your family.",
        "After everything we've done for you.",
        "I'm so disappointed.",
        "What a waste of my time.",
        "Your family deserves better.",
        "Your staff are counting on you.",
        "Do us a favor and sign.",
    ],
    "fear": [
        "You'll regret it.",
        "You will fall behind your competitors.",
        "You're going to lose customers.",
        "Before it's too late.",
        "You can't afford to wait.",
        "Don't miss out.",
        "Your competitors will get ahead.",
        "Imagine losing your biggest client.",
    ],
    "assumptive": [
        "I've gone ahead and booked your kick-off.",
        "We've already set up your workspace.",
        "When you sign, we'll send the keys.",
        "Once we onboard your team, it gets easier.",
        "Which date suits you for the installation?",
        "Just sign here.",
        "The paperwork is attached and ready to sign.",
        "Welcome to the family!",
    ],
    "past_no": [
        "You're making a mistake.",
        "Are you absolutely sure?",
        "Please reconsider your decision.",
        "You don't understand the value.",
        "You should have read the proposal.",
        "I know you said no, but consider this.",
        "I hear you're not interested, but one thing.",
        "What could I do to change your mind?",
        "Give it another chance.",
        "Don't decide yet.",
        "Hear me out.",
    ],
}

CLEAR = [
    "No rush at all.",
    "Prices are listed on our site.",
    "Take all the time you need.",
    "Happy to talk on Friday if that suits you.",
    "If you change your mind, we're here.",
    "I'd hate to let you down on the delivery.",
    "The spots on your dashboard show overdue invoices.",
    "We expire old sessions after a day for your security.",
    "Our rates are the same for everyone.",
    "Thanks, and good luck with your team.",
    "There's no deadline for this.",
    "You don't have to decide by Friday.",
    "I know you said no, and I respect it.",
    "Which day works for a short call?",
]


@pytest.mark.parametrize(
    ("family", "text"), [(family, text) for family, texts in CAUGHT.items() for text in texts]
)
def test_each_family_catches_its_variants(family, text):
    assert family in [f.family for f in lint(text)], text


@pytest.mark.parametrize("text", CLEAR)
def test_gracious_look_alikes_are_clear(text):
    assert lint(text) == []


def test_the_tables_cover_every_family():
    assert set(CAUGHT) == set(FAMILY_CODES)
    assert all(f.why and f.suggestion for f in FAMILIES)
    assert family_label("past_no") == "Pushing past a no"
    assert family_label("unknown") == "unknown"
