"""The demo data: deterministic, consistent in time, telling the seeds' stories."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.db.models import F

from goodfit.core.models import Team
from goodfit.demo.load import (
    DEMO_PASSWORD,
    OTHER_TEAM_NAME,
    STORY_DEALS,
    TEAM_NAME,
    demo_load,
    demo_loaded,
    demo_logins,
)
from goodfit.demo.plans import HISTORY_DAYS, deal_plans
from goodfit.demo.roster import demo_today
from goodfit.pipeline.access import deals_visible_to, prospects_visible_to
from goodfit.pipeline.models import Cancellation, Deal, Interaction, Outcome

NOW = dt.datetime(2026, 3, 10, 15, 30, tzinfo=dt.UTC)


class Rollback(Exception):
    pass


def load(**options):
    return demo_load(now=NOW, **options)


def deal_rows(team_name=TEAM_NAME):
    """Everything about the team's deals except database ids."""
    deals = (
        Deal.objects.filter(team__name=team_name)
        .select_related("prospect", "offering", "owner", "stage")
        .prefetch_related("stage_changes__to_stage", "interactions", "notes", "cancellation")
        .order_by("created_at", "title", "amount")
    )
    return [
        (
            d.title,
            d.prospect.name,
            d.prospect.email,
            d.prospect.segment,
            d.prospect.created_at,
            d.offering.name,
            d.owner.username,
            d.amount,
            d.discount_pct,
            d.created_at,
            d.updated_at,
            d.closed_at,
            [(c.to_stage.name, c.at) for c in d.stage_changes.all()],
            [(i.direction, i.channel, i.occurred_at, i.summary) for i in d.interactions.all()],
            [(n.created_at, n.body) for n in d.notes.all()],
            getattr(d, "cancellation", None) and d.cancellation.cancelled_on,
        )
        for d in deals
    ]


def rows_for_seed(seed):
    """Load, read and roll back, so the next load starts from an empty database."""
    try:
        with transaction.atomic():
            load(deals=60, seed=seed)
            rows = deal_rows()
            raise Rollback
    except Rollback:
        return rows


@pytest.fixture
def demo(db):
    return load(deals=150)


def check_history(deal):
    """The invariants every deal's history keeps, told or generated."""
    changes = list(deal.stage_changes.all())
    times = [c.at for c in changes]
    assert changes[0].from_stage_id is None and times[0] == deal.created_at
    assert times == sorted(times)
    for before, after in itertools.pairwise(changes):
        assert after.from_stage_id == before.to_stage_id
    assert changes[-1].to_stage_id == deal.stage_id
    assert deal.version >= len(changes)  # edits of the terms bump it too
    closed = deal.stage.outcome != Outcome.OPEN
    assert (deal.closed_at == times[-1]) if closed else deal.closed_at is None
    activity = times + [i.occurred_at for i in deal.interactions.all()]
    activity += [n.created_at for n in deal.notes.all()]
    assert min(activity) >= deal.created_at
    assert max(activity) == deal.updated_at


def all_deals(team_name=TEAM_NAME):
    return (
        Deal.objects.filter(team__name=team_name)
        .select_related("stage")
        .prefetch_related("stage_changes", "interactions", "notes")
    )


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_prospects_deals_and_stage_paths():
    first, again, other = rows_for_seed(3), rows_for_seed(3), rows_for_seed(4)
    assert len(first) == 60
    assert first == again
    assert first != other


def test_plans_are_pure_and_repeatable_without_a_database():
    today = demo_today(NOW)
    one = [(p.title, p.stages, p.amount) for p in deal_plans(random.Random(9), 300, today)]
    two = [(p.title, p.stages, p.amount) for p in deal_plans(random.Random(9), 300, today)]
    assert one == two


def test_planned_times_stay_within_eighteen_months_before_today():
    today = demo_today(NOW)
    for plan in deal_plans(random.Random(11), 2000, today):
        assert today - dt.timedelta(days=HISTORY_DAYS + 1) <= plan.created_at
        assert plan.updated_at < today
        if plan.closed_at:  # a generated deal's last word is the one that closed it
            assert plan.updated_at == plan.closed_at
        if plan.cancellation:
            assert plan.closed_at.date() <= plan.cancellation[0] < today.date()


def test_every_deal_history_is_consistent_in_time(demo):
    deals = list(all_deals())
    assert len(deals) == 150
    for deal in deals:
        check_history(deal)


