"""Every write of the good-money check. Views, endpoints and commands call these."""

from goodfit.money.services.records import (
    concession_add,
    concession_delete,
    concession_update,
    flag_add,
    flag_dismiss,
    meeting_outcome_set,
    quote_add,
    quote_delete,
    quote_update,
    time_log_add,
)
from goodfit.money.services.walk import (
    deal_walk_away,
    deals_review_apply,
    walk_away_message,
    worth_override,
)
from goodfit.money.services.worth import (
    money_settings_update,
    worth_refresh,
    worth_refresh_many,
)

__all__ = [
    "concession_add",
    "concession_delete",
    "concession_update",
    "deal_walk_away",
    "deals_review_apply",
    "flag_add",
    "flag_dismiss",
    "meeting_outcome_set",
    "money_settings_update",
    "quote_add",
    "quote_delete",
    "quote_update",
    "time_log_add",
    "walk_away_message",
    "worth_override",
    "worth_refresh",
    "worth_refresh_many",
]
