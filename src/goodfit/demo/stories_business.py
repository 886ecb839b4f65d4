"""Hand-written business stories for Ledgerly: good money, and money that is not."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from goodfit.demo.roster import Cast
from goodfit.demo.story_kit import Story, prospect, story

NY = "America/New_York"
CHI = "America/Chicago"
LA = "America/Los_Angeles"

UNANSWERED = "No reply"


def _chase(s: Story, c: Cast, days: list[int], summary: str, zone: str = NY) -> None:
    """Outbound emails that never got an answer."""
    for days_ago in days:
        s.log(c.at(days_ago, 10, 15, zone), "out", "email", summary, UNANSWERED)


def brightline_next_quarter(c: Cast) -> list[Story]:
    """Never answers, texts at 11pm, wants 30% off and promises more deals next quarter."""
    brightline = prospect(
        c,
        kind="company",
        name="Derek Vance",
        company="Brightline Logistics",
        email="derek.vance@brightlinelogistics.example",
        phone="+1 646 555 0142",
        segment="Mid-market",
        source="cold call",
        time_zone=NY,
        preferred_channel="message",
        contact_start=dt.time(9),
        contact_end=dt.time(17),
    )
    s = story(
        c,
        prospect=brightline,
        offering="ledgerly",
        owner="raj",
        amount=24000,
        at=c.at(75, 11, 0, NY),
    )
    s.log(
        c.at(75, 11, 0, NY),
        "out",
        "call",
        "Cold call: AP manager, 1,200 invoices a month keyed by hand",
        "Derek runs AP: three people key about 1,200 invoices a month. Open to a demo.",
    )
    s.log(
        c.at(73, 14, 15, NY),
        "out",
        "meeting",
        "Demo: he joined 15 minutes late, asked only about price",
    )
    s.move(c.at(73, 15, 0, NY), "Discovery")
    s.log(c.at(70, 9, 40, NY), "out", "email", "Sent the proposal: one site, $24,000 a year")
    s.move(c.at(70, 9, 45, NY), "Proposal")
    _chase(s, c, [68, 65, 61], "Following up on the proposal")
    s.log(c.at(60, 23, 7, NY), "in", "message", "Late-night text", "can u do 20% off")
    s.log(c.at(59, 16, 0, NY), "out", "call", "Left a voicemail; no call back")
    s.log(c.at(57, 23, 41, NY), "in", "message", "Late-night text", "cant find the quote. resend?")
    s.log(c.at(56, 9, 5, NY), "out", "email", "Re-sent the quote (2nd time)")
    s.log(
        c.at(52, 22, 58, NY),
        "in",
        "message",
        "Promises more deals next quarter",
        "if u take care of us on this one we'll have more deals next quarter. 3 more sites",
    )
    s.terms(discount_pct=Decimal("20"))
    s.move(c.at(52, 23, 10, NY), "Negotiation")
    s.log(c.at(50, 9, 30, NY), "out", "email", "Re-sent the quote at 20% off (3rd time)")
    _chase(s, c, [47, 44, 40], "Checking in on the revised quote")
    s.log(
        c.at(38, 23, 15, NY),
        "in",
        "message",
        "Late-night text: wants 30% off",
        "need 30% or we go w competitor. more deals next qtr, promise",
    )
    s.terms(discount_pct=Decimal("30"))
    s.log(c.at(37, 9, 20, NY), "out", "email", "Re-sent the quote at 30% off (4th time)")
    s.note(
        c.at(37, 9, 25, NY),
        "Quote sent a 4th time; he says he can't find it in his email. At 30% off the deal "
        "is $16,800 against $13,500 to serve: about 20% margin, below our 35% floor.",
    )
    _chase(s, c, [30, 26, 21, 14], "Any questions on the quote?")
    s.log(c.at(20, 15, 30, NY), "out", "call", "Called; no answer, no voicemail box")
    s.log(
        c.at(9, 23, 52, NY),
        "in",
        "message",
        "Text near midnight, his time",
        "still reviewing w boss. can u hold the 30%?",
    )
    s.log(c.at(8, 9, 10, NY), "out", "email", "Re-sent the quote (5th time)")
    s.note(
        c.at(7, 16, 0),
        "Reviewed with Raj: fourteen unanswered emails, texts after 11pm, 30% off, the quote "
        'sent five times and "more deals next quarter". Decide this week: reset the terms '
        "or walk away politely.",
        by="maria",
    )
    return [s]


def crestview_walked_away_then_back(c: Cast) -> list[Story]:
    """Sam walked away from a bad deal; the prospect came back on reasonable terms."""
    crestview = prospect(
        c,
        kind="company",
        name="Dr. Helen Hale",
        company="Crestview Dental Group",
        email="helen.hale@crestviewdental.example",
        phone="+1 602 555 0168",
        segment="SMB",
        source="event",
        time_zone="America/Phoenix",
        preferred_channel="email",
        contact_start=dt.time(8),
        contact_end=dt.time(16),
    )
    s = story(
        c,
        prospect=crestview,
        offering="ledgerly",
        owner="sam",
        amount=18000,
        at=c.at(130, 9, 0, LA),
    )
    s.log(c.at(130, 9, 0, LA), "out", "email", "Met at the dental practice expo; follow-up")
    s.move(c.at(126, 10, 0, LA), "Discovery")
    s.log(c.at(126, 10, 0, LA), "out", "meeting", "Demo for the office manager")
    s.move(c.at(121, 11, 0, LA), "Proposal")
    s.log(c.at(118, 19, 30, LA), "in", "email", "Wants 40% off, free onboarding, cancel any time")
    s.move(c.at(117, 9, 0, LA), "Negotiation")
    _chase(s, c, [114, 110, 106], "Following up on terms", LA)
    s.log(
        c.at(104, 9, 30, LA),
        "out",
        "email",
        "Walked away politely",
        "Dr. Hale, I enjoyed learning about your practice, but it doesn't look like I'm "
        "going to be able to help you with the solution you need on these terms. If things "
        "change, I'm here. Good luck!",
    )
    s.move(c.at(104, 9, 35, LA), "Walked away")
    s.note(c.at(104, 9, 40, LA), "Walked away: 40% off plus free onboarding is below our floor.")
    again = story(
        c,
        prospect=crestview,
        offering="ledgerly",
        owner="sam",
        amount=18000,
        at=c.at(96, 8, 30, LA),
        title="Crestview Dental Group — Ledgerly (list price)",
    )
    again.log(
        c.at(96, 8, 30, LA),
        "in",
        "call",
        "Called back: ready at list price",
        "Dr. Hale called back: they'd like to go ahead at list price if onboarding starts in May.",
    )
    again.move(c.at(96, 9, 0, LA), "Proposal")
    again.log(c.at(95, 10, 0, LA), "out", "email", "Sent the agreement at list price")
    again.move(c.at(92, 12, 0, LA), "Won")
    return [s, again]


def harbor_finch_won(c: Cast) -> list[Story]:
    harbor = prospect(
        c,
        kind="company",
        name="Nina Finch",
        company="Harbor & Finch Architects",
        email="nina@harborfinch.example",
        phone="+1 312 555 0183",
        segment="SMB",
        source="referral",
        time_zone=CHI,
        preferred_channel="email",
        contact_start=dt.time(9),
        contact_end=dt.time(17),
    )
    s = story(
        c, prospect=harbor, offering="ledgerly", owner="raj", amount=21000, at=c.at(180, 10, 0)
    )
    s.log(c.at(180, 10, 0), "in", "email", "Referred by Pinecone Outfitters' controller")
    s.log(c.at(178, 11, 0), "out", "meeting", "Discovery: 400 invoices a month, two approvers")
    s.move(c.at(178, 12, 0), "Discovery")
    s.log(c.at(175, 9, 0), "out", "email", "Sent the proposal")
    s.move(c.at(175, 9, 5), "Proposal")
    s.log(c.at(171, 14, 0), "in", "email", "Questions on approvals answered; ready to sign")
    s.move(c.at(170, 10, 0), "Won")
    return [s]


def pinecone_won_then_cancelled(c: Cast) -> list[Story]:
    pinecone = prospect(
        c,
        kind="company",
        name="Greg Lund",
        company="Pinecone Outfitters",
        email="greg.lund@pineconeoutfitters.example",
        phone="+1 303 555 0129",
        segment="SMB",
        source="partner",
        time_zone="America/Denver",
        preferred_channel="call",
        contact_start=dt.time(8),
        contact_end=dt.time(16),
    )
    s = story(
        c, prospect=pinecone, offering="ledgerly", owner="raj", amount=15000, at=c.at(300, 9, 30)
    )
    s.log(c.at(300, 9, 30), "in", "email", "Introduced by their accounting firm")
    s.move(c.at(296, 10, 0), "Discovery")
    s.move(c.at(290, 10, 0), "Proposal")
    s.terms(discount_pct=Decimal("10"))
    s.move(c.at(284, 10, 0), "Negotiation")
    s.log(c.at(281, 15, 0), "out", "call", "Agreed 10% off for a two-year term")
    s.move(c.at(280, 9, 0), "Won")
    s.cancel(
        c.today.date() - dt.timedelta(days=190),
        "Moved to the AP module bundled with their new ERP; Ledgerly duplicated it.",
    )
    return [s]


def meridian_lost(c: Cast) -> list[Story]:
    """The prospect closed the loop and said why: the best feedback a rep gets."""
    meridian = prospect(
        c,
        kind="company",
        name="Carol Jennings",
        company="Meridian Health Partners",
        email="carol.jennings@meridianhealth.example",
        phone="+1 713 555 0194",
        segment="Enterprise",
        source="event",
        time_zone=CHI,
        preferred_channel="meeting",
        contact_start=dt.time(8),
        contact_end=dt.time(17),
    )
    s = story(
        c, prospect=meridian, offering="ledgerly", owner="raj", amount=96000, at=c.at(160, 9, 0)
    )
    s.log(c.at(160, 9, 0), "out", "email", "Met at the healthcare finance summit")
    s.log(c.at(155, 13, 0), "out", "meeting", "Discovery with the VP Finance and AP lead")
    s.move(c.at(155, 14, 30), "Discovery")
    s.log(c.at(148, 10, 0), "out", "meeting", "Demo, 90 minutes")
    s.move(c.at(146, 9, 0), "Proposal")
    s.move(c.at(139, 9, 0), "Negotiation")
    s.log(
        c.at(112, 11, 0),
        "in",
        "call",
        "Closed the loop: chose a procurement suite",
        "Carol called to tell us why: they chose a procurement suite that does PO matching "
        "across their three hospitals. She said Raj was responsive, but the demo ran long on "
        "features they didn't need.",
    )
    s.move(c.at(112, 11, 30), "Lost")
    s.note(
        c.at(112, 11, 40),
        "Lost to a procurement suite. Product: no PO matching across entities, which "
        "enterprise healthcare needs. Me: keep demos to their workflow, 45 minutes.",
    )
    s.log(
        c.at(112, 12, 0),
        "out",
        "email",
        "Thanked her for the feedback",
        "Carol, thank you for respecting my time and telling me your reasons. It sounds "
        "like the right decision for your team. I hope we keep in touch; we're here if "
        "anything changes.",
    )
    return [s]


BUSINESS_STORIES = [
    brightline_next_quarter,
    crestview_walked_away_then_back,
    harbor_finch_won,
    pinecone_won_then_cancelled,
    meridian_lost,
]
