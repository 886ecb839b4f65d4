"""The debriefs card on the deal page and the posts it makes."""

from __future__ import annotations

import pytest
from django.urls import reverse

from goodfit.debriefs.models import CloseOut, Debrief, DebriefReview, KeepInTouch, Referral
from goodfit.debriefs.services import debrief_complete, objection_record
from goodfit.pipeline.models import Outcome, Prospect
from tests.debriefs.conftest import end_deal
from tests.factories import DealFactory, ProspectFactory

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_a_lost_deal_asks_for_a_debrief_and_offers_the_team_close_out(owner_client, lost_deal):
    html = owner_client.get(reverse("deal-detail", args=[lost_deal.pk])).content.decode()
    assert "Debrief needed" in html
    assert 'id="debriefs-panel"' in html
    assert "Thank you for respecting my time" in html
    assert "Record a referral from this prospect" in html


def test_an_open_deal_shows_what_its_segment_asks_about(team, owner, owner_client, deal):
    other = DealFactory(team=team, owner=owner, prospect=ProspectFactory(team=team, segment="SMB"))
    objection_record(deal=other, actor=owner, category="Price", words="Too dear")
    html = owner_client.get(reverse("deal-detail", args=[deal.pk])).content.decode()
    assert "Debrief needed" not in html
    assert "Most people in SMB ask about:" in html and "Price (100%)" in html


def test_saving_a_draft_with_htmx_returns_the_card(owner_client, lost_deal):
    response = owner_client.post(
        reverse("deal-debrief", args=[lost_deal.pk]),
        {"action": "draft", "prospect_words": "Too slow to answer"},
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="card is-needed" id="debriefs-panel"')
    assert "Draft saved" in html and "Debrief draft" in html
    assert Debrief.objects.get().status == Debrief.Status.DRAFT


def test_completing_without_a_reason_shows_the_error_and_saves_nothing(owner_client, lost_deal):
    response = owner_client.post(
        reverse("deal-debrief", args=[lost_deal.pk]), {"action": "complete"}, **HTMX
    )
    assert "Choose the main reason" in response.content.decode()
    assert not Debrief.objects.exists()


def test_without_javascript_a_completed_debrief_redirects_to_the_deal(owner_client, lost_deal):
    response = owner_client.post(
        reverse("deal-debrief", args=[lost_deal.pk]),
        {"action": "complete", "primary_category": "rep_follow_up", "secondary": ["price"]},
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"/deals/{lost_deal.pk}/#debriefs-panel")
    debrief = Debrief.objects.get()
    assert debrief.primary_category == "rep_follow_up"


def test_without_javascript_a_refused_form_rerenders_the_page_with_errors(owner_client, lost_deal):
    response = owner_client.post(
        reverse("deal-debrief", args=[lost_deal.pk]),
        {"action": "complete", "primary_category": "competitor"},
    )
    assert response.status_code == 200
    assert "Name the competitor" in response.content.decode()


def test_the_linter_flags_pressure_as_the_rep_types(owner_client, lost_deal):
    response = owner_client.post(
        reverse("debriefs-lint"), {"message": "Honestly you’re making a mistake"}, **HTMX
    )
    html = response.content.decode()
    assert "“you’re making a mistake”" in html
    assert "best decision for your team" in html
    clean = owner_client.post(reverse("debriefs-lint"), {"message": "Thank you."}, **HTMX)
    assert "Gracious" in clean.content.decode()


def test_check_wording_without_javascript_shows_findings_and_sends_nothing(owner_client, lost_deal):
    response = owner_client.post(
        reverse("deal-debrief-closeout", args=[lost_deal.pk]),
        {"action": "check", "message": "Last chance: are you sure?"},
    )
    html = response.content.decode()
    assert "“Last chance”" in html and "“are you sure”" in html
    assert not CloseOut.objects.exists()


def test_sending_a_flagged_message_is_refused_then_a_rewrite_goes_through(owner_client, lost_deal):
    url = reverse("deal-debrief-closeout", args=[lost_deal.pk])
    refused = owner_client.post(
        url, {"action": "send", "message": "You're making a mistake."}, **HTMX
    )
    assert "Rewrite them, or tick" in refused.content.decode()
    sent = owner_client.post(url, {"action": "send", "message": "Thank you, truly."}, **HTMX)
    assert "keep-in-touch check-in is scheduled" in sent.content.decode()
    assert CloseOut.objects.count() == 1 and KeepInTouch.objects.count() == 1


def test_a_check_in_can_be_marked_done(owner_client, lost_deal):
    url = reverse("deal-debrief-closeout", args=[lost_deal.pk])
    owner_client.post(url, {"action": "send", "message": "Thank you."})
    task = KeepInTouch.objects.get()
    owner_client.post(reverse("debriefs-checkin-done", args=[task.pk]), **HTMX)
    task.refresh_from_db()
    assert task.done_at is not None


def test_recording_a_referral_creates_a_prospect_with_source_referral(owner_client, lost_deal):
    response = owner_client.post(
        reverse("deal-debrief-referral", args=[lost_deal.pk]),
        {"name": "Rosa Ramirez", "phone": "+1 773 555 0118"},
        **HTMX,
    )
    assert "Referral recorded" in response.content.decode()
    rosa = Prospect.objects.get(name="Rosa Ramirez")
    assert rosa.source == "referral"
    assert Referral.objects.get().referrer == lost_deal.prospect


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "Rosa"}, "email address or a phone number"),
        ({"name": "", "phone": "1"}, "This field is required"),
        ({"name": "Rosa", "email": "nope"}, "valid email"),
    ],
)
def test_bad_referrals_are_explained(owner_client, lost_deal, data, message):
    response = owner_client.post(
        reverse("deal-debrief-referral", args=[lost_deal.pk]), data, **HTMX
    )
    assert message in response.content.decode()
    assert not Referral.objects.exists()


