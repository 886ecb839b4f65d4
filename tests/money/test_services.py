"""Good-money services: scoring rows, background re-scoring, walking away, settings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from goodfit.core.models import AuditEntry
from goodfit.money import services
from goodfit.money.models import MoneySettings, WalkAway, WorthScore
from goodfit.money.review import bottom_count
from goodfit.money.selectors import latest_score
from goodfit.pipeline.models import Outcome, Stage
from tests.factories import DealFactory, InteractionFactory
from tests.money.factories import give_history

pytestmark = pytest.mark.django_db


def test_a_write_re_scores_the_deal_in_the_same_transaction(deal, owner):
    services.concession_add(deal=deal, actor=owner, kind="custom_work", value=Decimal(4000))
    assert WorthScore.objects.filter(deal=deal).count() == 1  # no worker, no on-commit
    signals = {s["key"]: s for s in WorthScore.objects.get(deal=deal).signals}
    assert signals["concessions"]["value"] == 1
    assert AuditEntry.objects.filter(object_type="money.concession").exists()


def test_a_score_row_is_kept_per_scoring_and_the_latest_is_current(deal, owner):
    give_history(deal, owner)
    first = services.worth_refresh(deal=deal)
    assert services.worth_refresh(deal=deal) == first  # nothing changed: no new row
    services.concession_add(deal=deal, actor=owner, kind="free_extra", value=Decimal(6000))
    second = services.worth_refresh(deal=deal)  # the concession already wrote it
    assert second.pk != first.pk and second.score < first.score
    assert WorthScore.objects.filter(deal=deal).latest("at", "id") == second


def test_a_dismissed_phrase_flag_is_not_suggested_again(deal, owner):
    interaction = InteractionFactory(deal=deal, direction="in", summary="bigger order later")
    services.worth_refresh(deal=deal)
    flag = interaction.flags.get()
    services.flag_dismiss(flag=flag, actor=owner)
    services.worth_refresh(deal=deal, force=True)
    assert interaction.flags.get().dismissed_at is not None


def test_a_meeting_outcome_is_only_for_meetings_and_calls(deal, owner):
    email = InteractionFactory(deal=deal, channel="email")
    with pytest.raises(ValidationError) as error:
        services.meeting_outcome_set(interaction=email, actor=owner, outcome="missed")
    assert "interaction" in error.value.message_dict


def test_a_quote_in_the_future_is_refused(deal, owner):
    with pytest.raises(ValidationError) as error:
        services.quote_add(
            deal=deal, actor=owner, terms="x", amount=Decimal(1),
            sent_at=timezone.now() + dt.timedelta(days=2),
        )  # fmt: skip
    assert "sent_at" in error.value.message_dict


def test_walking_away_needs_a_walked_away_stage(team, deal, owner):
    Stage.objects.filter(team=team, outcome=Outcome.WALKED_AWAY).delete()
    with pytest.raises(ValidationError) as error:
        services.deal_walk_away(deal=deal, actor=owner)
    assert "ask a manager" in error.value.message_dict["stage"][0]
    assert not WalkAway.objects.exists()


def test_a_closed_deal_cannot_be_walked_away_from(team, owner):
    won = DealFactory(team=team, owner=owner, stage=team.stages.get(outcome=Outcome.WON))
    with pytest.raises(ValidationError):
        services.deal_walk_away(deal=won, actor=owner)


def test_the_team_template_is_used_and_may_name_only_known_placeholders(team, deal, manager):
    services.money_settings_update(
        team=team, actor=manager, walk_away_template="Thanks {prospect_first_name}. {rep_name}"
    )
    assert services.walk_away_message(deal).startswith(f"Thanks {deal.prospect.name.split()[0]}.")
    with pytest.raises(ValidationError) as error:
        services.money_settings_update(
            team=team, actor=manager, walk_away_template="Hi {prospect.__class__}"
        )
    assert "Unknown placeholder" in error.value.message_dict["walk_away_template"][0]
    assert MoneySettings.objects.get(team=team).walk_away_template.startswith("Thanks")


def test_bad_weights_are_refused_naming_the_setting(team, manager):
    with pytest.raises(ValidationError) as error:
        services.money_settings_update(team=team, actor=manager, weights={"margin": 500})
    assert "margin: 500 is out of range" in error.value.message_dict["weights"][0]


def test_team_weights_change_the_score_of_open_deals_at_once(team, deal, owner, manager):
    deal.discount_pct = Decimal(90)
    deal.save()
    give_history(deal, owner)
    before = latest_score(deal).score
    services.money_settings_update(team=team, actor=manager, weights={"margin": 0})
    assert latest_score(deal).score > before  # re-scored by the settings change


@pytest.mark.parametrize(
    ("total", "percent", "count"), [(0, 10, 0), (1, 10, 1), (48, 10, 5), (10, 100, 10)]
)
def test_the_bottom_share_is_at_least_one_deal(total, percent, count):
    assert bottom_count(total, percent) == count


def test_rescore_scores_every_open_deal(team, owner, deal, capsys):
    DealFactory(team=team, owner=owner)
    DealFactory(team=team, owner=owner, stage=team.stages.get(outcome=Outcome.LOST))
    call_command("rescore", "--quiet")
    assert WorthScore.objects.count() == 2
    assert "Scored 2 open deals" in capsys.readouterr().out
