"""`goodfit optimize`: refresh the query planner's statistics (ANALYZE)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from goodfit.core.db_statistics import statistics_refresh


class Command(BaseCommand):
    help = (
        "Refresh the database's query-planner statistics (ANALYZE). Migrations and "
        "`goodfit serve` (at start and daily) do it already; run it after a bulk import."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        seconds = statistics_refresh()
        self.stdout.write(f"Database statistics refreshed in {seconds:.1f} s.")
