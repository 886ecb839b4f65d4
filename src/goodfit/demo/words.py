"""Names and phrases the generated history draws from (fictional people and companies)."""

from __future__ import annotations

FIRST_NAMES = [
    "Aaliyah", "Adrian", "Aisha", "Alan", "Alicia", "Andre", "Angela", "Ben", "Bianca",
    "Brandon", "Carla", "Carlos", "Chloe", "Chris", "Dana", "Daniel", "Deborah", "Diego",
    "Elena", "Emily", "Eric", "Fatima", "Frank", "Grace", "Hannah", "Hector", "Imani",
    "Isaac", "Jada", "James", "Jasmine", "Jorge", "Joyce", "Julia", "Karen", "Keisha",
    "Kevin", "Laura", "Leon", "Lucia", "Luis", "Maya", "Megan", "Miguel", "Nadia", "Nathan",
    "Nicole", "Omar", "Paula", "Peter", "Quinn", "Rachel", "Ramon", "Renee", "Ruth", "Samir",
    "Sandra", "Sean", "Sofia", "Tanya", "Terrence", "Tina", "Victor", "Wanda", "Xavier",
    "Yolanda", "Zach",
]  # fmt: skip

LAST_NAMES = [
    "Adams", "Alvarez", "Baker", "Banks", "Bennett", "Brooks", "Bryant", "Castillo", "Chen",
    "Coleman", "Cruz", "Davis", "Delgado", "Diaz", "Ellis", "Fischer", "Flores", "Foster",
    "Garcia", "Gonzalez", "Gray", "Green", "Hall", "Harris", "Hayes", "Henderson", "Hughes",
    "Jackson", "James", "Jenkins", "Johnson", "Kelly", "Kim", "Lee", "Lewis", "Lopez",
    "Martin", "Mendoza", "Mitchell", "Moore", "Morales", "Murphy", "Nguyen", "Novak", "Ortiz",
    "Patel", "Perry", "Powell", "Price", "Reed", "Reyes", "Rivera", "Roberts", "Russell",
    "Sanders", "Shah", "Simmons", "Stewart", "Sullivan", "Thomas", "Torres", "Turner",
    "Vasquez", "Walker", "Ward", "Washington", "Watson", "Williams", "Wright", "Young",
]  # fmt: skip

COMPANY_FIRST = [
    "Acorn", "Allied", "Apex", "Aspen", "Bayview", "Beacon", "Birch", "Blue Ridge", "Bridgeport",
    "Canyon", "Cardinal", "Cedar", "Clearwater", "Cobalt", "Copper", "Crescent", "Delta",
    "Evergreen", "Fairview", "Falcon", "Foxglove", "Granite", "Harbor", "Heartland", "Highland",
    "Ironwood", "Juniper", "Keystone", "Lakeside", "Liberty", "Maple", "Meadow", "Midland",
    "Northstar", "Oakridge", "Orchard", "Pacific", "Pinnacle", "Prairie", "Redwood", "Riverbend",
    "Sierra", "Silverline", "Summit", "Sunrise", "Tidewater", "Trailhead", "Valley", "Willow",
]  # fmt: skip

COMPANY_LAST = [
    "Builders", "Dental Group", "Distribution", "Engineering", "Family Clinics", "Foods",
    "Freight", "Health Partners", "Holdings", "Home Services", "Hospitality", "Industries",
    "Logistics", "Manufacturing", "Marketing", "Medical Supply", "Outfitters", "Plumbing",
    "Printing", "Properties", "Realty", "Restaurants", "Staffing", "Supply Co.", "Systems",
    "Veterinary", "Wholesale",
]  # fmt: skip

PROSPECT_ZONES = [
    ("America/Chicago", 30),
    ("America/New_York", 30),
    ("America/Denver", 8),
    ("America/Los_Angeles", 18),
    ("America/Phoenix", 5),
    ("America/Toronto", 4),
    ("Pacific/Honolulu", 1),
    ("Europe/London", 2),
    ("America/Mexico_City", 2),
]

SOURCES = [("web form", 35), ("referral", 18), ("cold call", 20), ("partner", 15), ("event", 12)]

CONSUMER_SEGMENTS = [
    ("Consumer — high unsecured debt", 55),
    ("Consumer — moderate debt", 30),
    ("Consumer — mostly secured debt", 15),
]
BUSINESS_SEGMENTS = [("SMB", 55), ("Mid-market", 33), ("Enterprise", 12)]

# Preferred channel and contact window (local hours) differ between people and companies.
CONSUMER_CHANNELS = [("call", 45), ("message", 35), ("email", 20)]
BUSINESS_CHANNELS = [("email", 55), ("call", 25), ("meeting", 12), ("message", 8)]
CONSUMER_HOURS = [((17, 21), 40), ((9, 17), 25), ((12, 20), 20), ((8, 12), 15)]
BUSINESS_HOURS = [((9, 17), 60), ((8, 16), 25), ((10, 18), 15)]

