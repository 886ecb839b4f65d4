"""Interactions and notes on a deal, through the API."""

import datetime as dt

import pytest
from django.utils import timezone

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Interaction, Note
from goodfit.pipeline.services import note_add
from tests.factories import InteractionFactory

JSON = "application/json"


def errors_by_field(response) -> dict[str, str]:
    return {e["field"]: e["message"] for e in response.json()["detail"]}


def an_hour_ago() -> str:
    return (timezone.now() - dt.timedelta(hours=1)).isoformat()


@pytest.fixture
def call(deal):
    return InteractionFactory(deal=deal, summary="Discussed the budget", word_count=3)


def test_logging_a_call_counts_its_words_and_is_audited(client, owner_api, deal, owner):
    response = client.post(
        f"/api/v1/deals/{deal.pk}/interactions",
        {
            "direction": "in",
            "channel": "call",
            "occurred_at": an_hour_ago(),
            "summary": "Asked about terms",
            "text": "Can we spread the payments over twelve months?",
        },
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["deal"] == deal.pk and body["word_count"] == 8
    assert body["logged_by"]["id"] == owner.pk
    assert AuditEntry.objects.filter(object_type="pipeline.interaction", action="create").exists()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"occurred_at": "2025-01-01T10:00:00"}, "occurred_at"),  # no UTC offset
        ({"occurred_at": "2999-01-01T10:00:00Z"}, "occurred_at"),
        ({"occurred_at": "1999-12-31T10:00:00Z"}, "occurred_at"),
        ({"occurred_at": "yesterday"}, "occurred_at"),
        ({"direction": "sideways"}, "direction"),
        ({"channel": "fax"}, "channel"),
        ({"summary": "", "text": " "}, "summary"),
        ({"summary": "s" * 301}, "summary"),
        ({"text": "t" * 20001}, "text"),
    ],
)
def test_bad_interactions_are_422_naming_the_field_and_write_nothing(
    client, owner_api, deal, change, field
):
    body = {"direction": "out", "channel": "email", "occurred_at": an_hour_ago(), "summary": "Hi"}
    response = client.post(
        f"/api/v1/deals/{deal.pk}/interactions",
        {**body, **change},
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 422, response.content
    assert field in errors_by_field(response)
    assert not Interaction.objects.exists()


def test_interactions_are_listed_oldest_first_and_paginated(client, owner_api, deal):
    now = timezone.now()
    for hours in (3, 1, 2):
        InteractionFactory(deal=deal, occurred_at=now - dt.timedelta(hours=hours))
    response = client.get(f"/api/v1/deals/{deal.pk}/interactions?page_size=2", **owner_api)
    body = response.json()
    assert body["count"] == 3 and len(body["items"]) == 2
    times = [item["occurred_at"] for item in body["items"]]
    assert times == sorted(times)


@pytest.mark.parametrize("size", [2, 25])
def test_listing_interactions_costs_the_same_queries_whatever_their_number(
    client, owner_api, deal, owner, django_assert_max_num_queries, size
):
    InteractionFactory.create_batch(size, deal=deal, logged_by=owner)
    with django_assert_max_num_queries(6):
        response = client.get(f"/api/v1/deals/{deal.pk}/interactions?page_size=200", **owner_api)
    assert response.json()["count"] == size


def test_an_interaction_is_read_corrected_and_deleted(client, owner_api, call):
    url = f"/api/v1/interactions/{call.pk}"
    assert client.get(url, **owner_api).json()["summary"] == "Discussed the budget"

    response = client.patch(
        url,
        {"channel": "meeting", "text": "We met in person and agreed the scope"},
        content_type=JSON,
        **owner_api,
    )
    assert response.status_code == 200, response.content
    call.refresh_from_db()
    assert call.channel == "meeting" and call.word_count == 8
    assert AuditEntry.objects.filter(object_type="pipeline.interaction", action="update").exists()

    assert client.delete(url, **owner_api).status_code == 204
    assert not Interaction.objects.exists()
    assert AuditEntry.objects.filter(object_type="pipeline.interaction", action="delete").exists()


def test_correcting_an_interaction_refuses_bad_values_and_changes_nothing(client, owner_api, call):
    url = f"/api/v1/interactions/{call.pk}"
    for body, field in [
        ({"occurred_at": "2999-01-01T00:00:00Z"}, "occurred_at"),
        ({"summary": ""}, "summary"),
        ({"channel": None}, "channel"),
        ({"deal": 5}, "deal"),
    ]:
        response = client.patch(url, body, content_type=JSON, **owner_api)
        assert response.status_code == 422, body
        assert field in errors_by_field(response)
    call.refresh_from_db()
    assert call.summary == "Discussed the budget" and call.channel == "call"


def test_notes_are_added_listed_read_and_deleted(client, owner_api, deal, owner):
    url = f"/api/v1/deals/{deal.pk}/notes"
    created = client.post(url, {"body": "  Wants a pilot first "}, content_type=JSON, **owner_api)
    assert created.status_code == 201, created.content
    note = created.json()
    assert note["body"] == "Wants a pilot first" and note["author"]["username"] == "olivia"

    listed = client.get(url, **owner_api).json()
    assert listed["count"] == 1 and listed["items"][0]["id"] == note["id"]
    assert client.get(f"/api/v1/notes/{note['id']}", **owner_api).status_code == 200

    assert client.delete(f"/api/v1/notes/{note['id']}", **owner_api).status_code == 204
    assert not Note.objects.exists()
    assert AuditEntry.objects.filter(object_type="pipeline.note", action="delete").exists()


@pytest.mark.parametrize("body", [{"body": ""}, {"body": "x" * 10001}, {"text": "hi"}, {}])
def test_bad_notes_are_422_and_write_nothing(client, owner_api, deal, body):
    response = client.post(f"/api/v1/deals/{deal.pk}/notes", body, content_type=JSON, **owner_api)
    assert response.status_code == 422
    assert response.json()["detail"]
    assert not Note.objects.exists()


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/deals/{deal}/interactions", None),
        ("post", "/deals/{deal}/interactions", {"direction": "in", "channel": "call"}),
        ("get", "/interactions/{interaction}", None),
        ("patch", "/interactions/{interaction}", {"summary": "Mine"}),
        ("delete", "/interactions/{interaction}", None),
        ("get", "/deals/{deal}/notes", None),
        ("post", "/deals/{deal}/notes", {"body": "Mine"}),
        ("get", "/notes/{note}", None),
        ("delete", "/notes/{note}", None),
    ],
)
def test_an_outsider_gets_404_on_every_interaction_and_note_endpoint(
    client, outsider_api, deal, owner, call, method, path, body
):
    note = note_add(deal=deal, actor=owner, body="Private")
    if body and "direction" in body:
        body["occurred_at"] = an_hour_ago()
        body["summary"] = "Sneaky"
    url = "/api/v1" + path.format(deal=deal.pk, interaction=call.pk, note=note.pk)
    caller = getattr(client, method)
    if body is None:
        response = caller(url, **outsider_api)
    else:
        response = caller(url, body, content_type=JSON, **outsider_api)
    assert response.status_code == 404
    assert Interaction.objects.count() == 1 and Note.objects.count() == 1
    call.refresh_from_db()
    assert call.summary == "Discussed the budget"
