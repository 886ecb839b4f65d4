"""Reads for discovery and fit: the current playbook, a deal's answers and verdicts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from django.db.models import Max, QuerySet

from goodfit.core.extensions import AlternativeReferral
from goodfit.fit.domain import answers as fit_answers
from goodfit.fit.domain import diagnosis as pure
from goodfit.fit.domain.playbook_format import playbook_read
from goodfit.fit.models import Alternative, Answer, Diagnosis, PlaybookVersion, ReferralOut
from goodfit.pipeline.models import Deal, Offering


@dataclass(frozen=True)
class Compiled:
    row_id: int
    number: int
    version: pure.PlaybookDefinition
    playbook: pure.CompiledPlaybook
    questions: dict[str, pure.Question]


@lru_cache(maxsize=256)
def _compiled(row_id: int, number: int, definition_json: str) -> Compiled:
    import json

    version = playbook_read(json.loads(definition_json))
    questions = {q.key: q for q in version.questions}
    return Compiled(row_id, number, version, pure.compile_playbook(version), questions)


def compiled(row: PlaybookVersion) -> Compiled:
    """The pure playbook of a version row, compiled once (versions never change)."""
    import json

    return _compiled(row.pk, row.number, json.dumps(row.definition, sort_keys=True))


def current_version(offering: Offering | int) -> PlaybookVersion | None:
    offering_id = offering if isinstance(offering, int) else offering.pk
    return (
        PlaybookVersion.objects.filter(playbook__offering_id=offering_id)
        .order_by("-number")
        .first()
    )


def latest_values(rows: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """Question key → stored value, the last row per key winning (rows in saving order)."""
    values: dict[str, Any] = {}
    for key, value in rows:
        values[key] = value
    return values


def typed_answers(play: Compiled, stored: Mapping[str, Any]) -> dict[str, Any]:
    """Stored JSON answers as typed values for ``play``.

    Answers to questions the version no longer has, or that no longer fit a changed
    question (a choice removed), are left out: they are unanswered for this version.
    """
    typed: dict[str, Any] = {}
    for key, raw in stored.items():
        question = play.questions.get(key)
        if question is None or raw is None:
            continue
        try:
            value = fit_answers.answer_parse(question, raw)
        except fit_answers.AnswerError:
            continue
        if value is not None:
            typed[key] = value
    return typed


def stored_answers(deal: Deal) -> dict[str, Any]:
    rows = Answer.objects.filter(deal=deal).order_by("id").values_list("question_key", "value")
    return latest_values(rows)


def alternatives_by_name(team_id: int) -> dict[str, Alternative]:
    return {a.name: a for a in Alternative.objects.filter(team_id=team_id, is_active=True)}


def alternative_line(alternative: Alternative | None, name: str) -> str:
    if alternative is None:
        return name
    return f"{alternative.name} ({alternative.contact})" if alternative.contact else name


def script_for(
    deal: Deal, result: pure.DiagnosisResult, script: str, directory: Mapping[str, Alternative]
) -> str:
    """The honest script for a not-a-fit verdict, from plain strings only."""
    reasons = fit_answers.join_words(_lower_first(r.text) for r in result.reasons)
    alternatives = fit_answers.join_words(
        (alternative_line(directory.get(n), n) for n in result.alternatives), last="or"
    )
    owner = deal.owner
    values = {
        "prospect": deal.prospect.name,
        "offering": deal.offering.name,
        "reasons": reasons,
        "alternatives": alternatives or "someone better placed to help",
        "rep": owner.get_full_name() or owner.get_username(),
    }
    return fit_answers.script_render(script, values)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


@dataclass(frozen=True)
class DealFit:
    """Everything the discovery panel and the API show for one deal."""

    deal: Deal
    play: Compiled | None
    answers: dict[str, Any]
    result: pure.DiagnosisResult | None
    alternatives: list[tuple[str, Alternative | None]]
    script: str


def deal_fit(deal: Deal) -> DealFit:
    """The live diagnosis of a deal from its current answers (a fixed number of queries)."""
    row = current_version(deal.offering_id)
    if row is None:
        return DealFit(deal, None, {}, None, [], "")
    play = compiled(row)
    answers = typed_answers(play, stored_answers(deal))
    result = pure.diagnose(play.playbook, answers)
    directory = alternatives_by_name(deal.team_id) if result.alternatives else {}
    alternatives = [(name, directory.get(name)) for name in result.alternatives]
    script = ""
    if result.verdict is pure.FitVerdict.NOT_A_FIT:
        script = script_for(deal, result, play.version.script, directory)
    return DealFit(deal, play, answers, result, alternatives, script)


def diagnosis_history(deal: Deal, limit: int = 20) -> list[Diagnosis]:
    return list(
        Diagnosis.objects.filter(deal=deal)
        .select_related("version", "by")
        .order_by("-at", "-id")[:limit]
    )


def referrals_out(deal: Deal) -> list[ReferralOut]:
    return list(ReferralOut.objects.filter(deal=deal).select_related("alternative", "by"))


def alternative_referrals(deals: QuerySet[Deal] | list[Deal]) -> list[AlternativeReferral]:
    """The referrals out of ``deals``, newest first, as other capabilities read them."""
    rows = ReferralOut.objects.filter(deal__in=deals).select_related("alternative", "deal")
    return [
        AlternativeReferral(str(r.alternative), r.at, r.deal.title) for r in rows.order_by("-at")
    ]


def current_verdicts(deal_ids: Iterable[int]) -> dict[int, str]:
    """Deal id → the verdict of its latest diagnosis (deals never diagnosed are absent).

    Two queries whatever the number of deals: the board and deal list call it once.
    """
    ids = list(deal_ids)
    if not ids:
        return {}
    latest = (
        Diagnosis.objects.filter(deal_id__in=ids)
        .order_by()  # the default ordering would split the groups
        .values("deal_id")
        .annotate(last=Max("id"))
    )
    last_ids = [row["last"] for row in latest]
    rows = Diagnosis.objects.filter(id__in=last_ids).values_list("deal_id", "verdict")
    return dict(rows)
