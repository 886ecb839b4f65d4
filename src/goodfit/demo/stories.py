"""The hand-written stories, told through the services so they carry audit entries."""

from __future__ import annotations

from goodfit.demo.roster import Cast
from goodfit.demo.stories_business import BUSINESS_STORIES
from goodfit.demo.stories_consumer import CONSUMER_STORIES
from goodfit.demo.story_kit import last_activity_apply
from goodfit.pipeline.models import Deal

STORIES = [*CONSUMER_STORIES, *BUSINESS_STORIES]
# Deals the stories open; the generated history makes up the rest of ``--deals``.
STORY_DEALS = 15


def stories_create(cast: Cast) -> list[Deal]:
    deals = [s.deal for tell in STORIES for s in tell(cast)]
    last_activity_apply(deals)
    return deals
