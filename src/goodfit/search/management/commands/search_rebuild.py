"""Rebuild the search index from the prospects and deals tables."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from goodfit.search.schema import rebuild


class Command(BaseCommand):
    help = "Rebuild the search index from the prospects and deals (e.g. after a restore)."

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            rebuild(connection)
        self.stdout.write(f"Search index rebuilt ({connection.vendor}).")
