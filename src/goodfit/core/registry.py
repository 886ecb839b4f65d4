"""The one registry shape behind every extension point (see ``core.extensions``).

Items are kept by key. They come out in placement order: the order of their slot (when the
registry has slots), then registration order — which is ``INSTALLED_APPS`` order, since
each capability registers in its ``AppConfig.ready()`` — except that an item naming another
key in ``after`` comes right after that item. No order numbers to guess.

Tests never touch the dicts: ``snapshot()`` / ``restore()`` (the ``registries`` fixture
in ``tests/conftest.py`` does both for every registry) and the public register and
unregister functions.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

T = TypeVar("T")

ALL: list[Registry[Any]] = []


class Registry(Generic[T]):
    def __init__(self, name: str, slots: tuple[str, ...] = ()) -> None:
        self.name = name
        self.slots = slots
        self._items: dict[str, T] = {}
        ALL.append(self)

    def register(self, key: str, item: T) -> None:
        slot = getattr(item, "slot", "")
        if self.slots and slot not in self.slots:
            raise ValueError(f"{self.name}: unknown slot {slot!r}; one of {self.slots}")
        self._items[key] = item

    def unregister(self, key: str) -> None:
        self._items.pop(key, None)

    def get(self, key: str) -> T | None:
        return self._items.get(key)

    def keys(self) -> list[str]:
        return [key for key, _ in self._placed()]

    def items(self, slot: str = "") -> list[T]:
        """Every item in placement order; only those of ``slot`` when one is named."""
        return [item for _, item in self._placed() if not slot or getattr(item, "slot", "") == slot]

    def snapshot(self) -> dict[str, T]:
        return dict(self._items)

    def restore(self, items: dict[str, T]) -> None:
        self._items = dict(items)

    def clear(self) -> None:
        self._items = {}

    def _placed(self) -> list[tuple[str, T]]:
        keys = list(self._items)
        anchored = {k: getattr(self._items[k], "after", "") for k in keys}
        order = [k for k in keys if anchored[k] not in self._items]
        pending = [k for k in keys if k not in order]
        while pending:
            placed = [k for k in pending if anchored[k] in order]
            if not placed:  # a cycle of ``after``s: keep registration order
                order += pending
                break
            for key in placed:
                at = order.index(anchored[key]) + 1
                # After the anchor and anything placed after it before, in registration order.
                while at < len(order) and anchored[order[at]] == anchored[key]:
                    at += 1
                order.insert(at, key)
            pending = [k for k in pending if k not in placed]
        if self.slots:
            rank = {slot: i for i, slot in enumerate(self.slots)}
            order.sort(key=lambda k: rank[getattr(self._items[k], "slot", "")])
        return [(k, self._items[k]) for k in order]


def snapshot_all() -> list[tuple[Registry[Any], dict[str, Any]]]:
    return [(registry, registry.snapshot()) for registry in ALL]


def restore_all(saved: list[tuple[Registry[Any], dict[str, Any]]]) -> None:
    for registry, items in saved:
        registry.restore(items)
