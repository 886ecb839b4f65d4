"""The follow-ups card and the Today badge cost a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import RequestFactory

from goodfit.core.extensions import NO_FORMS
from goodfit.followups.services import followup_schedule
from goodfit.followups.views.panel import panel_context
from goodfit.followups.views.today import nav_badge

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 6])
def test_the_panel_does_not_grow_with_follow_ups(
    denver_deal, owner, steps, count, django_assert_max_num_queries
):
    start = dt.datetime(2024, 3, 11, 15, 0, tzinfo=dt.UTC)
    for n in range(count):
        followup_schedule(
            deal=denver_deal, actor=owner, due_at=start + dt.timedelta(days=7 * n), now=start
        )
    request = RequestFactory().get("/")
    request.user = owner
    request.htmx = False
    with django_assert_max_num_queries(5):
        panel_context(request, denver_deal, NO_FORMS)
    with django_assert_max_num_queries(1):
        nav_badge(request)
