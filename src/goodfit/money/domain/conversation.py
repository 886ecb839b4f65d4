"""Who wrote to whom, and when: the conversation behind several signals (pure Python)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from goodfit.money.domain.facts import InteractionFact

IN, OUT = "in", "out"
# Channels that carry written words from the prospect (a call's word count is our summary).
WRITTEN = {"email", "message", "chat"}
HOUR = 3600.0


@dataclass(frozen=True)
class Conversation:
    ordered: tuple[InteractionFact, ...]  # every interaction, oldest first (ties by id)
    inbound: tuple[InteractionFact, ...]
    messages_out: tuple[InteractionFact, ...]  # our calls, emails, texts and chats
    unanswered: tuple[InteractionFact, ...]  # those the prospect did not answer
    replies: tuple[tuple[float, InteractionFact], ...]  # (hours waited, the reply), oldest first
    written_replies: tuple[InteractionFact, ...]


def _is_message_out(item: InteractionFact) -> bool:
    """Our reaching out. A meeting is not a message: being in one is an answer already."""
    return item.direction == OUT and item.channel != "meeting"


def conversation(interactions: Sequence[InteractionFact]) -> Conversation:
    """Pair our messages with the prospect's replies.

    A message of ours is answered when the next exchange (meetings aside) comes from the
    prospect; several messages in a row before one reply leave all but the last
    unanswered. A reply's wait runs from the first of those messages.
    """
    ordered = tuple(sorted(interactions, key=lambda i: (i.occurred_at, i.id)))
    exchange = [i for i in ordered if i.direction == IN or _is_message_out(i)]
    unanswered, replies = [], []
    run_start = None
    for index, item in enumerate(exchange):
        if item.direction == OUT:
            following = exchange[index + 1] if index + 1 < len(exchange) else None
            if following is None or following.direction != IN:
                unanswered.append(item)
            run_start = run_start or item
            continue
        if run_start is not None:
            waited = (item.occurred_at - run_start.occurred_at).total_seconds() / HOUR
            replies.append((waited, item))
        run_start = None
    inbound = tuple(i for i in ordered if i.direction == IN)
    return Conversation(
        ordered=ordered,
        inbound=inbound,
        messages_out=tuple(i for i in exchange if i.direction == OUT),
        unanswered=tuple(unanswered),
        replies=tuple(replies),
        written_replies=tuple(i for i in inbound if i.channel in WRITTEN and i.word_count > 0),
    )
