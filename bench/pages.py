"""Latency and query count of the main pages with 100,000 deals, against a small baseline.

    python bench/pages.py                    # 100,000 deals vs 1,000, 60 requests per page
    python bench/pages.py --deals 20000 --requests 30

Builds (or reuses) one SQLite data directory per size with `goodfit demo --deals N
--no-serve`, then measures each size in its own process (settings are read once per
process) with Django's test Client, logged in as the demo manager. Prints p50/p95 per
page, the query count, and the large/small ratios. Exits 1 if a page fails or if a page's
query count grows with the number of deals.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_P95_MS = 150.0
# (label, URL name or path, reverse args, API?)
PAGES: list[tuple[str, str, str, bool]] = [
    ("Board", "board", "", False),
    ("Deal list", "deal-list", "", False),
    ("Deal list, search “logistics”", "deal-list", "?q=logistics", False),
    ("Deal list by amount", "deal-list", "?sort=-amount", False),
    ("Deal list by close date", "deal-list", "?sort=close", False),
    ("Search page “logistics”", "search", "?q=logistics", False),
    ("Search drop-down, a phone", "search-suggest", "?q=773+555", False),
    ("Deal page", "deal-detail", "", False),
    ("Prospects", "prospect-list", "", False),
    ("Prospects, search “logistics”", "prospect-list", "?q=logistics", False),
    ("Today", "today", "", False),
    ("API deal list", "/api/v1/deals", "", True),
]


# --- measuring, in a process whose settings point at one data directory ---------------


def _url(name: str, query: str, deal_id: int) -> str | None:
    from django.urls import NoReverseMatch, Resolver404, resolve, reverse

    if name.startswith("/"):
        try:
            resolve(name)
        except Resolver404:
            return None
        return name + query
    try:
        args = [deal_id] if name == "deal-detail" else []
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def _time_page(client: Any, url: str, headers: dict[str, str], args: argparse.Namespace) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(args.warmup):
        client.get(url, **headers)
    latencies, queries, statuses = [], set(), set()
    for _ in range(args.requests):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, **headers)
            latencies.append((time.perf_counter() - started) * 1000)
        queries.add(len(captured.captured_queries))
        statuses.add(response.status_code)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "url": url,
        "status": sorted(statuses),
        "p50": cuts[49],
        "p95": cuts[94],
        "queries": max(queries),
        "queries_vary": len(queries) > 1,
    }


def measure(args: argparse.Namespace) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodfit.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from goodfit.core.services import token_create, token_revoke
    from goodfit.demo.load import TEAM_NAME
    from goodfit.pipeline.models import Deal

    manager = get_user_model().objects.get(username="maria")
    # The told story with the longest history: the same deal in every dataset.
    deal = Deal.objects.get(team__name=TEAM_NAME, prospect__company="Brightline Logistics")
    token, raw = token_create(user=manager, name="benchmark")
    client = Client()
    client.force_login(manager)
    results = {"deals": Deal.objects.filter(team__name=TEAM_NAME).count(), "pages": {}}
    try:
        for label, name, query, is_api in PAGES:
            url = _url(name, query, deal.pk)
            headers = {"HTTP_AUTHORIZATION": f"Bearer {raw}"} if is_api else {}
            page = _time_page(client, url, headers, args) if url else None
            results["pages"][label] = page
    finally:
        token_revoke(token=token)
    return results


# --- orchestrating: data directories, one process per size, the report --------------


def _environment(data_dir: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "GOODFIT_DATA_DIR": str(data_dir),
        "GOODFIT_HTTPS": "0",
        "GOODFIT_ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
        "DJANGO_SETTINGS_MODULE": "goodfit.settings",
    }
    env.pop("GOODFIT_DATABASE_URL", None)  # SQLite, as the issue asks
    return env


def prepare(size: int, out: Path, console: Any) -> Path:
    data_dir = out / f"demo-{size}"
    started = time.monotonic()
    command = [sys.executable, "-m", "goodfit", "demo", "--deals", str(size), "--no-serve"]
    done = subprocess.run(command, env=_environment(data_dir), capture_output=True, text=True)
    if done.returncode:
        console.print(done.stderr)
        raise SystemExit(f"goodfit demo --deals {size} failed")
    # As `goodfit serve` does at start: the planner needs statistics to pick the indexes.
    optimize = [sys.executable, "-m", "goodfit", "optimize"]
    subprocess.run(optimize, env=_environment(data_dir), capture_output=True, check=True)
    verb = "reused" if "already loaded" in done.stdout else "built"
    console.print(f"{size:>7,} deals: {verb} {data_dir} in {time.monotonic() - started:.1f} s")
    return data_dir


def run_measure(data_dir: Path, args: argparse.Namespace) -> dict:
    command = [sys.executable, __file__, "--measure"]
    command += ["--requests", str(args.requests), "--warmup", str(args.warmup)]
    done = subprocess.run(command, env=_environment(data_dir), capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"measuring {data_dir} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    return (
        f"{os.cpu_count()} CPU cores ({cpu}), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


def _ratio(large: float, small: float) -> str:
    return f"{large / small:.2f}×" if small else "-"


def report(large: dict, small: dict, console: Any) -> bool:
    from rich.table import Table

    table = Table(title=f"{large['deals']:,} deals vs {small['deals']:,} deals (SQLite)")
    table.add_column("page")
    for column in ("p50 ms", "p95 ms", "queries", "small p50", "small p95", "small queries"):
        table.add_column(column, justify="right")
    for column in ("p95 ratio", "queries ratio", f"p95 < {TARGET_P95_MS:.0f} ms"):
        table.add_column(column, justify="right")
    healthy = True
    for label, big in large["pages"].items():
        little = small["pages"][label]
        if big is None or little is None:
            table.add_row(label, *["not there yet"] + [""] * 8)
            healthy = False
            continue
        ok = big["status"] == [200] and little["status"] == [200]
        # Fewer queries at the large size is fine: Django skips an `IN ()` lookup when the
        # page's deals have no rows of that kind (no diagnosis yet), which depends on the
        # data on screen, not on its size. More queries would mean they grow with it.
        same = big["queries"] <= little["queries"] and not big["queries_vary"]
        healthy = healthy and ok and same
        table.add_row(
            label if ok else f"{label} (HTTP {big['status']})",
            f"{big['p50']:.1f}",
            f"{big['p95']:.1f}",
            str(big["queries"]),
            f"{little['p50']:.1f}",
            f"{little['p95']:.1f}",
            str(little["queries"]),
            _ratio(big["p95"], little["p95"]),
            _ratio(big["queries"], little["queries"]) if same else "[red]grows[/red]",
            "yes" if big["p95"] < TARGET_P95_MS else "[red]no[/red]",
        )
    console.print(table)
    console.print(f"Machine: {_machine()}")
    return healthy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deals", type=int, default=100_000, help="large dataset (100000)")
    parser.add_argument("--baseline", type=int, default=1_000, help="small dataset (1000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per page")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="data directories")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args)))
        return 0

    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console.width = 132  # the table's ten columns, when written to a file
    small = run_measure(prepare(args.baseline, args.out, console), args)
    large = run_measure(prepare(args.deals, args.out, console), args)
    if args.json:
        args.json.write_text(json.dumps({"large": large, "small": small}, indent=2))
    return 0 if report(large, small, console) else 1


if __name__ == "__main__":
    sys.exit(main())