SUMMARIES = {
    ("out", "call"): [
        "Discovery call: walked through their situation",
        "Follow-up call on the proposal",
        "Left a voicemail",
        "Call to review the numbers together",
        "Check-in call; they need a few more days",
        "Answered questions about the fees",
    ],
    ("in", "call"): [
        "Called back with questions about the fees",
        "Called to ask how long it takes",
        "Returned my voicemail; short call",
        "Called to talk it over with their partner on the line",
    ],
    ("out", "email"): [
        "Sent a recap of our call",
        "Sent the proposal",
        "Following up on the proposal",
        "Sent a customer story from a similar case",
        "Re-sent the quote",
        "Sent the agreement for review",
    ],
    ("in", "email"): [
        "Replied with questions about the agreement",
        "Asked for references",
        "Forwarded the proposal to a decision maker",
        "Web form enquiry",
        "Asked to move the call to next week",
    ],
    ("out", "message"): [
        "Texted to confirm the call time",
        "Texted a link to the proposal",
        "Reminder text before the call",
    ],
    ("in", "message"): [
        "ok",
        "Texted: can we talk tomorrow?",
        "Texted: got it, reading it tonight",
        "Texted: any discount if we sign this week?",
    ],
    ("out", "meeting"): [
        "Demo with the team",
        "Walk-through of the plan",
        "Contract review meeting",
        "Onboarding kick-off",
    ],
    ("in", "meeting"): ["They asked for a second demo for their manager"],
}

OUTCOME_NOTES = {
    ("not_a_fit", "person"): [
        "Not a fit: most of the debt is secured (car loan, mortgage arrears); a settlement "
        "program cannot touch it. Referred to a bankruptcy attorney for a Chapter 13 "
        "consultation.",
        "Not a fit: wages already garnished after a judgment; a program would not stop it. "
        "Referred to a bankruptcy attorney.",
        "Not a fit: the balance is small enough to clear with a nonprofit credit counselor's "
        "debt management plan; our fee would cost more than it saves. Referred to one.",
        "Not a fit: federal student loans only; pointed to income-driven repayment instead.",
    ],
    ("not_a_fit", "company"): [
        "Not a fit: under 100 invoices a month; their bank's bill pay and a spreadsheet will "
        "do. Told them so.",
        "Not a fit: they need PO matching across three ERPs we do not integrate with. "
        "Pointed them to a procurement suite.",
        "Not a fit: they want a full accounting package, not AP automation. Suggested two "
        "that fit better.",
    ],
    ("lost", "person"): [
        "Lost: chose a competitor with a lower monthly fee.",
        "Lost: no decision; went quiet after the proposal.",
        "Lost: decided to try paying the cards down on their own first.",
        "Lost: their spouse decided against it.",
    ],
    ("lost", "company"): [
        "Lost: chose a competitor bundled with their ERP.",
        "Lost: no decision; budget frozen until next fiscal year.",
        "Lost: went dark after the proposal.",
        "Lost: timing; revisit in six months.",
        "Lost to price: a cheaper tool with fewer approvals features.",
    ],
    ("walked_away", "person"): [
        "Walked away: would not commit to a call time in four weeks of trying.",
        "Walked away: wanted us to promise settlement amounts we cannot honestly promise.",
    ],
    ("walked_away", "company"): [
        "Walked away: asked for 35% off plus free onboarding; margin below our floor.",
        "Walked away: eight unanswered emails and no time for a call in a month.",
        "Walked away: wanted custom integrations at no charge and a 30-day cancel clause.",
    ],
    ("won", "person"): ["Enrolled; first deposit scheduled.", "Signed after the second call."],
    ("won", "company"): ["Signed. Kick-off scheduled.", "Signed the annual plan."],
}

CANCEL_REASONS = {
    "person": [
        "Could not keep up with the monthly deposits.",
        "Lost their job and paused, then cancelled.",
        "Decided to file for bankruptcy after all.",
        "A creditor sued during the program; they left.",
    ],
    "company": [
        "Moved to the AP module bundled with their new ERP.",
        "Business was acquired; the new owner has its own tools.",
        "Onboarding took longer than promised.",
        "Switched to a cheaper tool.",
    ],
}

MID_DEAL_NOTES = [
    "Next step agreed: call on Thursday at the time they picked.",
    "Decision maker is the CFO; get her on the next call.",
    "Budget confirmed on the call.",
    "Prefers texts over calls; keep emails short.",
    "Asked good questions about fees; sent the fee sheet.",
    "Partner joins the next call; they decide together.",
]

FIRST_TOUCH = {
    "web form": ("in", "email", "Web form enquiry"),
    "referral": ("in", "call", "Referred by a customer; called in"),
    "cold call": ("out", "call", "Cold call: reached them, open to a conversation"),
    "partner": ("in", "email", "Introduced by a partner"),
    "event": ("out", "email", "Met at an event; sent a follow-up"),
}
