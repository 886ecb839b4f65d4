"""The deal page's shape: header facts, panels as tabs, closing into the debrief."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from goodfit.core.extensions import DealPanel, open_panel_key
from goodfit.core.extensions import RenderedPanel as Rendered
from goodfit.pipeline.models import Deal, Note, Outcome
from goodfit.pipeline.selectors.deals import deal_interactions
from goodfit.pipeline.services import deal_move
from tests.factories import DealFactory, InteractionFactory
from tests.querycount import queries_for

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


def stage(team, outcome):
    return team.stages.filter(outcome=outcome).first()


@pytest.mark.parametrize(
    ("asked", "attention", "expected"),
    [
        ("", (False, False, False), "fit"),
        ("", (False, False, True), "debriefs"),
        ("money", (True, False, False), "money"),
        ("nope", (False, True, False), "money"),
    ],
)
def test_the_open_panel_is_the_one_asked_for_else_the_one_needing_attention(
    asked, attention, expected
):
    panels = [
        Rendered(key, "", {}, key, flag)
        for key, flag in zip(["fit", "money", "debriefs"], attention, strict=True)
    ]
    assert open_panel_key(panels, asked) == expected


def test_a_panel_label_defaults_to_its_key():
    assert DealPanel("good_money", "t.html", lambda r, d, bound: {}).tab_label == "Good money"


def test_an_open_deal_opens_discovery_and_a_lost_one_the_debrief(owner_client, owner, team, deal):
    url = reverse("deal-detail", args=[deal.pk])
    assert owner_client.get(url).context["open_panel"] == "fit"
    deal_move(deal=deal, actor=owner, stage=stage(team, Outcome.LOST))
    assert owner_client.get(url).context["open_panel"] == "debriefs"
    # The URL remembers another choice, and the tabs are plain links to it.
    page = owner_client.get(url, {"panel": "money"})
    assert page.context["open_panel"] == "money"
    html = page.content.decode()
    assert 'href="?panel=followups#panels"' in html
    assert 'id="panel-fit"' in html and 'id="panel-money"' in html


def test_the_header_shows_the_facts_capabilities_supply(owner_client, deal):
    page = owner_client.get(reverse("deal-detail", args=[deal.pk]))
    labels = [fact.label for fact in page.context["header_facts"]]
    assert labels == ["Fit", "Worth", "Margin kept", "Next follow-up"]
    html = page.content.decode()
    assert 'class="deal-header"' in html and "Not diagnosed" in html


@pytest.mark.parametrize("outcome", [Outcome.LOST, Outcome.WALKED_AWAY, Outcome.NOT_A_FIT])
def test_closing_without_a_sale_from_the_header_lands_on_the_debrief(
    owner_client, team, deal, outcome
):
    target = stage(team, outcome)
    url = reverse("deal-move", args=[deal.pk])
    response = owner_client.post(url, {"stage": target.pk, "next": "deal"})
    assert response.status_code == 302
    assert response.url == f"{reverse('deal-detail', args=[deal.pk])}?panel=debriefs#panels"


def test_closing_from_the_board_with_htmx_redirects_to_the_debrief(owner_client, team, deal):
    url = reverse("deal-move", args=[deal.pk])
    response = owner_client.post(url, {"stage": stage(team, Outcome.LOST).pk}, headers=HTMX)
    assert response["HX-Redirect"].endswith(f"/deals/{deal.pk}/?panel=debriefs#panels")
    plain = owner_client.post(url, {"stage": stage(team, Outcome.WALKED_AWAY).pk})
    assert plain.url.endswith("?panel=debriefs#panels")


def test_winning_or_moving_along_stays_where_it_was(owner_client, team, deal):
    url = reverse("deal-move", args=[deal.pk])
    response = owner_client.post(url, {"stage": stage(team, Outcome.WON).pk}, headers=HTMX)
    assert "HX-Redirect" not in response and 'id="board"' in response.content.decode()


def test_a_lost_deal_below_the_margin_floor_shows_no_warning(owner_client, owner, team, deal):
    Deal.objects.filter(pk=deal.pk).update(discount_pct=Decimal("60"))
    deal.refresh_from_db()
    url = reverse("deal-detail", args=[deal.pk])
    assert owner_client.get(url).context["margin_warning"] is True
    response = owner_client.post(
        reverse("deal-move", args=[deal.pk]),
        {"stage": stage(team, Outcome.LOST).pk, "next": "deal"},
        follow=True,
    )
    assert response.context["margin_warning"] is False
    assert "needs at least" not in response.content.decode()


def test_the_panels_share_one_read_of_the_interactions(deal):
    InteractionFactory.create_batch(3, deal=deal)
    with CaptureQueriesContext(connection) as captured:
        first = deal_interactions(deal)
        again = deal_interactions(deal)
    assert len(captured) == 1 and first is again and len(first) == 3


def test_the_page_costs_the_same_with_more_notes_stage_changes_and_history(
    owner_client, owner, team, deal, django_assert_max_num_queries
):
    url = reverse("deal-detail", args=[deal.pk])
    for panel in ("", "history"):
        few = queries_for(owner_client, url, {"panel": panel} if panel else None)
        for n in range(15):
            Note.objects.create(deal=deal, author=owner, body=f"n{n}", created_at=deal.created_at)
        InteractionFactory.create_batch(15, deal=deal)
        owner_client.get(url, {"panel": panel})
        with django_assert_max_num_queries(few):
            assert owner_client.get(url, {"panel": panel}).status_code == 200


def test_the_prospect_page_shows_the_timeline_across_their_deals(
    owner_client, owner, team, deal, prospect
):
    other = DealFactory(team=team, owner=owner, prospect=prospect, title="Second deal")
    InteractionFactory(deal=deal, summary="Call on the first deal")
    Note.objects.create(
        deal=other, author=owner, body="Note on the second", created_at=deal.created_at
    )
    page = owner_client.get(reverse("prospect-detail", args=[prospect.pk]))
    html = page.content.decode()
    assert "Call on the first deal" in html and "Note on the second" in html
    assert "Second deal" in html and "across all their deals" in html
    notes = owner_client.get(
        reverse("prospect-detail", args=[prospect.pk]),
        {"kind": "note"},
        headers={**HTMX, "HX-Target": "timeline-card"},
    ).content.decode()
    assert "Note on the second" in notes and "Call on the first deal" not in notes


def test_the_prospect_timeline_hides_deals_a_restricted_rep_may_not_see(
    client, team, owner, teammate, deal, prospect
):
    team.reps_see_own_deals_only = True
    team.save()
    InteractionFactory(deal=deal, summary="Owner's private call")
    client.force_login(teammate)
    html = client.get(reverse("prospect-detail", args=[prospect.pk])).content.decode()
    assert "Owner's private call" not in html


def test_an_outsider_gets_404_on_the_deal_page_and_its_timeline(outsider_client, deal):
    url = reverse("deal-detail", args=[deal.pk])
    assert outsider_client.get(url).status_code == 404
    fragment = outsider_client.get(url, headers={**HTMX, "HX-Target": "timeline-card"})
    assert fragment.status_code == 404
