"""`goodfit rescore`: re-score every open deal (or one team's), with a progress bar."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from goodfit.core.models import Team
from goodfit.money.selectors import CHUNK, chunks, team_rules
from goodfit.money.services import worth_refresh_many
from goodfit.pipeline.models import Deal, Outcome


class Command(BaseCommand):
    help = "Re-score all open deals: a new worth score row for each (the latest is current)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", help="only this team (its name or id)")
        parser.add_argument(
            "--chunk", type=int, default=CHUNK, help="deals read and written at a time"
        )
        parser.add_argument("--quiet", action="store_true", help="no progress bar")

    def _teams(self, team: str | None) -> list[Team]:
        if team is None:
            return list(Team.objects.order_by("id"))
        found = (
            Team.objects.filter(pk=int(team)) if team.isdigit() else Team.objects.filter(name=team)
        )
        if not found.exists():
            raise CommandError(f"No team named or numbered “{team}”.")
        return list(found)

    def handle(self, *args: Any, **options: Any) -> None:
        if not 1 <= options["chunk"] <= 10_000:
            raise CommandError(f"--chunk must be between 1 and 10000, not {options['chunk']}.")
        teams = self._teams(options["team"])
        open_deals = Deal.objects.filter(team__in=teams, stage__outcome=Outcome.OPEN)
        total, started, done = open_deals.count(), time.perf_counter(), 0
        console = Console(file=self.stdout, quiet=options["quiet"])
        columns = (TextColumn("Scoring"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, disable=options["quiet"]) as bar:
            task = bar.add_task("scoring", total=total)
            for team in teams:
                rules = team_rules(team.pk)
                for chunk in chunks(open_deals.filter(team=team), options["chunk"]):
                    done += worth_refresh_many(deals=chunk, rules=rules)
                    bar.advance(task, len(chunk))
        seconds = time.perf_counter() - started
        rate = done / seconds if seconds else 0
        self.stdout.write(f"Scored {done} open deals in {seconds:.1f} s ({rate:,.0f} deals/s).")
