import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Prospect
from goodfit.pipeline.services import prospect_delete
from tests.factories import ProspectFactory


def test_a_prospect_without_deals_is_deleted_and_audited(team, owner):
    prospect = ProspectFactory(team=team, name="Ivy Ng")
    prospect_delete(prospect=prospect, actor=owner)
    assert not Prospect.objects.exists()
    entry = AuditEntry.objects.get(object_type="pipeline.prospect", action="delete")
    assert entry.changes["name"] == ["Ivy Ng", None]


def test_a_prospect_with_deals_is_kept_and_the_refusal_says_why(deal, owner):
    with pytest.raises(ValidationError) as error:
        prospect_delete(prospect=deal.prospect, actor=owner)
    assert "Dana Diaz has 1 deal;" in error.value.message_dict["prospect"][0]
    assert Prospect.objects.filter(pk=deal.prospect_id).exists()
    assert not AuditEntry.objects.filter(action="delete").exists()
