"""Text longer than a field allows is refused with the limit named, never cut: on the
pages (plain and htmx) and in the API, for prospects, deals, interactions and notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django.utils import timezone

from goodfit.pipeline.models import Deal, Interaction, Note, Prospect

pytestmark = pytest.mark.django_db
JSON = "application/json"
HTMX = {"HX-Request": "true"}


@dataclass(frozen=True)
class Limit:
    field: str
    limit: int
    page_url: str
    api_url: str
    model: type

    def page_data(self, deal: Deal, text: str) -> dict[str, Any]:
        base: dict[str, Any] = {
            "name": {
                "kind": "person",
                "time_zone": "UTC",
                "preferred_channel": "email",
                "contact_start": "09:00",
                "contact_end": "17:00",
            },
            "title": {
                "prospect": deal.prospect_id,
                "offering": deal.offering_id,
                "owner": deal.owner_id,
                "amount": "100",
                "discount_pct": "0",
            },
            "summary": {
                "direction": "out",
                "channel": "call",
                "occurred_at": "2024-05-01T10:00",
            },
            "body": {},
        }[self.field]
        return {**base, self.field: text}

    def api_data(self, deal: Deal, text: str) -> dict[str, Any]:
        base: dict[str, Any] = {
            "name": {},
            "title": {"prospect": deal.prospect_id, "offering": deal.offering_id},
            "summary": {
                "direction": "out",
                "channel": "call",
                "occurred_at": (timezone.now() - dt.timedelta(hours=1)).isoformat(),
            },
            "body": {},
        }[self.field]
        return {**base, self.field: text}

    def saved(self, text: str) -> bool:
        return self.model.objects.filter(**{self.field: text}).exists()


LIMITS = [
    Limit("name", 200, "/prospects/new/", "/api/v1/prospects", Prospect),
    Limit("title", 200, "/deals/new/", "/api/v1/deals", Deal),
    Limit(
        "summary",
        300,
        "/deals/{deal}/interactions/new/",
        "/api/v1/deals/{deal}/interactions",
        Interaction,
    ),
    Limit("body", 10_000, "/deals/{deal}/notes/new/", "/api/v1/deals/{deal}/notes", Note),
]
IDS = ["prospect name", "deal title", "interaction summary", "note"]


def text_of(length: int) -> str:
    # Pasted text: one long unbroken word, the case a browser's maxlength cuts silently.
    return ("x" * length)[:length]


@pytest.mark.parametrize("limit", LIMITS, ids=IDS)
def test_the_page_refuses_one_character_too_many_and_names_the_limit(owner_client, deal, limit):
    too_long = text_of(limit.limit + 1)
    url = limit.page_url.format(deal=deal.pk)
    response = owner_client.post(url, limit.page_data(deal, too_long))
    assert response.status_code == 200  # the form again, with its errors
    html = response.content.decode()
    assert f"at most {limit.limit} characters (it has {limit.limit + 1})" in html
    assert too_long in html  # what was typed is kept, not cut
    assert not limit.saved(too_long) and not limit.saved(too_long[: limit.limit])


@pytest.mark.parametrize("limit", LIMITS, ids=IDS)
def test_exactly_the_limit_is_accepted_whole(owner_client, deal, limit):
    text = text_of(limit.limit)
    url = limit.page_url.format(deal=deal.pk)
    response = owner_client.post(url, limit.page_data(deal, text))
    assert response.status_code == 302, [
        f.errors
        for f in (response.context.get("form"), response.context.get("interaction_form"))
        if f is not None
    ]
    assert limit.saved(text)


@pytest.mark.parametrize("limit", [lm for lm in LIMITS if "{deal}" in lm.page_url], ids=IDS[2:])
def test_htmx_gets_the_limit_next_to_the_field(owner_client, deal, limit):
    too_long = text_of(limit.limit + 1)
    url = limit.page_url.format(deal=deal.pk)
    response = owner_client.post(url, limit.page_data(deal, too_long), headers=HTMX)
    html = response.content.decode()
    assert "<html" not in html and f"at most {limit.limit} characters" in html
    assert not limit.saved(too_long)


@pytest.mark.parametrize("limit", LIMITS, ids=IDS)
def test_the_api_refuses_one_character_too_many_and_names_the_limit(client, owner_api, deal, limit):
    too_long = text_of(limit.limit + 1)
    url = limit.api_url.format(deal=deal.pk)
    response = client.post(url, limit.api_data(deal, too_long), content_type=JSON, **owner_api)
    assert response.status_code == 422
    errors = response.json()["detail"]
    (error,) = [e for e in errors if e["field"] == limit.field] or errors
    assert f"{limit.limit:,}".replace(",", "") in error["message"].replace(",", "")
    assert "at most" in error["message"]
    assert not limit.saved(too_long) and not limit.saved(too_long[: limit.limit])
