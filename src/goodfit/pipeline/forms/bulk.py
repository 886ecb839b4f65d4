"""The deal list's bulk action: which deals, what to change, and the confirmation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from goodfit.core.widgets import DATE_WIDGET
from goodfit.core.writes import EARLIEST_DATE, LATEST_DATE
from goodfit.pipeline.access import deals_visible_to, stages_visible_to
from goodfit.pipeline.forms.deals import PersonChoiceField, team_users
from goodfit.pipeline.services.bulk import follow_ups_available

# A bulk follow-up is due at this local time on the chosen day (the cadence may move it).
FOLLOW_UP_TIME = dt.time(10, 0)
# One page of the list at most: a bulk action acts on what the user could see and tick.
MAX_DEALS = 200


class BulkForm(forms.Form):
    """One action per submit button (``action``), so nothing is ever a default."""

    ACTIONS = {"owner": "Change owner", "stage": "Move to stage", "follow_up": "Schedule follow-up"}

    deal = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        error_messages={"invalid_choice": "One of the selected deals is not in your list."},
    )
    action = forms.ChoiceField(choices=[])
    owner = PersonChoiceField(queryset=None, required=False, empty_label="Owner…")
    stage = forms.ModelChoiceField(queryset=None, required=False, empty_label="Stage…")
    follow_up_on = forms.DateField(required=False, label="Follow-up on", widget=DATE_WIDGET)
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        deals = deals_visible_to(user).select_related("stage", "prospect", "owner")
        self.fields["deal"].queryset = deals
        self.fields["owner"].queryset = team_users(user, active_only=True)
        self.fields["stage"].queryset = stages_visible_to(user).order_by("position", "id")
        actions = dict(self.ACTIONS)
        if not follow_ups_available():
            actions.pop("follow_up")
        self.fields["action"].choices = list(actions.items())

    @property
    def can_follow_up(self) -> bool:
        return any(value == "follow_up" for value, _ in self.fields["action"].choices)

    def clean_deal(self) -> list[Any]:
        deals = list(self.cleaned_data.get("deal") or [])
        if not deals:
            raise forms.ValidationError("Select at least one deal.")
        if len(deals) > MAX_DEALS:
            raise forms.ValidationError(
                f"Select at most {MAX_DEALS} deals at a time; you selected {len(deals)}."
            )
        return sorted(deals, key=lambda d: d.pk)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        action = data.get("action")
        needed = {"owner": "owner", "stage": "stage", "follow_up": "follow_up_on"}.get(action or "")
        if needed and not data.get(needed) and needed not in self.errors:
            label = {"owner": "an owner", "stage": "a stage", "follow_up_on": "a date"}[needed]
            self.add_error(needed, f"Pick {label} to apply to the selected deals.")
        day = data.get("follow_up_on")
        if action == "follow_up" and day and not EARLIEST_DATE <= day <= LATEST_DATE:
            self.add_error("follow_up_on", "Pick a date between 2000-01-01 and 2100-12-31.")
        return data

    def due_at(self) -> dt.datetime:
        """The chosen day at ``FOLLOW_UP_TIME`` in the user's time zone."""
        day = self.cleaned_data["follow_up_on"]
        return timezone.make_aware(dt.datetime.combine(day, FOLLOW_UP_TIME))
