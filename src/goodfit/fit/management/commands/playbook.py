"""`goodfit playbook import FILE --offering NAME` and `goodfit playbook export`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from goodfit.fit.documents import document_dump, document_load, with_lines
from goodfit.fit.selectors import current_version
from goodfit.fit.services import playbook_save
from goodfit.pipeline.models import Offering


def offering_named(name: str, team: str | None) -> Offering:
    offerings = Offering.objects.filter(name=name).select_related("team")
    if team:
        offerings = offerings.filter(team__name=team)
    found = list(offerings[:2])
    if not found:
        raise CommandError(f"No offering named “{name}”" + (f" in team “{team}”." if team else "."))
    if len(found) > 1:
        raise CommandError(f"Several teams have an offering named “{name}”; add --team NAME.")
    return found[0]


class Command(BaseCommand):
    help = "Import or export an offering's discovery playbook (format: docs/fit.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        load = actions.add_parser("import", help="save FILE as the playbook's new version")
        load.add_argument("file", help="a YAML or JSON playbook document")
        load.add_argument("--offering", required=True, help="the offering's name")
        load.add_argument("--team", help="the team's name, when several have the offering")
        load.add_argument("--note", default="", help="what changed")
        dump = actions.add_parser("export", help="print the current version (or write --output)")
        dump.add_argument("--offering", required=True, help="the offering's name")
        dump.add_argument("--team", help="the team's name, when several have the offering")
        dump.add_argument("--format", choices=["yaml", "json"], default="yaml")
        dump.add_argument("--output", "-o", help="file to write instead of standard output")

    def handle(self, *args: Any, **options: Any) -> None:
        offering = offering_named(options["offering"], options.get("team"))
        if options["action"] == "import":
            self.load(offering, Path(options["file"]), options["note"])
        else:
            self.dump(offering, options["format"], options.get("output"))

    def load(self, offering: Offering, path: Path, note: str) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from None
        try:
            row = playbook_save(
                offering=offering, actor=None, document=document_load(text), note=note
            )
        except ValidationError as error:
            error = with_lines(error, text)
            lines = [f"  {path}: {m}" for path, ms in error.message_dict.items() for m in ms]
            raise CommandError(f"{path} was not imported:\n" + "\n".join(lines)) from None
        self.stdout.write(f"{offering.name}: playbook version {row.number} is current.")

    def dump(self, offering: Offering, fmt: str, output: str | None) -> None:
        row = current_version(offering)
        if row is None:
            raise CommandError(f"“{offering.name}” has no playbook yet.")
        text = document_dump(row.definition, fmt)
        if output:
            Path(output).write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote version {row.number} to {output}.")
        else:
            self.stdout.write(text, ending="")
