"""The ICS calendar feed of a rep's follow-ups."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event

from goodfit.followups.models import FollowUp

LENGTH = dt.timedelta(minutes=30)


def feed_ics(followups: Iterable[FollowUp], *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//goodfit//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for followup in followups:
        calendar.add_component(_event(followup))
    return calendar.to_ical()


def _event(followup: FollowUp) -> Event:
    prospect = followup.deal.prospect
    what = followup.step.outcome if followup.step else "Follow-up"
    event = Event()
    event.add("uid", f"followup-{followup.pk}@goodfit")
    event.add("dtstamp", followup.created_at)
    event.add("dtstart", followup.due_at)
    event.add("dtend", followup.due_at + LENGTH)
    event.add("summary", f"{followup.get_channel_display()} {prospect.name}: {what}")
    event.add("description", followup.message or f"Follow up with {prospect.name}.")
    return event
