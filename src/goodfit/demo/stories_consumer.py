"""Hand-written consumer stories: who the debt relief program is for, and who it is not for."""

from __future__ import annotations

import datetime as dt

from goodfit.demo.roster import Cast
from goodfit.demo.story_kit import Story, prospect, story

CHI = "America/Chicago"
NY = "America/New_York"
LA = "America/Los_Angeles"

BANKRUPTCY_REFERRAL = (
    "Not a fit for the debt relief program. A card issuer already has a judgment and is "
    "garnishing 25% of her wages, a second lawsuit is pending, and after rent she cannot "
    "fund the ~$600 monthly deposit. Settlements would take a year or more while the "
    "garnishment continues, so the program would cost her more and not stop it. A Chapter 7 "
    "bankruptcy would stop the garnishment at once. Referred her to Dana Hollis, bankruptcy "
    "attorney at Hollis & Park (free first consultation), and told her why."
)

HONEST_SCRIPT = (
    "Hi Gloria, thank you for walking me through everything last night. Here is what we "
    "offer: we negotiate card and loan balances down over two to four years while you save "
    "into a dedicated account. That isn't a fit for you, and I'd rather tell you now: it "
    "cannot stop the garnishment that has already started, and the lawsuit would likely "
    "move faster than any settlement. What I recommend instead is a bankruptcy attorney; "
    "Dana Hollis at Hollis & Park offers a free first consultation and can tell you whether "
    "Chapter 7 fits. Her number is +1 312 555 0147. If anything changes, I'm here."
)


def gloria_not_a_fit(c: Cast) -> list[Story]:
    """Wages garnished and a lawsuit pending: a bankruptcy attorney, not a program."""
    gloria = prospect(
        c,
        name="Gloria Ramirez",
        email="gloria.ramirez@example.com",
        phone="+1 773 555 0112",
        segment="Consumer — high unsecured debt",
        source="web form",
        time_zone=CHI,
        preferred_channel="call",
        contact_start=dt.time(17),
        contact_end=dt.time(21),
    )
    s = story(
        c, prospect=gloria, offering="debt", owner="olivia", amount=12800, at=c.at(64, 19, 12)
    )
    s.log(
        c.at(64, 19, 12),
        "in",
        "email",
        "Web form: card debt and wage garnishment",
        "I owe about $71,000 on six cards and a personal loan. Since March 25% of my pay is "
        "garnished. Can you help me get out of this?",
    )
    s.log(
        c.at(63, 18, 0),
        "out",
        "call",
        "Discovery call, 40 minutes",
        "Six cards and one personal loan, about $71k in total. One issuer won a judgment in "
        "February; garnishment started in March. Another issuer filed suit last month. "
        "Take-home $2,900 a month, rent $1,350. She can set aside maybe $150 a month.",
    )
    s.move(c.at(63, 18, 45), "Discovery")
    s.note(c.at(62, 9, 30), BANKRUPTCY_REFERRAL)
    s.log(c.at(62, 9, 45), "out", "email", "Not a fit: referred to Hollis & Park", HONEST_SCRIPT)
    s.move(c.at(62, 9, 50), "Not a fit")
    s.log(
        c.at(55, 20, 5),
        "in",
        "message",
        "Thanked us; filing with the attorney",
        "Thank you for being straight with me. Met Dana, we file next week. My sister has "
        "card debt too but a steady job, I gave her your number.",
    )
    rosa = prospect(
        c,
        name="Rosa Ramirez",
        email="rosa.ramirez@example.com",
        phone="+1 773 555 0118",
        segment="Consumer — high unsecured debt",
        source="referral",
        time_zone=CHI,
        preferred_channel="message",
        contact_start=dt.time(12),
        contact_end=dt.time(20),
    )
    r = story(c, prospect=rosa, offering="debt", owner="olivia", amount=7400, at=c.at(52, 12, 30))
    r.log(
        c.at(52, 12, 30),
        "in",
        "call",
        "Referred by her sister Gloria (not a fit, sent to a lawyer)",
    )
    r.move(c.at(52, 13, 10), "Discovery")
    r.log(
        c.at(50, 18, 0),
        "out",
        "call",
        "Discovery: $41k on cards, steady income, no judgments",
        "Four cards, about $41k, all current but only paying minimums. Nurse, steady "
        "income, can deposit $650 a month. No lawsuits. A good fit.",
    )
    r.move(c.at(50, 18, 40), "Proposal")
    r.log(c.at(49, 12, 15), "out", "email", "Sent the program agreement and fee sheet")
    r.log(c.at(47, 19, 2), "in", "message", "Texted: signed, first deposit Friday")
    r.move(c.at(47, 19, 30), "Won")
    r.note(c.at(47, 19, 35), "Enrolled. Referral from Gloria Ramirez, who was not a fit.")
    return [s, r]


