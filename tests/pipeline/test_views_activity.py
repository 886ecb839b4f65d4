"""The composer (interactions and notes), the timeline and cancellations on the deal page."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from goodfit.pipeline.models import Cancellation, Deal, Interaction, Note, Outcome

HTMX = {"HX-Request": "true"}


def interaction_data(**overrides):
    data = {
        "direction": "out",
        "channel": "call",
        "occurred_at": "2024-03-01T10:00",
        "summary": "Walked through the budget",
        "text": "",
    }
    data.update(overrides)
    return data


def test_deal_page_defaults_the_interaction_time_to_now_in_the_viewers_zone(
    owner_client, owner, deal
):
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    html = response.content.decode()
    assert 'type="datetime-local"' in html
    local_now = timezone.now().astimezone(zoneinfo.ZoneInfo(owner.membership.time_zone))
    assert f'value="{local_now:%Y-%m-%dT%H:}' in html


def test_log_an_interaction_without_javascript(owner_client, owner, deal):
    response = owner_client.post(
        reverse("deal-interaction-new", args=[deal.pk]), interaction_data(text="We talked money")
    )
    assert response.status_code == 302 and response.url == reverse("deal-detail", args=[deal.pk])
    interaction = Interaction.objects.get(deal=deal)
    assert interaction.channel == "call" and interaction.direction == "out"
    assert interaction.logged_by == owner and interaction.word_count == 3


def test_interaction_time_is_read_in_the_viewers_time_zone(owner_client, owner, deal):
    owner.membership.time_zone = "Asia/Tokyo"
    owner.membership.save()
    owner_client.post(
        reverse("deal-interaction-new", args=[deal.pk]),
        interaction_data(occurred_at="2024-05-01T21:00"),
    )
    occurred = Interaction.objects.get(deal=deal).occurred_at
    assert occurred == dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


def test_log_an_interaction_with_htmx_returns_the_updated_activity_panel(owner_client, deal):
    response = owner_client.post(
        reverse("deal-interaction-new", args=[deal.pk]), interaction_data(), headers=HTMX
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="activity"' in html and "<html" not in html
    assert "Walked through the budget" in html and "Outbound call" in html
    assert "Interaction logged." in html
    # The form comes back empty, ready for the next one.
    assert response.context["composer"].is_bound is False


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"summary": "", "text": ""}, "summary"),
        ({"direction": "sideways"}, "direction"),
        ({"channel": "pigeon"}, "channel"),
        ({"occurred_at": "yesterday-ish"}, "occurred_at"),
        ({"occurred_at": "2099-01-01T10:00"}, "occurred_at"),
        ({"occurred_at": "1999-01-01T10:00"}, "occurred_at"),
        ({"summary": "x" * 301}, "summary"),
    ],
)
def test_log_an_interaction_rejects_bad_input_and_writes_nothing(
    owner_client, deal, overrides, field
):
    url = reverse("deal-interaction-new", args=[deal.pk])
    for headers in ({}, HTMX):
        response = owner_client.post(url, interaction_data(**overrides), headers=headers)
        assert response.status_code == 200
        assert field in response.context["composer"].errors
        assert 'class="field-error"' in response.content.decode()
    assert not Interaction.objects.exists()


def test_add_a_note_with_htmx(owner_client, owner, deal):
    response = owner_client.post(
        reverse("deal-note-new", args=[deal.pk]), {"body": "Prefers mornings"}, headers=HTMX
    )
    assert response.status_code == 200
    assert "Prefers mornings" in response.content.decode()
    assert Note.objects.get(deal=deal).author == owner


def test_add_a_note_without_javascript(owner_client, deal):
    response = owner_client.post(reverse("deal-note-new", args=[deal.pk]), {"body": "Call back"})
    assert response.status_code == 302
    assert Note.objects.filter(deal=deal, body="Call back").exists()


@pytest.mark.parametrize("body", ["", "   ", "x" * 10001])
def test_add_a_note_rejects_empty_or_overlong_text(owner_client, deal, body):
    response = owner_client.post(reverse("deal-note-new", args=[deal.pk]), {"body": body})
    assert response.status_code == 200
    assert "text" in response.context["composer"].errors
    assert not Note.objects.exists()


def test_timeline_lists_events_newest_first(owner_client, owner, deal):
    url = reverse("deal-compose", args=[deal.pk])
    owner_client.post(url, interaction_data(summary="Budget talk", occurred_at="2024-03-02T10:00"))
    owner_client.post(url, interaction_data(summary="Intro talk", occurred_at="2024-03-01T10:00"))
    owner_client.post(url, {"channel": "note", "text": "Latest note"})
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    timeline = html[html.index('id="timeline-card"') :]
    assert timeline.index("Latest note") < timeline.index("Budget talk") < timeline.index("Intro")


def test_the_composer_defaults_to_the_prospects_preferred_channel(owner_client, deal):
    deal.prospect.preferred_channel = "meeting"
    deal.prospect.save()
    response = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    assert response.context["composer"]["channel"].value() == "meeting"
    assert re.search(r'value="meeting"[^>]*checked', response.content.decode())


def test_a_note_from_the_composer_needs_no_direction_or_time(owner_client, owner, deal):
    data = {"channel": "note", "text": "Budget is signed off", "direction": "", "occurred_at": ""}
    response = owner_client.post(reverse("deal-compose", args=[deal.pk]), data, headers=HTMX)
    assert response.status_code == 200 and "Note added." in response.content.decode()
    assert Note.objects.get(deal=deal).body == "Budget is signed off"
    assert not Interaction.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"channel": "note", "text": " "}, "text"),
        ({"channel": "note", "text": "x" * 10001}, "text"),
        ({"channel": "call", "direction": "", "occurred_at": "2024-03-01T10:00"}, "direction"),
        ({"channel": "call", "direction": "in", "occurred_at": ""}, "occurred_at"),
        ({"channel": "", "text": "hello"}, "channel"),
    ],
)
def test_the_composer_names_the_field_it_refuses(owner_client, deal, data, field):
    response = owner_client.post(reverse("deal-compose", args=[deal.pk]), data, headers=HTMX)
    assert response.status_code == 200
    assert field in response.context["composer"].errors
    assert 'class="field-error"' in response.content.decode()
    assert not Interaction.objects.exists() and not Note.objects.exists()


@pytest.mark.parametrize(
    ("kind", "shown", "hidden"), [("note", "A note", "A call"), ("interaction", "A call", "A note")]
)
def test_the_timeline_filters_by_kind_by_url_and_by_htmx(owner_client, deal, kind, shown, hidden):
    url = reverse("deal-compose", args=[deal.pk])
    owner_client.post(url, interaction_data(summary="A call"))
    owner_client.post(url, {"channel": "note", "text": "A note"})
    page = owner_client.get(reverse("deal-detail", args=[deal.pk]), {"kind": kind})
    timeline = page.content.decode().split('id="timeline-card"')[1].split("</section>")[0]
    assert shown in timeline and hidden not in timeline
    fragment = owner_client.get(
        reverse("deal-detail", args=[deal.pk]),
        {"kind": kind},
        headers={**HTMX, "HX-Target": "timeline-card"},
    ).content.decode()
    assert "<html" not in fragment and shown in fragment and hidden not in fragment


def won(team, deal):
    Deal.objects.filter(pk=deal.pk).update(
        stage=team.stages.get(outcome=Outcome.WON), closed_at=timezone.now() - dt.timedelta(days=3)
    )


def test_record_a_cancellation_of_a_won_deal(owner_client, team, deal):
    won(team, deal)
    today = timezone.localdate().isoformat()
    response = owner_client.post(
        reverse("deal-cancel", args=[deal.pk]), {"cancelled_on": today, "reason": "Budget cut"}
    )
    assert response.status_code == 302
    assert Cancellation.objects.get(deal=deal).reason == "Budget cut"
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "Cancelled by the customer" in html and "Budget cut" in html


def test_cancellation_of_an_open_deal_is_refused_with_a_message(owner_client, deal):
    response = owner_client.post(
        reverse("deal-cancel", args=[deal.pk]),
        {"cancelled_on": timezone.localdate().isoformat(), "reason": "Changed mind"},
    )
    assert response.status_code == 200
    assert "Only a won deal can be cancelled." in response.content.decode()
    assert not Cancellation.objects.exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"cancelled_on": "not a date", "reason": "x"}, "cancelled_on"),
        ({"cancelled_on": "2001-01-01", "reason": "x"}, "cancelled_on"),
        ({"cancelled_on": "2024-01-01", "reason": ""}, "reason"),
    ],
)
def test_cancellation_rejects_bad_input(owner_client, team, deal, data, field):
    won(team, deal)
    response = owner_client.post(reverse("deal-cancel", args=[deal.pk]), data)
    assert response.status_code == 200
    assert field in response.context["cancel_form"].errors
    assert not Cancellation.objects.exists()


@pytest.mark.parametrize(
    "name", ["deal-interaction-new", "deal-note-new", "deal-cancel", "deal-compose"]
)
def test_outsider_gets_404_on_deal_activity(outsider_client, deal, name):
    data = {**interaction_data(), "body": "hi", "cancelled_on": "2024-01-01", "reason": "x"}
    assert outsider_client.post(reverse(name, args=[deal.pk]), data).status_code == 404
    assert not Interaction.objects.exists() and not Note.objects.exists()


@pytest.mark.parametrize("name", ["deal-interaction-new", "deal-note-new", "deal-cancel"])
def test_restricted_rep_gets_404_on_a_teammates_deal_activity(client, team, teammate, deal, name):
    team.reps_see_own_deals_only = True
    team.save()
    client.force_login(teammate)
    assert client.post(reverse(name, args=[deal.pk]), {"body": "hi"}).status_code == 404


@pytest.mark.parametrize("name", ["deal-interaction-new", "deal-note-new", "deal-cancel"])
def test_activity_endpoints_only_accept_post(owner_client, deal, name):
    assert owner_client.get(reverse(name, args=[deal.pk])).status_code == 405
