"""Pages without a login: the prospect's pick-a-time page and the rep's calendar feed."""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from goodfit.followups.adapters import first_name, prospect_hours, rep_hours
from goodfit.followups.calendar import feed_ics
from goodfit.followups.domain.slots import free_slots
from goodfit.followups.models import FollowUp, PickLink, PickLinkUse
from goodfit.followups.selectors import user_calendar
from goodfit.followups.services import (
    LinkProblem,
    calendar_token_user,
    pick_link_choose,
    pick_link_chosen,
    pick_link_open,
    pick_link_use_record,
)

# Requests per client address per link per window: one prospect reloading their page
# (or a stranger behind the same proxy) never blocks another prospect's link. Addresses
# that keep opening links that do not exist are refused across all links.
RATE_LIMIT = getattr(settings, "GOODFIT_PICK_RATE_LIMIT", 30)
RATE_WINDOW = 600
PROBLEMS = {
    "expired": (
        "This link has expired",
        "Links to pick a time work for seven days. Reply to the message it came in and "
        "ask for a new one.",
    ),
    "invalid": (
        "This link doesn't work",
        "The address may have been cut short or changed when it was copied. Open it "
        "again from the message it came in.",
    ),
    "closed": (
        "This link no longer works",
        "There is nothing left to book here. If you would like to talk, reply to the "
        "message the link came in.",
    ),
    "used": ("You've already picked a time", "Thank you: the time you picked is booked."),
}


def _client(request: HttpRequest) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    return hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:16]


def _rate_limited(client: str, token: str = "", *, count: bool = True) -> bool:
    """Count requests per client and link in a fixed window (Django's cache, shared by
    workers when a shared cache is configured); ``count=False`` only looks."""
    link = hashlib.sha256(token.encode()).hexdigest()[:16] if token else "bad"
    key = f"followups:pick:{client}:{link}:{int(timezone.now().timestamp()) // RATE_WINDOW}"
    if not count:
        return (cache.get(key) or 0) >= RATE_LIMIT
    cache.add(key, 0, RATE_WINDOW)
    try:
        return cache.incr(key) > RATE_LIMIT
    except ValueError:  # evicted between add and incr
        return False


# What the rep will do at the picked time, by the prospect's preferred channel.
CHANNEL_WORDS = {
    "call": "call you",
    "email": "email you",
    "meeting": "meet you",
    "message": "text you",
    "chat": "message you",
}


def _record(
    request: HttpRequest, link: PickLink | None, kind: str, client: str, detail: str = ""
) -> None:
    """Record a post to the page; showing it (a GET) writes nothing."""
    if request.method == "POST":
        pick_link_use_record(link=link, kind=kind, client=client, detail=detail)


def _problem(request: HttpRequest, reason: str, status: int = 410) -> HttpResponse:
    title, text = PROBLEMS[reason]
    return render(
        request, "followups/pick_problem.html", {"title": title, "text": text}, status=status
    )


def _offered(link: PickLink, now: dt.datetime) -> dict[dt.date, list[dt.datetime]]:
    """Slots on every contact day until the link expires, by the prospect's local day."""
    busy = FollowUp.objects.filter(
        assignee=link.rep,
        status__in=(FollowUp.Status.OPEN, FollowUp.Status.SNOOZED),
        due_at__gte=now,
        due_at__lt=link.expires_at + dt.timedelta(hours=1),
    ).values_list("due_at", flat=True)
    return free_slots(
        now=now,
        until=link.expires_at,
        prospect=prospect_hours(link.deal.prospect, link.deal.team),
        rep=rep_hours(link.rep.membership),
        busy=list(busy),
    )


def _flat(days: dict[dt.date, list[dt.datetime]]) -> list[dt.datetime]:
    return [slot for slots in days.values() for slot in slots]


def _slot_choices(days: dict[dt.date, list[dt.datetime]], zone: str) -> list[dict[str, object]]:
    tz = zoneinfo.ZoneInfo(zone)
    return [
        {
            "day": day,
            "slots": [
                {
                    "value": slot.strftime("%Y-%m-%dT%H:%MZ"),
                    "label": f"{slot.astimezone(tz):%H:%M}",
                }
                for slot in slots
            ],
        }
        for day, slots in days.items()
    ]


def _parse_slot(value: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(value, "%Y-%m-%dT%H:%MZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return None


@csrf_protect
@require_http_methods(["GET", "POST"])
def pick(request: HttpRequest, token: str) -> HttpResponse:
    client = _client(request)
    if _rate_limited(client, count=False) or _rate_limited(client, token):
        _record(request, None, PickLinkUse.Kind.REFUSED, client, "rate limited")
        response = render(
            request,
            "followups/pick_problem.html",
            {
                "title": "Too many requests",
                "text": "Please wait a few minutes and open the link again.",
            },
            status=429,
        )
        response["Retry-After"] = str(RATE_WINDOW)
        return response
    try:
        link = pick_link_open(token)
    except LinkProblem as problem:
        if problem.reason == "invalid":
            _rate_limited(client)  # guessing links: counted across all of them
        _record(request, None, PickLinkUse.Kind.REFUSED, client, problem.reason)
        return _problem(request, problem.reason, 404 if problem.reason == "invalid" else 410)
    chosen = pick_link_chosen(link)
    prospect = link.deal.prospect
    zone = prospect.time_zone
    context = {
        "rep_first_name": first_name(link.rep),
        "company": link.deal.team.name,
        "channel": CHANNEL_WORDS.get(prospect.preferred_channel, "get in touch"),
        "zone": zone,
        "chosen": chosen,
        "expires_at": link.expires_at,
    }
    if chosen is not None:
        return render(request, "followups/pick_done.html", context)
    now = timezone.now()
    offered = _offered(link, now)
    error = ""
    if request.method == "POST":
        slot = _parse_slot(request.POST.get("slot", ""))
        try:
            if slot is None:
                raise ValidationError({"slot": "Please pick one of the times shown."})
            followup = pick_link_choose(link=link, slot=slot, offered=_flat(offered), now=now)
        except LinkProblem as problem:
            return _problem(request, problem.reason)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
            offered = _offered(link, now)
        else:
            _record(request, link, PickLinkUse.Kind.PICKED, client)
            return render(request, "followups/pick_done.html", {**context, "chosen": followup})
    context.update(days=_slot_choices(offered, zone), error=error)
    return render(request, "followups/pick.html", context, status=422 if error else 200)


@require_GET
def calendar_feed(request: HttpRequest, secret: str) -> HttpResponse:
    user = calendar_token_user(secret)
    if user is None:
        return HttpResponse(
            "This calendar link was revoked or never existed.\n",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    since = timezone.now() - dt.timedelta(days=7)
    body = feed_ics(user_calendar(user, since), name=f"goodfit follow-ups ({user.get_username()})")
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=300"
    return response
