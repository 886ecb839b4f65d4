from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.pipeline.exceptions import StaleVersionError
from goodfit.pipeline.models import Deal, Outcome, StageChange
from goodfit.pipeline.services import deal_cancel, deal_create, deal_move, deal_update


def test_deal_create_opens_in_first_open_stage_and_records_the_stage(
    team, owner, prospect, offering
):
    deal = deal_create(
        team=team,
        actor=owner,
        prospect=prospect,
        offering=offering,
        owner=owner,
        title="New",
        amount=Decimal("500"),
    )
    assert deal.stage.name == "Lead"
    assert deal.currency == team.currency
    change = StageChange.objects.get(deal=deal)
    assert change.from_stage is None and change.to_stage == deal.stage
    assert AuditEntry.objects.filter(object_type="pipeline.deal", action="create").count() == 1


def test_deal_create_rejects_negative_amount_and_writes_nothing(team, owner, prospect, offering):
    with pytest.raises(ValidationError) as error:
        deal_create(
            team=team,
            actor=owner,
            prospect=prospect,
            offering=offering,
            owner=owner,
            title="New",
            amount=Decimal("-1"),
        )
    assert "amount" in error.value.message_dict
    assert not Deal.objects.exists() and not StageChange.objects.exists()


def test_deal_create_refuses_another_teams_prospect(team, owner, offering, other_team):
    from tests.factories import ProspectFactory

    foreign = ProspectFactory(team=other_team)
    with pytest.raises(ValidationError) as error:
        deal_create(
            team=team,
            actor=owner,
            prospect=foreign,
            offering=offering,
            owner=owner,
            title="New",
            amount=Decimal("5"),
        )
    assert "prospect" in error.value.message_dict


def test_second_save_with_the_same_version_is_refused(deal, owner, teammate):
    loaded_version = deal.version
    first = Deal.objects.get(pk=deal.pk)
    second = Deal.objects.get(pk=deal.pk)
    deal_update(deal=first, actor=owner, version=loaded_version, amount=Decimal("100"))
    with pytest.raises(StaleVersionError) as error:
        deal_update(deal=second, actor=teammate, version=loaded_version, amount=Decimal("200"))
    assert error.value.current.amount == Decimal("100")
    assert Deal.objects.get(pk=deal.pk).amount == Decimal("100")


def test_deal_move_records_stage_change_and_closes_on_won(deal, owner, team):
    won = team.stages.get(outcome=Outcome.WON)
    deal_move(deal=deal, actor=owner, stage=won)
    deal.refresh_from_db()
    assert deal.closed_at is not None and deal.version == 2
    assert deal.stage_changes.last().to_stage == won


def test_only_won_deals_can_be_cancelled(deal, owner, team):
    import datetime as dt

    with pytest.raises(ValidationError):
        deal_cancel(deal=deal, actor=owner, cancelled_on=dt.date.today(), reason="x")
    deal_move(deal=deal, actor=owner, stage=team.stages.get(outcome=Outcome.WON))
    cancellation = deal_cancel(
        deal=deal, actor=owner, cancelled_on=dt.date.today(), reason="Budget"
    )
    assert cancellation.deal == deal
