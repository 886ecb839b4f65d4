"""Latency of the global search with 100,000 prospects, against a small baseline.

    python bench/search.py                          # 100,000 prospects vs 1,000
    python bench/search.py --prospects 20000 --requests 40

Builds (or reuses) one SQLite data directory per size: a team with N prospects (names,
companies, emails and formatted phone numbers) and N/2 deals, written with bulk inserts so
that the database's own triggers fill the search index, plus a second team with N/10
prospects whose rows must never show. Then, in one process per size, times the search
drop-down and the results page through Django's test Client for typical queries (a name,
a company, an email, a phone number typed another way, a two-letter word, nothing found,
quotes and operators) and prints p50/p95 per query, the query count, and the large/small
ratios. Exits 1 if a query fails, leaks another team's rows, or its query count differs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_P95_MS = 100.0
SEED = 11
# (label, URL name, query). The phone is the first prospect's, typed without formatting.
QUERIES: list[tuple[str, str, str]] = [
    ("name, drop-down", "search-suggest", "natalie"),
    ("two names, drop-down", "search-suggest", "sofia ortiz"),
    ("company, drop-down", "search-suggest", "harbor dental"),
    ("email part, drop-down", "search-suggest", "@cedar"),
    ("phone typed bare, drop-down", "search-suggest", "{phone}"),
    ("phone typed spaced, drop-down", "search-suggest", "{phone_spaced}"),
    ("two letters, drop-down", "search-suggest", "al"),
    ("nothing found, drop-down", "search-suggest", "zzqxj"),
    ("quotes and operators", "search-suggest", '"harbor" OR NEAR(x'),
    ("name, results page", "search", "natalie"),
    ("common word, results page", "search", "dental"),
]
FIRST = [
    "Natalie",
    "Sofia",
    "Omar",
    "Priya",
    "James",
    "Lucia",
    "Ben",
    "Alan",
    "Maya",
    "Victor",
    "Grace",
    "Hector",
    "Imani",
    "Kevin",
    "Laura",
    "Nadia",
    "Ruth",
    "Samir",
    "Tina",
    "Zach",
]
LAST = [
    "Ortiz",
    "Chen",
    "Patel",
    "Nguyen",
    "Garcia",
    "Reed",
    "Kim",
    "Shah",
    "Brooks",
    "Diaz",
    "Lopez",
    "Young",
    "Walker",
    "Price",
    "Hayes",
    "Cruz",
    "Novak",
    "Ellis",
    "Ward",
    "Gray",
]
COMPANY = [
    "Harbor",
    "Cedar",
    "Summit",
    "Granite",
    "Beacon",
    "Falcon",
    "Aspen",
    "Birch",
    "Delta",
    "Copper",
    "Evergreen",
    "Highland",
    "Meridian",
    "Pioneer",
    "Redwood",
    "Willow",
]
KIND = ["Dental", "Logistics", "Plumbing", "Realty", "Clinics", "Staffing", "Foods", "Labs"]


# --- building a data directory --------------------------------------------------------


def _prospects(rng: random.Random, team: Any, count: int, start: int) -> list[Any]:
    from goodfit.pipeline.models import Prospect

    rows = []
    for n in range(start, start + count):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        company = f"{rng.choice(COMPANY)} {rng.choice(KIND)}"
        domain = company.lower().replace(" ", "") + ".example"
        area, line = rng.randint(201, 989), rng.randint(0, 9999)
        rows.append(
            Prospect(
                team=team,
                name=f"{first} {last}",
                company=company if n % 3 else "",
                email=f"{first.lower()}.{last.lower()}{n}@{domain}",
                phone=f"+1 ({area}) 555-{line:04d}" if n % 5 else "",
            )
        )
    return rows


def build(size: int) -> None:
    """Migrate, then write two teams with bulk inserts (the triggers index every row)."""
    from goodfit.core.services import member_create, team_create
    from goodfit.pipeline.models import Deal, Offering, Prospect
    from goodfit.pipeline.services import stages_create_default

    rng = random.Random(SEED)
    for name, count in (("Bench", size), ("Elsewhere", max(size // 10, 10))):
        team = team_create(name=name)
        stages_create_default(team=team)
        user = member_create(
            team=team, actor=None, username=name.lower(), password="bench-pass-1234", role="manager"
        ).user
        offering = Offering.objects.create(
            team=team, name=f"{name} plan", price=100, cost_to_serve=10
        )
        stages = list(team.stages.all())
        # Index order matters: the bench's phone number is the first prospect's.
        for start in range(0, count, 5000):
            chunk = _prospects(rng, team, min(5000, count - start), start)
            prospects = Prospect.objects.bulk_create(chunk)
            deals = [
                Deal(team=team, prospect=p, offering=offering, owner=user, stage=rng.choice(stages),
                     title=f"{p.company or p.name} — plan", amount=rng.randint(1, 500) * 100,
                     currency="USD", created_at=_now(), updated_at=_now())
                for p in prospects[::2]
            ]  # fmt: skip
            Deal.objects.bulk_create(deals)


def _now() -> Any:
    from django.utils import timezone

    return timezone.now()


# --- measuring, in a process whose settings point at one data directory ---------------


def _target_phone() -> tuple[str, str]:
    """The digits of a Bench prospect's phone, and the same typed with spaces."""
    from goodfit.pipeline.models import Prospect
    from goodfit.search.domain.query import phone_digits

    phone = Prospect.objects.filter(team__name="Bench").exclude(phone="").order_by("pk")[0].phone
    digits = phone_digits(phone)[1:]  # without the country code, as people type it
    return digits, f"{digits[:3]} {digits[3:6]} {digits[6:]}"