def marcus_not_a_fit(c: Cast) -> list[Story]:
    """Mostly secured debt and a foreclosure notice: Chapter 13, not settlement."""
    marcus = prospect(
        c,
        name="Marcus Bell",
        email="marcus.bell@example.com",
        phone="+1 214 555 0131",
        segment="Consumer — mostly secured debt",
        source="partner",
        time_zone=CHI,
        preferred_channel="call",
        contact_start=dt.time(8),
        contact_end=dt.time(12),
    )
    s = story(c, prospect=marcus, offering="debt", owner="sam", amount=8600, at=c.at(33, 9, 5))
    s.log(c.at(33, 9, 5), "in", "email", "Introduced by Lakeview Mortgage Brokers")
    s.log(
        c.at(32, 10, 30),
        "out",
        "call",
        "Discovery call: foreclosure notice, car loan, student loans",
        "About $48k owed: three mortgage payments behind with a foreclosure notice, a $14k "
        "car loan, $22k federal student loans, and only $6k on cards.",
        by="sam",
    )
    s.move(c.at(32, 11, 15), "Discovery")
    s.note(
        c.at(32, 11, 20),
        "Not a fit: almost all of his debt is secured (mortgage arrears, car loan) or "
        "federal student loans, none of which a settlement program can touch, and the "
        "program would not stop the foreclosure. A Chapter 13 bankruptcy could stop it and "
        "let him catch up over 3–5 years. Referred him to Alan Pereira, bankruptcy attorney "
        "(Chapter 13) at Pereira Law, and to a HUD-approved housing counselor.",
    )
    s.log(c.at(32, 11, 30), "out", "email", "Sent the attorney's and housing counselor's details")
    s.move(c.at(32, 11, 35), "Not a fit")
    return [s]


def priya_not_a_fit(c: Cast) -> list[Story]:
    """A small balance: a nonprofit debt management plan costs her less than our fee."""
    priya = prospect(
        c,
        name="Priya Nair",
        email="priya.nair@example.com",
        phone="+1 415 555 0176",
        segment="Consumer — moderate debt",
        source="event",
        time_zone=LA,
        preferred_channel="email",
        contact_start=dt.time(18),
        contact_end=dt.time(21),
    )
    s = story(c, prospect=priya, offering="debt", owner="sam", amount=1400, at=c.at(120, 19, 0, LA))
    s.log(c.at(120, 19, 0, LA), "out", "email", "Met at the financial wellness fair; follow-up")
    s.log(c.at(118, 18, 30, LA), "out", "call", "Discovery: $7,400 on two cards, steady salary")
    s.move(c.at(118, 19, 0, LA), "Discovery")
    s.note(
        c.at(118, 19, 5, LA),
        "Not a fit: $7,400 on two cards at 27% APR and a steady salary. A nonprofit credit "
        "counselor's debt management plan gets her out in about 14 months at a lower rate; "
        "our fee would cost more than it saves. Referred her to Lakeshore Credit Counseling "
        "(nonprofit).",
    )
    s.move(c.at(118, 19, 10, LA), "Not a fit")
    s.log(c.at(117, 20, 0, LA), "in", "email", "Thanked us for the honest advice")
    return [s]


def teresa_won(c: Cast) -> list[Story]:
    teresa = prospect(
        c,
        name="Teresa Walsh",
        email="teresa.walsh@example.com",
        phone="+1 646 555 0190",
        segment="Consumer — high unsecured debt",
        source="web form",
        time_zone=NY,
        preferred_channel="call",
        contact_start=dt.time(12),
        contact_end=dt.time(20),
    )
    s = story(
        c, prospect=teresa, offering="debt", owner="sam", amount=9200, at=c.at(140, 13, 0, NY)
    )
    s.log(c.at(140, 13, 0, NY), "in", "email", "Web form enquiry: $52k on cards")
    s.log(c.at(139, 14, 0, NY), "out", "call", "Discovery: $52k on five cards, stable job")
    s.move(c.at(139, 14, 30, NY), "Discovery")
    s.log(c.at(137, 15, 0, NY), "out", "email", "Sent the program proposal")
    s.move(c.at(137, 15, 5, NY), "Proposal")
    s.log(c.at(134, 18, 0, NY), "in", "call", "Asked how it affects her credit score; answered")
    s.move(c.at(134, 18, 30, NY), "Negotiation")
    s.log(c.at(131, 12, 30, NY), "out", "call", "Walked through the agreement; she signed")
    s.move(c.at(131, 13, 0, NY), "Won")
    return [s]


