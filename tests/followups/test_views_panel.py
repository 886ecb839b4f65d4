"""The follow-ups card on the deal page."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from goodfit.followups.models import FollowUp, NoDecision, PickLink
from goodfit.followups.services import followup_schedule

NOW = dt.datetime(2024, 3, 11, 21, 0, tzinfo=dt.UTC)  # 15:00 in Denver

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


def test_the_deal_page_shows_the_rungs_with_their_local_times(owner_client, denver_deal, steps):
    response = owner_client.get(reverse("deal-detail", args=[denver_deal.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="followups-panel"' in html
    assert "How did the call end?" in html
    assert "Talk tomorrow" in html
    assert "tomorrow at 10:00" in html
    assert "Tue 12 Mar, 10:00 MDT their time (12:00 EDT yours)" in html
    assert "Suggested" not in html  # too few deals to advise push or nurture
    assert "Too few to tell" in html


def test_logging_a_call_with_no_decision_schedules_the_rung(owner_client, denver_deal, steps):
    url = reverse("followups-call-end", args=[denver_deal.pk])
    data = {"step": steps["tomorrow"].pk, "summary": "Wants to sleep on it"}
    response = owner_client.post(url, data, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "Follow-ups" in response.content.decode()
    followup = FollowUp.objects.get()
    assert followup.due_at == dt.datetime(2024, 3, 12, 16, 0, tzinfo=dt.UTC)
    assert NoDecision.objects.count() == 1
    assert "Talk tomorrow" in response.content.decode()


def test_without_htmx_it_redirects_to_the_deal(owner_client, denver_deal, steps):
    url = reverse("followups-call-end", args=[denver_deal.pk])
    response = owner_client.post(url, {"step": steps["later"].pk})
    assert response.status_code == 302
    assert response.url == reverse("deal-detail", args=[denver_deal.pk])


def test_a_refusal_is_shown_on_the_form_and_nothing_is_saved(owner_client, denver_deal, steps):
    url = reverse("followups-call-end", args=[denver_deal.pk])
    data = {"due_at": "2024-03-11T22:00", "summary": "Call me late"}
    response = owner_client.post(url, data, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "outside Dana Diaz&#x27;s contact hours" in html
    assert "next allowed time" in html
    assert 'value="Call me late"' in html
    assert not FollowUp.objects.exists()


def test_nothing_chosen_is_an_error_naming_the_choice(owner_client, denver_deal, steps):
    url = reverse("followups-call-end", args=[denver_deal.pk])
    response = owner_client.post(url, {"step": "999999"}, HTTP_HX_REQUEST="true")
    assert "Pick one of the steps shown." in response.content.decode()
    response = owner_client.post(url, {"due_at": "tomorrow"}, HTTP_HX_REQUEST="true")
    assert "Enter a date and time such as" in response.content.decode()


def test_a_missed_follow_up_offers_the_next_rung(owner_client, denver_deal, owner, steps):
    followup = followup_schedule(
        deal=denver_deal, actor=owner, step=steps["later"], now=NOW - dt.timedelta(days=2)
    )
    followup.status = FollowUp.Status.MISSED
    followup.save()
    html = owner_client.get(reverse("deal-detail", args=[denver_deal.pk])).content.decode()
    assert "Offer the next step: <strong>Talk tomorrow</strong>" in html


def test_a_pick_link_is_made_to_send(owner_client, denver_deal, steps):
    url = reverse("followups-pick-link", args=[denver_deal.pk])
    response = owner_client.post(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "http://testserver/followups/pick/" in html
    assert "Pick a time that suits you" in html
    assert PickLink.objects.count() == 1


def test_outsiders_get_404(outsider_client, denver_deal, steps):
    for name in ("followups-call-end", "followups-pick-link"):
        url = reverse(name, args=[denver_deal.pk])
        assert outsider_client.post(url, {"step": steps["later"].pk}).status_code == 404
    assert not FollowUp.objects.exists()


def test_a_closed_deal_no_longer_offers_the_next_rung(
    owner_client, denver_deal, owner, steps, team
):
    from goodfit.pipeline.models import Outcome
    from goodfit.pipeline.services import deal_move

    followup_schedule(deal=denver_deal, actor=owner, step=steps["later"], now=NOW)
    FollowUp.objects.update(status=FollowUp.Status.MISSED)
    html = owner_client.get(reverse("deal-detail", args=[denver_deal.pk])).content.decode()
    assert "Offer the next step" in html or "Schedule “Talk tomorrow”" in html
    followup_schedule(deal=denver_deal, actor=owner, step=steps["days"], now=NOW)
    deal_move(deal=denver_deal, actor=owner, stage=team.stages.get(outcome=Outcome.LOST))
    html = owner_client.get(reverse("deal-detail", args=[denver_deal.pk])).content.decode()
    panel = html[html.index('id="followups-panel"') :]
    assert "Schedule “Talk tomorrow”" not in panel
    assert "How did the call end?" not in panel
    assert "deal closed: Lost" in panel


def test_a_reopened_deal_offers_to_schedule_anew(owner_client, denver_deal, owner, steps, team):
    from goodfit.pipeline.models import Outcome
    from goodfit.pipeline.services import deal_move

    open_stage = denver_deal.stage
    followup_schedule(deal=denver_deal, actor=owner, step=steps["days"], now=NOW)
    deal_move(deal=denver_deal, actor=owner, stage=team.stages.get(outcome=Outcome.LOST))
    deal_move(deal=denver_deal, actor=owner, stage=open_stage)
    html = owner_client.get(reverse("deal-detail", args=[denver_deal.pk])).content.decode()
    panel = html[html.index('id="followups-panel"') :]
    assert "Reopening brings none of them back" in panel
    assert "How did the call end?" in panel
    assert FollowUp.objects.filter(status=FollowUp.Status.OPEN).count() == 0
