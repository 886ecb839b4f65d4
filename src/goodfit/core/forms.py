"""Forms for the team settings pages, and the glue that shows service errors on a form."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

from django import forms
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from goodfit.core.models import Role
from goodfit.core.validators import available_time_zones, validate_currency, validate_time_zone

T = TypeVar("T")

# Templates render a <datalist> with this id (settings/_time_zones.html).
TIME_ZONE_LIST_ID = "time-zones"
WEEKDAYS = [
    ("1", "Mon"),
    ("2", "Tue"),
    ("3", "Wed"),
    ("4", "Thu"),
    ("5", "Fri"),
    ("6", "Sat"),
    ("7", "Sun"),
]


@lru_cache(maxsize=1)
def time_zone_names() -> list[str]:
    """Every IANA zone name, sorted, for the suggestions of time zone inputs."""
    return sorted(available_time_zones())


def weekdays_label(digits: str) -> str:
    """``"12345"`` → ``"Mon–Fri"``; other sets as a list (``"Mon, Wed, Sat"``)."""
    names = dict(WEEKDAYS)
    days = sorted(digits)
    is_run = len(days) > 2 and int(days[-1]) - int(days[0]) == len(days) - 1
    if is_run:
        return f"{names[days[0]]}–{names[days[-1]]}"
    return ", ".join(names[d] for d in days if d in names)


def form_data(request: HttpRequest) -> Any:
    """The POSTed data to bind a form to, or None on GET (an unbound form shows no errors)."""
    return request.POST if request.method == "POST" else None


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Put a service's ValidationError on the field it names, or above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def run_service(form: forms.Form, write: Callable[[dict[str, Any]], T]) -> T | None:
    """Call ``write(cleaned_data)`` for a valid bound form; None when anything was refused.

    Services are atomic, so a refusal leaves nothing half-written; its message lands on
    the form next to the field it names.
    """
    if not form.is_bound or not form.is_valid():
        return None
    try:
        return write(form.cleaned_data)
    except ValidationError as error:
        add_service_errors(form, error)
        return None


class TimeZoneField(forms.CharField):
    """An IANA time zone name, typed with suggestions from the time zone datalist."""

    default_validators = [validate_time_zone]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        kwargs.setdefault(
            "help_text", "An IANA name such as Europe/Lisbon or America/New_York; type to search."
        )
        attrs = {"list": TIME_ZONE_LIST_ID, "autocomplete": "off", "spellcheck": "false"}
        kwargs.setdefault("widget", forms.TextInput(attrs=attrs))
        super().__init__(**kwargs)

    def run_validators(self, value: Any) -> None:
        try:
            super().run_validators(value)
        except ValidationError as error:
            # A typo ("Europe/Lisbn") deserves the name that was probably meant.
            close = difflib.get_close_matches(value, time_zone_names(), n=1, cutoff=0.8)
            if not close:
                raise
            raise ValidationError([*error.error_list, f"Did you mean {close[0]}?"]) from None


class CurrencyField(forms.CharField):
    """A three-letter currency code; lower case is accepted and turned into capitals."""

    default_validators = [validate_currency]

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 3)
        kwargs.setdefault("help_text", "Three letters (ISO 4217), such as USD, EUR or GBP.")
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> str:
        return str(super().to_python(value)).upper()


def time_field(label: str, **kwargs: Any) -> forms.TimeField:
    widget = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    return forms.TimeField(label=label, widget=widget, **kwargs)


def check_hours_ordered(form: forms.Form, start: str, end: str) -> None:
    """Add an error on ``end`` unless it comes after ``start`` (both times of day)."""
    begins: dt.time | None = form.cleaned_data.get(start)
    ends: dt.time | None = form.cleaned_data.get(end)
    if begins is not None and ends is not None and ends <= begins:
        form.add_error(
            end,
            f"Must be later than the start ({begins:%H:%M}); hours within one day, "
            "such as 09:00 to 17:00.",
        )


class TeamForm(forms.Form):
    name = forms.CharField(max_length=120, label="Team name")
    currency = CurrencyField(help_text="Default currency of new deals, e.g. USD or EUR.")
    time_zone = TimeZoneField(label="Time zone")
    reps_see_own_deals_only = forms.BooleanField(
        required=False,
        label="Reps see only their own deals",
        help_text="Managers and admins always see every deal of the team.",
    )


class WorkingHoursForm(forms.Form):
    """Role, time zone and working week: shared by the member create and edit forms."""

    role = forms.ChoiceField(
        choices=Role.choices,
        help_text="Reps work deals; managers and admins also change the team settings.",
    )
    time_zone = TimeZoneField(label="Time zone")
    work_start = time_field("Working hours start")
    work_end = time_field("Working hours end")
    work_days = forms.MultipleChoiceField(
        choices=WEEKDAYS,
        widget=forms.CheckboxSelectMultiple,
        label="Working days",
        error_messages={"required": "Pick at least one working day."},
    )

    def clean_work_days(self) -> str:
        # Stored as ISO weekday digits, e.g. "12345" for Monday to Friday.
        return "".join(sorted(set(self.cleaned_data["work_days"])))

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        check_hours_ordered(self, "work_start", "work_end")
        return cleaned


class MemberCreateForm(WorkingHoursForm):
    first_name = forms.CharField(max_length=150, required=False)
    last_name = forms.CharField(max_length=150, required=False)
    email = forms.EmailField(max_length=254, required=False)
    username = forms.CharField(
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Used to sign in: letters, digits and @ . + - _ only.",
    )
    password = forms.CharField(
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters; not a common password, not only digits and "
        "not like the member's name or email.",
    )
    password_again = forms.CharField(
        strip=False,
        label="Repeat the password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "username",
        "password",
        "password_again",
        "role",
        "time_zone",
        "work_start",
        "work_end",
        "work_days",
    ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        first, again = cleaned.get("password"), cleaned.get("password_again")
        if first and again and first != again:
            self.add_error("password_again", "The two passwords differ; type the same one twice.")
        cleaned.pop("password_again", None)
        return cleaned


class MemberEditForm(WorkingHoursForm):
    is_active = forms.BooleanField(
        required=False,
        label="Active",
        help_text="An inactive member can no longer sign in to this team; their deals stay.",
    )
