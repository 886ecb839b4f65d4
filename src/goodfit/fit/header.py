"""The fit verdict in the deal page's header and the discovery tab's "to do" (one query)."""

from __future__ import annotations

from typing import Any

from goodfit.core.extensions import HeaderFact
from goodfit.fit.domain.playbook import VERDICT_LABELS, FitVerdict
from goodfit.fit.models import Diagnosis

_CACHE = "_fit_latest_verdict"


def latest_verdict(deal: Any) -> str:
    """The verdict of the deal's latest diagnosis ("" if none), read once per deal object."""
    if not hasattr(deal, _CACHE):
        row = Diagnosis.objects.filter(deal=deal).order_by("-id").values("verdict").first()
        setattr(deal, _CACHE, row["verdict"] if row else "")
    return str(getattr(deal, _CACHE))


def verdict_fact(deal: Any) -> list[HeaderFact]:
    verdict = latest_verdict(deal)
    if not verdict:
        hint = "" if deal.stage.is_closed else "Ask the discovery questions"
        return [HeaderFact("Fit", "Not diagnosed", "neutral", hint, "fit")]
    return [HeaderFact("Fit", VERDICT_LABELS[FitVerdict(verdict)], f"verdict-{verdict}", "", "fit")]


def verdict_is_open(deal: Any) -> bool:
    """Discovery needs the rep while the deal is open and the verdict is not settled."""
    if deal.stage.is_closed:
        return False
    return latest_verdict(deal) in ("", FitVerdict.NOT_ENOUGH_INFORMATION)
