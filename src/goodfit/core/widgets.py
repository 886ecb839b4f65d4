"""Form widgets every app's pages share: the browser's own date and date-time pickers."""

from __future__ import annotations

from django import forms

DATE_FORMAT = "%Y-%m-%d"
DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
# What a datetime-local input sends (with or without seconds), and what a person types.
DATETIME_LOCAL_INPUTS = [DATETIME_LOCAL, "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"]

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format=DATE_FORMAT)
DATETIME_LOCAL_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL)
