"""The board cards' URLs are the same as reverse() gives, with or without a script prefix."""

from __future__ import annotations

import pytest
from django.urls import clear_script_prefix, reverse, set_script_prefix

from goodfit.pipeline.templatetags.pipeline_ui import deal_path


@pytest.mark.parametrize("name", ["deal-detail", "deal-move"])
@pytest.mark.parametrize("deal_id", [1, 42, 9_087_654_321_012, 2**63 - 1])
def test_deal_path_is_reverse(name, deal_id):
    assert deal_path(deal_id, name) == reverse(name, args=[deal_id])


def test_deal_path_follows_the_script_prefix():
    set_script_prefix("/crm/")
    try:
        assert deal_path(7, "deal-detail") == "/crm/deals/7/" == reverse("deal-detail", args=[7])
    finally:
        clear_script_prefix()
