"""The API as a contract: its OpenAPI document, its docs page, and no 500 for any input.

The fuzz tests post random JSON (random shapes, and the real field names with random
values) and random query strings; whatever arrives, the answer is a JSON error naming a
field, never a server error.
"""

import datetime as dt
import json
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from goodfit.pipeline.schemas.config import OfferingCreate, OfferingUpdate
from goodfit.pipeline.schemas.deals import DealCreate, DealMove, DealUpdate
from goodfit.pipeline.schemas.interactions import InteractionCreate, InteractionUpdate, NoteCreate
from goodfit.pipeline.schemas.prospects import ProspectCreate, ProspectUpdate

JSON = "application/json"

PATHS = [
    "/api/v1/me",
    "/api/v1/team",
    "/api/v1/members",
    "/api/v1/stages",
    "/api/v1/offerings",
    "/api/v1/offerings/{offering_id}",
    "/api/v1/prospects",
    "/api/v1/prospects/{prospect_id}",
    "/api/v1/deals",
    "/api/v1/deals/{deal_id}",
    "/api/v1/deals/{deal_id}/move",
    "/api/v1/deals/{deal_id}/stage-changes",
    "/api/v1/deals/{deal_id}/timeline",
    "/api/v1/deals/{deal_id}/cancellation",
    "/api/v1/deals/{deal_id}/interactions",
    "/api/v1/deals/{deal_id}/notes",
    "/api/v1/interactions/{interaction_id}",
    "/api/v1/notes/{note_id}",
]


def test_the_openapi_document_lists_every_endpoint_with_bearer_auth(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert set(PATHS) <= set(document["paths"])
    assert set(document["paths"]["/api/v1/deals/{deal_id}"]) == {"get", "patch", "delete"}
    schemes = document["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())
    assert {"DealCreate", "DealUpdate", "DealOut", "ProspectCreate", "ErrorOut"} <= set(
        document["components"]["schemas"]
    )


def test_the_openapi_document_states_the_limits_of_each_field(client, db):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    title = schemas["DealCreate"]["properties"]["title"]
    assert title["maxLength"] == 200 and title["minLength"] == 1
    patch = schemas["DealUpdate"]
    assert patch["required"] == ["version"]


def test_the_docs_page_loads_swagger_from_our_own_static_files(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn" not in html.lower()
    # The page keeps the site-wide policy: no inline script is needed.
    assert "unsafe-inline" not in response.headers["Content-Security-Policy"]


# ---- fuzzing -----------------------------------------------------------------------

FUZZ = settings(
    max_examples=60,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any text, including NUL, lone surrogates and other unprintables.
any_text = st.text(alphabet=st.characters(codec=None), max_size=40)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**40), max_value=10**40)
    | st.floats(allow_nan=True, allow_infinity=True)
    | any_text
    | st.sampled_from(["", "0", "-1", "1e400", "NaN", "2025-02-30", "24:00", "Europe/Lisbon"])
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(any_text, children, max_size=3)
    ),
    max_leaves=8,
)
# Values that look right, so a body gets past the schema into the services.
plausible = (
    st.integers(min_value=-3, max_value=50)
    | st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str)
    | st.dates().map(dt.date.isoformat)
    | st.datetimes(timezones=st.timezones()).map(dt.datetime.isoformat)
    | st.times().map(dt.time.isoformat)
    | st.sampled_from(["in", "out", "call", "email", "person", "company", "USD", "UTC"])
    | any_text
)


def assert_not_a_server_error(response) -> None:
    assert response.status_code < 500, response.content[:500]
    if response.status_code >= 400:
        for error in response.json()["detail"]:
            assert isinstance(error["field"], str) and isinstance(error["message"], str)


@st.composite
def near_valid(draw, valid: dict, fields: list[str]) -> dict:
    """A valid body with a field or two replaced by anything, or left out."""
    body = dict(valid)
    for name in draw(st.lists(st.sampled_from(fields), max_size=2, unique=True)):
        body[name] = draw(plausible | json_values)
    for name in draw(st.lists(st.sampled_from(fields), max_size=1)):
        body.pop(name, None)
    return body


def bodies(schema, valid: dict) -> st.SearchStrategy:
    fields = list(schema.model_fields)
    anything = st.fixed_dictionaries({}, optional=dict.fromkeys(fields, plausible | json_values))
    return st.one_of(json_values, anything, near_valid(valid, fields))


