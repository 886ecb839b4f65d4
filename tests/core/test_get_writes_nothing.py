"""Reads never write: every URL of the project, asked with GET by a manager and by a rep on
the demo data, leaves every table as it was (its row count and its highest id), and answers
without a server error.

Path parameters are filled with real ids of the demo team's objects that the person can
see, so each page does its real work; deal pages are asked for an open deal, an open deal
whose stored scores were removed (the page must compute the score without storing it),
and closed deals of each outcome. No table is left out: sessions are written at login,
before looking, and nothing else may change.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from goodfit.core.models import Membership
from goodfit.core.services import token_create
from goodfit.debriefs.models import Debrief, KeepInTouch, PressurePattern, Referral
from goodfit.debriefs.services.pressure import pressure_pattern_switch
from goodfit.debriefs.settings_read import pressure_rules
from goodfit.demo.load import TEAM_NAME, demo_load
from goodfit.fit.models import Alternative
from goodfit.fit.selectors import current_version
from goodfit.followups.models import FollowUp, LadderStep, MessageTemplate
from goodfit.followups.services import calendar_token_create, pick_link_create
from goodfit.money.models import Concession, InteractionFlag, Quote, WorthScore
from goodfit.pipeline.access import deals_visible_to, prospects_visible_to
from goodfit.pipeline.models import Interaction, Note, Offering, Outcome

pytestmark = pytest.mark.django_db

PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>[^)]*\)")
# What ``pk`` names, by the start of the route (it is a different object on each page).
PK_BY_ROUTE = [
    ("deals/<int:pk>", "deal"),
    ("prospects/<int:pk>", "prospect"),
    ("settings/offerings/<int:pk>", "offering"),
    ("settings/stages/<int:pk>", "stage"),
    ("settings/members/<int:pk>", "member"),
    ("settings/followups/rungs/<int:pk>", "step"),
    ("settings/followups/templates/<int:pk>", "template"),
    ("settings/pressure/<int:pk>", "pattern"),
    ("fit/settings/alternatives/<int:pk>", "alternative"),
    ("today/<int:pk>", "followup"),
    ("debriefs/<int:pk>", "debrief"),
    ("debriefs/check-ins/<int:pk>", "keep_in_touch"),
]
NAMED = {
    "deal_id": "deal", "offering_id": "offering", "prospect_id": "prospect",
    "interaction_id": "interaction", "note_id": "note", "concession_id": "concession",
    "quote_id": "quote", "followup_id": "followup", "referral_id": "referral",
    "flag_id": "flag", "user_id": "rep_user", "token": "token", "secret": "secret",
    "fmt": "fmt", "app_label": "app_label", "url": "url", "object_id": "object_id",
    "content_type_id": "content_type_id", "id": "user", "key": "key",
}  # fmt: skip
# A few pages answer a query with more work than without one.
QUERIES = {"search/": "?q=Dana", "search/suggest/": "?q=Da", "deals/": "?sort=-amount"}
DEAL_OUTCOMES = [Outcome.WON, Outcome.LOST, Outcome.WALKED_AWAY, Outcome.NOT_A_FIT]


def routes(patterns: list[Any], prefix: str = "") -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def all_routes() -> list[str]:
    """Every route of ``goodfit.urls``, once (the API has one route per method)."""
    return list(dict.fromkeys(routes(get_resolver().url_patterns)))


def is_deal_route(route: str) -> bool:
    return "deals/<int:pk>" in route or "<deal_id>" in route or "<int:flag_id>" in route


def url_for(route: str, values: dict[str, Any]) -> str:
    def fill(match: re.Match[str]) -> str:
        name = match.group(1) or match.group(2)
        if name == "pk":
            kind = next(kind for start, kind in PK_BY_ROUTE if route.startswith(start))
        else:
            kind = NAMED[name]
        return str(values[kind])

    path = PARAM.sub(fill, route.replace("^", "").replace("$", ""))
    return "/" + path + QUERIES.get(path, "")


def has_number_id(columns: list[Any]) -> bool:
    """An ``id`` column of numbers (a task result's id is a UUID: its count says enough)."""
    column = next((c for c in columns if c.name == "id"), None)
    if column is None:
        return False
    try:
        kind = connection.introspection.get_field_type(column.type_code, column)
    except KeyError:
        return False
    return "Integer" in kind or "AutoField" in kind


def state_query() -> str:
    """One query for the row count and highest id of every table (tables without a model
    too); the ``id`` columns are looked up once, as that is slow on SQLite."""
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            highest = "MAX(id)" if has_number_id(columns) else "NULL"
            quoted = connection.ops.quote_name(table)
            parts.append(f"SELECT '{table}', COUNT(*), {highest} FROM {quoted}")
    return " UNION ALL ".join(parts)


def table_state(query: str) -> dict[str, tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(query)
        return {table: (count, highest) for table, count, highest in cursor.fetchall()}


def first_pk(queryset: Any) -> int:
    """The first id of ``queryset``, or 0 (a page then answers 404, still a read)."""
    row = queryset.order_by("pk").values_list("pk", flat=True).first()
    return row or 0


def deal_samples(user: Any) -> list[Any]:
    """Deals the user can see: open (with, and without, a stored score) and closed ones."""
    visible = deals_visible_to(user).select_related("prospect").order_by("pk")
    open_deals = visible.filter(stage__outcome=Outcome.OPEN, prospect__do_not_contact=False)
    chosen = list(open_deals[:2])
    chosen += [d for d in (visible.filter(stage__outcome=o).first() for o in DEAL_OUTCOMES) if d]
    # No stored score: the pages compute one in memory and must not store it.
    WorthScore.objects.filter(deal=chosen[1]).delete()
    return chosen


def common_values(user: Any) -> dict[str, Any]:
    """Ids of everything but the deal, of the user's team and visible to them."""
    team = user.membership.team
    deals = deals_visible_to(user)
    offering = Offering.objects.filter(team=team, playbook__isnull=False).order_by("pk").first()
    version = current_version(offering) if offering else None
    builtin = next((r.key for r in pressure_rules(team) if r.builtin), "none")
    rep = Membership.objects.filter(team=team, role="rep").order_by("pk").first()
    return {
        "prospect": first_pk(prospects_visible_to(user)),
        "offering": offering.pk if offering else 0,
        "question": version.definition["questions"][0]["key"] if version else "none",
        "stage": first_pk(team.stages.all()),
        "member": rep.pk if rep else 0,
        "rep_user": user.pk if user.membership.role == "rep" else (rep.user_id if rep else 0),
        "step": first_pk(LadderStep.objects.filter(ladder__team=team)),
        "template": first_pk(MessageTemplate.objects.filter(team=team)),
        "pattern": first_pk(PressurePattern.objects.filter(team=team)),
        "builtin": builtin,
        "alternative": first_pk(Alternative.objects.filter(team=team)),
        "followup": first_pk(FollowUp.objects.filter(assignee=user))
        or first_pk(FollowUp.objects.filter(deal__in=deals)),
        "debrief": first_pk(Debrief.objects.filter(deal__in=deals)),
        "keep_in_touch": first_pk(KeepInTouch.objects.filter(deal__in=deals)),
        "referral": first_pk(Referral.objects.filter(team=team)),
        "interaction": first_pk(Interaction.objects.filter(deal__in=deals)),
        "note": first_pk(Note.objects.filter(deal__in=deals)),
        "concession": first_pk(Concession.objects.filter(deal__in=deals)),
        "quote": first_pk(Quote.objects.filter(deal__in=deals)),
        "fmt": "yaml",
        "user": user.pk,
        "app_label": "money",
        "url": "nowhere/",
        "object_id": first_pk(deals),
        "content_type_id": ContentType.objects.get_for_model(Interaction).pk,
    }


def fill_key(route: str, values: dict[str, Any]) -> dict[str, Any]:
    """``key`` is a playbook question's key on fit pages and a pattern's on pressure ones."""
    key = values["builtin"] if route.startswith("settings/pressure") else values["question"]
    return {**values, "key": key}


def walk(
    client: Client, url: str, headers: dict[str, str], on_commit: Any, query: str
) -> tuple[int, str]:
    """GET one URL: its status, and a problem as text ("" when it answered and wrote
    nothing). What the request would run after its transaction commits runs too."""
    before = table_state(query)
    try:
        with on_commit(execute=True):
            response = client.get(url, **headers)
    except Exception as error:  # the test client re-raises a view's exception
        return 500, f"{url}: raised {error!r}"
    after = table_state(query)
    changed = {t: (before.get(t), after.get(t)) for t in after if before.get(t) != after[t]}
    status = response.status_code
    if status >= 500:
        return status, f"{url}: answered {status}"
    return status, f"{url}: wrote {changed}" if changed else ""


@pytest.mark.parametrize("username", ["maria", "olivia"])
def test_every_get_writes_nothing(username, django_capture_on_commit_callbacks):
    team = demo_load(deals=40)
    assert team.name == TEAM_NAME
    user = team.memberships.get(user__username=username).user
    # Everything a login or a secret link writes, written before looking.
    client = Client()
    client.force_login(user)
    _, raw = token_create(user=user, name="walk")
    api = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}
    samples = deal_samples(user)
    # The demo has no pattern of the team's own: switching a default off makes one.
    builtin = next(r.key for r in pressure_rules(team) if r.builtin)
    pressure_pattern_switch(team=team, actor=user, key=builtin, active=False)
    values = common_values(user)
    values["token"] = pick_link_create(deal=samples[0], actor=user)
    values["secret"] = calendar_token_create(user=user)[1]
    statuses, problems, query = {}, [], state_query()
    for route in all_routes():
        headers = api if route.startswith("api/") else {}
        for deal in samples if is_deal_route(route) else samples[:1]:
            flag = InteractionFlag.objects.filter(interaction__deal=deal).first()
            filled = fill_key(route, {**values, "deal": deal.pk, "flag": flag.pk if flag else 0})
            url = url_for(route, filled)
            status, problem = walk(client, url, headers, django_capture_on_commit_callbacks, query)
            statuses[url] = status
            problems += [problem] if problem else []
    assert problems == []
    # The ids were real: the pages did their work rather than answer 404.
    shown = [f"/deals/{d.pk}/" for d in samples] + [f"/api/v1/deals/{d.pk}/worth" for d in samples]
    shown += [f"/followups/pick/{values['token']}/", f"/followups/calendar/{values['secret']}.ics"]
    assert {url: statuses[url] for url in shown} == dict.fromkeys(shown, 200)


def test_the_walk_sees_a_write_made_after_commit(client, team):
    """The walk would notice a GET that writes, even one that writes after its commit."""

    @contextlib.contextmanager
    def writes_on_commit(execute: bool) -> Iterator[None]:
        yield
        Offering.objects.create(team=team, name="Written by a read", price=1, cost_to_serve=0)

    query = state_query()
    assert f"MAX(id) FROM {connection.ops.quote_name('pipeline_offering')}" in query
    status, problem = walk(client, "/healthz", {}, writes_on_commit, query)
    assert status == 200
    assert problem.startswith("/healthz: wrote {") and "pipeline_offering" in problem
