"""Discovery and fit: playbooks (versioned), the alternatives directory, and what happens
on a deal (answers, diagnoses, referrals out) as rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from goodfit.core.models import Team
from goodfit.fit.domain.playbook import VERDICT_LABELS
from goodfit.pipeline.models import Deal, Offering

# The stored verdict is the pure ``FitVerdict``, labelled as the diagnosis labels it.
VERDICT_CHOICES = [(verdict.value, label) for verdict, label in VERDICT_LABELS.items()]


class Playbook(models.Model):
    """The discovery playbook of one offering; its content lives in versions."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="playbooks")
    offering = models.OneToOneField(Offering, on_delete=models.CASCADE, related_name="playbook")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Playbook of {self.offering_id}"


class PlaybookVersion(models.Model):
    """An immutable version: editing a playbook adds a version, diagnoses name the one used.

    ``definition`` is the whole versioned document (questions, criteria, threshold, script)
    as described in docs/fit.md; it is never changed after it is written.
    """

    playbook = models.ForeignKey(Playbook, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    definition = models.JSONField()
    note = models.CharField(max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["playbook", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["playbook", "number"], name="playbook_version_unique")
        ]

    def __str__(self) -> str:
        return f"v{self.number}"


class Alternative(models.Model):
    """Someone better placed to help a prospect who is not a fit (team directory)."""

    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="alternatives")
    name = models.CharField(max_length=120)
    good_for = models.CharField(max_length=300, help_text="Who they help, in a sentence.")
    contact = models.CharField(max_length=300, blank=True)
    notes = models.TextField(blank=True, max_length=2000)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["team", "name"], name="alternative_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Answer(models.Model):
    """One saved answer to a discovery question; the latest row per key is current.

    ``value`` is the answer as JSON (money as a string); null means it was cleared.
    """

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="fit_answers")
    question_key = models.CharField(max_length=50)
    value = models.JSONField(null=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["at", "id"]
        indexes = [models.Index(fields=["deal", "question_key", "-id"])]

    def __str__(self) -> str:
        return f"{self.question_key} = {self.value!r}"


class Diagnosis(models.Model):
    """The verdict at one moment: after each saved change, a re-diagnosis, or a referral."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="diagnoses")
    version = models.ForeignKey(PlaybookVersion, on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(max_length=24, choices=VERDICT_CHOICES)
    score = models.FloatField()
    answered = models.PositiveSmallIntegerField(default=0)
    # What prompted it: the question keys just saved, or "rediagnose".
    trigger = models.CharField(max_length=200, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["deal", "-id"])]
        verbose_name_plural = "diagnoses"

    def __str__(self) -> str:
        return self.get_verdict_display()


class ReferralOut(models.Model):
    """A prospect sent to an alternative because we were not the right help."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="referrals_out")
    alternative = models.ForeignKey(Alternative, on_delete=models.PROTECT, related_name="+")
    message = models.TextField(max_length=5000)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    at = models.DateTimeField()

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"→ {self.alternative_id}"
