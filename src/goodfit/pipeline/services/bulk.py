"""Changes to many deals at once from the deal list: all of them, or none.

Each deal goes through the same service as a change made on its page (``deal_move``,
``deal_update``, the follow-ups app's ``followup_schedule``), so audit rows, stage
changes and deal events are exactly those of one change per deal.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction

from goodfit.pipeline.exceptions import StaleVersionError
from goodfit.pipeline.models import Deal, Stage
from goodfit.pipeline.services.deals import deal_move, deal_update


def _refuse(deal: Deal, error: Exception) -> ValidationError:
    """The first refusal names the deal; the transaction rolls every other change back."""
    if isinstance(error, ValidationError):
        text = " ".join(error.messages)
    else:
        text = "someone else changed it meanwhile; reload the list and try again."
    return ValidationError(f"“{deal.title}”: {text} Nothing was changed.")


def _require(deals: list[Deal]) -> None:
    if not deals:
        raise ValidationError("Select at least one deal.")


@transaction.atomic
def deals_bulk_update(
    *, deals: list[Deal], actor: Any, stage: Stage | None = None, owner: Any = None
) -> int:
    """Move ``deals`` to ``stage`` or hand them to ``owner``; the number that changed."""
    _require(deals)
    if (stage is None) == (owner is None):
        raise ValueError("Give exactly one of stage or owner.")
    changed = 0
    for deal in deals:
        try:
            if stage is not None and deal.stage_id != stage.pk:
                deal_move(deal=deal, actor=actor, stage=stage)
                changed += 1
            elif owner is not None and deal.owner_id != owner.pk:
                deal_update(deal=deal, actor=actor, version=deal.version, owner=owner)
                changed += 1
        except (ValidationError, StaleVersionError) as error:
            raise _refuse(deal, error) from error
    return changed


def follow_ups_available() -> bool:
    return apps.is_installed("goodfit.followups")


@transaction.atomic
def deals_bulk_follow_up(*, deals: list[Deal], actor: Any, due_at: dt.datetime) -> int:
    """Schedule a follow-up on each open deal at ``due_at``, or at the first time the
    team's cadence allows after it (the prospect's contact hours, the touch limit)."""
    _require(deals)
    if not follow_ups_available():
        raise ValidationError("Follow-ups are not installed.")
    from goodfit.followups.services import followup_schedule

    for deal in deals:
        if deal.stage.is_closed:
            raise ValidationError(
                f"“{deal.title}” is closed ({deal.stage.name}); follow-ups are for open deals. "
                "Nothing was changed."
            )
        try:
            followup_schedule(deal=deal, actor=actor, due_at=due_at, adjust=True)
        except ValidationError as error:
            raise _refuse(deal, error) from error
    return len(deals)
