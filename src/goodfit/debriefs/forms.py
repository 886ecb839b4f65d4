"""Forms of the debrief panel, the manager's review and the settings page."""

from __future__ import annotations

from typing import Any

from django import forms

from goodfit.debriefs.domain.categories import grouped_choices
from goodfit.debriefs.domain.closeout_message import PLACEHOLDERS
from goodfit.debriefs.domain.pressure_families import FAMILIES
from goodfit.debriefs.domain.pressure_syntax import MAX_LENGTH, pattern_error
from goodfit.debriefs.services.closeouts import MAX_MESSAGE
from goodfit.debriefs.settings_read import TeamDebriefSettings


class PanelForm(forms.Form):
    """Several forms share the deal page (with other panels): ids carry the form's name."""

    id_prefix = "debrief"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


def _reason_choices(blank: str | None) -> list[Any]:
    choices: list[Any] = grouped_choices()
    return [("", blank), *choices] if blank else choices


class ReasonsMixin(PanelForm):
    primary_category = forms.ChoiceField(
        label="Main reason",
        required=False,
        choices=_reason_choices("Choose the main reason…"),
        help_text="Was it me, the fit of the product, price, timing, a competitor, no decision?",
    )
    secondary = forms.MultipleChoiceField(
        label="Other reasons",
        required=False,
        choices=[(code, label) for _, group in grouped_choices() for code, label in group],
        widget=forms.CheckboxSelectMultiple,
    )


class DebriefForm(ReasonsMixin):
    competitor = forms.CharField(
        label="Competitor", required=False, max_length=120, help_text="Who they chose, if anyone."
    )
    prospect_words = forms.CharField(
        label="The prospect's own words",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What they said, as close to verbatim as you can. Don't argue with it.",
    )
    do_differently = forms.CharField(
        label="What I'd do differently",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    segment = forms.CharField(label="Segment", required=False, max_length=80)

    @staticmethod
    def service_fields(data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "secondary": list(data.get("secondary") or [])}


class ReviewForm(ReasonsMixin):
    id_prefix = "review"
    note = forms.CharField(label="Why", required=False, max_length=500)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["primary_category"].required = True
        self.fields["primary_category"].label = "Main reason, re-categorised"


class CloseOutForm(PanelForm):
    id_prefix = "closeout"
    message = forms.CharField(
        label="Close-out message",
        max_length=MAX_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 9}),
        help_text="Thank them, accept the decision, leave the door open, ask what would have "
        "made the difference and whether they know someone who could use it.",
    )
    send_as_written = forms.BooleanField(
        label="Send as written, despite the flagged phrases", required=False
    )


class LintForm(forms.Form):
    message = forms.CharField(max_length=MAX_MESSAGE, required=False, strip=False)


class ReferralForm(PanelForm):
    id_prefix = "referral"
    name = forms.CharField(label="Their name", max_length=200)
    email = forms.EmailField(label="Email", required=False, max_length=254)
    phone = forms.CharField(label="Phone", required=False, max_length=40)
    note = forms.CharField(label="Note", required=False, max_length=300)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not data.get("email") and not data.get("phone"):
            self.add_error("email", "Give an email address or a phone number to reach them.")
        return data


class ObjectionForm(PanelForm):
    id_prefix = "objection"
    category = forms.ChoiceField(label="They asked about")
    words = forms.CharField(label="In their words", required=False, max_length=500)

    def __init__(self, *args: Any, names: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(n, n) for n in names]


class DebriefSettingsForm(forms.Form):
    keep_in_touch_days = forms.IntegerField(
        label="Keep in touch after (days)", min_value=1, max_value=730
    )
    closeout_template = forms.CharField(
        label="Close-out template",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text="Blanks: " + ", ".join(f"${k} ({v})" for k, v in PLACEHOLDERS.items()) + ".",
    )
    objection_categories = forms.CharField(
        label="Objection categories",
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="One a line. Removing one keeps the objections already recorded under it.",
    )

    @classmethod
    def initial_from(cls, current: TeamDebriefSettings, categories: list[str]) -> dict[str, Any]:
        return {
            "keep_in_touch_days": current.keep_in_touch_days,
            "closeout_template": current.closeout_template,
            "objection_categories": "\n".join(categories),
        }

    def clean_objection_categories(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["objection_categories"].splitlines()]


PATTERN_HELP = (
    "Words, any case. expir* = any word starting with expir; spot/place = either word; "
    "(go live / get started) = either group; [the whole] = optional; ... = up to three "
    "words between; {number}, {day}, {time}, {when}. Example: only {number} ... spots/places left"
)


class PressurePatternForm(forms.Form):
    """A pressure pattern, the team's own or its version of a default."""

    family = forms.ChoiceField(
        label="Family", choices=[(f.code, f.label) for f in FAMILIES], required=False
    )
    pattern = forms.CharField(
        label="Pattern",
        max_length=MAX_LENGTH,
        help_text=PATTERN_HELP,
        widget=forms.TextInput(attrs={"class": "mono", "autocomplete": "off"}),
    )
    reason = forms.CharField(
        label="Why it hurts",
        required=False,
        max_length=300,
        help_text="Shown to the rep. Blank: the family's explanation.",
    )
    suggestion = forms.CharField(
        label="Gentler line",
        required=False,
        max_length=300,
        help_text="Suggested instead. Blank: the family's suggestion.",
    )
    is_active = forms.BooleanField(label="Checked (switched on)", required=False, initial=True)

    def __init__(self, *args: Any, default: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.is_default = default
        if default:  # a default keeps its family
            del self.fields["family"]
        else:
            self.fields["family"].required = True

    def clean_pattern(self) -> str:
        pattern = " ".join(self.cleaned_data["pattern"].split())
        problem = pattern_error(pattern)
        if problem:
            raise forms.ValidationError(problem)
        return pattern
