"""Shared by the `serve`, `setup` and `demo` commands: bring the database up to date, then
serve with gunicorn (several processes) or, where gunicorn cannot run, waitress (one
process)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError, OutputWrapper
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from goodfit.core.db_statistics import statistics_daily, statistics_missing, statistics_update
from goodfit.core.gunicorn_app import (
    WSGIApp,
    gunicorn_available,
    gunicorn_options,
    gunicorn_run,
)

# Request threads per worker process: a request mostly waits on the database or the
# network, so a few threads keep a core busy without many requests fighting for it.
DEFAULT_THREADS = 4
SERVERS = ("auto", "gunicorn", "waitress")
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


def default_workers() -> int:
    """One worker process per core: each runs Python code on its own core."""
    return os.cpu_count() or 1


def server_choice(server: str) -> str:
    """The server to run: gunicorn wherever it can run (Linux, macOS), else waitress."""
    if server == "auto":
        return "gunicorn" if gunicorn_available() else "waitress"
    if server == "gunicorn" and not gunicorn_available():
        raise CommandError(
            "gunicorn cannot run here (it needs a Unix system); use --server waitress."
        )
    return server


def serve(
    host: str,
    port: int,
    out: OutputWrapper,
    *,
    workers: int | None = None,
    threads: int = DEFAULT_THREADS,
    server: str = "auto",
) -> None:
    """Serve the site until interrupted (Ctrl+C raises KeyboardInterrupt to the caller)."""
    from django.core.wsgi import get_wsgi_application

    chosen = server_choice(server)
    # WhiteNoise serves app static files through finders but warns when STATIC_ROOT is
    # missing; an empty one (filled by `goodfit manage collectstatic` if wanted) is enough.
    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)
    application = get_wsgi_application()
    _import_views()
    for note in _warnings(host):
        out.write(note)
    _refresh_statistics(out)
    processes = workers or default_workers()
    if chosen == "gunicorn":
        _serve_gunicorn(application, host, port, out, processes, threads)
    else:
        if workers and workers > 1:
            out.write("Note: waitress runs one process; its threads stand in for the workers.")
        # One process: as many request threads as the workers would have had together.
        _serve_waitress(application, host, port, out, processes * threads)


def _serve_gunicorn(
    application: WSGIApp, host: str, port: int, out: OutputWrapper, workers: int, threads: int
) -> None:
    _ensure_free(host, port)
    out.write(
        f"Serving goodfit at {site_url(host, port)} with {_count(workers, 'worker process')}"
        f" × {_count(threads, 'thread')} (gunicorn; press Ctrl+C to stop)"
    )
    gunicorn_run(application, gunicorn_options(host or "0.0.0.0", port, workers, threads))


def _serve_waitress(
    application: WSGIApp, host: str, port: int, out: OutputWrapper, threads: int
) -> None:
    import waitress

    out.write(
        f"Serving goodfit at {site_url(host, port)} with {_count(threads, 'thread')} "
        "(waitress; press Ctrl+C to stop)"
    )
    try:
        # The proxy's forwarded headers reach Django, which believes them only from the
        # trusted proxies (goodfit.core.proxy); waitress would otherwise drop them.
        waitress.serve(
            application, host=host, port=port, threads=threads, clear_untrusted_proxy_headers=False
        )
    except OSError as error:
        raise _cannot_listen(host, port, error) from None


def _count(number: int, noun: str) -> str:
    plural = noun + ("es" if noun.endswith("s") else "s")
    return f"{number} {noun if number == 1 else plural}"


def _import_views() -> None:
    """Import every view through the URL patterns once, before gunicorn forks: workers
    share the imported code and their first requests do not wait for the imports."""
    from django.urls import reverse

    reverse(settings.LOGIN_URL)  # fills the resolver, importing every URLconf and view


def _refresh_statistics(out: OutputWrapper) -> None:
    """Planner statistics now and daily: a data load or a long-running server drifts."""
    try:
        if statistics_missing():
            out.write("Gathering the database's statistics for the query planner (once)…")
        statistics_update()
    except DatabaseError as error:  # e.g. a read-only database: serving matters more
        out.write(f"Note: could not refresh the database statistics ({error}).")
    # The connection stays open: gunicorn closes every connection before it forks
    # (gunicorn_run and its pre_fork hook), and waitress serves from this process.
    statistics_daily()


def _cannot_listen(host: str, port: int, error: OSError) -> CommandError:
    reason = error.strerror or str(error)
    return CommandError(
        f"Cannot listen on {host}:{port}: {reason}. Is goodfit already running? "
        "Choose another port with --port."
    )


def _ensure_free(host: str, port: int) -> None:
    """Fail with one line now: gunicorn would retry for five seconds, then log a trace."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind(address)
    except OSError as error:
        raise _cannot_listen(host, port, error) from None
