"""Forms of the manager's settings pages for offerings and pipeline stages."""

from __future__ import annotations

from decimal import Decimal

from django import forms

from goodfit.pipeline.models import Outcome


def money_field(label: str, help_text: str) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0"),
        help_text=help_text,
        error_messages={"min_value": "Must be 0 or more; amounts cannot be negative."},
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0"}),
    )


class OfferingForm(forms.Form):
    name = forms.CharField(max_length=120)
    description = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    price = money_field("List price", "Before any discount, in the team's currency.")
    cost_to_serve = money_field(
        "Cost to serve", "What delivering it to one customer costs the team."
    )
    min_margin_pct = forms.DecimalField(
        label="Minimum margin %",
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        initial=Decimal("20"),
        help_text="The lowest acceptable margin after discounts, from 0 to 100.",
        error_messages={
            "min_value": "Must be between 0 and 100 (a percentage).",
            "max_value": "Must be between 0 and 100 (a percentage).",
        },
        widget=forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "100"}),
    )
    is_active = forms.BooleanField(
        required=False,
        initial=True,
        label="Active",
        help_text="Only active offerings can be chosen for new deals.",
    )


class StageForm(forms.Form):
    name = forms.CharField(max_length=60)
    outcome = forms.ChoiceField(
        choices=Outcome.choices,
        initial=Outcome.OPEN,
        help_text="What a deal in this stage means: still open, or closed as won, lost, "
        "not a fit or walked away.",
    )


class StageMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "Up"), ("down", "Down")])
