"""``get_or_404``: the one way every access helper turns an id into a row or a 404."""

import pytest
from django.http import Http404

from goodfit.core.access import get_or_404
from goodfit.core.models import Team
from tests.factories import TeamFactory


def test_the_row_of_that_id_in_the_queryset(team):
    assert get_or_404(Team.objects.all(), team.pk) == team
    assert get_or_404(Team.objects.all(), str(team.pk)) == team


@pytest.mark.parametrize("pk", ["abc", None, "", "1.5", 2**80, "9" * 40])
def test_an_id_that_is_not_a_number_a_database_holds_is_404_not_500(team, pk):
    with pytest.raises(Http404):
        get_or_404(Team.objects.all(), pk)


def test_a_row_outside_the_queryset_is_404_as_if_it_did_not_exist(team):
    other = TeamFactory()
    with pytest.raises(Http404):
        get_or_404(Team.objects.exclude(pk=other.pk), other.pk)
