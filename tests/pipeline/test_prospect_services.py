import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from goodfit.core.models import AuditEntry
from goodfit.pipeline.models import Prospect
from goodfit.pipeline.services import prospect_create, prospect_update


def test_creating_a_prospect_audits_every_field(team, owner):
    prospect = prospect_create(
        team=team,
        actor=owner,
        name="Ana Reyes",
        segment="Consumer",
        time_zone="America/Phoenix",
        preferred_channel="message",
    )
    entry = AuditEntry.objects.get(object_type="pipeline.prospect")
    assert entry.actor == owner
    assert entry.changes["time_zone"] == [None, "America/Phoenix"]
    assert prospect.team == team


@pytest.mark.parametrize(
    ("fields", "bad_field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"email": "not-an-email"}, "email"),
        ({"name": ""}, "name"),
        ({"name": "x" * 201}, "name"),
        ({"preferred_channel": "fax"}, "preferred_channel"),
    ],
)
def test_bad_prospects_are_refused_by_field(team, owner, fields, bad_field):
    with pytest.raises(ValidationError) as error:
        prospect_create(team=team, actor=owner, **{"name": "Ana", **fields})
    assert bad_field in error.value.message_dict
    assert not Prospect.objects.exists()


def test_contact_hours_must_run_forward(team, owner):
    with pytest.raises(ValidationError):
        prospect_create(
            team=team, actor=owner, name="Ana", contact_start=dt.time(18), contact_end=dt.time(9)
        )
    assert not Prospect.objects.exists()


def test_update_audits_only_what_changed(prospect, owner):
    prospect_update(prospect=prospect, actor=owner, segment="Enterprise", name=prospect.name)
    entry = AuditEntry.objects.get(action="update")
    assert entry.changes == {"segment": ["SMB", "Enterprise"]}
