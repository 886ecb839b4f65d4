"""Names may not hold control or direction-override characters.

A right-to-left override in a prospect's name can make "Invoice‮fdp.exe" read as
something else on every page and export; control characters break lines, CSV cells and
terminals. Names (of prospects, deals, teams, offerings, stages, members, templates…)
are checked once, when any row is saved, so pages, the API, imports and commands all
refuse them with the same message naming the field. Multi-line text keeps tabs and
line breaks.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

# Fields that name something; longer text (notes, messages) is not checked here.
NAME_FIELDS = frozenset({"name", "title", "company", "first_name", "last_name", "username"})
CHECKED_APPS = frozenset({"auth"})  # plus every goodfit app, see _checked
BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
LINE_CONTROLS = frozenset({0x09, 0x0A, 0x0D})


def unsafe_character(value: str, *, multiline: bool = False) -> str | None:
    """The first control or direction-override character in ``value``, if any."""
    for char in value:
        code = ord(char)
        if code < 0x20 or code == 0x7F or code in BIDI_CONTROLS:
            if multiline and code in LINE_CONTROLS:
                continue
            return char
    return None


def validate_plain_text(value: str, *, label: str = "Text", multiline: bool = False) -> None:
    char = unsafe_character(value, multiline=multiline)
    if char is not None:
        raise ValidationError(
            "%(label)s may not contain control or direction-override characters "
            "(found U+%(code)04X); retype it without them.",
            code="unsafe_character",
            params={"label": label, "code": ord(char)},
        )


def _checked(model: type[models.Model]) -> bool:
    return model.__module__.startswith("goodfit.") or model._meta.app_label in CHECKED_APPS


def refuse_unsafe_names(sender: type[models.Model], instance: Any, **kwargs: Any) -> None:
    """pre_save: refuse a row whose name fields hold unsafe characters."""
    if kwargs.get("raw") or not _checked(sender):
        return
    errors: dict[str, list[ValidationError]] = {}
    for field in sender._meta.concrete_fields:
        value = getattr(instance, field.attname, None)
        if field.name in NAME_FIELDS and isinstance(value, str):
            label = str(field.verbose_name).capitalize()
            try:
                validate_plain_text(value, label=label)
            except ValidationError as error:
                errors[field.name] = [error]
    if errors:
        raise ValidationError(errors)
