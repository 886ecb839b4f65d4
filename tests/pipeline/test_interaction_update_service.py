import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.pipeline.services import interaction_update
from tests.factories import InteractionFactory

NOW = dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC)


@pytest.fixture
def call(deal):
    return InteractionFactory(
        deal=deal, summary="Talked budget", word_count=2, occurred_at=NOW - dt.timedelta(days=1)
    )


@time_machine.travel(NOW, tick=False)
def test_correcting_an_interaction_recounts_words_and_audits_the_change(call, owner):
    interaction_update(
        interaction=call, actor=owner, channel="meeting", text="Met at their office today"
    )
    call.refresh_from_db()
    assert call.channel == "meeting" and call.word_count == 5
    entry = AuditEntry.objects.get(object_type="pipeline.interaction", action="update")
    assert entry.changes["channel"] == ["call", "meeting"]
    assert entry.changes["word_count"] == [2, 5]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("fields", "bad_field"),
    [
        ({"occurred_at": NOW + dt.timedelta(days=1)}, "occurred_at"),
        ({"occurred_at": dt.datetime(1999, 1, 1, tzinfo=dt.UTC)}, "occurred_at"),
        ({"summary": "  ", "text": ""}, "summary"),
        ({"direction": "sideways"}, "direction"),
        ({"summary": "s" * 301}, "summary"),
    ],
)
def test_bad_corrections_are_refused_by_field_and_change_nothing(call, owner, fields, bad_field):
    with pytest.raises(ValidationError) as error:
        interaction_update(interaction=call, actor=owner, **fields)
    assert bad_field in error.value.message_dict
    call.refresh_from_db()
    assert call.summary == "Talked budget" and call.direction == "out"
    assert not AuditEntry.objects.filter(action="update").exists()
