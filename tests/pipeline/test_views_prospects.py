import datetime as dt

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Prospect
from tests.factories import DealFactory, MembershipFactory, ProspectFactory

VALID = {
    "kind": "person",
    "name": "Priya Patel",
    "company": "Patel Bakery",
    "email": "priya@example.com",
    "phone": "+1 555 0100",
    "segment": "SMB",
    "source": "referral",
    "time_zone": "America/Chicago",
    "preferred_channel": "call",
    "contact_start": "10:00",
    "contact_end": "16:00",
}


# List


def test_list_shows_team_prospects_with_their_deal_counts(owner_client, team, deal, prospect):
    ProspectFactory(team=team, name="Zed Zimmer", do_not_contact=True)
    response = owner_client.get(reverse("prospect-list"))
    assert response.status_code == 200
    rows = {p.name: p for p in response.context["prospects"]}
    assert rows["Dana Diaz"].deal_count == 1
    assert rows["Zed Zimmer"].deal_count == 0
    assert "Do not contact" in response.content.decode()


def test_list_hides_other_teams_prospects(owner_client, other_team):
    ProspectFactory(team=other_team, name="Foreign Fiona")
    response = owner_client.get(reverse("prospect-list"))
    assert "Foreign Fiona" not in response.content.decode()


def test_list_searches_name_company_and_email(owner_client, team):
    ProspectFactory(team=team, name="Ann Able", company="Acme")
    ProspectFactory(team=team, name="Ben Bold", email="ben@boldworks.example")
    ProspectFactory(team=team, name="Cy Calm")
    for query, expected in [("acme", "Ann Able"), ("boldworks", "Ben Bold"), ("cy c", "Cy Calm")]:
        response = owner_client.get(reverse("prospect-list"), {"q": query})
        assert [p.name for p in response.context["prospects"]] == [expected]


def test_list_filters_by_segment_and_source(owner_client, team):
    ProspectFactory(team=team, name="Ann", segment="SMB", source="referral")
    ProspectFactory(team=team, name="Ben", segment="SMB", source="web form")
    ProspectFactory(team=team, name="Cy", segment="Enterprise", source="referral")
    response = owner_client.get(reverse("prospect-list"), {"segment": "SMB", "source": "referral"})
    assert [p.name for p in response.context["prospects"]] == ["Ann"]


def test_list_ignores_an_unknown_segment_but_keeps_the_search(owner_client, team):
    ProspectFactory(team=team, name="Ann")
    ProspectFactory(team=team, name="Ben")
    response = owner_client.get(reverse("prospect-list"), {"segment": "Nope", "q": "Ann"})
    assert response.status_code == 200
    assert [p.name for p in response.context["prospects"]] == ["Ann"]


def test_list_is_paginated(owner_client, team, settings):
    settings.PAGE_SIZE = 3
    for n in range(7):
        ProspectFactory(team=team, name=f"P{n}")
    first = owner_client.get(reverse("prospect-list"))
    last = owner_client.get(reverse("prospect-list"), {"page": 3})
    assert len(first.context["prospects"]) == 3
    assert [p.name for p in last.context["prospects"]] == ["P6"]
    assert "Page 1 of 3" in first.content.decode()
    # A bad page number shows a page, never an error.
    assert owner_client.get(reverse("prospect-list"), {"page": "x"}).status_code == 200


def test_list_query_count_does_not_grow_with_prospects(
    owner_client, team, owner, offering, django_assert_max_num_queries
):
    for n in range(30):
        DealFactory(team=team, owner=owner, offering=offering, prospect__name=f"P{n}")
    with django_assert_max_num_queries(10):
        owner_client.get(reverse("prospect-list"))


def test_list_counts_only_own_deals_when_reps_see_only_their_own(
    owner_client, team, owner, teammate, prospect, offering
):
    team.reps_see_own_deals_only = True
    team.save()
    DealFactory(team=team, owner=owner, prospect=prospect, offering=offering)
    DealFactory(team=team, owner=teammate, prospect=prospect, offering=offering)
    response = owner_client.get(reverse("prospect-list"))
    assert response.context["prospects"][0].deal_count == 1


def test_list_needs_a_login(client):
    response = client.get(reverse("prospect-list"))
    assert response.status_code == 302 and "/login/" in response["Location"]


# Detail


