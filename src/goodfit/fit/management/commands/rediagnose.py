"""`goodfit rediagnose [--offering NAME]`: re-diagnose open deals, report what changed."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from goodfit.fit.models import VERDICT_CHOICES
from goodfit.fit.services.rediagnose import (
    RediagnoseSummary,
    deals_to_rediagnose,
    offerings_with_playbooks,
    rediagnose_offering_deals,
)

LABELS = {**dict(VERDICT_CHOICES), "none": "Not diagnosed"}


class Command(BaseCommand):
    help = "Re-diagnose the open deals against the current playbooks; closed deals keep theirs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--offering", help="only this offering (by name)")

    def handle(self, *args: Any, **options: Any) -> None:
        offerings = offerings_with_playbooks(name=options.get("offering"))
        if not offerings:
            which = f" named “{options['offering']}”" if options.get("offering") else ""
            raise CommandError(f"No offering{which} has a playbook.")
        console = Console(file=self.stdout, stderr=False)
        summary = RediagnoseSummary()
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        ) as progress:
            for offering in offerings:
                total = len(deals_to_rediagnose(offering))
                task = progress.add_task(offering.name, total=total)
                rediagnose_offering_deals(
                    offering, summary, lambda n, t=task: progress.advance(t, n)
                )
        self.report(console, summary)

    def report(self, console: Console, summary: RediagnoseSummary) -> None:
        console.print(
            f"Checked {summary.checked} open deals; {summary.changed} verdicts changed, "
            f"{summary.written} new diagnoses recorded."
        )
        if not summary.changes:
            return
        table = Table("From", "To", "Deals")
        for (before, after), count in summary.changes.most_common():
            table.add_row(LABELS.get(before, before), LABELS.get(after, after), str(count))
        console.print(table)
