from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Note
from goodfit.pipeline.services import note_add, note_delete


def test_deleting_a_note_keeps_its_text_in_the_audit_log(deal, owner):
    note = note_add(deal=deal, actor=owner, body="Call back after the holidays")
    note_delete(note=note, actor=owner)
    assert not Note.objects.exists()
    entry = AuditEntry.objects.get(object_type="pipeline.note", action="delete")
    assert entry.changes == {"body": ["Call back after the holidays", None]}
