"""Every write of the follow-ups app. Views, endpoints and tasks call these."""

from goodfit.followups.services.config import (
    cadence_update,
    ladder_create_default,
    template_create,
    template_preview,
    template_update,
)
from goodfit.followups.services.ladder import (
    step_create,
    step_delete,
    step_move,
    step_update,
)
from goodfit.followups.services.links import (
    calendar_token_create,
    calendar_token_user,
    calendar_tokens_revoke,
    pick_link_choose,
    pick_link_chosen,
    pick_link_use_record,
)
from goodfit.followups.services.reminders import reminders_send
from goodfit.followups.services.schedule import (
    CadenceRefused,
    call_end_no_decision,
    followup_cancel,
    followup_done,
    followup_no_answer,
    followup_reschedule,
    followup_schedule,
    followup_snooze,
    followups_mark_missed,
    next_step,
    render_message,
)
from goodfit.followups.services.tokens import (
    LinkProblem,
    pick_link_create,
    pick_link_open,
    pick_link_url,
)

__all__ = [
    "CadenceRefused",
    "LinkProblem",
    "cadence_update",
    "calendar_token_create",
    "calendar_token_user",
    "calendar_tokens_revoke",
    "call_end_no_decision",
    "followup_cancel",
    "followup_done",
    "followup_no_answer",
    "followup_reschedule",
    "followup_schedule",
    "followup_snooze",
    "followups_mark_missed",
    "ladder_create_default",
    "next_step",
    "pick_link_choose",
    "pick_link_chosen",
    "pick_link_create",
    "pick_link_open",
    "pick_link_url",
    "pick_link_use_record",
    "reminders_send",
    "render_message",
    "step_create",
    "step_delete",
    "step_move",
    "step_update",
    "template_create",
    "template_preview",
    "template_update",
]
