"""How follow-up times are written for people: one format, honest relative words.

Pure Python (stdlib only). "Later today" that the prospect's hours pushed to Monday is
written "Monday at 09:00", never "later today": the words come from the date the time
actually falls on, on the clock of the person reading it.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo


def stamp(moment: dt.datetime, zone: str) -> str:
    """The one date format on Today and the panel: 'Tue 12 Mar, 10:00 MDT'."""
    local = moment.astimezone(zoneinfo.ZoneInfo(zone))
    return f"{local:%a} {local.day} {local:%b}, {local:%H:%M} {local.tzname()}"


def relative(moment: dt.datetime, now: dt.datetime, zone: str) -> str:
    """'today at 15:00', 'tomorrow at 10:00', 'Monday at 09:00' (within the coming
    week), else 'Tuesday 19 March at 10:00', all on ``zone``'s clock."""
    tz = zoneinfo.ZoneInfo(zone)
    local, today = moment.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    at = f"{local:%H:%M}"
    if days == 0:
        return f"today at {at}"
    if days == 1:
        return f"tomorrow at {at}"
    if 1 < days < 7:
        return f"{local:%A} at {at}"
    return f"{local:%A} {local.day} {local:%B} at {at}"


def in_zones(moment: dt.datetime, prospect_zone: str, rep_zone: str) -> str:
    """'Mon 13 May, 09:00 CEST their time (08:00 BST yours)' — never UTC alone."""
    theirs = stamp(moment, prospect_zone)
    if rep_zone == prospect_zone:
        return f"{theirs} (your time too)"
    local = moment.astimezone(zoneinfo.ZoneInfo(rep_zone))
    same_day = local.date() == moment.astimezone(zoneinfo.ZoneInfo(prospect_zone)).date()
    yours = f"{local:%H:%M} {local.tzname()}" if same_day else stamp(moment, rep_zone)
    return f"{theirs} their time ({yours} yours)"