@pytest.fixture
def world(deal, offering, owner):
    """Real rows to aim at, and a valid body for each write endpoint."""
    from tests.factories import InteractionFactory

    interaction = InteractionFactory(deal=deal)
    stage = deal.team.stages.get(name="Proposal")
    hour_ago = (dt.datetime.now(dt.UTC) - dt.timedelta(hours=1)).isoformat()
    return {
        "paths": {
            "deal": f"/api/v1/deals/{deal.pk}",
            "prospect": f"/api/v1/prospects/{deal.prospect_id}",
            "interaction": f"/api/v1/interactions/{interaction.pk}",
            "offering": f"/api/v1/offerings/{offering.pk}",
        },
        "valid": {
            DealCreate: {
                "prospect": deal.prospect_id,
                "offering": offering.pk,
                "owner": owner.pk,
                "stage": stage.pk,
                "title": "Fuzzed",
                "amount": "100.50",
                "currency": "EUR",
                "discount_pct": 5,
                "expected_close_date": "2030-01-01",
            },
            DealUpdate: {
                "version": 1,
                "title": "Renamed",
                "amount": 5,
                "prospect": deal.prospect_id,
            },
            DealMove: {"stage": stage.pk, "version": 1},
            ProspectCreate: {"name": "Fuzz", "time_zone": "UTC", "contact_start": "08:00"},
            ProspectUpdate: {"name": "Fuzz", "email": "f@example.com", "kind": "company"},
            InteractionCreate: {
                "direction": "in",
                "channel": "call",
                "occurred_at": hour_ago,
                "summary": "Talked",
            },
            InteractionUpdate: {"channel": "email", "occurred_at": hour_ago, "text": "Hello"},
            NoteCreate: {"body": "Noted"},
            OfferingCreate: {"name": "Fuzz plan", "price": "10", "cost_to_serve": "2"},
            OfferingUpdate: {"name": "Fuzz plan 2", "min_margin_pct": "10"},
        },
    }


WRITES = [
    ("post", "/api/v1/deals", DealCreate),
    ("patch", "{deal}", DealUpdate),
    ("post", "{deal}/move", DealMove),
    ("post", "/api/v1/prospects", ProspectCreate),
    ("patch", "{prospect}", ProspectUpdate),
    ("post", "{deal}/interactions", InteractionCreate),
    ("patch", "{interaction}", InteractionUpdate),
    ("post", "{deal}/notes", NoteCreate),
    ("post", "/api/v1/offerings", OfferingCreate),
    ("patch", "{offering}", OfferingUpdate),
]


@FUZZ
@pytest.mark.parametrize(("method", "path", "schema"), WRITES)
@given(data=st.data())
def test_random_bodies_never_cause_a_server_error(
    client, manager_api, world, method, path, schema, data
):
    valid = world["valid"].get(schema, {})
    body = data.draw(bodies(schema, valid), label="body")
    url = path.format(**world["paths"])
    response = getattr(client, method)(url, json.dumps(body), content_type=JSON, **manager_api)
    event(f"{response.status_code}")
    assert_not_a_server_error(response)


LIST_PARAMS = {
    "/api/v1/deals": ["stage", "owner", "offering", "outcome", "segment", "source", "q"],
    "/api/v1/prospects": ["q", "segment", "source"],
    "/api/v1/offerings": ["active"],
    "/api/v1/deals/{deal}/interactions": [],
    "/api/v1/deals/{deal}/notes": [],
}
query_values = (
    st.integers(min_value=-(10**30), max_value=10**30).map(str)
    | st.text(max_size=30)
    | st.sampled_from(["", "1", "0", "true", "won", "200", "201", "1e3", "%00", "\x00"])
)


@FUZZ
@given(
    path=st.sampled_from(sorted(LIST_PARAMS)),
    data=st.data(),
)
def test_random_query_strings_never_cause_a_server_error(client, owner_api, deal, path, data):
    names = [*LIST_PARAMS[path], "page", "page_size", "unknown"]
    params = data.draw(st.dictionaries(st.sampled_from(names), query_values, max_size=5))
    url = path.format(deal=deal.pk) + "?" + urlencode(params)
    assert_not_a_server_error(client.get(url, **owner_api))


@FUZZ
@given(segment=st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=30))
def test_random_object_ids_in_paths_never_cause_a_server_error(client, owner_api, db, segment):
    from urllib.parse import quote

    for base in ("deals", "prospects", "interactions", "notes", "offerings"):
        response = client.get(f"/api/v1/{base}/{quote(segment, safe='')}", **owner_api)
        assert response.status_code < 500


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _named_schemas():
    """Every schema of the API and the enums inside them, by the name the OpenAPI
    document gives each."""
    from ninja import Schema

    from goodfit.api import api

    api.get_openapi_schema()  # every router imported, every schema class defined
    found: dict[str, list[dict]] = {}
    for model in _subclasses(Schema):
        if not model.__module__.startswith("goodfit."):
            continue
        schema = model.model_json_schema()
        for name, definition in schema.get("$defs", {}).items():
            found.setdefault(name, []).append(definition)
    return found


def test_no_two_schemas_share_a_name_in_the_api_document():
    """A shared name makes the document describe one with the other (prospect kinds were
    once shown as concession kinds)."""
    clashes = {
        name: definitions
        for name, definitions in _named_schemas().items()
        if any(d != definitions[0] for d in definitions)
    }
    assert not clashes, sorted(clashes)


def test_operation_ids_are_the_views_short_unique_names():
    from goodfit.api import api

    paths = api.get_openapi_schema()["paths"]
    ids = [op["operationId"] for methods in paths.values() for op in methods.values()]
    assert len(ids) == len(set(ids))
    assert "list_deals" in ids and all(len(i) <= 40 and "goodfit" not in i for i in ids)
