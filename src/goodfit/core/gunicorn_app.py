"""gunicorn run from inside `goodfit serve`, so serving stays one command.

Workers are forked from a process that has already loaded Django (``preload_app``), so each
starts in milliseconds and shares the loaded code's memory. gunicorn needs ``fork`` and
``fcntl``: where it cannot be imported (Windows), `goodfit serve` uses waitress instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connections

WSGIApp = Callable[..., Any]


def gunicorn_available() -> bool:
    try:
        import gunicorn.app.base  # noqa: F401
    except ImportError:  # not installed, or no fcntl (Windows)
        return False
    return True


def _bind(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _before_fork(server: Any, worker: Any) -> None:
    """A database connection must never be shared by two processes (SQLite corrupts
    its locks, PostgreSQL mixes up replies): close the parent's before each fork."""
    connections.close_all()


def gunicorn_options(host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    return {
        "bind": [_bind(host, port)],
        "workers": workers,
        "threads": threads,
        # One thread per request, idle keep-alive connections parked outside the threads.
        "worker_class": "gthread",
        # Browsers reuse a connection for the next click: keep it a little longer than
        # gunicorn's 2 s, which suits a proxy in front rather than people.
        "keepalive": 5,
        "preload_app": True,
        "pre_fork": _before_fork,
        # Django decides whether to trust X-Forwarded-Proto and -For (goodfit.core.proxy,
        # GOODFIT_TRUSTED_PROXIES), as with waitress; gunicorn's default trusts 127.0.0.1.
        "forwarded_allow_ips": "",
        "errorlog": "-",
        "loglevel": "warning",
        "proc_name": "goodfit",
    }


def gunicorn_run(application: WSGIApp, options: dict[str, Any]) -> None:
    """Serve until SIGINT or SIGTERM; gunicorn then stops its workers and exits."""
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                self.cfg.set(key, value)

        def load(self) -> WSGIApp:
            return application

    connections.close_all()
    Server().run()
