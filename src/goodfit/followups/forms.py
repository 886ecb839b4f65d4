"""Forms of the follow-ups pages. Times the rep types are read on the prospect's clock."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from goodfit.followups.models import CadenceSettings, LadderStep, MessageTemplate
from goodfit.followups.services import template_preview

SNOOZE_CHOICES = [(15, "15 minutes"), (60, "1 hour"), (180, "3 hours"), (24 * 60, "1 day")]


class LocalTimeField(forms.DateTimeField):
    """A ``datetime-local`` input read in a given zone (the prospect's), returned in UTC."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, *, zone: str = "UTC", **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
        super().__init__(**kwargs)
        self.zone = zone

    def to_python(self, value: Any) -> dt.datetime | None:
        if value in self.empty_values:
            return None
        for fmt in self.input_formats:
            try:
                naive = dt.datetime.strptime(str(value).strip(), fmt)
            except ValueError:
                continue
            return naive.replace(tzinfo=zoneinfo.ZoneInfo(self.zone)).astimezone(dt.UTC)
        raise forms.ValidationError(
            "Enter a date and time such as 2025-03-14 10:30.", code="invalid"
        )


class CallEndForm(forms.Form):
    """How did the call end? Without a decision, and the prospect agreed to … (a rung)."""

    step = forms.ModelChoiceField(
        queryset=LadderStep.objects.none(),
        required=False,
        widget=forms.RadioSelect,
        label="What did they agree to?",
        error_messages={"invalid_choice": "Pick one of the rungs shown."},
    )
    due_at = LocalTimeField(required=False, label="Or a time you agreed")
    summary = forms.CharField(
        max_length=300, required=False, label="What was said", help_text="Optional; one line."
    )

    def __init__(self, *args: Any, steps: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = steps
        self.fields["due_at"].zone = zone
        self.fields["due_at"].help_text = f"In the prospect's time zone ({zone})."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("step") and not data.get("due_at") and not self.errors:
            self.add_error("step", "Pick what they agreed to, or give a time.")
        return data


class FollowUpRescheduleForm(forms.Form):
    due_at = LocalTimeField(label="New time")

    def __init__(self, *args: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["due_at"].zone = zone
        self.fields["due_at"].help_text = f"In the prospect's time zone ({zone})."


class FollowUpSnoozeForm(forms.Form):
    minutes = forms.TypedChoiceField(choices=SNOOZE_CHOICES, coerce=int, label="Snooze for")


class FollowUpDoneForm(forms.Form):
    summary = forms.CharField(max_length=300, required=False, label="What happened")


class MessageTemplateForm(forms.ModelForm):
    class Meta:
        model = MessageTemplate
        fields = ["name", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "body": "Placeholders such as {{ prospect_first_name }}; filters upper, lower, "
            'title, capfirst, trim, default:"…". Nothing else is allowed.'
        }

    def clean_body(self) -> str:
        body = self.cleaned_data["body"]
        try:
            self.preview = template_preview(body)
        except ValidationError as error:  # every problem, by name
            raise ValidationError(error.message_dict["body"]) from None
        return body


class CadenceForm(forms.ModelForm):
    class Meta:
        model = CadenceSettings
        fields = ["max_touches", "window_days", "comeback_threshold_pct", "comeback_min_sample"]
        labels = {
            "max_touches": "Most touches per prospect",
            "window_days": "… within this many days",
            "comeback_threshold_pct": "Nurture at a come-back rate of at least (%)",
            "comeback_min_sample": "Smallest sample to advise on",
        }
