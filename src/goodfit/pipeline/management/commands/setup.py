"""`goodfit setup`: first run for real use, a team with default stages and its admin."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from goodfit.core.models import Role, Team
from goodfit.core.services import member_create, team_create
from goodfit.core.serving import migrate_if_needed
from goodfit.pipeline.services import stages_create_default

PASSWORD_ENV = "GOODFIT_ADMIN_PASSWORD"
# Service field names → the option a user of this command would change.
OPTION_FOR_FIELD = {
    "name": "--team",
    "currency": "--currency",
    "time_zone": "--time-zone",
    "username": "--username",
    "email": "--email",
    "password": "password",
}


def validation_message(error: ValidationError) -> str:
    """One line naming each option that was refused and why."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = [
        f"{OPTION_FOR_FIELD.get(field, field)}: {' '.join(messages)}"
        for field, messages in error.message_dict.items()
    ]
    return "; ".join(parts)


class Command(BaseCommand):
    help = (
        "Create a team with the default pipeline stages and its admin (first run, without "
        f"demo data). The password comes from --password-file, ${PASSWORD_ENV}, or a prompt."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--team", required=True, help="Team name.")
        parser.add_argument("--username", required=True, help="The admin's username.")
        parser.add_argument("--email", default="", help="The admin's email address.")
        parser.add_argument("--currency", default="USD", help="ISO code (default: USD).")
        parser.add_argument(
            "--time-zone", default="UTC", help="IANA zone, e.g. Europe/Lisbon (default: UTC)."
        )
        parser.add_argument(
            "--password-file", type=Path, help="Read the admin's password from this file."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        password = read_password(options["password_file"])
        migrate_if_needed(self.stdout)
        try:
            team, stages = self._create(options, password)
        except ValidationError as error:
            raise CommandError(validation_message(error)) from None
        self.stdout.write(
            f"Created team “{team.name}” ({team.currency}, {team.time_zone}) with "
            f"{len(stages)} pipeline stages, and its admin {options['username']}. "
            "Start the site with `goodfit serve` and sign in."
        )

    @transaction.atomic
    def _create(self, options: dict[str, Any], password: str) -> tuple[Team, list[Any]]:
        name = options["team"].strip()
        if Team.objects.filter(name__iexact=name).exists():
            raise CommandError(f"A team named “{name}” already exists; choose another --team.")
        team = team_create(name=name, currency=options["currency"], time_zone=options["time_zone"])
        admin = member_create(
            team=team,
            actor=None,
            username=options["username"],
            password=password,
            email=options["email"],
            role=Role.ADMIN,
            time_zone=options["time_zone"],
        )
        return team, stages_create_default(team=team, actor=admin.user)


def read_password(path: Path | None) -> str:
    if path is not None:
        try:
            password = path.read_text().strip()
        except OSError as error:
            raise CommandError(f"--password-file: cannot read {path}: {error.strerror}.") from None
    elif os.environ.get(PASSWORD_ENV):
        password = os.environ[PASSWORD_ENV]
    else:
        password = _prompt()
    if not password:
        raise CommandError("The admin password is empty; give one.")
    return password


def _prompt() -> str:
    if not sys.stdin.isatty():
        raise CommandError(
            f"No password given: use --password-file or set {PASSWORD_ENV} "
            "(or run in a terminal to be asked)."
        )
    first = getpass.getpass("Admin password: ")
    if first != getpass.getpass("Admin password (again): "):
        raise CommandError("The two passwords differ; nothing was created.")
    return first
