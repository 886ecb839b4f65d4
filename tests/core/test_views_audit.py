"""The team audit page: filters, CSV export, managers only."""

from __future__ import annotations

import csv
import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from goodfit.pipeline.services import deal_update, prospect_update

pytestmark = pytest.mark.django_db
URL = reverse("audit-list")


@pytest.fixture
def changes(owner, teammate, deal, prospect):
    with time_machine.travel(dt.datetime(2026, 3, 2, 12, tzinfo=dt.UTC)):
        deal_update(deal=deal, actor=owner, version=deal.version, amount=Decimal("9000"))
    with time_machine.travel(dt.datetime(2026, 3, 9, 12, tzinfo=dt.UTC)):
        prospect_update(prospect=prospect, actor=teammate, company="Diaz Bakery")


def fields(response):
    rows = response.context["rows"]
    return [(r.entry.actor.username, r.object_label, r.field) for r in rows if r.entry.actor]


def test_a_manager_sees_every_change_of_the_team(manager_client, owner, teammate, changes):
    response = manager_client.get(URL)
    assert response.status_code == 200
    found = fields(response)
    assert (owner.username, "Deal", "Amount") in found
    assert (teammate.username, "Prospect", "Company") in found


@pytest.mark.parametrize(
    ("params", "who"),
    [
        ({"object_type": "pipeline.prospect"}, "teammate"),
        ({"object_type": "pipeline.deal"}, "owner"),
        ({"date_from": "2026-03-05"}, "teammate"),
        ({"date_to": "2026-03-05"}, "owner"),
    ],
)
def test_filters_narrow_the_log(manager_client, owner, teammate, changes, params, who):
    user = {"owner": owner, "teammate": teammate}[who]
    found = {actor for actor, _, _ in fields(manager_client.get(URL, params))}
    assert found == {user.username}


def test_the_user_filter_keeps_one_persons_changes(manager_client, teammate, changes):
    found = fields(manager_client.get(URL, {"actor": teammate.pk}))
    assert found and {actor for actor, _, _ in found} == {teammate.username}


def test_a_reversed_date_range_is_refused_next_to_the_field(manager_client, changes):
    response = manager_client.get(URL, {"date_from": "2026-03-09", "date_to": "2026-03-01"})
    assert response.status_code == 200
    assert "“To” must be on or after “From”" in response.content.decode()
    assert "date_to" in response.context["filter_form"].errors


def test_an_unknown_user_or_object_is_refused_not_a_500(manager_client, changes):
    response = manager_client.get(URL, {"actor": "999999", "object_type": "nope.nothing"})
    assert response.status_code == 200
    errors = response.context["filter_form"].errors
    assert "actor" in errors and "object_type" in errors


def test_csv_export_has_one_line_per_changed_field_with_the_filters(manager_client, owner, changes):
    response = manager_client.get(URL, {"format": "csv", "object_type": "pipeline.deal"})
    assert response["Content-Type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert lines[0][:3] == ["When", "Who", "Action"]
    amount = next(line for line in lines[1:] if line[6] == "Amount")
    assert amount[3] == "Deal" and amount[7] == "12000" and amount[8] == "9000"
    assert all(line[3] == "Deal" for line in lines[1:])


def test_a_rep_gets_404_on_the_team_audit_page(owner_client, changes):
    assert owner_client.get(URL).status_code == 404
    assert owner_client.get(URL, {"format": "csv"}).status_code == 404


def test_an_outsider_manager_sees_none_of_another_teams_changes(client, other_team, deal, changes):
    from tests.factories import MembershipFactory

    boss = MembershipFactory(team=other_team, role="manager").user
    client.force_login(boss)
    response = client.get(URL)
    assert response.status_code == 200
    seen = {(r.entry.object_type, r.entry.object_id) for r in response.context["rows"]}
    assert ("pipeline.deal", str(deal.pk)) not in seen
    assert all(r.entry.team_id == other_team.pk for r in response.context["rows"])