def _time(client: Any, url: str, data: dict[str, str], args: argparse.Namespace) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(args.warmup):
        client.get(url, data)
    latencies, queries, statuses, leaked = [], set(), set(), False
    for _ in range(args.requests):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url, data)
            latencies.append((time.perf_counter() - started) * 1000)
        queries.add(len(captured.captured_queries))
        statuses.add(response.status_code)
        leaked = leaked or "elsewhere" in response.content.decode().lower()
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {"p50": cuts[49], "p95": cuts[94], "queries": max(queries),
            "status": sorted(statuses), "leaked": leaked, "hits": _hits(response),
            "db_p95": _time_selector(data["q"], url, args)}  # fmt: skip


def _time_selector(text: str, url: str, args: argparse.Namespace) -> float:
    """p95 of the search itself (the three database reads, no request or template)."""
    from django.urls import reverse

    from goodfit.search.domain.query import parse
    from goodfit.search.selectors import PAGE_LIMIT, SUGGEST_LIMIT, search

    limit = PAGE_LIMIT if url == reverse("search") else SUGGEST_LIMIT
    viewer, query = _viewer(), parse(text)
    latencies = []
    for _ in range(args.requests):
        started = time.perf_counter()
        search(viewer, query, limit)
        latencies.append((time.perf_counter() - started) * 1000)
    return statistics.quantiles(latencies, n=100, method="inclusive")[94]


def _viewer() -> Any:
    """A second manager who owns no deal: the one who owns all 50,000 would make the
    navigation's per-owner badges (not search) dominate every request."""
    from django.contrib.auth import get_user_model

    from goodfit.core.models import Team
    from goodfit.core.services import member_create

    found = get_user_model().objects.filter(username="viewer").first()
    if found:
        return found
    team = Team.objects.get(name="Bench")
    return member_create(
        team=team, actor=None, username="viewer", password="bench-pass-1234", role="manager"
    ).user


def _hits(response: Any) -> int:
    return response.content.decode().count('class="search-hit"')


def measure(args: argparse.Namespace) -> dict:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "goodfit.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.urls import reverse

    from goodfit.pipeline.models import Prospect

    call_command("migrate", verbosity=0)
    if not Prospect.objects.filter(team__name="Bench").exists():
        build(args.size)
    client = Client()
    client.force_login(_viewer())
    phone, spaced = _target_phone()
    results = {"prospects": Prospect.objects.filter(team__name="Bench").count(), "queries": {}}
    for label, name, text in QUERIES:
        text = text.format(phone=phone, phone_spaced=spaced)
        results["queries"][label] = _time(client, reverse(name), {"q": text}, args)
    return results


# --- orchestrating: one process per size, the report ----------------------------------


def run_measure(size: int, args: argparse.Namespace, console: Any) -> dict:
    data_dir = args.out / f"search-{size}"
    env = {
        **os.environ,
        "GOODFIT_DATA_DIR": str(data_dir),
        "GOODFIT_HTTPS": "0",
        "GOODFIT_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "goodfit.settings",
    }
    env.pop("GOODFIT_DATABASE_URL", None)  # SQLite, the default deployment
    command = [sys.executable, __file__, "--measure", "--size", str(size)]
    command += ["--requests", str(args.requests), "--warmup", str(args.warmup)]
    started = time.monotonic()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"measuring {data_dir} failed:\n{done.stderr}")
    console.print(f"{size:>7,} prospects: {data_dir} in {time.monotonic() - started:.1f} s")
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(large: dict, small: dict, console: Any) -> bool:
    from rich.table import Table

    title = f"{large['prospects']:,} prospects vs {small['prospects']:,} prospects (SQLite)"
    table = Table(title=title)
    table.add_column("query")
    columns = ("p50 ms", "p95 ms", "queries", "hits", "small p95", "p95 ratio", "search() p95")
    for column in columns:
        table.add_column(column, justify="right")
    table.add_column(f"p95 < {TARGET_P95_MS:.0f} ms", justify="right")
    healthy = True
    for label, big in large["queries"].items():
        little = small["queries"][label]
        ok = big["status"] == [200] == little["status"] and not (big["leaked"] or little["leaked"])
        same = big["queries"] == little["queries"]
        fast = big["p95"] < TARGET_P95_MS
        healthy = healthy and ok and same and fast
        ratio = f"{big['p95'] / little['p95']:.2f}×" if little["p95"] else "-"
        table.add_row(
            label if ok else f"[red]{label} (HTTP {big['status']}, leaked {big['leaked']})[/red]",
            f"{big['p50']:.1f}", f"{big['p95']:.1f}",
            str(big["queries"]) if same else f"[red]{big['queries']} vs {little['queries']}[/red]",
            str(big["hits"]), f"{little['p95']:.1f}", ratio, f"{big['db_p95']:.1f}",
            "yes" if fast else "[red]no[/red]",
        )  # fmt: skip
    console.print(table)
    cpu = platform.processor() or platform.machine()
    console.print(
        f"Machine: {os.cpu_count()} CPU cores ({cpu}), Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )
    return healthy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prospects", type=int, default=100_000, help="large dataset (100000)")
    parser.add_argument("--baseline", type=int, default=1_000, help="small dataset (1000)")
    parser.add_argument("--requests", type=int, default=60, help="timed requests per query")
    parser.add_argument("--warmup", type=int, default=5, help="untimed requests first")
    parser.add_argument("--out", type=Path, default=HERE / "out", help="data directories")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args)))
        return 0

    from rich.console import Console

    console = Console()
    if not console.is_terminal:
        console.width = 120
    small = run_measure(args.baseline, args, console)
    large = run_measure(args.prospects, args, console)
    if args.json:
        args.json.write_text(json.dumps({"large": large, "small": small}, indent=2))
    return 0 if report(large, small, console) else 1


if __name__ == "__main__":
    sys.exit(main())
