"""Offerings, stages, prospects, deals and everything that happens to a deal, as rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower

from goodfit.core.models import Team
from goodfit.core.validators import validate_currency, validate_time_zone, validate_weekdays

MONEY = {"max_digits": 14, "decimal_places": 2}
NON_NEGATIVE = [MinValueValidator(Decimal("0"))]
PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class Offering(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="offerings")
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True, max_length=2000)
    price = models.DecimalField(**MONEY, validators=NON_NEGATIVE)
    cost_to_serve = models.DecimalField(**MONEY, validators=NON_NEGATIVE)
    min_margin_pct = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        default=Decimal("20"),
        validators=PERCENT,
        help_text="Lowest acceptable margin after discounts, in percent of the amount.",
    )
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="offering_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Outcome(models.TextChoices):
    OPEN = "open", "Open"
    WON = "won", "Won"
    LOST = "lost", "Lost"
    NOT_A_FIT = "not_a_fit", "Not a fit"
    WALKED_AWAY = "walked_away", "Walked away"


class Stage(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=60)
    position = models.PositiveIntegerField(default=0)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, default=Outcome.OPEN)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["team", "name"], name="stage_unique_name")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.outcome != Outcome.OPEN


class Channel(models.TextChoices):
    CALL = "call", "Call"
    EMAIL = "email", "Email"
    MEETING = "meeting", "Meeting"
    MESSAGE = "message", "Text message"
    CHAT = "chat", "Chat"


class ProspectKind(models.TextChoices):
    PERSON = "person", "Person"
    COMPANY = "company", "Company"


class Prospect(models.Model):
    # A name of its own for the API schema, where a nested "Kind" met the concession's.
    Kind = ProspectKind

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="prospects")
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.PERSON)
    name = models.CharField(max_length=200)
    company = models.CharField(max_length=200, blank=True)
    email = models.EmailField(max_length=254, blank=True)
    phone = models.CharField(max_length=40, blank=True)
    segment = models.CharField(max_length=80, blank=True, db_index=True)
    source = models.CharField(max_length=80, blank=True, db_index=True)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    preferred_channel = models.CharField(
        max_length=8, choices=Channel.choices, default=Channel.EMAIL
    )
    contact_start = models.TimeField(default=dt.time(9, 0))
    contact_end = models.TimeField(default=dt.time(18, 0))
    # ISO weekday digits (Monday=1); blank: the team's default contact days (Monday–Friday).
    contact_days = models.CharField(
        max_length=7, blank=True, default="", validators=[validate_weekdays]
    )
    do_not_contact = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        # The filter drop-downs read the distinct segments and sources of a team.
        indexes = [
            models.Index(fields=["team", "segment"]),
            models.Index(fields=["team", "source"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contact_start__lt=models.F("contact_end")),
                name="prospect_contact_hours_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Deal(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="deals")
    prospect = models.ForeignKey(Prospect, on_delete=models.PROTECT, related_name="deals")
    offering = models.ForeignKey(Offering, on_delete=models.PROTECT, related_name="deals")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_deals"
    )
    title = models.CharField(max_length=200)
    amount = models.DecimalField(**MONEY, validators=NON_NEGATIVE)
    currency = models.CharField(max_length=3, validators=[validate_currency])
    discount_pct = models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal("0"), validators=PERCENT
    )
    expected_close_date = models.DateField(null=True, blank=True)
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="deals")
    # Bumped by every save; a save that names an older version is refused.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["team", "stage", "-updated_at"]),
            # Covers the board's count and total per stage without reading the rows.
            models.Index(fields=["team", "stage", "amount"], name="deal_stage_totals_idx"),
            models.Index(fields=["team", "-updated_at"]),
            models.Index(fields=["team", "owner"]),
            # The board's closed columns total only the current month or quarter.
            models.Index(
                fields=["team", "stage", "closed_at", "amount"], name="deal_closed_totals_idx"
            ),
            # The deal list sorts by these columns a page at a time (id breaks ties).
            models.Index(F("team"), Lower("title"), F("id"), name="deal_sort_title_idx"),
            models.Index(fields=["team", "amount", "id"], name="deal_sort_amount_idx"),
            models.Index(fields=["team", "expected_close_date", "id"], name="deal_sort_close_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class StageChange(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+")
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_stage_id} → {self.to_stage_id}"


class Interaction(models.Model):
    class Direction(models.TextChoices):
        INBOUND = "in", "Inbound"
        OUTBOUND = "out", "Outbound"

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="interactions")
    direction = models.CharField(max_length=3, choices=Direction.choices)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    occurred_at = models.DateTimeField(db_index=True)
    summary = models.CharField(max_length=300, blank=True)
    text = models.TextField(blank=True, max_length=20000)
    word_count = models.PositiveIntegerField(default=0)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["occurred_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_direction_display()} {self.get_channel_display()}"


class Note(models.Model):
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = models.TextField(max_length=10000)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.body[:60]


class Cancellation(models.Model):
    """A won deal that the customer later cancelled: kept to measure cancel rates."""

    deal = models.OneToOneField(Deal, on_delete=models.CASCADE, related_name="cancellation")
    cancelled_on = models.DateField()
    reason = models.CharField(max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Cancelled {self.cancelled_on}"
