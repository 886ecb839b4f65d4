"""The filters of the team audit page: who, what kind of object, between which dates."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.apps import apps

from goodfit.core.access import members_visible_to
from goodfit.core.widgets import DATE_WIDGET


def object_type_choices() -> list[tuple[str, str]]:
    """Every goodfit model, by its audit label ("pipeline.deal") and its name ("Deal")."""
    found = [
        (model._meta.label_lower, str(model._meta.verbose_name).capitalize())
        for model in apps.get_models()
        if model.__module__.startswith("goodfit.")
    ]
    return [("", "Any object"), *sorted(found, key=lambda c: c[1])]


class AuditFilterForm(forms.Form):
    actor = forms.ChoiceField(required=False, label="User")
    object_type = forms.ChoiceField(required=False, label="Object")
    date_from = forms.DateField(required=False, label="From", widget=DATE_WIDGET)
    date_to = forms.DateField(required=False, label="To", widget=DATE_WIDGET)

    def __init__(self, *args: Any, user: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        members = members_visible_to(user).order_by("user__username")
        self.fields["actor"].choices = [("", "Anyone")] + [
            (str(m.user_id), m.user.get_full_name() or m.user.get_username()) for m in members
        ]
        self.fields["object_type"].choices = object_type_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start: dt.date | None = data.get("date_from")
        end: dt.date | None = data.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", f"“To” must be on or after “From” ({start:%b %-d, %Y}).")
        return data

    def filters(self) -> dict[str, Any]:
        """The valid filters as queryset lookups; a refused field filters nothing."""
        data = self.cleaned_data if self.is_valid() else {}
        lookups: dict[str, Any] = {}
        if data.get("actor"):
            lookups["actor_id"] = int(data["actor"])
        if data.get("object_type"):
            lookups["object_type"] = data["object_type"]
        if data.get("date_from"):
            lookups["at__date__gte"] = data["date_from"]
        if data.get("date_to"):
            lookups["at__date__lte"] = data["date_to"]
        return lookups
