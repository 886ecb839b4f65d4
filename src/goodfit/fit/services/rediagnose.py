"""Bulk re-diagnosis: after a playbook changes, every open deal that has been diagnosed
gets a new Diagnosis row if its verdict or score under the current version differs."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from goodfit.fit.domain import diagnosis as pure
from goodfit.fit.models import Answer, Diagnosis
from goodfit.fit.selectors import Compiled, compiled, current_version, typed_answers
from goodfit.pipeline.models import Deal, Offering, Outcome

BATCH = 900  # below SQLite's smallest limit of query parameters


@dataclass
class RediagnoseSummary:
    checked: int = 0
    written: int = 0
    changes: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def changed(self) -> int:
        return sum(self.changes.values())


def deals_to_rediagnose(offering: Offering) -> list[int]:
    """Open deals of the offering that were diagnosed before (closed ones keep theirs)."""
    return list(
        Deal.objects.filter(offering=offering, stage__outcome=Outcome.OPEN, diagnoses__isnull=False)
        .order_by("id")
        .values_list("id", flat=True)
        .distinct()
    )


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _latest(ids: list[int]) -> dict[int, tuple[str, float, int]]:
    last = (
        Diagnosis.objects.filter(deal_id__in=ids)
        .order_by()
        .values("deal_id")
        .annotate(last=Max("id"))
        .values_list("last", flat=True)
    )
    rows = Diagnosis.objects.filter(id__in=list(last)).values_list(
        "deal_id", "verdict", "score", "version_id"
    )
    return {deal: (verdict, score, version) for deal, verdict, score, version in rows}


def _stored(ids: list[int]) -> dict[int, dict[str, Any]]:
    stored: dict[int, dict[str, Any]] = {deal_id: {} for deal_id in ids}
    rows = Answer.objects.filter(deal_id__in=ids).order_by("id")
    for deal_id, key, value in rows.values_list("deal_id", "question_key", "value"):
        stored[deal_id][key] = value
    return stored


def _batch(ids: list[int], row: Any, play: Compiled, summary: RediagnoseSummary) -> None:
    latest = _latest(ids)
    now = timezone.now()
    new: list[Diagnosis] = []
    for deal_id, stored in _stored(ids).items():
        answers = typed_answers(play, stored)
        result = pure.diagnose(play.playbook, answers)
        before = latest.get(deal_id)
        verdict = result.verdict.value
        if before == (verdict, result.score, row.pk):
            continue
        if before is None or before[0] != verdict:
            summary.changes[(before[0] if before else "none", verdict)] += 1
        new.append(
            Diagnosis(
                deal_id=deal_id,
                version=row,
                verdict=verdict,
                score=result.score,
                answered=len(answers),
                trigger="rediagnose",
                at=now,
            )
        )
    Diagnosis.objects.bulk_create(new)
    summary.checked += len(ids)
    summary.written += len(new)


def rediagnose_offering_deals(
    offering: Offering,
    summary: RediagnoseSummary | None = None,
    progress: Callable[[int], None] | None = None,
) -> RediagnoseSummary:
    summary = summary or RediagnoseSummary()
    row = current_version(offering)
    if row is None:
        return summary
    play = compiled(row)
    for ids in _batches(deals_to_rediagnose(offering)):
        with transaction.atomic():
            _batch(ids, row, play, summary)
        if progress:
            progress(len(ids))
    return summary


def offerings_with_playbooks(team_id: int | None = None, name: str | None = None) -> list[Offering]:
    offerings = Offering.objects.filter(playbook__isnull=False).select_related("team")
    if team_id is not None:
        offerings = offerings.filter(team_id=team_id)
    if name is not None:
        offerings = offerings.filter(name=name)
    return list(offerings.order_by("team_id", "name"))
