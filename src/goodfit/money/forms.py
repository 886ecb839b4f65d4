"""Forms of the good-money panel and the review page.

Interaction choices come from the deal's own interactions, so a form can only name rows
of a deal the viewer may see.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from goodfit.core.widgets import DATE_WIDGET
from goodfit.money.domain.texts import MAX_TEMPLATE
from goodfit.money.models import Concession, InteractionFlag, MeetingOutcome, Recommendation
from goodfit.pipeline.models import Channel, Deal
from goodfit.pipeline.selectors.deals import deal_interactions

MONEY_FIELD = {"max_digits": 14, "decimal_places": 2, "min_value": Decimal("0")}


class InteractionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        when = obj.occurred_at.strftime("%b %-d %H:%M")
        return f"{when} · {obj.get_direction_display()} {obj.get_channel_display().lower()}" + (
            f" — {obj.summary[:60]}" if obj.summary else ""
        )


class ConcessionForm(forms.Form):
    prefix = "concession"
    kind = forms.ChoiceField(choices=Concession.Kind.choices)
    value = forms.DecimalField(
        **MONEY_FIELD, label="Value", help_text="What it costs us, in the deal's currency."
    )
    note = forms.CharField(max_length=300, required=False)


class QuoteForm(forms.Form):
    prefix = "quote"
    terms = forms.CharField(
        max_length=300, help_text="The terms in a line, e.g. “1 site, 12 months, 30% off”."
    )
    amount = forms.DecimalField(**MONEY_FIELD)


class _DealInteractions(forms.Form):
    channels: tuple[str, ...] = ()  # the interactions it may name; every one when empty

    def __init__(self, *args: Any, deal: Deal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["interaction"]
        # The queryset checks a posted id; the menu is built from the deal page's shared
        # read of the interactions, so the panel adds no query for it.
        field.queryset = deal.interactions.all()
        if self.channels:
            field.queryset = field.queryset.filter(channel__in=self.channels)
        rows = [
            i for i in deal_interactions(deal) if not self.channels or i.channel in self.channels
        ]
        rows.sort(key=lambda i: (i.occurred_at, i.pk), reverse=True)
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        field.choices = empty + [(i.pk, field.label_from_instance(i)) for i in rows]


class FlagForm(_DealInteractions):
    prefix = "flag"
    interaction = InteractionChoice(queryset=None)
    kind = forms.ChoiceField(choices=InteractionFlag.Kind.choices, label="Flag")


class MeetingOutcomeForm(_DealInteractions):
    prefix = "meeting"
    interaction = InteractionChoice(queryset=None, label="Meeting or call")
    outcome = forms.ChoiceField(choices=MeetingOutcome.Outcome.choices)
    channels = (Channel.MEETING, Channel.CALL)


class TimeLogForm(forms.Form):
    prefix = "time"
    hours = forms.DecimalField(
        max_digits=5, decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(Decimal("24"))],
        help_text="0.25 to 24 hours.",
    )  # fmt: skip
    on = forms.DateField(widget=DATE_WIDGET, label="Day")
    note = forms.CharField(max_length=300, required=False)


class OverrideForm(forms.Form):
    prefix = "override"
    recommendation = forms.ChoiceField(choices=Recommendation.choices, label="Your call")
    reason = forms.CharField(max_length=500, widget=forms.Textarea(attrs={"rows": 2}))


class WalkAwayForm(forms.Form):
    message = forms.CharField(
        max_length=MAX_TEMPLATE,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="goodfit does not send email yet: copy the message, send it yourself, then "
        "record it as sent. It leaves the door open.",
    )
    pressure_ok = forms.BooleanField(
        required=False, label="The checker flagged this message; record it as written anyway"
    )


class ReviewActionForm(forms.Form):
    # No default: walking away cannot happen by pressing Apply with nothing chosen.
    ACTIONS = [
        ("", "Choose an action…"),
        ("walk_away", "Walk away (record the team’s polite message as sent)"),
        ("reset_terms", "Reset terms"),
        ("keep", "Keep"),
    ]
    action = forms.ChoiceField(
        choices=ACTIONS,
        error_messages={"required": "Choose what to do with the selected deals."},
    )
    deals = forms.TypedMultipleChoiceField(
        coerce=int, choices=[], label="Deals",
        error_messages={
            "required": "Select at least one deal.",
            "invalid_choice": "Deal %(value)s is not an open deal on this page; reload it.",
        },
    )  # fmt: skip
    reason = forms.CharField(
        max_length=500, required=False, help_text="Needed to keep a deal or reset its terms."
    )

    def __init__(self, *args: Any, deal_ids: list[int], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["deals"].choices = [(pk, str(pk)) for pk in deal_ids]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("action") in ("keep", "reset_terms") and not data.get("reason", "").strip():
            self.add_error("reason", "Say why, so the team can learn from it.")
        return data


# Thresholds on the settings page: name → (label, help). Defaults and bounds come from
# ``rules.Rules`` and ``rules.BOUNDS`` (docs/money.md explains each).
SETTINGS_THRESHOLDS: dict[str, tuple[str, str]] = {
    "min_interactions": (
        "Interactions before a verdict",
        "Fewer than this shows “not enough history yet” instead of a score.",
    ),
    "severe_after_hours_pct": (
        "Severe: after-hours contact, more than %",
        "Share of the prospect's contacts outside the rep's hours…",
    ),
    "severe_demands": (
        "…with demands for an immediate answer, at least",
        "How many of those late contacts demand an answer now.",
    ),
    "severe_same_quote_resends": (
        "Severe: the same quote re-sent, times",
        "Re-sends of the same amount and terms.",
    ),
    "severe_latency_hours": (
        "Severe: median reply slower than, hours",
        "The team's reply-time limit…",
    ),
    "severe_terse_pct": (
        "…with one- or two-word replies, more than %",
        "Share of the prospect's written replies.",
    ),
    "severe_margin_gap_pts": (
        "Severe: margin under the floor by, points",
        "Points under the offering's minimum margin.",
    ),
    "healthy_margin_pts": (
        "Healthy margin: points above the floor",
        "With two severe signals, only a deal with a healthy margin may be kept by an "
        "override with a reason.",
    ),
}


class MoneySettingsForm(forms.Form):
    """A team's bottom share, walk-away template, and the weight of each signal."""

    bottom_percent = forms.IntegerField(
        min_value=1, max_value=100, label="Bottom of the pipeline, %",
        help_text="The share of open deals the review page shows, lowest worth first.",
    )  # fmt: skip
    walk_away_below = forms.IntegerField(
        min_value=0, max_value=100, label="Walk away below",
        help_text="Scores under this recommend walking away.",
    )  # fmt: skip
    pursue_from = forms.IntegerField(
        min_value=0, max_value=100, label="Pursue from",
        help_text="Scores from here up recommend pursuing, unless a term needs a reset.",
    )  # fmt: skip
    walk_away_template = forms.CharField(
        max_length=MAX_TEMPLATE, widget=forms.Textarea(attrs={"rows": 10}),
        label="Walk-away message",
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from goodfit.money.domain.rules import DEFAULT_WEIGHTS
        from goodfit.money.domain.texts import PLACEHOLDERS

        super().__init__(*args, **kwargs)
        self.fields["walk_away_template"].help_text = "Placeholders: " + ", ".join(
            "{" + name + "}" for name in PLACEHOLDERS
        )
        from goodfit.money.domain.rules import BOUNDS, INTEGERS, Rules

        defaults = Rules()
        for name, (label, help_text) in SETTINGS_THRESHOLDS.items():
            low, high = BOUNDS[name]
            field = forms.IntegerField if name in INTEGERS else forms.FloatField
            default = getattr(defaults, name)
            self.fields[name] = field(
                min_value=low, max_value=high, label=label,
                help_text=f"{help_text} Default {default:g}; {low:g} to {high:g}.",
            )  # fmt: skip
        for key, default in DEFAULT_WEIGHTS.items():
            self.fields[f"weight_{key}"] = forms.FloatField(
                min_value=0, max_value=100, label=key.replace("_", " ").capitalize(),
                help_text=f"Default {default:g}.",
            )  # fmt: skip

    def threshold_fields(self) -> list[Any]:
        return [self[name] for name in SETTINGS_THRESHOLDS]

    def weight_fields(self) -> list[Any]:
        return [self[name] for name in self.fields if name.startswith("weight_")]
