"""The `goodfit` command: a thin layer over goodfit's Django management commands.

Every subcommand parses its own options (so `--help` works everywhere), prepares the
environment that must be set before Django's settings load, then calls one management
command. User mistakes end with one line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import sys
from collections.abc import Callable, MutableMapping, Sequence
from typing import Any, NoReturn

SETTINGS_MODULE = "goodfit.settings"
PROG = "goodfit"
# Management commands that capabilities add (`goodfit rescore …`); each parses its own
# options, so its --help and errors come from Django. Add a capability's command here.
APP_COMMANDS: dict[str, str] = {
    "playbook": "import or export an offering's discovery playbook (YAML or JSON)",
    "rediagnose": "re-diagnose open deals against the current playbooks",
    "optimize": "refresh the database's query-planner statistics (after a bulk import)",
    "remind": "email reps their due follow-ups (run from cron every 5 minutes)",
    "rescore": "re-score all open deals (good-money worth; progress bar)",
}
# Handed to Django untouched: their own parsers print their own help.
PASSTHROUGH = {"manage", "worker", *APP_COMMANDS}


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def plain_http_default(host: str, environ: MutableMapping[str, str]) -> bool:
    """Serve plain HTTP on a loopback address unless GOODFIT_HTTPS says otherwise.

    Settings default to HTTPS (secure cookies, redirects), which is right behind TLS but
    makes signing in impossible on http://127.0.0.1. Must run before settings load.
    Returns whether it turned HTTPS off.
    """
    if is_loopback(host) and not environ.get("GOODFIT_HTTPS"):
        environ["GOODFIT_HTTPS"] = "0"
        return True
    return False


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, then the way to the help."""
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _positive(text: str) -> int:
    value = _integer(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {text}")
    return value


def _integer(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not “{text}”") from None


def _port(text: str) -> int:
    value = _integer(text)
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(f"must be between 1 and 65535, not {text}")
    return value


def _add_listen(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument("--port", type=_port, default=8000, help="port (default: 8000)")


def _add_demo(commands: Any) -> None:
    demo = commands.add_parser(
        "demo",
        help="prepare and serve a demo with sample data",
        description="Create the data directory, migrate, load the demo teams (once), print "
        "the URL and logins, then serve.",
    )
    demo.add_argument(
        "--deals", type=_positive, default=300, help="deals of the demo team (default: 300)"
    )
    demo.add_argument("--seed", type=_integer, default=7, help="random seed (default: 7)")
    demo.add_argument("--no-serve", action="store_true", help="only prepare; do not serve")
    _add_listen(demo)


def _add_serve(commands: Any) -> None:
    serve = commands.add_parser(
        "serve",
        help="serve the site (migrates first if needed)",
        description="Migrate if needed, then serve with gunicorn: --workers processes of "
        "--threads request threads each. Where gunicorn cannot run (Windows) or with "
        "--server waitress, one waitress process serves with workers × threads threads.",
    )
    _add_listen(serve)
    serve.add_argument(
        "--workers", type=_positive, help="worker processes (default: one per CPU core)"
    )
    serve.add_argument(
        "--threads", type=_positive, default=4, help="request threads per worker (default: 4)"
    )
    serve.add_argument(
        "--server",
        choices=("auto", "gunicorn", "waitress"),
        default="auto",
        help="auto (default): gunicorn where it can run, else waitress",
    )


def _serve(args: argparse.Namespace) -> list[str]:
    argv = ["serve", f"--host={args.host}", f"--port={args.port}"]
    argv += [f"--threads={args.threads}", f"--server={args.server}"]
    return [*argv, f"--workers={args.workers}"] if args.workers else argv


def _add_token(commands: Any) -> None:
    token = commands.add_parser("token", help="create, list or revoke API tokens")
    actions = token.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a token for a user; prints it once")
    create.add_argument("username")
    create.add_argument("--name", default="", help="what the token is for")
    listing = actions.add_parser("list", help="list a user's tokens")
    listing.add_argument("username")
    revoke = actions.add_parser("revoke", help="revoke a token by its prefix or value")
    revoke.add_argument("token", help="the prefix shown by `goodfit token list`")


def _add_setup(commands: Any) -> None:
    setup = commands.add_parser(
        "setup",
        help="first run: create a team and its admin (no demo data)",
        description="Create a team with the default pipeline stages and its admin. The "
        "password is read from --password-file, GOODFIT_ADMIN_PASSWORD, or asked twice.",
    )
    setup.add_argument("--team", required=True, help="team name")
    setup.add_argument("--username", required=True, help="the admin's username")
    setup.add_argument("--email", default="", help="the admin's email address")
    setup.add_argument("--currency", default="USD", help="ISO currency code (default: USD)")
    setup.add_argument("--time-zone", default="UTC", help="IANA time zone (default: UTC)")
    setup.add_argument("--password-file", help="file holding the admin's password")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog=PROG,
        description="goodfit, the honest sales pipeline. Data lives in ./goodfit-data/ "
        "unless GOODFIT_DATA_DIR or GOODFIT_DATABASE_URL say otherwise.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_demo(commands)
    _add_serve(commands)
    _add_setup(commands)
    _add_token(commands)
    commands.add_parser("worker", help="run the background task worker (its own --help)")
    commands.add_parser("manage", help="run a Django management command, e.g. check --deploy")
    for name, summary in APP_COMMANDS.items():
        commands.add_parser(name, help=summary)
    return parser


def _demo(args: argparse.Namespace) -> list[str]:
    argv = ["demo", f"--deals={args.deals}", f"--seed={args.seed}"]
    argv += [f"--host={args.host}", f"--port={args.port}"]
    return [*argv, "--no-serve"] if args.no_serve else argv


def _setup(args: argparse.Namespace) -> list[str]:
    argv = ["setup", f"--team={args.team}", f"--username={args.username}"]
    argv += [f"--email={args.email}", f"--currency={args.currency}"]
    argv += [f"--time-zone={args.time_zone}"]
    return [*argv, f"--password-file={args.password_file}"] if args.password_file else argv


def _token(args: argparse.Namespace) -> list[str]:
    if args.action == "create":
        return ["token", "create", args.username, f"--name={args.name}"]
    if args.action == "list":
        return ["token", "list", args.username]
    return ["token", "revoke", args.token]


COMMANDS: dict[str, Callable[[argparse.Namespace], list[str]]] = {
    "demo": _demo,
    "serve": _serve,
    "setup": _setup,
    "token": _token,
}


def _fail(message: str, code: int = 1) -> int:
    print(f"{PROG}: error: {message}", file=sys.stderr)
    return code


def _silence_stdout() -> None:
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", SETTINGS_MODULE)
    import django

    django.setup()


def _passthrough(argv: list[str]) -> int:
    """`goodfit manage …` and `goodfit worker …`: Django parses and reports errors itself."""
    _django_setup()
    from django.core.management import execute_from_command_line, load_command_class

    if argv[0] == "manage":
        execute_from_command_line([f"{PROG} manage", *argv[1:]])
    elif argv[0] in APP_COMMANDS:
        _app_command(load_command_class(_command_app(argv[0]), argv[0]), argv)
    else:
        worker = load_command_class("django_tasks_db", "db_worker")
        worker.run_from_argv([PROG, "worker", *argv[1:]])
    return 0


def _app_command(command: Any, argv: list[str]) -> None:
    """Parse and run like ``run_from_argv``, without closing the database connections
    afterwards (which would end a caller's transaction, e.g. a test's)."""
    parser = command.create_parser(PROG, argv[0])
    options = vars(parser.parse_args(argv[1:]))
    args = options.pop("args", ())
    command.execute(*args, **options)


def _command_app(name: str) -> str:
    """The app (``goodfit.money`` …) whose management/commands holds ``name``."""
    from django.core.management import get_commands

    return get_commands()[name]


def _run(argv: list[str]) -> int:
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import call_command
    from django.core.management.base import CommandError
    from django.db import DatabaseError

    try:
        if argv[0] in PASSTHROUGH:
            return _passthrough(argv)
        _django_setup()
        call_command(*argv)
    except CommandError as error:
        return _fail(str(error), error.returncode)
    except (ImproperlyConfigured, DatabaseError) as error:
        return _fail(f"{error}. Check GOODFIT_DATA_DIR or GOODFIT_DATABASE_URL.")
    except BrokenPipeError:
        # The reader went away (`goodfit … | head`): stop quietly, as other tools do.
        _silence_stdout()
        return 1
    except OSError as error:
        return _fail(f"{error.strerror or error}: {error.filename or ''}".rstrip(": "))
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return 130
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in PASSTHROUGH:
        return _run(argv)
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, or a usage error already printed
        return int(exit_.code or 0)
    if args.command in ("demo", "serve"):
        plain_http_default(args.host, os.environ)
    return _run(COMMANDS[args.command](args))
