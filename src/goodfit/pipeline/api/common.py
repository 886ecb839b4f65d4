"""What the pipeline endpoints share: the ids named in request bodies."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.http import Http404

from goodfit.pipeline.access import (
    get_offering_for_user,
    get_owner_for_user,
    get_prospect_for_user,
    get_stage_for_user,
)

REFERENCES: dict[str, Callable[[Any, Any], Any]] = {
    "prospect": get_prospect_for_user,
    "offering": get_offering_for_user,
    "stage": get_stage_for_user,
    "owner": get_owner_for_user,
}


def resolve_references(user: Any, fields: dict[str, Any]) -> dict[str, Any]:
    """Swap the ids a body names (prospect, offering, stage, owner) for the rows.

    Rows are fetched through the access helpers; an id that is unknown or of another
    team is bad input in that field (422), not a missing page (404).
    """
    errors = {}
    for name, getter in REFERENCES.items():
        pk = fields.get(name)
        if pk is None:
            continue
        try:
            fields[name] = getter(user, pk)
        except Http404:
            what = "active member" if name == "owner" else name
            errors[name] = f"There is no {what} with id {pk} in your team."
    if errors:
        raise ValidationError(errors)
    return fields
