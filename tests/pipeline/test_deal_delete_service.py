import datetime as dt
from decimal import Decimal

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Deal, Interaction, Note, StageChange
from goodfit.pipeline.services import deal_delete, deal_move, note_add
from tests.factories import InteractionFactory


def test_deleting_a_deal_removes_its_history_and_audits_its_last_terms(deal, manager, team):
    deal_move(deal=deal, actor=manager, stage=team.stages.get(name="Discovery"))
    InteractionFactory(deal=deal)
    note_add(deal=deal, actor=manager, body="Gone soon", at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    pk = deal.pk

    deal_delete(deal=deal, actor=manager)

    assert not Deal.objects.filter(pk=pk).exists()
    assert not StageChange.objects.exists()
    assert not Interaction.objects.exists() and not Note.objects.exists()
    entry = AuditEntry.objects.get(object_type="pipeline.deal", action="delete")
    assert entry.object_id == str(pk) and entry.actor == manager
    assert Decimal(entry.changes["amount"][0]) == Decimal("12000")
    assert entry.changes["amount"][1] is None
    assert entry.changes["title"] == ["Dana Diaz — debt relief", None]
