"""Forms of the follow-ups pages. Times the rep types are read on the prospect's clock."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from goodfit.core.forms import WEEKDAYS
from goodfit.core.widgets import DATETIME_LOCAL_WIDGET
from goodfit.followups.models import CadenceSettings, DelayKind, LadderStep, MessageTemplate
from goodfit.followups.services import template_preview
from goodfit.pipeline.models import Channel

SNOOZE_CHOICES = [(15, "15 minutes"), (60, "1 hour"), (180, "3 hours"), (24 * 60, "1 day")]


class LocalTimeField(forms.DateTimeField):
    """A ``datetime-local`` input read in a given zone (the prospect's), returned in UTC."""

    widget = DATETIME_LOCAL_WIDGET

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
        error_messages={"invalid_choice": "Pick one of the steps shown."},
    )
    due_at = LocalTimeField(required=False, label="Or a time you agreed")
    agreed = forms.BooleanField(
        required=False,
        label="They agreed to this exact time",
        help_text="Books it even outside their usual hours or the touch limit; add a note.",
    )
    note = forms.CharField(
        max_length=300,
        required=False,
        label="Note",
        help_text="Why this time, e.g. “asked for a call after their shift”.",
    )
    summary = forms.CharField(
        max_length=300, required=False, label="What was said", help_text="Optional; one line."
    )

    def __init__(self, *args: Any, steps: Any, zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = steps
        self.fields["due_at"].zone = zone
        self.fields["due_at"].help_text = f"On the prospect's clock ({zone})."

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("step") and not data.get("due_at") and not self.errors:
            self.add_error("step", "Pick what they agreed to, or give a time.")
        if data.get("agreed") and not data.get("due_at") and "due_at" not in self.errors:
            self.add_error("due_at", "Give the time they agreed to.")
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
    contact_days = forms.MultipleChoiceField(
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
        label="Contact days (team default)",
        help_text="Days prospects are contacted unless their own record says otherwise.",
        error_messages={"required": "Pick at least one contact day."},
    )

    class Meta:
        model = CadenceSettings
        fields = [
            "max_touches",
            "window_days",
            "comeback_threshold_pct",
            "comeback_min_sample",
            "contact_days",
            "skip_dates",
        ]
        labels = {
            "max_touches": "Most touches per prospect",
            "window_days": "… within this many days",
            "comeback_threshold_pct": "Suggest nurturing at a come-back rate of at least (%)",
            "comeback_min_sample": "Deals needed before suggesting either",
            "skip_dates": "Dates nobody is contacted",
        }
        help_texts = {
            "max_touches": "Calls, emails and messages to one prospect, made or scheduled.",
            "comeback_threshold_pct": "The share of a lead source's stalled deals that later "
            "re-engaged. At or above it the follow-ups card suggests the nurture plan; below "
            "it, asking for a decision.",
            "skip_dates": "Public holidays or office closures, one date a line (2025-12-25). "
            "Follow-ups move to the next contact day.",
        }
        widgets = {"skip_dates": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = self.initial.get("contact_days")
        if isinstance(days, str):  # stored as digits, "12345"
            self.initial["contact_days"] = list(days)

    def clean_contact_days(self) -> str:
        return "".join(sorted(set(self.cleaned_data["contact_days"])))

    def clean_skip_dates(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["skip_dates"].splitlines()]
        dates: list[dt.date] = []
        bad = []
        for number, line in enumerate(lines, 1):
            if not line:
                continue
            try:
                dates.append(dt.date.fromisoformat(line))
            except ValueError:
                bad.append(f"line {number} (“{line[:40]}”)")
        if bad:
            raise ValidationError(
                f"Not a date: {', '.join(bad)}. Write one date a line as year-month-day, "
                "e.g. 2025-12-25."
            )
        return "\n".join(d.isoformat() for d in sorted(set(dates)))


class LadderStepForm(forms.Form):
    """A rung: what the prospect agreed to, when, how, and the message drafted for it."""

    outcome = forms.CharField(
        max_length=80,
        label="What the prospect agrees to",
        help_text="As reps read it on the deal (“Talk tomorrow”).",
    )
    delay_kind = forms.ChoiceField(choices=DelayKind.choices, label="When")
    delay_amount = forms.IntegerField(
        min_value=1, max_value=90, label="How many", help_text="Hours or days later: 1 to 90."
    )
    at_time = forms.TimeField(
        required=False,
        label="At (their local time)",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="For “days later” steps; blank keeps the time of day of the call.",
    )
    channel = forms.ChoiceField(
        choices=[("", "Their preferred channel"), *Channel.choices],
        required=False,
        label="Channel",
        help_text="The rep can still pick another when scheduling.",
    )
    template = forms.ModelChoiceField(
        queryset=MessageTemplate.objects.none(),
        required=False,
        label="Message template",
        empty_label="No message",
        error_messages={"invalid_choice": "Pick one of your team's templates."},
    )
    template_name = forms.CharField(
        max_length=80,
        required=False,
        label="…or a new template named",
        help_text="Blank: named after the outcome.",
    )
    template_body = forms.CharField(
        max_length=5000,
        required=False,
        label="New template text",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=MessageTemplateForm.Meta.help_texts["body"],
    )
    sends_pick_link = forms.BooleanField(
        required=False,
        label="Sends a pick-a-time link",
        help_text="The message gets a fresh link where the prospect picks the time.",
    )

    def __init__(self, *args: Any, templates: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.preview = ""
        self.plan = "push"  # which plan a new step joins (push or nurture)

    def clean_template_body(self) -> str:
        body = self.cleaned_data["template_body"]
        if body.strip():
            try:
                self.preview = template_preview(body)
            except ValidationError as error:  # every problem, by name
                raise ValidationError(error.message_dict["body"]) from None
        return body

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("template") and (data.get("template_body") or "").strip():
            self.add_error(
                "template_body", "Pick an existing template or write a new one, not both."
            )
        if data.get("delay_kind") == DelayKind.HOURS and data.get("at_time"):
            self.add_error("at_time", "Only for “days later” steps; leave it blank for hours.")
        return data


class StepMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])
