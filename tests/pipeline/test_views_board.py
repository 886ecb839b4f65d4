"""The board page and moving deals between its columns."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from goodfit.pipeline.models import Deal, Stage, StageChange
from tests.factories import DealFactory, ProspectFactory
from tests.querycount import queries_for


def stage(team, name: str) -> Stage:
    return team.stages.get(name=name)


def test_home_redirects_a_manager_to_the_board(manager_client):
    response = manager_client.get("/")
    assert response.status_code == 302 and response.url == reverse("board")


def test_board_asks_anonymous_visitors_to_sign_in(client):
    response = client.get(reverse("board"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_board_shows_every_stage_in_order_with_counts_and_totals(owner_client, team, deal):
    DealFactory(team=team, owner=deal.owner, title="Second", amount=Decimal("3000.50"))
    response = owner_client.get(reverse("board"))
    assert response.status_code == 200
    html = response.content.decode()
    names = [s.name for s in team.stages.order_by("position")]
    positions = [html.index(f'id="column-{team.stages.get(name=n).pk}"') for n in names]
    assert positions == sorted(positions)
    lead = response.context["columns"][0]
    assert lead.stage.name == "Lead" and lead.count == 2
    assert lead.total == Decimal("15000.50")
    assert "$15,000.50" in html
    assert "Dana Diaz — debt relief" in html and "Dana Diaz" in html


def test_board_cards_carry_a_no_js_move_menu(owner_client, team, deal):
    html = owner_client.get(reverse("board")).content.decode()
    action = reverse("deal-move", args=[deal.pk])
    assert f'action="{action}?period=month"' not in html  # no period unless chosen
    assert f'action="{action}"' in html
    assert f'hx-post="{action}"' in html
    assert 'hx-target="#board"' in html
    assert 'class="card-menu"' in html and "<select" not in html.split('id="board"')[1]
    won = stage(team, "Won")
    assert f'name="stage" value="{won.pk}"' in html
    # The current stage is not offered as a move.
    card = html.split(f'id="deal-card-{deal.pk}"')[1].split("</li>\n")[0]
    assert f'name="stage" value="{deal.stage_id}"' not in card


def test_board_filters_by_owner_and_text(owner_client, team, owner, teammate, deal):
    DealFactory(team=team, owner=teammate, title="Tom's big one")
    response = owner_client.get(reverse("board"), {"owner": owner.pk})
    titles = [d.title for c in response.context["columns"] for d in c.deals]
    assert titles == [deal.title]
    response = owner_client.get(reverse("board"), {"q": "big one"})
    titles = [d.title for c in response.context["columns"] for d in c.deals]
    assert titles == ["Tom's big one"]


def test_board_filters_by_segment_and_source(owner_client, team, owner, deal):
    enterprise = ProspectFactory(team=team, segment="Enterprise", source="referral")
    DealFactory(team=team, owner=owner, prospect=enterprise, title="Enterprise deal")
    response = owner_client.get(reverse("board"), {"segment": "Enterprise"})
    titles = [d.title for c in response.context["columns"] for d in c.deals]
    assert titles == ["Enterprise deal"]
    response = owner_client.get(reverse("board"), {"source": "web form"})
    titles = [d.title for c in response.context["columns"] for d in c.deals]
    assert titles == [deal.title]


def test_board_ignores_unknown_filter_values(owner_client, deal):
    response = owner_client.get(reverse("board"), {"owner": "abc", "segment": "nope"})
    assert response.status_code == 200
    assert response.context["columns"][0].count == 1


def test_board_links_to_more_deals_than_fit_a_column(owner_client, team, owner):
    DealFactory.create_batch(22, team=team, owner=owner)
    html = owner_client.get(reverse("board"), {"q": "Deal"}).content.decode()
    lead = stage(team, "Lead")
    assert "+2 more" in html
    assert f"stage={lead.pk}" in html


def test_board_htmx_request_gets_only_the_board_fragment(owner_client, deal):
    response = owner_client.get(reverse("board"), headers={"HX-Request": "true"})
    html = response.content.decode()
    assert 'id="board"' in html
    assert "<html" not in html and "Skip to content" not in html


def test_move_without_javascript_redirects_back_to_the_board(owner_client, team, deal):
    proposal = stage(team, "Proposal")
    url = reverse("deal-move", args=[deal.pk]) + "?owner=" + str(deal.owner_id)
    response = owner_client.post(url, {"stage": proposal.pk})
    assert response.status_code == 302
    assert response.url == reverse("board") + f"?owner={deal.owner_id}"
    deal.refresh_from_db()
    assert deal.stage == proposal and deal.version == 2
    assert StageChange.objects.filter(deal=deal, to_stage=proposal).exists()
    follow = owner_client.get(response.url)
    assert "Moved “Dana Diaz — debt relief” to Proposal." in follow.content.decode()


def test_move_with_htmx_returns_the_board_fragment_with_the_card_moved(owner_client, team, deal):
    won = stage(team, "Won")
    response = owner_client.post(
        reverse("deal-move", args=[deal.pk]), {"stage": won.pk}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="board"' in html and "<html" not in html
    won_column = next(c for c in response.context["columns"] if c.stage == won)
    assert [d.pk for d in won_column.deals] == [deal.pk]
    deal.refresh_from_db()
    assert deal.stage == won and deal.closed_at is not None


def test_move_from_the_deal_page_returns_to_the_deal_page(owner_client, team, deal):
    response = owner_client.post(
        reverse("deal-move", args=[deal.pk]),
        {"stage": stage(team, "Discovery").pk, "next": "deal"},
    )
    assert response.status_code == 302 and response.url == reverse("deal-detail", args=[deal.pk])


@pytest.mark.parametrize("value", ["abc", "", "999999"])
def test_move_to_an_unknown_stage_is_refused_and_writes_nothing(owner_client, deal, value):
    response = owner_client.post(
        reverse("deal-move", args=[deal.pk]), {"stage": value}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "was not moved" in response.content.decode()
    assert Deal.objects.get(pk=deal.pk).version == deal.version
    assert StageChange.objects.filter(deal=deal).count() == 0


def test_move_to_another_teams_stage_is_refused(owner_client, deal, other_team):
    foreign = other_team.stages.first()
    response = owner_client.post(reverse("deal-move", args=[deal.pk]), {"stage": foreign.pk})
    assert response.status_code == 302
    assert Deal.objects.get(pk=deal.pk).stage_id == deal.stage_id


def test_move_only_accepts_post(owner_client, deal):
    assert owner_client.get(reverse("deal-move", args=[deal.pk])).status_code == 405


def test_outsider_gets_404_when_moving_a_deal(outsider_client, deal, other_team):
    response = outsider_client.post(
        reverse("deal-move", args=[deal.pk]), {"stage": other_team.stages.first().pk}
    )
    assert response.status_code == 404


def test_outsider_sees_only_their_own_teams_board(outsider_client, deal):
    response = outsider_client.get(reverse("board"))
    assert response.status_code == 200
    assert deal.title not in response.content.decode()


def test_board_of_a_restricted_rep_hides_teammates_deals(client, team, teammate, deal):
    team.reps_see_own_deals_only = True
    team.save()
    client.force_login(teammate)
    html = client.get(reverse("board")).content.decode()
    assert deal.title not in html
    response = client.post(reverse("deal-move", args=[deal.pk]), {"stage": deal.stage_id})
    assert response.status_code == 404


def test_board_query_count_does_not_grow_with_deals(
    owner_client, team, owner, django_assert_max_num_queries
):
    stages = list(team.stages.all())
    for stage in stages:
        DealFactory(team=team, owner=owner, stage=stage)
    few = queries_for(owner_client, reverse("board"))
    for i in range(40):
        DealFactory(team=team, owner=owner, stage=stages[i % len(stages)])
    # A fixed overhead plus one query per stage (its latest cards), never per deal.
    with django_assert_max_num_queries(few):
        response = owner_client.get(reverse("board"))
    assert response.status_code == 200


def test_login_page_has_labelled_fields_and_a_sign_in_button(client):
    html = client.get(reverse("login")).content.decode()
    assert '<label for="id_username">Username</label>' in html
    assert '<label for="id_password">Password</label>' in html
    assert ">Sign in</button>" in html


def test_login_takes_a_rep_to_today(client, owner):
    response = client.post(
        reverse("login"), {"username": "olivia", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302 and response.url == reverse("today")


def test_repeated_wrong_passwords_show_the_lockout_page(client, owner):
    for _ in range(5):
        response = client.post(reverse("login"), {"username": "olivia", "password": "wrong"})
    assert response.status_code in (200, 429)
    response = client.post(
        reverse("login"), {"username": "olivia", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert "Too many sign-in attempts" in response.content.decode()


def test_pages_carry_no_inline_script_or_style(owner_client, deal):
    for url in [reverse("board"), reverse("deal-list"), reverse("deal-detail", args=[deal.pk])]:
        html = owner_client.get(url).content.decode()
        assert "<script>" not in html and "style=" not in html and "<style" not in html


def test_layout_shows_settings_only_to_managers(owner_client, manager_client):
    settings_url = reverse("settings-team")
    assert settings_url not in owner_client.get(reverse("board")).content.decode()
    html = manager_client.get(reverse("board")).content.decode()
    assert f'href="{settings_url}"' in html and "Northwind Sales" in html


def test_layout_logs_out_with_a_post_form(owner_client):
    html = owner_client.get(reverse("board")).content.decode()
    assert f'<form method="post" action="{reverse("logout")}">' in html
    response = owner_client.post(reverse("logout"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert owner_client.get(reverse("board")).status_code == 302
