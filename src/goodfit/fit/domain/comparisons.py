"""The one table of condition operators, read by both ways of evaluating a playbook.

Each operator has the test the generic evaluator binds (``diagnosis``) and the source
text the generated verdict function inlines (``fastpath``), side by side, so the two
cannot drift apart. Both compare the answer with the value as compiled by
``compiled._operand`` (numbers as Decimal or float, dates as dates, text casefolded,
choice sets as frozensets).
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple

Test = Callable[[Any], bool]


class Comparison(NamedTuple):
    # The evaluator's test for a compiled value. Bound C functions where possible: they
    # are called millions of times in bulk runs. ``partial(operator.gt, value)(answer)``
    # is ``value > answer``, i.e. ``answer < value``.
    test: Callable[[Any], Test]
    # The same test as source, with the answer ``{a}`` and the compiled value ``{v}`` in
    # the same operand order as the bound function, so both give the same result.
    source: str


COMPARISONS: dict[str, Comparison] = {
    "is": Comparison(lambda value: partial(operator.eq, value), "{v} == {a}"),
    "is_not": Comparison(lambda value: partial(operator.ne, value), "{v} != {a}"),
    "lt": Comparison(lambda value: partial(operator.gt, value), "{v} > {a}"),
    "lte": Comparison(lambda value: partial(operator.ge, value), "{v} >= {a}"),
    "gt": Comparison(lambda value: partial(operator.lt, value), "{v} < {a}"),
    "gte": Comparison(lambda value: partial(operator.le, value), "{v} <= {a}"),
    "in": Comparison(lambda value: value.__contains__, "{a} in {v}"),
    "not_in": Comparison(lambda value: lambda v: v not in value, "{a} not in {v}"),
    "includes": Comparison(lambda value: lambda v: value in v, "{v} in {a}"),
    "excludes": Comparison(lambda value: lambda v: value not in v, "{v} not in {a}"),
    "includes_any": Comparison(
        lambda value: lambda v: not value.isdisjoint(v), "not {v}.isdisjoint({a})"
    ),
    "includes_none": Comparison(lambda value: value.isdisjoint, "{v}.isdisjoint({a})"),
    "contains": Comparison(lambda value: lambda v: value in v.casefold(), "{v} in {a}.casefold()"),
    "not_contains": Comparison(
        lambda value: lambda v: value not in v.casefold(), "{v} not in {a}.casefold()"
    ),
}
