"""The fit verdict in the deal page's header (one query)."""

from __future__ import annotations

from typing import Any

from goodfit.core.extensions import HeaderFact
from goodfit.fit.models import Diagnosis, Verdict


def verdict_fact(deal: Any) -> list[HeaderFact]:
    latest = Diagnosis.objects.filter(deal=deal).order_by("-id").values("verdict").first()
    if latest is None:
        hint = "" if deal.stage.is_closed else "Ask the discovery questions"
        return [HeaderFact("Fit", "Not diagnosed", "neutral", hint, "fit")]
    verdict = latest["verdict"]
    return [HeaderFact("Fit", Verdict(verdict).label, f"verdict-{verdict}", "", "fit")]


def verdict_is_open(deal: Any) -> bool:
    """Discovery needs the rep while the deal is open and the verdict is not settled."""
    if deal.stage.is_closed:
        return False
    latest = Diagnosis.objects.filter(deal=deal).order_by("-id").values("verdict").first()
    return latest is None or latest["verdict"] == Verdict.NOT_ENOUGH_INFORMATION