def test_objections_are_captured_from_the_card(owner_client, deal):
    url = reverse("deal-debrief-objection", args=[deal.pk])
    ok = owner_client.post(url, {"category": "Timing", "words": "After tax season"}, **HTMX)
    assert "After tax season" in ok.content.decode()
    bad = owner_client.post(url, {"category": "Horoscope"}, **HTMX)
    assert "Select a valid choice" in bad.content.decode()


def test_a_manager_recategorises_and_a_rep_may_not(owner_client, manager_client, lost_deal, owner):
    debrief = debrief_complete(deal=lost_deal, actor=owner, primary_category="price")
    url = reverse("debriefs-review", args=[debrief.pk])
    data = {"primary_category": "rep_discovery", "note": "Budget never came up"}
    assert owner_client.post(url, data).status_code == 403
    assert manager_client.post(url, data).status_code == 302
    assert DebriefReview.objects.get().to_category == "rep_discovery"
    html = manager_client.get(reverse("deal-detail", args=[lost_deal.pk])).content.decode()
    assert "Re-categorised by" in html


def test_a_do_not_contact_prospect_gets_no_close_out(owner_client, lost_deal):
    Prospect.objects.filter(pk=lost_deal.prospect_id).update(do_not_contact=True)
    html = owner_client.get(reverse("deal-detail", args=[lost_deal.pk])).content.decode()
    assert "asked not to be contacted" in html
    assert "closeout-message" not in html


def test_a_won_deal_cancelled_later_needs_a_debrief(owner_client, cancelled_deal):
    html = owner_client.get(reverse("deal-detail", args=[cancelled_deal.pk])).content.decode()
    assert "Debrief needed" in html


def test_the_deal_page_with_the_card_reads_in_a_fixed_number_of_queries(
    team, owner, owner_client, django_assert_max_num_queries
):
    deal = end_deal(DealFactory(team=team, owner=owner), owner, Outcome.LOST)
    for n in range(5):
        objection_record(deal=deal, actor=owner, category="Price", words=f"w{n}")
    with django_assert_max_num_queries(45):
        owner_client.get(reverse("deal-detail", args=[deal.pk]))


@pytest.mark.parametrize(
    "name",
    ["deal-debrief", "deal-debrief-closeout", "deal-debrief-referral", "deal-debrief-objection"],
)
def test_an_outsider_gets_404_on_the_deal_posts(outsider_client, lost_deal, name):
    response = outsider_client.post(reverse(name, args=[lost_deal.pk]), {"action": "draft"})
    assert response.status_code == 404


def test_an_outsider_gets_404_on_review_and_check_ins(
    outsider_client, owner_client, lost_deal, owner
):
    debrief = debrief_complete(deal=lost_deal, actor=owner, primary_category="price")
    owner_client.post(
        reverse("deal-debrief-closeout", args=[lost_deal.pk]), {"message": "Thank you."}
    )
    task = KeepInTouch.objects.get()
    assert outsider_client.post(reverse("debriefs-review", args=[debrief.pk])).status_code == 404
    assert outsider_client.post(reverse("debriefs-checkin-done", args=[task.pk])).status_code == 404
