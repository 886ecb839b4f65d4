"""Forms of the fit pages. Answers are checked by the playbook itself (services)."""

from __future__ import annotations

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
