"""The deal page's history of changes, read from the audit rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from goodfit.pipeline.models import Outcome
from goodfit.pipeline.services import deal_move, deal_update, interaction_log

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def changed(deal, owner, team):
    deal_update(deal=deal, actor=owner, version=deal.version, amount=Decimal("9500"))
    deal_move(deal=deal, actor=owner, stage=team.stages.get(outcome=Outcome.LOST))


def test_the_history_says_who_changed_which_field_from_what_to_what(
    owner_client, owner, team, deal
):
    old_stage = deal.stage.name
    changed(deal, owner, team)
    response = owner_client.get(reverse("deal-history", args=[deal.pk]), headers=HTMX)
    rows = response.context["history"]
    amount = next(r for r in rows if r.field == "Amount")
    assert (amount.before, amount.after) == ("12000", "9500")
    stage = next(r for r in rows if r.field == "Stage")
    # Ids become names, field names become labels.
    assert (stage.before, stage.after) == (old_stage, "Lost")
    assert stage.entry.actor == owner
    html = response.content.decode()
    assert "<html" not in html and "History of changes" in html and "Closed at" in html


def test_the_history_is_a_tab_of_the_deal_page_addressed_by_the_url(
    owner_client, owner, team, deal
):
    changed(deal, owner, team)
    page = owner_client.get(reverse("deal-detail", args=[deal.pk]), {"panel": "history"})
    assert page.context["open_panel"] == "history"
    html = page.content.decode()
    assert 'id="panel-history"' in html and "9500" in html
    plain = owner_client.get(reverse("deal-history", args=[deal.pk]))
    assert plain.status_code == 302 and plain.url.endswith("?panel=history#panels")


def test_the_history_includes_the_deals_interactions(owner_client, owner, deal):
    import datetime as dt

    from django.utils import timezone

    interaction_log(
        deal=deal,
        actor=owner,
        direction="in",
        channel="email",
        occurred_at=timezone.now() - dt.timedelta(hours=1),
        summary="Asked for references",
        text="",
    )
    rows = owner_client.get(reverse("deal-history", args=[deal.pk]), headers=HTMX).context[
        "history"
    ]
    channel = next(r for r in rows if r.object_label == "Interaction" and r.field == "Channel")
    assert channel.after == "Email"


def test_an_outsider_gets_404_on_another_teams_deal_history(outsider_client, deal):
    url = reverse("deal-history", args=[deal.pk])
    assert outsider_client.get(url, headers=HTMX).status_code == 404
    page = outsider_client.get(reverse("deal-detail", args=[deal.pk]), {"panel": "history"})
    assert page.status_code == 404
