"""`goodfit remind`: queue the reminder task (for cron), or send reminders at once."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from goodfit.followups.services import reminders_send
from goodfit.followups.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Email reps the follow-ups due in the next 15 minutes and mark day-old ones missed. "
        "Queues a task for `goodfit worker`; run it every 5 minutes from cron."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="send in this process instead of queueing a task for the worker",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["now"]:
            count = reminders_send()
            self.stdout.write(f"Reminded {count} follow-up{'s' if count != 1 else ''}.")
            return
        result = send_reminders.enqueue()
        self.stdout.write(f"Queued the reminders task ({result.id}); `goodfit worker` runs it.")
