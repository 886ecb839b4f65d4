"""Every module of the `domain` packages imports with Django absent: plain Python only.

Each is imported in a fresh interpreter where ``django`` (and the Django add-ons) cannot be
imported, so an import of Django anywhere on the way fails here, not only in the import
contracts of ``lint-imports``.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
ABSENT = ("django", "ninja", "django_htmx", "django_tasks", "django_tasks_db")


def domain_modules() -> list[str]:
    found = []
    for package in sorted(SRC.glob("goodfit/*/domain")):
        name = ".".join(package.relative_to(SRC).parts)
        found.append(name)
        found += [f"{name}.{m.name}" for m in pkgutil.iter_modules([str(package)])]
    return found


def test_every_app_with_pure_rules_has_a_domain_package() -> None:
    packages = {m for m in domain_modules() if m.endswith(".domain")}
    assert {f"goodfit.{app}.domain" for app in ("pipeline", "fit", "money", "followups")} <= (
        packages
    )


# Imports each module in turn and prints those that fail, with the error.
PROBE = """
import importlib, sys
sys.modules.update(dict.fromkeys(sys.argv[1].split(",")))
for name in sys.argv[2:]:
    try:
        importlib.import_module(name)
    except ImportError as error:
        print(name, "->", error)
"""


def test_every_domain_module_imports_without_django() -> None:
    modules = domain_modules()
    done = subprocess.run(
        [sys.executable, "-c", PROBE, ",".join(ABSENT), *modules],
        capture_output=True, text=True, cwd=SRC, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout == "", f"Django (or a module that needs it) is imported by:\n{done.stdout}"
    assert len(modules) > 30
