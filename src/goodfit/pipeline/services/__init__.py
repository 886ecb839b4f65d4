"""Every write to the pipeline. Views and endpoints call these, nothing else writes."""

from goodfit.pipeline.services.bulk import deals_bulk_follow_up, deals_bulk_update
from goodfit.pipeline.services.config import (
    offering_create,
    offering_delete,
    offering_update,
    stage_create,
    stage_delete,
    stage_reorder,
    stage_update,
    stages_create_default,
)
from goodfit.pipeline.services.deals import (
    deal_cancel,
    deal_create,
    deal_delete,
    deal_move,
    deal_update,
)
from goodfit.pipeline.services.interactions import (
    interaction_delete,
    interaction_log,
    interaction_update,
    note_add,
    note_delete,
)
from goodfit.pipeline.services.prospects import prospect_create, prospect_delete, prospect_update

__all__ = [
    "deal_cancel",
    "deal_create",
    "deal_delete",
    "deal_move",
    "deal_update",
    "deals_bulk_follow_up",
    "deals_bulk_update",
    "interaction_delete",
    "interaction_log",
    "interaction_update",
    "note_add",
    "note_delete",
    "offering_create",
    "offering_delete",
    "offering_update",
    "prospect_create",
    "prospect_delete",
    "prospect_update",
    "stage_create",
    "stage_delete",
    "stage_reorder",
    "stage_update",
    "stages_create_default",
]