def test_the_default_stages_and_three_offerings_are_configured(demo):
    first_four = [s.name for s in demo.stages.all()][:4]
    assert first_four == ["Lead", "Discovery", "Proposal", "Negotiation"]
    names = set(demo.offerings.values_list("name", flat=True))
    assert {"Debt relief program", "Ledgerly — AP automation"} <= names
    assert len(names) == 3


def test_deals_are_spread_over_owners_outcomes_and_both_kinds_of_prospect(demo):
    deals = Deal.objects.filter(team=demo)
    assert set(deals.values_list("owner__username", flat=True)) == {"olivia", "raj", "sam"}
    assert set(deals.values_list("stage__outcome", flat=True)) == set(Outcome.values)
    assert set(deals.values_list("prospect__kind", flat=True)) == {"person", "company"}
    assert demo.prospects.filter(do_not_contact=True).exists()


def test_a_debt_relief_prospect_who_is_not_a_fit_is_referred_to_a_bankruptcy_attorney(demo):
    deal = Deal.objects.get(team=demo, prospect__name="Gloria Ramirez")
    assert deal.offering.name == "Debt relief program"
    assert deal.stage.outcome == Outcome.NOT_A_FIT
    assert any("bankruptcy attorney" in note.body for note in deal.notes.all())
    not_a_fit = Deal.objects.filter(team=demo, stage__outcome=Outcome.NOT_A_FIT)
    assert not_a_fit.filter(notes__body__icontains="bankruptcy attorney").count() >= 2


def test_the_next_quarter_deal_never_answers_and_wants_a_big_discount(demo):
    deal = Deal.objects.get(team=demo, prospect__company="Brightline Logistics")
    interactions = deal.interactions.all()
    outbound_emails = interactions.filter(direction="out", channel="email")
    assert outbound_emails.filter(text="No reply").count() >= 10
    assert not interactions.filter(direction="in", channel="email").exists()
    assert interactions.filter(text__icontains="more deals next q").count() >= 2
    texts = interactions.filter(direction="in", channel="message")
    new_york = ZoneInfo("America/New_York")
    assert all(text.occurred_at.astimezone(new_york).hour >= 22 for text in texts)
    assert outbound_emails.filter(summary__startswith="Re-sent the quote").count() >= 4
    assert deal.discount_pct == 30 and deal.stage.name == "Negotiation"


def test_some_won_deals_were_cancelled_with_a_reason(demo):
    cancelled = Cancellation.objects.filter(deal__team=demo).select_related("deal__stage")
    assert cancelled.count() >= 2
    for cancellation in cancelled:
        assert cancellation.deal.stage.outcome == Outcome.WON
        assert cancellation.reason
        assert cancellation.cancelled_on >= cancellation.deal.closed_at.date()


def test_interactions_are_logged_when_they_happened(demo):
    interactions = Interaction.objects.filter(deal__team=demo)
    assert not interactions.exclude(created_at=F("occurred_at")).exists()


def test_the_second_team_sees_nothing_of_the_first(demo):
    other = Team.objects.get(name=OTHER_TEAM_NAME)
    oscar = other.memberships.get().user
    maria = demo.memberships.get(user__username="maria").user
    assert deals_visible_to(oscar).count() == 3
    assert not deals_visible_to(oscar).filter(team=demo).exists()
    assert not prospects_visible_to(oscar).filter(team=demo).exists()
    assert not deals_visible_to(maria).filter(team=other).exists()


def test_every_demo_login_has_the_shared_password(demo):
    from django.contrib.auth import get_user_model

    for login in demo_logins():
        user = get_user_model().objects.get(username=login.username)
        assert user.check_password(DEMO_PASSWORD)
        assert user.membership.team.name == login.team
        assert user.membership.role == login.role


@pytest.mark.django_db
def test_the_stories_alone_are_the_smallest_demo():
    load(deals=STORY_DEALS)
    assert demo_loaded()
    assert Deal.objects.filter(team__name=TEAM_NAME).count() == STORY_DEALS


@pytest.mark.django_db
def test_fewer_deals_than_the_stories_is_refused():
    with pytest.raises(ValueError, match="at least"):
        load(deals=STORY_DEALS - 1)
    assert not demo_loaded()


@pytest.mark.django_db
def test_the_scale_path_writes_exactly_the_deals_asked_with_consistent_stage_changes():
    load(deals=2000)
    deals = list(all_deals())
    assert len(deals) == 2000
    for deal in deals:
        check_history(deal)