def test_detail_shows_contact_details_and_deals_with_a_new_deal_link(owner_client, deal, prospect):
    response = owner_client.get(reverse("prospect-detail", args=[prospect.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert prospect.email in body and prospect.time_zone in body
    assert reverse("deal-detail", args=[deal.pk]) in body
    assert f"{reverse('deal-new')}?prospect={prospect.pk}" in body


def test_detail_warns_about_do_not_contact(owner_client, team):
    quiet = ProspectFactory(team=team, do_not_contact=True)
    body = owner_client.get(reverse("prospect-detail", args=[quiet.pk])).content.decode()
    assert "asked not to be contacted" in body


def test_detail_shows_only_own_deals_when_reps_are_restricted(
    owner_client, team, teammate, prospect, offering
):
    team.reps_see_own_deals_only = True
    team.save()
    other = DealFactory(team=team, owner=teammate, prospect=prospect, offering=offering)
    body = owner_client.get(reverse("prospect-detail", args=[prospect.pk])).content.decode()
    assert other.title not in body


# Create


def test_create_adds_the_prospect_and_opens_its_page(owner_client, team):
    response = owner_client.post(reverse("prospect-new"), VALID)
    prospect = Prospect.objects.get(name="Priya Patel")
    assert response.status_code == 302
    assert response["Location"] == reverse("prospect-detail", args=[prospect.pk])
    assert prospect.team == team and prospect.time_zone == "America/Chicago"
    assert AuditEntry.objects.filter(object_type="pipeline.prospect", action="create").exists()


def test_create_form_suggests_existing_sources_and_defaults_to_team_time_zone(
    owner_client, team, prospect
):
    response = owner_client.get(reverse("prospect-new"))
    body = response.content.decode()
    assert '<datalist id="source-options"><option value="web form">' in body
    assert response.context["form"]["time_zone"].value() == team.time_zone


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"contact_start": "17:00", "contact_end": "09:00"}, "contact_end"),
        ({"contact_start": "09:00", "contact_end": "09:00"}, "contact_end"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"segment": "s" * 81}, "segment"),
        ({"email": "not-an-email"}, "email"),
        ({"kind": "robot"}, "kind"),
        ({"preferred_channel": "pigeon"}, "preferred_channel"),
        ({"contact_start": "25:00"}, "contact_start"),
    ],
)
def test_create_rejects_bad_input_on_the_field_and_writes_nothing(owner_client, changes, field):
    audit_count = AuditEntry.objects.count()
    response = owner_client.post(reverse("prospect-new"), {**VALID, **changes})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Prospect.objects.exists()
    assert AuditEntry.objects.count() == audit_count


def test_create_explains_an_unknown_time_zone(owner_client):
    response = owner_client.post(reverse("prospect-new"), {**VALID, "time_zone": "Mars/Olympus"})
    assert "is not a known time zone" in response.content.decode()


# Edit


def test_edit_changes_the_prospect_and_records_the_change(owner_client, prospect):
    url = reverse("prospect-edit", args=[prospect.pk])
    form = owner_client.get(url).context["form"]
    assert form["name"].value() == "Dana Diaz"
    response = owner_client.post(url, {**VALID, "name": "Dana Diaz-Ortiz", "do_not_contact": "on"})
    prospect.refresh_from_db()
    assert response.status_code == 302
    assert prospect.name == "Dana Diaz-Ortiz" and prospect.do_not_contact
    entry = AuditEntry.objects.get(object_type="pipeline.prospect", action="update")
    assert entry.changes["name"] == ["Dana Diaz", "Dana Diaz-Ortiz"]


def test_edit_with_bad_input_keeps_the_stored_values(owner_client, prospect):
    url = reverse("prospect-edit", args=[prospect.pk])
    response = owner_client.post(url, {**VALID, "time_zone": "Nowhere/Land"})
    prospect.refresh_from_db()
    assert "time_zone" in response.context["form"].errors
    assert prospect.time_zone == "Europe/Lisbon" and prospect.name == "Dana Diaz"


# Who may see what


def test_a_teammate_can_open_and_edit_the_teams_prospects(team, prospect):
    client = Client()
    client.force_login(MembershipFactory(team=team).user)
    assert client.get(reverse("prospect-detail", args=[prospect.pk])).status_code == 200
    assert client.get(reverse("prospect-edit", args=[prospect.pk])).status_code == 200


def test_outsider_gets_404_for_another_teams_prospect_page(outsider_client, prospect):
    assert outsider_client.get(reverse("prospect-detail", args=[prospect.pk])).status_code == 404


def test_outsider_gets_404_editing_another_teams_prospect(outsider_client, prospect):
    url = reverse("prospect-edit", args=[prospect.pk])
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, VALID).status_code == 404
    prospect.refresh_from_db()
    assert prospect.name == "Dana Diaz"


def test_outsider_sees_only_their_own_team_in_the_list(outsider_client, prospect):
    response = outsider_client.get(reverse("prospect-list"))
    assert response.status_code == 200
    assert "Dana Diaz" not in response.content.decode()


def test_a_user_without_a_team_gets_404(db, django_user_model):
    client = Client()
    client.force_login(django_user_model.objects.create_user("drifter", password="x"))
    assert client.get(reverse("prospect-list")).status_code == 404
    assert client.get(reverse("prospect-new")).status_code == 404


def test_detail_shows_the_prospects_own_clock_and_contact_hours(owner_client, team):
    tokyo = ProspectFactory(team=team, time_zone="Asia/Tokyo")
    url = reverse("prospect-detail", args=[tokyo.pk])
    # 01:30 UTC is 10:30 in Tokyo, inside the default 09:00–18:00.
    with time_machine.travel(dt.datetime(2026, 3, 4, 1, 30, tzinfo=dt.UTC), tick=False):
        response = owner_client.get(url)
    body = response.content.decode()
    assert "10:30" in body and "In contact hours" in body
    with time_machine.travel(dt.datetime(2026, 3, 4, 12, 0, tzinfo=dt.UTC), tick=False):
        body = owner_client.get(url).content.decode()
    assert "21:00" in body and "Outside contact hours" in body


def test_a_mistyped_time_zone_gets_a_suggestion(owner_client):
    response = owner_client.post(reverse("prospect-new"), {**VALID, "time_zone": "America/Chicgo"})
    assert "Did you mean America/Chicago?" in response.context["form"].errors["time_zone"]
