"""Core is the bottom layer: capabilities build on it, so it never reaches up to one.

Every module under ``goodfit/core`` is parsed (not imported), and each import, at module
level or inside a function, and each dotted string such as ``include("goodfit.x.urls")``
is checked against the capability packages found beside core.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import goodfit

SRC = Path(goodfit.__file__).parent
CORE = SRC / "core"


def capabilities() -> set[str]:
    """Every package of goodfit except core: pipeline, fit, money, … and the demo."""
    return {path.parent.name for path in SRC.glob("*/__init__.py") if path.parent.name != "core"}


def named_modules(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, dotted name) of each import and each string that looks like a module path."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            if node.module == "goodfit":
                for alias in node.names:
                    yield node.lineno, f"goodfit.{alias.name}"
        elif isinstance(node, ast.Constant) and str(node.value).startswith("goodfit."):
            yield node.lineno, str(node.value)


def capability_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of each name in ``source`` that belongs to a capability."""
    names = capabilities()
    return sorted(
        (line, module)
        for line, module in named_modules(ast.parse(source))
        if module.split(".")[:2] in (["goodfit", name] for name in names)
    )


def test_the_capabilities_are_found():
    assert {"pipeline", "fit", "money", "followups", "debriefs", "search", "demo"} <= (
        capabilities()
    )


def test_core_imports_no_capability():
    found = [
        f"{path.relative_to(SRC.parent)}:{line} {module}"
        for path in sorted(CORE.rglob("*.py"))
        for line, module in capability_imports(path.read_text())
    ]
    assert found == [], "core must not depend on a capability:\n" + "\n".join(found)


def test_the_check_sees_imports_inside_functions_and_dotted_strings():
    source = (
        "def view():\n"
        "    from goodfit.pipeline.models import Deal\n"
        "from goodfit import money\n"
        "URLS = 'goodfit.fit.urls'\n"
        "from goodfit.core.access import get_or_404\n"
    )
    assert [module for _, module in capability_imports(source)] == [
        "goodfit.pipeline.models",
        "goodfit.money",
        "goodfit.fit.urls",
    ]
