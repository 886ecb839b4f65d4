"""Follow-ups: ladders of preferred additional outcomes, templates, scheduled touches."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from goodfit.core.models import Team
from goodfit.core.validators import validate_weekdays
from goodfit.pipeline.models import Channel, Deal


class MessageTemplate(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="message_templates")
    name = models.CharField(max_length=80)
    body = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="message_template_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Ladder(models.Model):
    """A team's plan of follow-up steps. Each team has two: one for leads that rarely come
    back (push: sooner steps, ask for a decision) and one for leads that do (nurture)."""

    class Kind(models.TextChoices):
        PUSH = "push", "Ask for a decision"
        NURTURE = "nurture", "Nurture"

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="ladders")
    name = models.CharField(max_length=80)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.NURTURE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="ladder_unique_name"),
            models.UniqueConstraint(fields=["team", "kind"], name="ladder_unique_kind"),
        ]

    def __str__(self) -> str:
        return self.name


class DelayKind(models.TextChoices):
    HOURS = "hours", "Hours later"
    DAYS = "days", "Contact days later, at a time"


class LadderStep(models.Model):
    """A rung: "talk later today", "tomorrow at 10", "send information, they choose"."""

    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveIntegerField()
    outcome = models.CharField(max_length=80, help_text="What the prospect agreed to.")
    delay_kind = models.CharField(max_length=5, choices=DelayKind.choices)
    delay_amount = models.PositiveIntegerField(validators=[MaxValueValidator(90)])
    at_time = models.TimeField(
        null=True, blank=True, help_text="Local time of day for day delays; blank keeps now's."
    )
    # Blank: the prospect's preferred channel.
    channel = models.CharField(max_length=8, choices=Channel.choices, blank=True)
    template = models.ForeignKey(
        MessageTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sends_pick_link = models.BooleanField(
        default=False, help_text="Offer the prospect a link to pick the time themselves."
    )

    class Meta:
        ordering = ["ladder", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["ladder", "position"], name="ladder_step_position")
        ]

    def __str__(self) -> str:
        return self.outcome


class CadenceSettings(models.Model):
    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="cadence")
    max_touches = models.PositiveIntegerField(
        default=3, validators=[MinValueValidator(1), MaxValueValidator(50)]
    )
    window_days = models.PositiveIntegerField(
        default=7, validators=[MinValueValidator(1), MaxValueValidator(90)]
    )
    comeback_threshold_pct = models.PositiveIntegerField(
        default=10,
        validators=[MaxValueValidator(100)],
        help_text="At or above this come-back rate, nurture; below it, ask for a decision.",
    )
    comeback_min_sample = models.PositiveIntegerField(default=5, validators=[MinValueValidator(1)])
    # The default for prospects without contact days of their own.
    contact_days = models.CharField(max_length=7, default="12345", validators=[validate_weekdays])
    # Dates nobody is contacted (public holidays, the office closed), one ISO date a line.
    skip_dates = models.TextField(blank=True, default="", max_length=4000)

    def __str__(self) -> str:
        return f"Cadence of {self.team}"

    @property
    def window(self) -> dt.timedelta:
        return dt.timedelta(days=self.window_days)

    @property
    def skipped(self) -> frozenset[dt.date]:
        """The skip dates as dates (they are checked when saved)."""
        return frozenset(
            dt.date.fromisoformat(line.strip())
            for line in self.skip_dates.splitlines()
            if line.strip()
        )


class NoDecision(models.Model):
    """A conversation that ended without a decision: the start of a ladder."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="no_decisions")
    at = models.DateTimeField(db_index=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"No decision on {self.deal_id} at {self.at:%Y-%m-%d}"


class FollowUp(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        DONE = "done", "Done"
        SNOOZED = "snoozed", "Snoozed"
        MISSED = "missed", "Missed"
        CANCELLED = "cancelled", "Cancelled"

    class Origin(models.TextChoices):
        REP = "rep", "Scheduled by the rep"
        PROSPECT = "prospect", "Picked by the prospect"

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="followups")
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followups"
    )
    step = models.ForeignKey(
        LadderStep, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_at = models.DateTimeField()
    channel = models.CharField(max_length=8, choices=Channel.choices)
    message = models.TextField(blank=True, max_length=5000)
    # Snoozed follow-ups come back on their own: they stay in the queue by due time.
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    origin = models.CharField(max_length=10, choices=Origin.choices, default=Origin.REP)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    completed_at = models.DateTimeField(null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Why it was closed without being done, when the deal ended it ("deal closed: Lost").
    closed_reason = models.CharField(max_length=200, blank=True)
    # Agreed with the prospect outside their usual hours: the note says so.
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["due_at", "id"]
        indexes = [
            models.Index(fields=["assignee", "status", "due_at"]),
            models.Index(fields=["deal", "status"]),
            models.Index(fields=["status", "due_at"]),
        ]

    def __str__(self) -> str:
        return f"Follow-up on {self.deal_id} at {self.due_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.OPEN, self.Status.SNOOZED)


class FollowUpEvent(models.Model):
    """Every change to a follow-up, as a row."""

    class Kind(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        DONE = "done", "Done"
        SNOOZED = "snoozed", "Snoozed"
        RESCHEDULED = "rescheduled", "Rescheduled"
        NO_ANSWER = "no_answer", "No answer"
        MISSED = "missed", "Missed"
        CANCELLED = "cancelled", "Cancelled"
        PICKED = "picked", "Picked by the prospect"
        REMINDED = "reminded", "Reminder sent"
        DEAL_CLOSED = "deal_closed", "Closed with the deal"

    followup = models.ForeignKey(FollowUp, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    at = models.DateTimeField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    from_due = models.DateTimeField(null=True, blank=True)
    to_due = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.followup_id}"


class CalendarFeedToken(models.Model):
    """A secret calendar URL. Only the digest is kept; the URL is shown once."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user})"


class PickLink(models.Model):
    """A pick-a-time link the rep sent; the signed token carries its id and nonce."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="pick_links")
    rep = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    nonce = models.CharField(max_length=32, unique=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Pick link {self.pk} for {self.deal_id}"


class PickLinkUse(models.Model):
    """Every visit to a pick-a-time page, for rate limits and the audit trail."""

    class Kind(models.TextChoices):
        VIEWED = "viewed", "Viewed"
        PICKED = "picked", "Picked a time"
        REFUSED = "refused", "Refused"

    link = models.ForeignKey(
        PickLink, null=True, blank=True, on_delete=models.CASCADE, related_name="uses"
    )
    kind = models.CharField(max_length=8, choices=Kind.choices)
    at = models.DateTimeField(db_index=True)
    # A salted hash of the address: enough to count, not enough to identify.
    client = models.CharField(max_length=16, blank=True)
    detail = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.kind} {self.link_id}"
