"""Shared by the `serve`, `setup` and `demo` commands: bring the database up to date, then
serve with waitress."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError, OutputWrapper
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

THREADS = 8
ALL_INTERFACES = {"0.0.0.0", "::", ""}


def pending_migrations() -> int:
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def migrate_if_needed(out: OutputWrapper) -> None:
    """Apply migrations when the database is new or behind this version of goodfit."""
    pending = pending_migrations()
    if pending:
        out.write(f"Preparing the database ({pending} migrations)…")
        call_command("migrate", interactive=False, verbosity=0)


def site_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ALL_INTERFACES else host
    if ":" in shown:  # a bare IPv6 address
        shown = f"[{shown}]"
    scheme = "https" if settings.SECURE_SSL_REDIRECT else "http"
    return f"{scheme}://{shown}:{port}/"


def _warnings(host: str) -> list[str]:
    notes = []
    if host not in ALL_INTERFACES and host not in settings.ALLOWED_HOSTS:
        notes.append(
            f"Note: {host} is not in GOODFIT_ALLOWED_HOSTS; requests to it will be refused."
        )
    if settings.SECURE_SSL_REDIRECT:
        notes.append(
            "Note: HTTPS is on, so plain HTTP requests are redirected to https://. Put a TLS "
            "proxy in front (and set GOODFIT_BEHIND_PROXY=1), or set GOODFIT_HTTPS=0."
        )
    return notes


def serve(host: str, port: int, out: OutputWrapper) -> None:
    """Serve the site until interrupted (Ctrl+C raises KeyboardInterrupt to the caller)."""
    import waitress
    from django.core.wsgi import get_wsgi_application

    # WhiteNoise serves app static files through finders but warns when STATIC_ROOT is
    # missing; an empty one (filled by `goodfit manage collectstatic` if wanted) is enough.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    application = get_wsgi_application()
    for note in _warnings(host):
        out.write(note)
    out.write(f"Serving goodfit at {site_url(host, port)} (press Ctrl+C to stop)")
    try:
        waitress.serve(application, host=host, port=port, threads=THREADS)
    except OSError as error:
        reason = error.strerror or str(error)
        raise CommandError(
            f"Cannot listen on {host}:{port}: {reason}. Is goodfit already running? "
            "Choose another port with --port."
        ) from None
