"""Never stale, reads never write: every change to an input re-scores the deal in the same
transaction (no worker), the score kept at closing stays, and GETs write nothing."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from goodfit.money import services
from goodfit.money.models import WorthScore
from goodfit.money.selectors import latest_score
from goodfit.pipeline import services as pipeline
from goodfit.pipeline.models import Outcome
from tests.factories import DealFactory
from tests.money.factories import give_history

pytestmark = pytest.mark.django_db
API = "/api/v1"


def current(deal) -> WorthScore:
    row = latest_score(deal)
    assert row is not None
    return row


def api_score(client, headers, deal) -> dict:
    body = client.get(f"{API}/review/bottom?percent=100", **headers).json()
    return next(d for d in body["deals"] if d["deal"] == deal.pk)


def test_a_new_deal_is_scored_when_created(team, owner, prospect, offering):
    deal = pipeline.deal_create(
        team=team, actor=owner, prospect=prospect, offering=offering, owner=owner,
        title="Fresh", amount=Decimal(12000),
    )  # fmt: skip
    row = current(deal)
    assert row.recommendation == "not_enough_history" and row.score is None
    assert any("0 so far" in fact for fact in row.missing)


@pytest.mark.parametrize("change", ["log", "edit", "delete"])
def test_interactions_logged_edited_or_deleted_re_score_at_once(deal, owner, change):
    logged = give_history(deal, owner, 4)
    before = current(deal)
    if change == "log":
        for n in range(4):  # unanswered emails of ours
            pipeline.interaction_log(
                deal=deal, actor=owner, direction="out", channel="email", summary=f"Chase {n}",
                occurred_at=timezone.now() - dt.timedelta(hours=5 - n),
            )  # fmt: skip
    elif change == "edit":
        words = "Thanks, that looks right; let us go through the contract on a call next week"
        pipeline.interaction_update(interaction=logged[1], actor=owner, text=words)
    else:
        pipeline.interaction_delete(interaction=logged[1], actor=owner)
    after = current(deal)
    assert after.pk != before.pk
    assert after.signals != before.signals


def test_terms_changed_re_score_at_once(deal, owner):
    give_history(deal, owner)
    before = current(deal).score
    pipeline.deal_update(deal=deal, actor=owner, version=deal.version, discount_pct=Decimal(60))
    assert current(deal).score < before


def test_the_offering_cost_and_floor_re_score_its_open_deals_at_once(
    team, deal, owner, manager, offering
):
    closed = DealFactory(team=team, owner=owner, offering=offering)
    give_history(deal, owner)
    pipeline.deal_move(deal=closed, actor=owner, stage=team.stages.get(outcome=Outcome.LOST))
    before, kept = current(deal), current(closed)
    pipeline.offering_update(offering=offering, actor=manager, name="Renamed")
    assert current(deal) == before  # the name is not a term: nothing to re-score
    cost = offering.cost_to_serve + deal.amount
    pipeline.offering_update(offering=offering, actor=manager, cost_to_serve=cost)
    assert current(deal).score < before.score
    assert current(closed) == kept  # a closed deal keeps the score it closed with


@pytest.mark.parametrize(
    "write",
    [
        lambda d, u: services.concession_add(
            deal=d, actor=u, kind="custom_work", value=Decimal(4000)
        ),
        lambda d, u: services.quote_add(deal=d, actor=u, terms="1 site", amount=Decimal(1)),
        lambda d, u: services.flag_add(
            interaction=d.interactions.first(), actor=u, kind="rep_hard_promise"
        ),
        lambda d, u: services.time_log_add(deal=d, actor=u, hours=Decimal(20)),
    ],
    ids=["concession", "quote", "flag", "time"],
)  # fmt: skip
def test_money_inputs_re_score_at_once(deal, owner, write):
    give_history(deal, owner)
    services.quote_add(deal=deal, actor=owner, terms="1 site", amount=Decimal(1))
    before = current(deal)
    write(deal, owner)
    assert current(deal).pk != before.pk


def test_the_review_api_shows_the_new_score_without_a_worker(
    client, owner_client, deal, owner, owner_api
):
    """Change an input, read the review through the API (no worker runs in tests), and
    see the new score: the same one the deal's worth endpoint gives."""
    give_history(deal, owner)
    first = api_score(client, owner_api, deal)
    services.concession_add(deal=deal, actor=owner, kind="custom_work", value=Decimal(9000))
    second = api_score(client, owner_api, deal)
    worth = client.get(f"{API}/deals/{deal.pk}/worth", **owner_api).json()
    assert second["score"] < first["score"]
    assert second["score"] == worth["score"] == current(deal).score
    panel = owner_client.get(reverse("money-panel", args=[deal.pk])).context["panel"]
    review = owner_client.get(reverse("money-review") + "?percent=100").context["rows"]
    assert panel["worth"].score == review[0].score.score == second["score"]  # pages agree


