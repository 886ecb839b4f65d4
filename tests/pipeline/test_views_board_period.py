"""Closed columns of the board count this month or this quarter, not all time."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from goodfit.pipeline.views.board import period_start
from tests.factories import DealFactory
from tests.querycount import queries_for

NOW = dt.datetime(2031, 5, 20, 12, tzinfo=dt.UTC)


def closed(team, owner, stage, when, amount="100"):
    return DealFactory(
        team=team,
        owner=owner,
        stage=team.stages.get(name=stage),
        closed_at=when,
        amount=Decimal(amount),
        title=f"{stage} {when:%Y-%m-%d}",
    )


@pytest.fixture
def history(team, owner):
    closed(team, owner, "Won", dt.datetime(2031, 5, 3, tzinfo=dt.UTC), "1000")
    closed(team, owner, "Won", dt.datetime(2031, 4, 10, tzinfo=dt.UTC), "2000")
    closed(team, owner, "Won", dt.datetime(2030, 12, 1, tzinfo=dt.UTC), "4000")
    closed(team, owner, "Lost", dt.datetime(2031, 4, 2, tzinfo=dt.UTC))
    DealFactory(team=team, owner=owner, title="Open one", amount=Decimal("7"))


def column(response, name):
    return next(c for c in response.context["columns"] if c.stage.name == name)


@pytest.mark.parametrize(
    ("period", "won_count", "won_total", "lost_count"),
    [
        ("", 1, Decimal("1000"), 0),
        ("month", 1, Decimal("1000"), 0),
        ("quarter", 2, Decimal("3000"), 1),
    ],
)
def test_closed_columns_show_the_current_period(
    owner, history, period, won_count, won_total, lost_count
):
    with time_machine.travel(NOW, tick=False):
        client = Client()
        client.force_login(owner)
        response = client.get(reverse("board"), {"period": period} if period else {})
    won = column(response, "Won")
    assert (won.count, won.total) == (won_count, won_total)
    assert column(response, "Lost").count == lost_count
    assert column(response, "Lead").count == 1  # open columns: every open deal


def test_the_period_switch_is_on_the_board(owner_client, history):
    html = owner_client.get(reverse("board"), {"period": "quarter"}).content.decode()
    assert "?period=month" in html and 'aria-current="true">This quarter' in html
    assert "this quarter" in html


@pytest.mark.parametrize(
    ("now", "period", "start"),
    [
        (dt.datetime(2031, 5, 20, 12, tzinfo=dt.UTC), "month", dt.date(2031, 5, 1)),
        (dt.datetime(2031, 5, 20, 12, tzinfo=dt.UTC), "quarter", dt.date(2031, 4, 1)),
        (dt.datetime(2031, 1, 1, 0, 30, tzinfo=dt.UTC), "quarter", dt.date(2031, 1, 1)),
        (dt.datetime(2031, 12, 31, 23, tzinfo=dt.UTC), "quarter", dt.date(2031, 10, 1)),
    ],
)
def test_period_start(now, period, start):
    with time_machine.travel(now, tick=False):
        assert period_start(period).date() == start


def test_board_query_count_is_the_same_for_either_period(owner_client, history):
    month = queries_for(owner_client, reverse("board"), {"period": "month"})
    assert queries_for(owner_client, reverse("board"), {"period": "quarter"}) == month


def test_a_closed_column_lists_the_latest_closed_first(owner, history):
    with time_machine.travel(NOW, tick=False):
        client = Client()
        client.force_login(owner)
        response = client.get(reverse("board"), {"period": "quarter"})
    titles = [deal.title for deal in column(response, "Won").deals]
    assert titles == ["Won 2031-05-03", "Won 2031-04-10"]
