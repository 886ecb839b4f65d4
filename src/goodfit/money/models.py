"""Good money: the facts about a deal's cost (concessions, quotes, flags, meetings, time),
the scores computed from them, and the decisions taken on them. All rows; none edited in
place except a concession's or a quote's own fields."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from goodfit.core.models import Team
from goodfit.money.domain.texts import DEFAULT_WALK_AWAY
from goodfit.pipeline.models import MONEY, NON_NEGATIVE, Deal, Interaction

USER = settings.AUTH_USER_MODEL


class Recommendation(models.TextChoices):
    PURSUE = "pursue", "Pursue"
    RESET_TERMS = "reset_terms", "Reset terms"
    WALK_AWAY = "walk_away", "Walk away"


class WorthVerdict(models.TextChoices):
    """What a score row says: a recommendation, or that there is too little to go on."""

    PURSUE = "pursue", "Pursue"
    RESET_TERMS = "reset_terms", "Reset terms"
    WALK_AWAY = "walk_away", "Walk away"
    NOT_ENOUGH_HISTORY = "not_enough_history", "Not enough history yet"


class ConcessionKind(models.TextChoices):
    DISCOUNT = "discount", "Discount"
    FREE_EXTRA = "free_extra", "Free extra"
    EXTENDED_TERMS = "extended_terms", "Extended terms"
    CUSTOM_WORK = "custom_work", "Custom work"


class Concession(models.Model):
    # A name of its own for the API schema, where a nested "Kind" met the prospect's.
    Kind = ConcessionKind

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="concessions")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    value = models.DecimalField(
        **MONEY, validators=NON_NEGATIVE, help_text="What it costs us, in the deal's currency."
    )
    note = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField()
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.value}"


class Quote(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="quotes")
    version = models.PositiveIntegerField()
    terms = models.CharField(max_length=300, help_text="The terms in a line: price, scope.")
    amount = models.DecimalField(**MONEY, validators=NON_NEGATIVE)
    sent_at = models.DateTimeField()
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["sent_at", "version", "id"]
        constraints = [
            models.UniqueConstraint(fields=["deal", "version"], name="quote_unique_version")
        ]

    def __str__(self) -> str:
        return f"Quote v{self.version}"


class InteractionFlag(models.Model):
    """Something said in an interaction that changes what the deal is worth."""

    class Kind(models.TextChoices):
        FUTURE_BUSINESS_PROMISE = "future_business_promise", "Promise of future business"
        REP_HARD_PROMISE = "rep_hard_promise", "Hard promise by the rep"
        IMMEDIATE_DEMAND = "immediate_demand", "Demand for an immediate answer"

    class Source(models.TextChoices):
        MANUAL = "manual", "Flagged by hand"
        PHRASE = "phrase", "Suggested by a phrase"

    interaction = models.ForeignKey(Interaction, on_delete=models.CASCADE, related_name="flags")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    source = models.CharField(max_length=8, choices=Source.choices, default=Source.MANUAL)
    phrase = models.CharField(max_length=80, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()
    # A dismissed flag no longer counts, and phrase matching does not suggest it again.
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["interaction", "kind"], name="flag_unique_kind")
        ]

    def __str__(self) -> str:
        return self.get_kind_display()


class MeetingOutcome(models.Model):
    class Outcome(models.TextChoices):
        HELD = "held", "Held"
        DECLINED = "declined", "Declined"
        RESCHEDULED = "rescheduled", "Rescheduled"
        MISSED = "missed", "Missed"

    interaction = models.OneToOneField(
        Interaction, on_delete=models.CASCADE, related_name="meeting_outcome"
    )
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    def __str__(self) -> str:
        return self.get_outcome_display()


class TimeLog(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="time_logs")
    hours = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
    )
    on = models.DateField()
    note = models.CharField(max_length=300, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["on", "id"]

    def __str__(self) -> str:
        return f"{self.hours} h on {self.on}"


class WorthScore(models.Model):
    """One scoring of a deal; the latest is current, the older ones are its history."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="worth_scores")
    # None when there is not enough history to score the deal (``missing`` says why).
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    recommendation = models.CharField(max_length=20, choices=WorthVerdict.choices)
    # The signals and resets as they were at that moment (see schemas.WorthOut).
    signals = models.JSONField(default=list)
    resets = models.JSONField(default=list)
    severe = models.JSONField(default=list, blank=True)
    missing = models.JSONField(default=list, blank=True)
    # The score kept when the deal closed: what the deal page shows from then on.
    at_close = models.BooleanField(default=False)
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["deal", "-at", "-id"], name="worth_latest_idx")]

    def __str__(self) -> str:
        return f"{self.score} ({self.recommendation})"

    @property
    def has_verdict(self) -> bool:
        return self.recommendation != WorthVerdict.NOT_ENOUGH_HISTORY


class WorthOverride(models.Model):
    """A rep's or manager's decision against (or confirming) the recommendation."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="worth_overrides")
    recommendation = models.CharField(max_length=12, choices=Recommendation.choices)
    reason = models.CharField(max_length=500)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.reason[:40]}"


class WalkAway(models.Model):
    """We walked away: the message sent and the time the deal was taking until then."""

    deal = models.OneToOneField(Deal, on_delete=models.CASCADE, related_name="walk_away")
    message = models.TextField(max_length=5000)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    touches_per_week_before = models.DecimalField(max_digits=7, decimal_places=2)
    hours_per_week_before = models.DecimalField(max_digits=7, decimal_places=2)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"Walked away {self.at:%Y-%m-%d}"


class MoneySettings(models.Model):
    """A team's changes to the default weights and thresholds (docs/money.md)."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="money_settings")
    weights = models.JSONField(default=dict, blank=True)
    thresholds = models.JSONField(default=dict, blank=True)
    bottom_percent = models.PositiveSmallIntegerField(
        default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    walk_away_template = models.TextField(max_length=5000, default=DEFAULT_WALK_AWAY)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "money settings"

    def __str__(self) -> str:
        return f"Money settings of {self.team}"
