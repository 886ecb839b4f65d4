"""`goodfit serve`: migrate when needed, then serve the site (gunicorn, else waitress)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from goodfit.core.serving import DEFAULT_THREADS, SERVERS, migrate_if_needed, serve


class Command(BaseCommand):
    help = (
        "Serve goodfit with gunicorn (several worker processes), or waitress where gunicorn "
        "cannot run; applies pending migrations first, once, before any worker starts."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8000, help="Port to listen on.")
        parser.add_argument(
            "--workers", type=int, default=None, help="Worker processes (default: one per core)."
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=DEFAULT_THREADS,
            help="Request threads per worker (default: %(default)s).",
        )
        parser.add_argument(
            "--server", choices=SERVERS, default="auto", help="auto: gunicorn where it runs."
        )

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        migrate_if_needed(self.stdout)
        serve(
            host,
            port,
            self.stdout,
            workers=options["workers"],
            threads=options["threads"],
            server=options["server"],
        )