def test_closing_keeps_the_score_it_had_and_labels_it(owner_client, team, deal, owner):
    give_history(deal, owner)
    services.concession_add(deal=deal, actor=owner, kind="free_extra", value=Decimal(2000))
    open_score = current(deal)
    won = team.stages.get(outcome=Outcome.WON)
    pipeline.deal_move(deal=deal, actor=owner, stage=won)
    kept = current(deal)
    assert kept.at_close and (kept.score, kept.signals) == (open_score.score, open_score.signals)
    # Later changes to a closed deal do not replace the score it closed with.
    pipeline.interaction_log(
        deal=deal, actor=owner, direction="out", channel="email", summary="Thanks!",
        occurred_at=timezone.now(),
    )  # fmt: skip
    assert current(deal) == kept
    body = owner_client.get(reverse("money-panel", args=[deal.pk])).content.decode()
    assert "At close" in body and "score it had when it closed" in body


def test_reopening_scores_the_deal_afresh(team, deal, owner):
    give_history(deal, owner)
    pipeline.deal_move(deal=deal, actor=owner, stage=team.stages.get(outcome=Outcome.LOST))
    pipeline.deal_move(deal=deal, actor=owner, stage=team.stages.filter(outcome="open").first())
    row = current(deal)
    assert not row.at_close


def test_a_closed_deal_with_no_kept_score_says_so(owner_client, team, owner):
    lost = DealFactory(team=team, owner=owner, stage=team.stages.get(outcome=Outcome.LOST))
    body = owner_client.get(reverse("money-panel", args=[lost.pk])).content.decode()
    assert "no worth score was kept when it closed" in body


# ---- reads never write --------------------------------------------------------------


def row_counts() -> dict[str, int]:
    return {m._meta.label: m.objects.count() for m in apps.get_models()}


def test_reading_the_panel_the_api_and_the_review_writes_nothing(
    client, owner_client, manager_client, team, owner, owner_api
):
    scored = DealFactory(team=team, owner=owner, discount_pct=70, title="Scored")
    give_history(scored, owner)
    never = DealFactory(team=team, owner=owner, title="Never scored")  # made without services
    pipeline.interaction_log(
        deal=never, actor=owner, direction="in", channel="message", summary="hi",
        occurred_at=timezone.now(),
    )  # fmt: skip
    WorthScore.objects.filter(deal=never).delete()
    before = row_counts()
    for deal in (scored, never):
        assert owner_client.get(reverse("money-panel", args=[deal.pk])).status_code == 200
        assert client.get(f"{API}/deals/{deal.pk}/worth", **owner_api).status_code == 200
        assert owner_client.get(reverse("money-walk-away", args=[deal.pk])).status_code == 200
    assert manager_client.get(reverse("money-review") + "?percent=100").status_code == 200
    assert client.get(f"{API}/review/bottom?percent=100", **owner_api).status_code == 200
    assert row_counts() == before


def test_a_deal_never_scored_is_shown_computed_not_stored(client, team, owner, owner_api):
    deal = DealFactory(team=team, owner=owner)
    body = client.get(f"{API}/deals/{deal.pk}/worth", **owner_api).json()
    assert body["stored"] is False and body["recommendation"] == "not_enough_history"
    assert not WorthScore.objects.filter(deal=deal).exists()


# ---- two severe signals: overriding "walk away" needs a healthy margin ---------------------


def _two_severe(deal, owner, discount: int) -> None:
    deal.discount_pct = Decimal(discount)
    deal.save()
    give_history(deal, owner)
    for _ in range(4):
        services.quote_add(deal=deal, actor=owner, terms="1 site, 12 months", amount=Decimal(900))


def test_an_override_of_walk_away_is_refused_when_the_margin_is_not_healthy(deal, owner):
    _two_severe(deal, owner, discount=80)  # margin far under the floor + the same quote
    assert current(deal).recommendation == "walk_away" and len(current(deal).severe) == 2
    with pytest.raises(ValidationError) as error:
        services.worth_override(deal=deal, actor=owner, recommendation="pursue", reason="Big logo")
    assert "healthy margin" in error.value.message_dict["recommendation"][0]
    services.worth_override(deal=deal, actor=owner, recommendation="walk_away", reason="Agreed")


def test_an_override_of_walk_away_is_allowed_with_a_healthy_margin(deal, owner):
    _two_severe(deal, owner, discount=0)
    first = deal.interactions.order_by("occurred_at").first()
    services.flag_add(interaction=first, actor=owner, kind="future_business_promise")
    deal.discount_pct = Decimal(5)
    pipeline.deal_update(deal=deal, actor=owner, version=deal.version, discount_pct=Decimal(5))
    row = current(deal)
    assert {f["key"] for f in row.severe} == {"same_quote_resent", "promise_for_discount"}
    assert row.recommendation == "walk_away"
    services.worth_override(deal=deal, actor=owner, recommendation="pursue", reason="Signed LOI")


def test_the_api_refuses_a_pushy_walk_away_unless_confirmed(client, deal, owner_api):
    url = f"{API}/deals/{deal.pk}/walk-away"
    body = {"message": "Last chance: this offer expires today."}
    refused = client.post(url, json.dumps(body), content_type="application/json", **owner_api)
    assert refused.status_code == 422
    assert refused.json()["detail"][0]["field"] == "message"
    body["pressure_ok"] = True
    done = client.post(url, json.dumps(body), content_type="application/json", **owner_api)
    assert done.status_code == 201
