"""Every write of the debriefs app. Views and endpoints call these, nothing else writes."""

from goodfit.debriefs.services.closeouts import (
    closeout_send,
    keep_in_touch_done,
    keep_in_touch_schedule,
)
from goodfit.debriefs.services.common import needs_debrief
from goodfit.debriefs.services.debriefs import (
    debrief_complete,
    debrief_recategorise,
    debrief_save_draft,
)
from goodfit.debriefs.services.objections import (
    objection_categories_ensure,
    objection_record,
)
from goodfit.debriefs.services.pressure import (
    pressure_default_save,
    pressure_pattern_create,
    pressure_pattern_delete,
    pressure_pattern_switch,
    pressure_pattern_update,
)
from goodfit.debriefs.services.referrals import (
    referral_create,
    referral_delete,
    referral_record,
    referral_update,
)
from goodfit.debriefs.services.settings import debrief_settings_update

__all__ = [
    "closeout_send",
    "debrief_complete",
    "debrief_recategorise",
    "debrief_save_draft",
    "debrief_settings_update",
    "keep_in_touch_done",
    "keep_in_touch_schedule",
    "needs_debrief",
    "objection_categories_ensure",
    "objection_record",
    "pressure_default_save",
    "pressure_pattern_create",
    "pressure_pattern_delete",
    "pressure_pattern_switch",
    "pressure_pattern_update",
    "referral_create",
    "referral_delete",
    "referral_record",
    "referral_update",
]
