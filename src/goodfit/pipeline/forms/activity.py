"""Forms of what happens on a deal: the composer (an interaction or a note), and the
older single-purpose interaction and note forms."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone

from goodfit.core.widgets import DATETIME_LOCAL_INPUTS, DATETIME_LOCAL_WIDGET
from goodfit.pipeline.models import Channel, Interaction


def _local_now() -> dt.datetime:
    return timezone.localtime().replace(second=0, microsecond=0)


class InteractionForm(forms.Form):
    direction = forms.ChoiceField(
        choices=Interaction.Direction.choices,
        widget=forms.RadioSelect,
        initial=Interaction.Direction.OUTBOUND,
    )
    channel = forms.ChoiceField(choices=Channel.choices, initial=Channel.CALL)
    occurred_at = forms.DateTimeField(
        label="When",
        initial=_local_now,
        input_formats=DATETIME_LOCAL_INPUTS,
        widget=DATETIME_LOCAL_WIDGET,
        help_text="Your local time.",
    )
    summary = forms.CharField(
        max_length=300, required=False, help_text="One line: what happened, what comes next."
    )
    text = forms.CharField(
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Text or transcript",
        help_text="Optional; the message or notes in full.",
    )


class NoteForm(forms.Form):
    body = forms.CharField(max_length=10000, label="Note", widget=forms.Textarea(attrs={"rows": 3}))


NOTE = "note"
COMPOSER_CHOICES = [*Channel.choices, (NOTE, "Note")]


class ComposerForm(forms.Form):
    """One box for everything that happens on a deal: an interaction or a note.

    ``channel`` says which: a call, email, meeting, message or chat is an interaction
    (with its direction and time; the page defaults to now and the prospect's preferred
    channel), "note" is a note, which needs only the text.
    """

    channel = forms.ChoiceField(
        choices=COMPOSER_CHOICES, widget=forms.RadioSelect, initial=Channel.CALL, label="Log"
    )
    direction = forms.ChoiceField(
        choices=Interaction.Direction.choices,
        widget=forms.RadioSelect,
        initial=Interaction.Direction.OUTBOUND,
        required=False,
    )
    occurred_at = forms.DateTimeField(
        label="When",
        initial=_local_now,
        required=False,
        input_formats=DATETIME_LOCAL_INPUTS,
        widget=DATETIME_LOCAL_WIDGET,
    )
    summary = forms.CharField(
        max_length=300,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "What happened, what comes next"}),
    )
    text = forms.CharField(
        max_length=20000,
        required=False,
        widget=forms.Textarea(
            attrs={"rows": 3, "placeholder": "Call notes, the message, or a note"}
        ),
        label="Details",
    )

    def __init__(self, *args: Any, **kwargs: Any):
        # Panels on the same page have fields of the same names: keep the ids apart.
        kwargs.setdefault("auto_id", "composer_%s")
        super().__init__(*args, **kwargs)

    @property
    def is_note(self) -> bool:
        return self.cleaned_data.get("channel") == NOTE

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("channel") == NOTE:
            self._clean_note(data)
        elif data.get("channel"):
            self._clean_interaction(data)
        return data

    def _clean_note(self, data: dict[str, Any]) -> None:
        text = (data.get("text") or "").strip()
        if not text:
            self.add_error("text", "Write the note: it is empty.")
        elif len(text) > 10000:
            self.add_error("text", f"A note holds at most 10000 characters (it has {len(text)}).")

    def _clean_interaction(self, data: dict[str, Any]) -> None:
        if not data.get("direction"):
            self.add_error("direction", "Choose Outbound (you reached them) or Inbound.")
        if data.get("occurred_at") is None and "occurred_at" not in self.errors:
            self.add_error("occurred_at", "Give the date and time it happened.")

    def interaction_fields(self) -> dict[str, Any]:
        names = ("direction", "channel", "occurred_at", "summary", "text")
        return {name: self.cleaned_data[name] for name in names}
