"""The families of pressure and the patterns every team starts with (pure Python).

Seed 004: a close-out thanks the prospect, accepts the decision and leaves the door
open; seeds 001 and 002: no manufactured urgency, no guilt, no arguing with a no. Each
family says why it hurts and offers a gentler line; each default pattern is written
in the same syntax a manager uses in Settings (``pressure_syntax``), so the defaults
double as examples. Keys are stable: a team switches a default off or edits it by key.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    code: str
    label: str
    why: str
    suggestion: str


FAMILIES: tuple[Family, ...] = (
    Family(
        "deadline",
        "Deadline and urgency",
        "A manufactured deadline makes the decision about the clock, not about fit.",
        "Take whatever time you need; I'm here when you're ready.",
    ),
    Family(
        "price",
        "Price threat",
        "Threatening the price rushes them; a fair price does not need a countdown.",
        "Our prices are listed on our site, so you can plan with them.",
    ),
    Family(
        "scarcity",
        "Scarcity",
        "Invented scarcity turns a considered choice into a race against other buyers.",
        "If it turns out to be a fit, we'll make room for you.",
    ),
    Family(
        "guilt",
        "Guilt and obligation",
        "Makes your effort, or their family, their debt. They owe you nothing for it.",
        "Thank you for the time you gave this; I've enjoyed talking with you.",
    ),
    Family(
        "fear",
        "Fear",
        "Frightening someone into a decision is the opposite of helping them make one.",
        "If it helps, I can share what other customers weighed before deciding.",
    ),
    Family(
        "assumptive",
        "Assumptive close",
        "Acts as if they said yes before they did; it takes the decision away from them.",
        "If you decide to go ahead, tell me and we'll plan the start together.",
    ),
    Family(
        "past_no",
        "Pushing past a no",
        "Argues with a decision they have made; it reads as not listening.",
        "Thank you for letting me know. If anything changes, I'd be glad to talk again.",
    ),
)
FAMILY_CODES = tuple(f.code for f in FAMILIES)
_BY_CODE = {f.code: f for f in FAMILIES}


def family(code: str) -> Family:
    return _BY_CODE[code]


def family_label(code: str) -> str:
    found = _BY_CODE.get(code)
    return found.label if found else code


@dataclass(frozen=True)
class PatternRule:
    """One pattern: ``key`` is stable for defaults (``deadline.today-only``) and
    ``team:<id>`` for a team's own; empty ``reason``/``suggestion`` use the family's."""

    key: str
    family: str
    pattern: str
    reason: str = ""
    suggestion: str = ""
    builtin: bool = True
    active: bool = True

    @property
    def why(self) -> str:
        return self.reason or family(self.family).why

    @property
    def gentler(self) -> str:
        return self.suggestion or family(self.family).suggestion


def _rules(family_code: str, *items: tuple[str, str, str]) -> tuple[PatternRule, ...]:
    return tuple(
        PatternRule(f"{family_code}.{key}", family_code, pattern, "", suggestion)
        for key, pattern, suggestion in items
    )


_OTHERS = "(others/someone else/other (buyers/customers/companies/teams/clients))"
_DOOR = "The door stays open: if your situation changes, we're here."

DEFAULT_PATTERNS: tuple[PatternRule, ...] = (
    *_rules(
        "deadline",
        ("today-only", "(today/tonight/this week/this weekend) only", _DOOR),
        ("only-until", "only (today/tonight/until {when})", _DOOR),
        (
            "expires",
            "(offer*/quote*/price*/pricing/discount*/deal/proposal*/rate*) ... "
            "(expires/expiring/will expire/runs out)",
            "",
        ),
        ("valid-until", "(valid/available/good/open) (until/till/through) {when}", _DOOR),
        (
            "expires-when",
            "(expires/expiring/expire) (on/at/by/in/tonight/today/tomorrow/soon/{when})",
            "",
        ),
        (
            "answer-by",
            "(hear/know/answer*/decision/decide/respon*/repl*/sign*/confirm*/commit*/back) "
            "[from you] ... (by/before) {when}",
            "Whenever you've decided, I'd be glad to hear from you.",
        ),
        ("deadline", "deadline", ""),
        (
            "hold-until",
            "(hold/keep/save) ... (until/till/past/beyond) {when}",
            "Our terms are the same whenever you decide.",
        ),
        ("yes-today", "(get/have/need) a yes ... (today/tonight/now/{when})", ""),
        ("last-chance", "(last/final) chance | final offer | limited time [offer]", _DOOR),
        ("act-now", "(act/decide/sign/book/order/commit) (now/immediately/right away/today)", ""),
        ("dont-wait", "(don't/do not) (wait/delay/hesitate) [any longer/too long]", ""),
        ("clock", "(time is running out | running out of time | clock is ticking)", ""),
        ("sign-today", "if you (sign/commit/decide/order) (today/tonight/now)", _DOOR),
    ),
    *_rules(
        "price",
        (
            "rise",
            "(rate*/price*/pricing/cost*/fee*) ... (rise*/rising/increas*/jump*/doubl*/"
            "(go/goes/going/will go) up/be higher/more expensive)",
            "",
        ),
        (
            "disappears",
            "(discount*/offer*/deal/saving*/price*/rate*/promo*) ... (disappear*/vanish*/"
            "(goes/go/going) away/ends/end at/(run*/runs) out/won't last/gone)",
            "",
        ),
        (
            "never-this-low",
            "(won't/will not/never/not) ... be this (low/cheap/good/affordable) again",
            "",
        ),
        ("lock-in", "lock [in] ... (price/rate/discount) ... (before/while)", ""),
        ("best-price-ever", "(lowest/best) price (ever/you'll see/you will see)", ""),
    ),
    *_rules(
        "scarcity",
        (
            "only-n-left",
            "(only/just) {number} ... (spot*/place*/seat*/slot*/unit*/licen*/left/remain*)",
            "",
        ),
        ("n-left", "{number} (spot*/place*/seat*/slot*/unit*) (left/remain*)", ""),
        ("selling-fast", "(sell*/going/booking/filling) (out/up) (fast/quickly)", ""),
        ("almost-gone", "(almost/nearly) (gone/full/sold out/booked [up])", ""),
        ("demand", "(high/huge/heavy) demand | first come first served", ""),
        (
            "others",
            _OTHERS + " ... (grab*/take/snap*)",
            "",
        ),
        ("wont-last", "(won't/will not) last (long)", ""),
    ),
    *_rules(
        "guilt",
        ("letting-down", "(you/you're/you are/you'd/you'll) ... let* ... down", ""),
        ("owe", "you ... owe (it/me/us)", ""),
        ("after-all", "after (all/everything) ... (time/effort/work/done/did)", ""),
        ("disappointed", "disappoint*", "I appreciate you telling me."),
        ("waste", "waste* ... (my/our/of) time", "I appreciate the time you gave us."),
        (
            "family",
            "your (family/kids/children/wife/husband/partner/team/staff/employees) ... "
            "(deserve* (better/more/the best/security/a secure/a better)/depend* on you/"
            "count* on you/relying on you/rely on you/need you)",
            "",
        ),
        ("favour", "do (me/us) a favo*", ""),
        ("went-out-of-way", "(bent/went) ... out of (my/our) way", ""),
    ),
    *_rules(
        "fear",
        (
            "regret",
            "(you'll/you will/you'd/you would/you're going to/you are going to) ... "
            "(regret*/lose/miss out/fall behind/be left behind/pay more/suffer)",
            "I hope it works out well for you.",
        ),
        ("regret-bare", "(regret/regrets) (it/this/not)", "I hope it works out well for you."),
        ("too-late", "(before it's/before it is/will be/it'll be) too late", ""),
        ("cant-afford", "(can't/cannot/can not) afford (not/to (wait/miss/lose/risk))", ""),
        ("miss-out", "(don't/do not) miss out | miss* (this/the) (window/boat/opportunity)", ""),
        ("left-behind", "(left/fall/falling/fell) behind", ""),
        ("competitors", "(competitor*/rivals) ... (ahead/overtake/beat/win/pass you)", ""),
        ("risk", "(risk/risking) (losing/falling/missing/everything)", ""),
        ("cost-of-waiting", "(every/each) (day/week/month) ... (wait*/delay*) ... cost*", ""),
        ("imagine", "(imagine/picture) ... (losing/lose/without/disaster)", ""),
    ),
    *_rules(
        "assumptive",
        (
            "gone-ahead",
            "(I've/I have/we've/we have) (gone/went) ahead and",
            "Would it help if I held a time for you? Only if you want it.",
        ),
        (
            "already-booked",
            "(I've/I have/we've/we have/I/we) already (book*/schedul*/reserv*/pencil*/set up/"
            "put you down/added you/sent the contract)",
            "",
        ),
        ("when-you-sign", "(when/once) (you/we) ... (sign*/onboard*/go live/get started)", ""),
        (
            "which-start",
            "(which/what) (day/date/time/plan/package) ... [the/your] "
            "(start/onboarding/kick off/install*/delivery)",
            "",
        ),
        ("just-sign", "(just/simply) (sign/initial)", ""),
        ("get-you-set-up", "get you (set up/onboarded/started/signed up/booked in)", ""),
        (
            "send-contract",
            "(I'll/I will/I'm/I am/we'll) (send*/sending) [over] the (contract/paperwork)",
            "",
        ),
        ("contract-ready", "(contract/paperwork/agreement) ... (ready/attached) ... sign*", ""),
        ("welcome", "welcome (aboard/to the family)", ""),
    ),
    *_rules(
        "past_no",
        (
            "mistake",
            "[you're/you are/you'd be] (making/make/made) [a/the] [big/huge/real/terrible] mistake"
            " | big mistake",
            "It sounds like you're making the best decision for your team.",
        ),
        ("are-you-sure", "are you [really/absolutely] sure", "Thank you for letting me know."),
        ("reconsider", "reconsider/reconsidering", "If anything changes, let's talk again."),
        (
            "dont-understand",
            "you (don't/do not/didn't/did not) (understand/realise/realize/see)",
            "Thank you for explaining your reasons.",
        ),
        ("should-have", "you should have", "What would have made the difference for you?"),
        (
            "know-you-said-no",
            "(know/understand/hear/realise/realize/get/said) ... (no/not interested/declined/"
            "passed/not for you/not a fit/not right) (but/however)",
            "",
        ),
        ("change-mind", "(anything/what) ... (can/could/would) ... change your mind", ""),
        (
            "another-chance",
            "(give/take) ... (another/second/one more) (chance/look/thought/try)",
            "",
        ),
        ("dont-say-no", "(don't/do not) (say no/decide/give up/walk away) [just] yet", ""),
        ("hear-me-out", "hear me out | what would it take", ""),
        ("crazy-to", "(crazy/foolish/mad/silly/insane) to (pass/say no/walk away/turn)", ""),
        ("one-more-try", "(one/just one) (more/last) (try/time/call|chance)", ""),
    ),
)
