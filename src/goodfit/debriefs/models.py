"""Debriefs and referrals: rows.

A debrief, its secondary reasons, a manager's re-categorisation, an objection, a
close-out message, a keep-in-touch check-in and a referral are each a row, so history,
boards and coaching are all read straight from them.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goodfit.core.models import Team
from goodfit.debriefs.domain.categories import CATEGORIES
from goodfit.debriefs.domain.pressure_families import FAMILIES
from goodfit.pipeline.models import Deal, Prospect

CATEGORY_CHOICES = [(c.code, c.label) for c in CATEGORIES]
FAMILY_CHOICES = [(f.code, f.label) for f in FAMILIES]
USER = settings.AUTH_USER_MODEL


class DebriefSettings(models.Model):
    """A team's choices; a team without a row uses the defaults (see selectors)."""

    team = models.OneToOneField(Team, on_delete=models.CASCADE, related_name="debrief_settings")
    keep_in_touch_days = models.PositiveIntegerField(default=90)
    closeout_template = models.TextField(max_length=4000)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Debrief settings of {self.team}"


class PressurePattern(models.Model):
    """A team's pattern for the pressure checker, in the syntax of ``pressure_syntax``.

    With ``builtin_key`` it is the team's version of a default (edited, or switched off
    with ``is_active``); deleting that row restores the default. Without, it is the
    team's own pattern.
    """

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="pressure_patterns")
    builtin_key = models.CharField(max_length=60, blank=True)
    family = models.CharField(max_length=16, choices=FAMILY_CHOICES)
    pattern = models.CharField(max_length=200)
    reason = models.CharField(max_length=300, blank=True)
    suggestion = models.CharField(max_length=300, blank=True)
    is_active = models.BooleanField(default=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["family", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["team", "builtin_key"],
                condition=~models.Q(builtin_key=""),
                name="pressure_pattern_default_unique",
            )
        ]

    def __str__(self) -> str:
        return self.pattern

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from goodfit.debriefs.domain.pressure_syntax import pattern_error

        problem = pattern_error(self.pattern)
        if problem:
            raise ValidationError({"pattern": problem})


class ObjectionCategory(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="objection_categories")
    name = models.CharField(max_length=60)
    position = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="objection_category_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Debrief(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        COMPLETE = "complete", "Complete"

    deal = models.OneToOneField(Deal, on_delete=models.CASCADE, related_name="debrief")
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    primary_category = models.CharField(max_length=24, choices=CATEGORY_CHOICES, blank=True)
    competitor = models.CharField(max_length=120, blank=True)
    prospect_words = models.TextField(blank=True, max_length=4000)
    do_differently = models.TextField(blank=True, max_length=4000)
    segment = models.CharField(max_length=80, blank=True, db_index=True)
    created_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()
    completed_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-completed_at", "-id"]

    def __str__(self) -> str:
        return f"Debrief of {self.deal}"


class DebriefReason(models.Model):
    """A secondary reason (the primary one is on the debrief)."""

    debrief = models.ForeignKey(Debrief, on_delete=models.CASCADE, related_name="reasons")
    category = models.CharField(max_length=24, choices=CATEGORY_CHOICES)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["debrief", "category"], name="debrief_reason_unique")
        ]

    def __str__(self) -> str:
        return self.get_category_display()


class DebriefReview(models.Model):
    """A manager re-categorised a debrief: from → to, kept as history."""

    debrief = models.ForeignKey(Debrief, on_delete=models.CASCADE, related_name="reviews")
    from_category = models.CharField(max_length=24, choices=CATEGORY_CHOICES, blank=True)
    to_category = models.CharField(max_length=24, choices=CATEGORY_CHOICES)
    from_secondary = models.JSONField(default=list, blank=True)
    to_secondary = models.JSONField(default=list, blank=True)
    note = models.CharField(max_length=500, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_category} → {self.to_category}"


class Objection(models.Model):
    """Something the prospect raised, on a deal (and, when captured there, its debrief)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="objections")
    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="objections")
    debrief = models.ForeignKey(
        Debrief, null=True, blank=True, on_delete=models.SET_NULL, related_name="objections"
    )
    category = models.ForeignKey(
        ObjectionCategory, on_delete=models.PROTECT, related_name="objections"
    )
    words = models.CharField(max_length=500, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.category}: {self.words[:40]}"


class CloseOut(models.Model):
    """The close-out message a rep sent, with how many linter findings it still had."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="closeouts")
    message = models.TextField(max_length=4000)
    findings_count = models.PositiveIntegerField(default=0)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    sent_at = models.DateTimeField()

    class Meta:
        ordering = ["-sent_at", "-id"]

    def __str__(self) -> str:
        return f"Close-out of {self.deal_id}"


class KeepInTouch(models.Model):
    """A dated check-in with a prospect whose deal closed: a task, done or not."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="keep_in_touch")
    due_on = models.DateField(db_index=True)
    done_at = models.DateTimeField(null=True, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return f"Check in on {self.due_on}"


class Referral(models.Model):
    """``referrer`` sent us ``referred``. Its outcome is the referred deal's stage outcome,
    read when shown (selectors), so it can never disagree with the pipeline."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="referrals")
    referrer = models.ForeignKey(Prospect, on_delete=models.CASCADE, related_name="referrals_given")
    referred = models.ForeignKey(
        Prospect, on_delete=models.CASCADE, related_name="referrals_received"
    )
    deal = models.ForeignKey(
        Deal, null=True, blank=True, on_delete=models.SET_NULL, related_name="referrals"
    )
    note = models.CharField(max_length=300, blank=True)
    by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["referrer", "referred"], name="referral_unique"),
            models.CheckConstraint(
                condition=~models.Q(referrer=models.F("referred")), name="referral_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.referrer} → {self.referred}"
