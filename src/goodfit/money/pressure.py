"""The walk-away message checked for pressure before it is recorded as sent.

The checker belongs to the debriefs capability (its close-out linter, with the team's own
patterns); this module only calls its public entry point, so the walk-away message and
the close-out message are judged by the same rules.
"""

from __future__ import annotations

from typing import Any

from goodfit.debriefs.domain.closeout_lint import Finding, highlight
from goodfit.debriefs.pressure import check_pressure


def pressure_findings(team: Any, text: str) -> list[Finding]:
    """Every phrase in ``text`` that argues with, guilts or pressures the prospect."""
    return check_pressure(text, team=team)


def pressure_problem(findings: list[Finding]) -> str:
    """One sentence naming what was found, for an error next to the message."""
    quoted = "; ".join(f"“{f.text}” ({f.reason.rstrip('.')})" for f in findings[:3])
    more = f" and {len(findings) - 3} more" if len(findings) > 3 else ""
    return (
        f"This message pressures the prospect: {quoted}{more}. Rewrite it, or confirm that "
        "you want to record it as written."
    )


def pressure_pieces(text: str, findings: list[Finding]) -> list[tuple[str, Finding | None]]:
    """``text`` cut into flagged and plain pieces, for the page to mark up safely."""
    return highlight(text, findings)
