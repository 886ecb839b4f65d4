"""Forms of the prospect pages: the filter bar of the list and the create/edit form."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from goodfit.core.forms import WEEKDAYS, TimeZoneField, check_hours_ordered, time_field
from goodfit.pipeline.models import Channel, Prospect
from goodfit.pipeline.selectors.prospects import ProspectFilters

# Templates render <datalist> elements with these ids from the team's existing values.
SEGMENT_LIST_ID = "segment-options"
SOURCE_LIST_ID = "source-options"


def _suggested(list_id: str) -> forms.TextInput:
    return forms.TextInput(attrs={"list": list_id, "autocomplete": "off"})


class ProspectFilterForm(forms.Form):
    """The list's search box and filters. Anything unexpected is ignored, never an error."""

    q = forms.CharField(required=False, max_length=200, label="Search")
    segment = forms.ChoiceField(required=False)
    source = forms.ChoiceField(required=False)

    def __init__(self, *args: Any, segments: list[str], sources: list[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["segment"].choices = [("", "All segments")] + [(s, s) for s in segments]
        self.fields["source"].choices = [("", "All sources")] + [(s, s) for s in sources]
        self.fields["q"].widget.attrs.update(
            {"placeholder": "Name, company or email", "type": "search"}
        )

    def filters(self) -> ProspectFilters:
        if not self.is_valid():
            # Keep the valid parts (say, the search text) and drop an unknown segment.
            data = {k: v for k, v in self.cleaned_data.items() if k not in self.errors}
        else:
            data = self.cleaned_data
        return ProspectFilters(
            q=(data.get("q") or "").strip(),
            segment=data.get("segment") or "",
            source=data.get("source") or "",
        )


class ProspectForm(forms.Form):
    kind = forms.ChoiceField(
        choices=Prospect.Kind.choices,
        widget=forms.RadioSelect,
        initial=Prospect.Kind.PERSON,
    )
    name = forms.CharField(
        max_length=200, help_text="The person's full name, or the company's name for a company."
    )
    company = forms.CharField(max_length=200, required=False, help_text="Where a person works.")
    email = forms.EmailField(max_length=254, required=False)
    phone = forms.CharField(max_length=40, required=False)
    segment = forms.CharField(
        max_length=80,
        required=False,
        widget=_suggested(SEGMENT_LIST_ID),
        help_text="The market segment, e.g. SMB; pick an existing one or type a new one.",
    )
    source = forms.CharField(
        max_length=80,
        required=False,
        widget=_suggested(SOURCE_LIST_ID),
        help_text="Where the lead came from, e.g. referral or web form.",
    )
    time_zone = TimeZoneField(label="Time zone")
    preferred_channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.EMAIL)
    contact_start = time_field(
        "Contact hours from", initial=dt.time(9, 0), help_text="In the prospect's own time zone."
    )
    contact_end = time_field("Contact hours until", initial=dt.time(18, 0))
    contact_days = forms.MultipleChoiceField(
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Contact days",
        help_text="Days they take calls and messages. None ticked: the team's default "
        "(Monday to Friday unless a manager changed it).",
    )
    do_not_contact = forms.BooleanField(
        required=False,
        label="Do not contact",
        help_text="They asked not to be contacted: the prospect page warns anyone who opens it.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        days = self.initial.get("contact_days")
        if isinstance(days, str):  # stored as digits, "12345"
            self.initial["contact_days"] = list(days)

    def clean_contact_days(self) -> str:
        # Stored as ISO weekday digits, e.g. "12345" for Monday to Friday.
        return "".join(sorted(set(self.cleaned_data["contact_days"])))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        check_hours_ordered(self, "contact_start", "contact_end")
        return cleaned
