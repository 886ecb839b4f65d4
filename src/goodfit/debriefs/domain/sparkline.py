"""A tiny bar chart of counts per month, as SVG geometry for a template (no inline styles)."""

from __future__ import annotations

from dataclasses import dataclass

WIDTH, HEIGHT, GAP = 10, 24, 2


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    month: str
    count: int


@dataclass(frozen=True)
class Sparkline:
    bars: list[Bar]
    width: int
    height: int
    label: str


def sparkline(points: list[tuple[str, int]]) -> Sparkline:
    top = max((count for _, count in points), default=0) or 1
    bars = []
    for n, (month, count) in enumerate(points):
        height = max(1, round(count / top * HEIGHT)) if count else 1
        bars.append(Bar(n * (WIDTH + GAP), HEIGHT - height, height, month, count))
    label = ", ".join(f"{month}: {count}" for month, count in points)
    return Sparkline(bars, max(len(points) * (WIDTH + GAP) - GAP, 1), HEIGHT, label)
