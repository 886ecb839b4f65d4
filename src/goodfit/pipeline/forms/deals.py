"""Forms of the deal pages: filters, create/edit, move, cancellation.

Choices come from the access helpers, so a form can only ever name rows of the
viewer's own team; anything else is "not one of the available choices".
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from goodfit.core.access import membership_for
from goodfit.core.extensions import deal_filters
from goodfit.core.widgets import DATE_WIDGET
from goodfit.pipeline.access import offerings_visible_to, prospects_visible_to, stages_visible_to
from goodfit.pipeline.models import Outcome
from goodfit.pipeline.selectors.deals import DealFilters


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.get_full_name() or obj.get_username()


def team_users(user: Any, *, active_only: bool) -> QuerySet[Any]:
    """Users of the viewer's team, by name: owners to pick from or to filter by."""
    members = get_user_model().objects.filter(membership__team_id=membership_for(user).team_id)
    if active_only:
        members = members.filter(membership__is_active=True, is_active=True)
    return members.order_by("first_name", "last_name", "username")


# ---------- Filters ----------


class BoardFilterForm(forms.Form):
    """Filters shared by the board and the list. An invalid value is shown and ignored."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    owner = PersonChoiceField(queryset=None, required=False, empty_label="Anyone", label="Owner")
    segment = forms.ChoiceField(required=False)
    source = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, user: Any, choices: dict[str, list[str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = team_users(user, active_only=False)
        self.fields["segment"].choices = [("", "All segments")] + [
            (s, s) for s in choices["segments"]
        ]
        self.fields["source"].choices = [("", "All sources")] + [(s, s) for s in choices["sources"]]
        self.fields["q"].widget.attrs.update(
            {"type": "search", "placeholder": "Title, prospect, company or email"}
        )
        for extra in deal_filters():
            self.fields[extra.name] = forms.ChoiceField(
                required=False, choices=extra.choices, label=extra.label
            )

    @property
    def extension_fields(self) -> list[forms.BoundField]:
        """The filters capabilities added, for the template to render after the built-in ones."""
        return [self[extra.name] for extra in deal_filters()]

    def filters(self) -> DealFilters:
        """The valid filters; a bad value (``?stage=abc``) is dropped, not a crash."""
        self.is_valid()
        data = {k: v for k, v in getattr(self, "cleaned_data", {}).items() if k not in self.errors}
        stage, owner, offering = data.get("stage"), data.get("owner"), data.get("offering")
        return DealFilters(
            stage=stage.pk if stage else None,
            owner=owner.pk if owner else None,
            offering=offering.pk if offering else None,
            outcome=data.get("outcome") or "",
            segment=data.get("segment") or "",
            source=data.get("source") or "",
            q=(data.get("q") or "").strip(),
            extra=tuple((f.name, data[f.name]) for f in deal_filters() if data.get(f.name)),
        )


class DealFilterForm(BoardFilterForm):
    stage = forms.ModelChoiceField(queryset=None, required=False, empty_label="Any stage")
    outcome = forms.ChoiceField(
        required=False, choices=[("", "Any outcome"), *Outcome.choices], label="Outcome"
    )
    offering = forms.ModelChoiceField(queryset=None, required=False, empty_label="Any offering")

    field_order = ["q", "stage", "outcome", "owner", "offering", "segment", "source"]

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, user=user, **kwargs)
        self.fields["stage"].queryset = stages_visible_to(user).order_by("position", "id")
        self.fields["offering"].queryset = offerings_visible_to(user).order_by("name")


# ---------- Deal create / edit ----------


class DealForm(forms.Form):
    title = forms.CharField(
        max_length=200, help_text="What is being sold to whom, e.g. “Acme — annual plan”."
    )
    # Checked against the team's prospects, but never drawn as a <select> of all of them
    # (a team may have 100,000): the picker template shows one, or a few search matches.
    prospect = forms.ModelChoiceField(
        queryset=None,
        widget=forms.TextInput,
        error_messages={
            "required": "Pick a prospect: search by name, company or email, or add a new one.",
            "invalid_choice": "Pick one of your team's prospects; that one was not found.",
        },
    )
    offering = forms.ModelChoiceField(queryset=None, empty_label="Choose an offering…")
    owner = PersonChoiceField(queryset=None, empty_label=None)
    amount = forms.DecimalField(
        max_digits=14,
        decimal_places=2,
        min_value=Decimal("0"),
        help_text="Before any discount; 0 or more, at most two decimals.",
    )
    discount_pct = forms.DecimalField(
        max_digits=5,
        decimal_places=2,
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        initial=Decimal("0"),
        label="Discount (%)",
        help_text="From 0 to 100.",
    )
    expected_close_date = forms.DateField(
        required=False, widget=DATE_WIDGET, label="Expected close", help_text="Optional."
    )

    def __init__(self, *args: Any, user: Any, currency: str = "", **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["prospect"].queryset = prospects_visible_to(user).order_by("name", "id")
        self.fields["offering"].queryset = offerings_visible_to(user).filter(is_active=True)
        self.fields["owner"].queryset = team_users(user, active_only=True)
        if currency:
            self.fields["amount"].label = f"Amount ({currency})"

    def deal_fields(self) -> dict[str, Any]:
        """The cleaned values the deal services take."""
        names = [
            "title",
            "prospect",
            "offering",
            "owner",
            "amount",
            "discount_pct",
            "expected_close_date",
        ]
        return {name: self.cleaned_data[name] for name in names}


class DealCreateForm(DealForm):
    stage = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label="First open stage",
        help_text="Where the deal starts on the board.",
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, user=user, **kwargs)
        self.fields["stage"].queryset = stages_visible_to(user).order_by("position", "id")
        # Left empty, the title and amount come from the prospect and the offering.
        self.fields["title"].required = False
        self.fields["title"].help_text = "Leave empty for “Prospect — Offering”."
        self.fields["title"].widget.attrs["placeholder"] = "Prospect — Offering"
        self.fields["amount"].required = False
        self.fields[
            "amount"
        ].help_text = "Before any discount; leave empty for the offering's price."
        self.fields["amount"].widget.attrs["placeholder"] = "The offering's price"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        prospect, offering = data.get("prospect"), data.get("offering")
        if not data.get("title") and "title" not in self.errors:
            if prospect is not None and offering is not None:
                data["title"] = default_title(prospect, offering)
            elif "prospect" not in self.errors and "offering" not in self.errors:
                self.add_error("title", "Give the deal a title.")
        if data.get("amount") is None and "amount" not in self.errors and offering is not None:
            data["amount"] = offering.price
        return data


def default_title(prospect: Any, offering: Any) -> str:
    """“Dana Diaz — Debt relief program”, cut at a word to fit the 200-character title."""
    title = f"{prospect.name} — {offering.name}"
    if len(title) <= 200:
        return title
    return title[:199].rsplit(" ", 1)[0] + "…"


class DealEditForm(DealForm):
    # The version the editor loaded; a save naming an older one is refused.
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, user: Any, offering: Any = None, **kwargs: Any):
        super().__init__(*args, user=user, **kwargs)
        if offering is not None:
            # A deal keeps its offering even after the offering was retired.
            active = self.fields["offering"].queryset
            self.fields["offering"].queryset = active | offerings_visible_to(user).filter(
                pk=offering.pk
            )


# ---------- Actions on a deal ----------


class MoveForm(forms.Form):
    stage = forms.ModelChoiceField(
        queryset=None,
        error_messages={"invalid_choice": "Pick one of your team's stages."},
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = stages_visible_to(user)


class CancellationForm(forms.Form):
    cancelled_on = forms.DateField(
        label="Cancelled on", widget=DATE_WIDGET, initial=lambda: timezone.localdate()
    )
    reason = forms.CharField(max_length=500, help_text="In the customer's words, if you have them.")
