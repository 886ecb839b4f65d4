"""Turn deal plans into rows with bulk inserts, a chunk of deals at a time.

Generated history is written directly rather than through the per-row services: 100,000
deals through services would take an hour and write a million audit entries for events
that never happened. The plans are consistent by construction (see ``plans.py``).

Prospects and deals go through ``bulk_create`` because their ids are needed next. The
rows that hang off a deal (about nine in ten of all rows) are written with plain
``executemany``: the ORM's per-value preparation would triple the time of a large demo.
"""

from __future__ import annotations

import datetime as dt
import typing
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
from typing import Any

from django.db import connection
from django.db.models import F, Field, Min, Model, OuterRef, Subquery
from django.db.models.functions import Coalesce

from goodfit.demo.plans import DealPlan
from goodfit.demo.roster import Cast
from goodfit.pipeline.domain.rules import count_words
from goodfit.pipeline.models import (
    Cancellation,
    Deal,
    Interaction,
    Note,
    Prospect,
    StageChange,
)

CHUNK = 2000
SQLITE_CACHE_KIB = 512 * 1024
Progress = Callable[[int], None]
Row = tuple[Any, ...]

STAGE_CHANGE_FIELDS = ["deal", "from_stage", "to_stage", "by", "at"]
INTERACTION_FIELDS = [
    "deal",
    "direction",
    "channel",
    "occurred_at",
    "summary",
    "text",
    "word_count",
    "logged_by",
    "created_at",
]
NOTE_FIELDS = ["deal", "author", "body", "created_at"]
CANCELLATION_FIELDS = ["deal", "cancelled_on", "reason", "by", "created_at"]


def _when(value: dt.datetime) -> Any:
    """An aware datetime as the database takes it (what the ORM would send, but faster)."""
    if connection.vendor == "sqlite":
        # SQLite stores naive text in the connection's zone (UTC); see adapt_datetimefield_value.
        return str(value.astimezone(connection.timezone).replace(tzinfo=None))
    return value


def _insert(model: type[Model], fields: list[str], rows: Iterable[Row]) -> None:
    """``INSERT`` many rows of ``model``; values must already be in database form."""
    meta, quote = model._meta, connection.ops.quote_name
    columns = ", ".join(quote(typing.cast(Field, meta.get_field(name)).column) for name in fields)
    values = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({values})", list(rows)
        )


def _chunks(plans: Iterable[DealPlan], size: int) -> Iterator[list[DealPlan]]:
    iterator = iter(plans)
    while chunk := list(islice(iterator, size)):
        yield chunk


class _Writer:
    """Writes chunks of plans for one team, remembering the prospects it created."""

    def __init__(self, cast: Cast) -> None:
        self.cast = cast
        self.stage_ids = {name: stage.pk for name, stage in cast.stages.items()}
        self.user_ids = {name: user.pk for name, user in cast.users.items()}
        self.prospect_ids: dict[int, int] = {}

    def write(self, chunk: list[DealPlan]) -> None:
        self._prospects(chunk)
        deals = Deal.objects.bulk_create([self._deal(plan) for plan in chunk])
        pairs = list(zip(deals, chunk, strict=True))
        _insert(StageChange, STAGE_CHANGE_FIELDS, self._stage_changes(pairs))
        _insert(Interaction, INTERACTION_FIELDS, self._interactions(pairs))
        _insert(Note, NOTE_FIELDS, self._notes(pairs))
        _insert(Cancellation, CANCELLATION_FIELDS, self._cancellations(pairs))

    def _prospects(self, chunk: list[DealPlan]) -> None:
        new = [plan.prospect for plan in chunk if plan.new_prospect]
        rows = Prospect.objects.bulk_create(
            [Prospect(team=self.cast.team, **p.fields()) for p in new]
        )
        for plan, row in zip(new, rows, strict=True):
            self.prospect_ids[plan.key] = row.pk

    def _deal(self, plan: DealPlan) -> Deal:
        return Deal(
            team=self.cast.team,
            prospect_id=self.prospect_ids[plan.prospect.key],
            offering=self.cast.offerings[plan.offering],
            owner_id=self.user_ids[plan.owner],
            title=plan.title,
            amount=plan.amount,
            currency=self.cast.team.currency,
            discount_pct=plan.discount_pct,
            expected_close_date=plan.expected_close_date,
            stage_id=self.stage_ids[plan.stages[-1][0]],
            # Every move bumps the version, as deal_move does.
            version=len(plan.stages),
            created_at=plan.created_at,
            updated_at=plan.updated_at,
            closed_at=plan.closed_at,
        )

    def _stage_changes(self, pairs: list[tuple[Deal, DealPlan]]) -> Iterator[Row]:
        for deal, plan in pairs:
            previous = None
            for name, at in plan.stages:
                stage_id = self.stage_ids[name]
                yield (deal.pk, previous, stage_id, deal.owner_id, _when(at))
                previous = stage_id

    def _interactions(self, pairs: list[tuple[Deal, DealPlan]]) -> Iterator[Row]:
        for deal, plan in pairs:
            for item in plan.interactions:
                at, words = _when(item.at), count_words(item.summary)
                # Logged when it happened, by the deal's owner.
                owner = deal.owner_id
                yield (
                    deal.pk,
                    item.direction,
                    item.channel,
                    at,
                    item.summary,
                    "",
                    words,
                    owner,
                    at,
                )

    def _notes(self, pairs: list[tuple[Deal, DealPlan]]) -> Iterator[Row]:
        for deal, plan in pairs:
            for at, author, body in plan.notes:
                yield (deal.pk, self.user_ids[author], body, _when(at))

    def _cancellations(self, pairs: list[tuple[Deal, DealPlan]]) -> Iterator[Row]:
        for deal, plan in pairs:
            if plan.cancellation:
                on, reason = plan.cancellation
                recorded = dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC)
                day = connection.ops.adapt_datefield_value(on)
                yield (deal.pk, day, reason, deal.owner_id, _when(recorded))


@contextmanager
def _roomy_cache() -> Iterator[None]:
    """Let SQLite keep a large transaction's index pages in memory.

    With the default 2 MB page cache, inserting into half a dozen indexes at once evicts
    and re-reads pages all the time: a 100,000-deal demo then spends most of its time
    waiting for the disk.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def plans_insert(cast: Cast, plans: Iterable[DealPlan], progress: Progress | None = None) -> int:
    """Write every plan; returns the number of deals written."""
    writer, written = _Writer(cast), 0
    with _roomy_cache():
        for chunk in _chunks(plans, CHUNK):
            writer.write(chunk)
            written += len(chunk)
            if progress:
                progress(len(chunk))
    return written


def history_backdate(cast: Cast) -> None:
    """Date each prospect from its first deal.

    ``created_at`` of a prospect is set to "now" on insert; a prospect really arrived
    with its first deal.
    """
    first_deal = (
        Deal.objects.filter(prospect=OuterRef("pk"))
        .order_by()
        .values("prospect")
        .annotate(first=Min("created_at"))
        .values("first")
    )
    first = Coalesce(Subquery(first_deal), F("created_at"))
    Prospect.objects.filter(team=cast.team).update(created_at=first, updated_at=first)
