"""Forms of the fit pages. Answers are checked by the playbook itself (services)."""

from __future__ import annotations

from typing import Any

from django import forms


class AlternativeForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="Playbooks name alternatives by this name.")
    good_for = forms.CharField(
        max_length=300, label="Good for", help_text="Who they help, in a sentence."
    )
    contact = forms.CharField(
        max_length=300,
        required=False,
        help_text="Phone, email or website, as you would give it to a prospect.",
    )
    notes = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_active = forms.BooleanField(
        required=False,
        initial=True,
        label="Active",
        help_text="Inactive alternatives are no longer recommended.",
    )


class ReferForm(forms.Form):
    alternative = forms.IntegerField(
        error_messages={"required": "Pick who you are referring the prospect to."}
    )
    message = forms.CharField(
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Write the message you send the prospect."},
    )


class PlaybookImportForm(forms.Form):
    document = forms.CharField(
        label="Playbook document (YAML or JSON)",
        widget=forms.Textarea(attrs={"rows": 24, "spellcheck": "false"}),
        max_length=200_000,
    )
    file = forms.FileField(required=False, label="…or upload a file")
    note = forms.CharField(max_length=200, required=False, label="What changed")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].required = False

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        if upload is not None:
            if upload.size > 200_000:
                self.add_error("file", "The file is larger than 200 kB.")
                return cleaned
            try:
                cleaned["document"] = upload.read().decode("utf-8")
            except UnicodeDecodeError:
                self.add_error("file", "The file is not UTF-8 text; save it as YAML or JSON.")
        if not (cleaned.get("document") or "").strip() and not self.errors:
            self.add_error("document", "Paste the playbook document or upload a file.")
        return cleaned


ANSWER_TYPES = [
    ("yes_no", "Yes or no"),
    ("choice", "One of several choices"),
    ("choices", "Several of several choices"),
    ("number", "A number (with a unit)"),
    ("money", "An amount of money"),
    ("date", "A date"),
    ("text", "Free text"),
]


class QuestionEditForm(forms.Form):
    text = forms.CharField(max_length=2000, label="Question")
    help_text = forms.CharField(
        max_length=2000,
        required=False,
        label="Help",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What the rep should listen for, or why it matters.",
    )
    order = forms.IntegerField(
        min_value=1,
        required=False,
        help_text="Its place in the list, from 1; empty keeps it last.",
    )


class QuestionForm(QuestionEditForm):
    key = forms.RegexField(
        regex=r"^[a-z][a-z0-9_]{0,49}$",
        max_length=50,
        help_text="Lower-case letters, digits and _, starting with a letter; criteria and "
        "the API refer to the question by it. It cannot be changed later.",
        error_messages={
            "invalid": "Use lower-case letters, digits and _ starting with a letter, "
            "e.g. monthly_income."
        },
    )
    type = forms.ChoiceField(choices=ANSWER_TYPES, label="Answer type")
    choices = forms.CharField(
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For choice questions: one choice a line, at least two.",
    )
    unit = forms.CharField(
        max_length=40, required=False, help_text="For numbers, e.g. employees or months."
    )
    group = forms.CharField(
        max_length=80, required=False, help_text="Questions of a group are shown together."
    )

    field_order = ["key", "text", "type", "choices", "unit", "group", "help_text", "order"]

    def clean_choices(self) -> list[str]:
        lines = self.cleaned_data.get("choices", "").splitlines()
        return [line.strip() for line in lines if line.strip()]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        kind, choices = cleaned.get("type"), cleaned.get("choices") or []
        if kind in ("choice", "choices") and len(choices) < 2:
            self.add_error("choices", "Give at least two choices, one a line.")
        elif kind not in ("choice", "choices") and choices:
            self.add_error("choices", "Only choice questions have choices; leave it empty.")
        if cleaned.get("unit") and kind not in ("number", "money"):
            self.add_error("unit", "Only number and money questions have a unit.")
        return cleaned
