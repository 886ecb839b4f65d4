import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from goodfit.pipeline.services import prospect_create, prospect_update


@pytest.mark.parametrize(("start", "end"), [(dt.time(18), dt.time(9)), (dt.time(9), dt.time(9))])
def test_contact_hours_that_do_not_run_forward_are_refused_on_contact_end(team, owner, start, end):
    with pytest.raises(ValidationError) as error:
        prospect_create(team=team, actor=owner, name="Ana", contact_start=start, contact_end=end)
    assert "contact_end" in error.value.message_dict


def test_moving_the_start_past_the_end_is_refused_on_update(prospect, owner):
    with pytest.raises(ValidationError) as error:
        prospect_update(prospect=prospect, actor=owner, contact_start=dt.time(19))
    assert "contact_end" in error.value.message_dict
    prospect.refresh_from_db()
    assert prospect.contact_start == dt.time(9)