def kevin_won_then_cancelled(c: Cast) -> list[Story]:
    kevin = prospect(
        c,
        name="Kevin O'Brien",
        email="kevin.obrien@example.com",
        phone="+1 312 555 0155",
        segment="Consumer — moderate debt",
        source="cold call",
        time_zone=CHI,
        preferred_channel="message",
        contact_start=dt.time(17),
        contact_end=dt.time(21),
    )
    s = story(c, prospect=kevin, offering="debt", owner="olivia", amount=5600, at=c.at(230, 17, 20))
    s.log(c.at(230, 17, 20), "out", "call", "Cold call: interested, asked for details by text")
    s.move(c.at(229, 18, 0), "Discovery")
    s.log(c.at(229, 18, 0), "out", "call", "Discovery: $31k on cards, commission-only income")
    s.move(c.at(226, 18, 30), "Proposal")
    s.log(c.at(224, 20, 40), "in", "message", "Texted: ok lets do it")
    s.move(c.at(224, 21, 0), "Won")
    s.note(
        c.at(224, 21, 5),
        "Enrolled, but his income is commission-only and swings a lot month to month; the "
        "deposit could be hard in a slow month. Flagged it to him.",
    )
    s.cancel(
        c.today.date() - dt.timedelta(days=160),
        "Income dropped after a slow quarter; could not keep up with the monthly deposits.",
    )
    return [s]


def linda_do_not_contact(c: Cast) -> list[Story]:
    linda = prospect(
        c,
        name="Linda Park",
        email="linda.park@example.com",
        phone="+1 303 555 0107",
        segment="Consumer — moderate debt",
        source="cold call",
        time_zone="America/Denver",
        preferred_channel="email",
        contact_start=dt.time(9),
        contact_end=dt.time(17),
        do_not_contact=True,
    )
    s = story(c, prospect=linda, offering="debt", owner="olivia", amount=4200, at=c.at(90, 10, 0))
    s.log(c.at(90, 10, 0), "out", "call", "Cold call: not interested")
    s.log(c.at(90, 10, 5), "in", "call", "Asked us not to contact her again")
    s.move(c.at(90, 10, 10), "Lost")
    s.note(c.at(90, 10, 12), "Lost: asked not to be contacted. Marked do not contact.")
    return [s]


def jamal_coaching(c: Cast) -> list[Story]:
    jamal = prospect(
        c,
        name="Jamal Carter",
        email="jamal.carter@example.com",
        phone="+1 404 555 0163",
        segment="Consumer — moderate debt",
        source="referral",
        time_zone=NY,
        preferred_channel="email",
        contact_start=dt.time(18),
        contact_end=dt.time(21),
    )
    s = story(
        c, prospect=jamal, offering="coaching", owner="olivia", amount=900, at=c.at(40, 18, 30, NY)
    )
    s.log(c.at(40, 18, 30, NY), "in", "email", "Asked whether he needs the debt program")
    s.log(
        c.at(39, 19, 0, NY),
        "out",
        "call",
        "Discovery: $9k on cards; coaching fits better than the program",
        "Nine thousand on two cards, good income, no missed payments. He can do this on his "
        "own with a plan; recommended the six coaching sessions instead of the program.",
    )
    s.move(c.at(39, 19, 30, NY), "Discovery")
    s.move(c.at(38, 19, 0, NY), "Won")
    return [s]


def ethan_new_lead(c: Cast) -> list[Story]:
    ethan = prospect(
        c,
        name="Ethan Brooks",
        email="ethan.brooks@example.com",
        phone="+1 512 555 0121",
        segment="Consumer — high unsecured debt",
        source="web form",
        time_zone=CHI,
        preferred_channel="call",
        contact_start=dt.time(17),
        contact_end=dt.time(20),
    )
    s = story(c, prospect=ethan, offering="debt", owner="olivia", amount=8000, at=c.at(3, 20, 10))
    s.log(c.at(3, 20, 10), "in", "email", "Web form: $44k on cards after a medical bill")
    s.log(c.at(2, 17, 30), "out", "call", "First call: wants to talk again with his wife")
    s.move(c.at(2, 18, 0), "Discovery")
    return [s]


CONSUMER_STORIES = [
    gloria_not_a_fit,
    marcus_not_a_fit,
    priya_not_a_fit,
    teresa_won,
    kevin_won_then_cancelled,
    linda_do_not_contact,
    jamal_coaching,
    ethan_new_lead,
]
