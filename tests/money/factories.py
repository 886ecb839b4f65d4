"""Factories for the good-money rows."""

from __future__ import annotations

from decimal import Decimal

import factory
from django.utils import timezone

from goodfit.money.models import Concession, Quote, TimeLog
from tests.factories import DealFactory


class ConcessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Concession

    deal = factory.SubFactory(DealFactory)
    kind = Concession.Kind.FREE_EXTRA
    value = Decimal("500")
    at = factory.LazyFunction(timezone.now)


class QuoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Quote

    deal = factory.SubFactory(DealFactory)
    version = factory.Sequence(lambda n: n + 1)
    terms = "1 site, 12 months"
    amount = Decimal("12000")
    sent_at = factory.LazyFunction(timezone.now)


class TimeLogFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimeLog

    deal = factory.SubFactory(DealFactory)
    hours = Decimal("2")
    on = factory.LazyFunction(timezone.localdate)
    at = factory.LazyFunction(timezone.now)


def give_history(deal, actor, count: int = 3, *, days_ago: int = 10):
    """Log ``count`` exchanges on ``deal`` through the pipeline service (which re-scores
    it): enough history for a verdict with the default ``min_interactions``."""
    import datetime as dt

    from goodfit.pipeline.services import interaction_log

    start = timezone.now() - dt.timedelta(days=days_ago)
    return [
        interaction_log(
            deal=deal, actor=actor, direction="out" if n % 2 == 0 else "in", channel="email",
            occurred_at=start + dt.timedelta(hours=2 * n), summary=f"Exchange {n + 1}",
        )
        for n in range(count)
    ]  # fmt: skip
