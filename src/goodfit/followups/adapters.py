"""Rows in, plain values out: what the pure scheduling modules and templates are given."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from goodfit.core.models import Membership
from goodfit.followups.domain.timing import ALL_DAYS, WEEKDAYS, ContactHours, Rung
from goodfit.followups.domain.wording import touch_for
from goodfit.followups.models import CadenceSettings, FollowUp, LadderStep
from goodfit.pipeline.models import Deal, Interaction, Prospect

ACTIVE = (FollowUp.Status.OPEN, FollowUp.Status.SNOOZED)


def _days(digits: str) -> frozenset[int]:
    return frozenset(int(d) for d in digits if d in "1234567")


def prospect_hours(prospect: Prospect, team: Any = None) -> ContactHours:
    """The prospect's hours and days (their own, else the team's default days), minus the
    team's skipped dates. ``team``: an already loaded team row, to save a query."""
    cadence = cadence_for(team if team is not None else prospect.team)
    days = _days(prospect.contact_days) or _days(cadence.contact_days) or WEEKDAYS
    return ContactHours(
        prospect.time_zone,
        prospect.contact_start,
        prospect.contact_end,
        days,
        cadence.skipped,
    )


def rep_hours(membership: Membership) -> ContactHours:
    days = _days(membership.work_days) or ALL_DAYS
    return ContactHours(membership.time_zone, membership.work_start, membership.work_end, days)


def user_hours(user: Any) -> ContactHours | None:
    """The user's working hours, or None for a user without a team membership."""
    membership = getattr(user, "membership", None)
    return rep_hours(membership) if membership is not None else None


def user_zone(user: Any, default: str) -> str:
    membership = getattr(user, "membership", None)
    return membership.time_zone if membership is not None else default


def rung_for(step: LadderStep) -> Rung:
    return Rung(step.delay_kind, step.delay_amount, step.at_time)


def cadence_for(team: Any) -> CadenceSettings:
    """The team's cadence settings, or the defaults when a manager never changed them."""
    try:
        return team.cadence
    except CadenceSettings.DoesNotExist:
        return CadenceSettings(team=team)


def touches_for(prospect: Prospect, *, exclude: FollowUp | None = None) -> list[dt.datetime]:
    """Every outbound contact made or scheduled with this prospect, across their deals."""
    made = Interaction.objects.filter(
        deal__prospect=prospect, direction=Interaction.Direction.OUTBOUND
    ).values_list("occurred_at", flat=True)
    planned = FollowUp.objects.filter(deal__prospect=prospect, status__in=ACTIVE)
    if exclude is not None:
        planned = planned.exclude(pk=exclude.pk)
    return [*made, *planned.values_list("due_at", flat=True)]


def first_name(user: Any) -> str:
    return (user.first_name or user.get_username()).strip()


def full_name(user: Any) -> str:
    return (user.get_full_name() or user.get_username()).strip()


def local_time_text(moment: dt.datetime | None, zone: str) -> str:
    """'Tuesday, May 7 at 10:00 CDT' in the prospect's zone."""
    if moment is None:
        return ""
    local = moment.astimezone(zoneinfo.ZoneInfo(zone))
    return f"{local:%A, %B} {local.day} at {local:%H:%M %Z}"


def message_values(
    deal: Deal, *, rep: Any, due_at: dt.datetime | None, pick_link: str = "", channel: str = ""
) -> dict[str, str]:
    prospect = deal.prospect
    return {
        "touch": touch_for(channel or prospect.preferred_channel),
        "company": prospect.company if prospect.kind == Prospect.Kind.PERSON else prospect.name,
        "prospect_name": prospect.name,
        "prospect_first_name": prospect.name.split()[0] if prospect.name.split() else "",
        "rep_name": full_name(rep),
        "rep_first_name": first_name(rep),
        "offering": deal.offering.name,
        "time": local_time_text(due_at, prospect.time_zone),
        "pick_link": pick_link,
    }
