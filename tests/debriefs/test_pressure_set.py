"""Precision and recall of the default patterns on the labelled set of messages.

The figures are printed (and written in docs/debriefs.md); the test fails when either
falls below 0.9.
"""

from __future__ import annotations

from goodfit.debriefs.domain.closeout_lint import lint
from goodfit.debriefs.domain.pressure_families import FAMILY_CODES
from tests.debriefs.pressure_messages import GRACIOUS, PUSHY

THRESHOLD = 0.9


def _scores() -> dict[str, float]:
    flagged_pushy = sum(1 for _, text in PUSHY if lint(text))
    flagged_gracious = sum(1 for text in GRACIOUS if lint(text))
    flagged = flagged_pushy + flagged_gracious
    return {
        "precision": flagged_pushy / flagged if flagged else 0.0,
        "recall": flagged_pushy / len(PUSHY),
        "family_recall": sum(
            1 for family, text in PUSHY if family in {f.family for f in lint(text)}
        )
        / len(PUSHY),
    }


def test_the_set_is_balanced_and_covers_every_family():
    assert len(GRACIOUS) + len(PUSHY) >= 80
    assert abs(len(GRACIOUS) - len(PUSHY)) <= 2
    assert {family for family, _ in PUSHY} == set(FAMILY_CODES)
    assert len(set(GRACIOUS)) == len(GRACIOUS) and len({t for _, t in PUSHY}) == len(PUSHY)


def test_precision_and_recall_are_at_least_0_9(capsys):
    scores = _scores()
    with capsys.disabled():
        print(
            f"\npressure checker on {len(GRACIOUS)} gracious + {len(PUSHY)} pushy messages: "
            f"precision {scores['precision']:.3f}, recall {scores['recall']:.3f}, "
            f"right family {scores['family_recall']:.3f}"
        )
    assert scores["precision"] >= THRESHOLD
    assert scores["recall"] >= THRESHOLD
