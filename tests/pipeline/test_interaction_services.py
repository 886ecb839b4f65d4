import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Interaction, Note
from goodfit.pipeline.services import interaction_delete, interaction_log, note_add

NOW = dt.datetime(2026, 11, 25, 15, 0, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_logging_a_call_counts_words_and_audits(deal, owner):
    call = interaction_log(
        deal=deal,
        actor=owner,
        direction="out",
        channel="call",
        occurred_at=NOW - dt.timedelta(minutes=30),
        summary="Walked through pricing",
        text="She asked about monthly payments and the fee schedule.",
    )
    assert call.word_count == 9
    assert call.logged_by == owner
    entry = AuditEntry.objects.get(object_type="pipeline.interaction", object_id=str(call.pk))
    assert entry.changes["channel"] == [None, "call"]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("fields", "bad_field"),
    [
        ({"summary": "", "text": ""}, "summary"),
        ({"occurred_at": NOW + dt.timedelta(days=2)}, "occurred_at"),
        ({"occurred_at": dt.datetime(1999, 12, 31, tzinfo=dt.UTC)}, "occurred_at"),
        ({"channel": "pigeon"}, "channel"),
        ({"direction": "sideways"}, "direction"),
        ({"summary": "x" * 301}, "summary"),
    ],
)
def test_bad_interactions_name_the_field_and_write_nothing(deal, owner, fields, bad_field):
    values = {"direction": "in", "channel": "email", "occurred_at": NOW, "summary": "Hi"}
    with pytest.raises(ValidationError) as error:
        interaction_log(deal=deal, actor=owner, **{**values, **fields})
    assert bad_field in error.value.message_dict
    assert not Interaction.objects.exists()
    assert not AuditEntry.objects.filter(object_type="pipeline.interaction").exists()


def test_deleting_an_interaction_leaves_an_audit_row(deal, owner):
    call = interaction_log(
        deal=deal,
        actor=owner,
        direction="out",
        channel="call",
        occurred_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
        summary="Call",
    )
    call_id = call.pk
    interaction_delete(interaction=call, actor=owner)
    assert not Interaction.objects.exists()
    assert AuditEntry.objects.filter(action="delete", object_id=str(call_id)).exists()


def test_notes_must_say_something(deal, owner):
    with pytest.raises(ValidationError) as error:
        note_add(deal=deal, actor=owner, body="   ")
    assert "body" in error.value.message_dict
    note = note_add(deal=deal, actor=owner, body=" Prefers texts after 6pm ")
    assert Note.objects.get().body == "Prefers texts after 6pm" == note.body
