"""`goodfit token create|list|revoke`: API tokens for scripts and integrations."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from goodfit.core.models import ApiToken
from goodfit.core.services import TOKEN_PREFIX, token_create, token_digest, token_revoke

# What `token_create` keeps in ApiToken.prefix: "gf_" and five characters.
PREFIX_LENGTH = len(TOKEN_PREFIX) + 5


def _user(username: str) -> Any:
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user named “{username}”.") from None


def _when(value: Any) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if value else "never"


class Command(BaseCommand):
    help = "Create, list or revoke API tokens (used as `Authorization: Bearer <token>`)."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
        create = actions.add_parser("create", help="Create a token; prints it once.")
        create.add_argument("username")
        create.add_argument("--name", default="", help="What the token is for.")
        listing = actions.add_parser("list", help="List a user's tokens.")
        listing.add_argument("username")
        revoke = actions.add_parser("revoke", help="Revoke a token by its prefix or value.")
        revoke.add_argument("token", help="The prefix shown by `list` (or the whole token).")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "create":
            self._create(options["username"], options["name"])
        elif action == "list":
            self._list(options["username"])
        else:
            self._revoke(options["token"])

    def _create(self, username: str, name: str) -> None:
        user = _user(username)
        if not user.is_active:
            raise CommandError(f"User “{username}” is deactivated; a token would not work.")
        token, raw = token_create(user=user, name=name)
        # The value alone on stdout, so that `TOKEN=$(goodfit token create …)` works.
        self.stderr.write(
            f"Token {token.prefix}… for {username}. Copy it now; it is not shown again:"
        )
        self.stdout.write(raw)

    def _list(self, username: str) -> None:
        tokens = ApiToken.objects.filter(user=_user(username)).order_by("created_at")
        if not tokens:
            self.stdout.write(f"{username} has no tokens.")
        for token in tokens:
            state = f"revoked {_when(token.revoked_at)}" if token.revoked_at else "active"
            self.stdout.write(
                f"{token.prefix}…  {token.name or '-':<20} created {_when(token.created_at)}  "
                f"last used {_when(token.last_used_at)}  {state}"
            )

    def _revoke(self, given: str) -> None:
        given = given.rstrip("…")
        active = ApiToken.objects.filter(revoked_at__isnull=True).select_related("user")
        if len(given) > PREFIX_LENGTH:
            matches = list(active.filter(digest=token_digest(given)))
        else:
            matches = list(active.filter(prefix=given))
        if not matches:
            raise CommandError(f"No active token matches “{given}”; see `goodfit token list`.")
        if len(matches) > 1:
            raise CommandError(
                f"“{given}” matches {len(matches)} tokens; give the whole token value instead."
            )
        token_revoke(token=matches[0])
        self.stdout.write(f"Revoked token {matches[0].prefix}… of {matches[0].user.username}.")
