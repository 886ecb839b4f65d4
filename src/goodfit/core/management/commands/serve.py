"""`goodfit serve`: migrate when needed, then serve the site with waitress."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from goodfit.core.serving import migrate_if_needed, serve


class Command(BaseCommand):
    help = "Serve goodfit with waitress (applies pending migrations first)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        migrate_if_needed(self.stdout)
        serve(host, port, self.stdout)
