"""`goodfit demo`: migrate, load the demo teams once, print the logins, then serve."""

from __future__ import annotations

import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from goodfit.core.serving import migrate_if_needed, serve, site_url
from goodfit.pipeline.models import Deal


class Command(BaseCommand):
    help = (
        "Prepare a demo: migrate the database, load two demo teams (only once), print the "
        "URL and logins, then serve."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        from goodfit.demo.load import DEFAULT_DEALS, DEFAULT_SEED

        parser.add_argument(
            "--deals",
            type=int,
            default=DEFAULT_DEALS,
            help="Deals of the demo team, hand-written stories included (default: %(default)s).",
        )
        parser.add_argument(
            "--seed", type=int, default=DEFAULT_SEED, help="Random seed (default: %(default)s)."
        )
        parser.add_argument("--no-serve", action="store_true", help="Only prepare; do not serve.")
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")

    def handle(self, *args: Any, **options: Any) -> None:
        from goodfit.demo.load import STORY_DEALS, demo_loaded

        if options["deals"] < STORY_DEALS:
            raise CommandError(
                f"--deals must be at least {STORY_DEALS} (the hand-written stories); "
                f"got {options['deals']}."
            )
        self.stdout.write(f"Database: {database_description()}")
        migrate_if_needed(self.stdout)
        if demo_loaded():
            self.stdout.write(
                f"The demo data is already loaded; nothing added. {start_over_hint()}"
            )
        else:
            self._load(options["deals"], options["seed"])
        self._print_logins(options["host"], options["port"], serving=not options["no_serve"])
        if not options["no_serve"]:
            serve(options["host"], options["port"], self.stdout)

    def _load(self, deals: int, seed: int) -> None:
        from goodfit.demo.load import demo_load

        started = time.monotonic()
        console = Console(stderr=True)
        columns = [
            TextColumn("Loading demo deals"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
        ]
        with Progress(*columns, console=console, disable=not console.is_terminal) as bar:
            task = bar.add_task("deals", total=deals)
            demo_load(deals=deals, seed=seed, progress=lambda n: bar.advance(task, n))
        self.stdout.write(f"Loaded {deals:,} demo deals in {time.monotonic() - started:.1f} s.")

    def _print_logins(self, host: str, port: int, *, serving: bool) -> None:
        from goodfit.demo.load import DEMO_PASSWORD, TEAM_NAME, demo_logins

        count = Deal.objects.filter(team__name=TEAM_NAME).count()
        self.stdout.write(f"\n{TEAM_NAME} has {count:,} deals.")
        if serving:
            where = f"goodfit listens on {site_url(host, port)}; sign in there"
        else:
            # Nothing listens yet: say how to start it rather than send anyone to a dead URL.
            where = "Nothing is serving yet: start it with `goodfit serve`, then sign in"
        self.stdout.write(f"{where} as one of these (password for all: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.username:<8} {login.role:<8} {login.team}")
        self.stdout.write("")


def _is_sqlite() -> bool:
    return str(settings.DATABASES["default"]["ENGINE"]).endswith("sqlite3")


def database_description() -> str:
    db = settings.DATABASES["default"]
    if _is_sqlite():
        return f"SQLite at {db['NAME']}"
    return f"{connection.display_name} database {db.get('NAME', '')}"


def start_over_hint() -> str:
    if _is_sqlite():
        return f"To start over, delete {settings.DATA_DIR}."
    return "To start over, drop and recreate the database."
