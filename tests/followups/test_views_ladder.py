"""Settings → Follow-ups pages for rungs and new templates: managers only, own team only."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from goodfit.followups.models import LadderStep, MessageTemplate
from goodfit.followups.services import call_end_no_decision

pytestmark = pytest.mark.django_db

RUNG = {"outcome": "Talk next week", "delay_kind": "days", "delay_amount": "7", "at_time": "09:30"}


def rung_urls(step):
    return [
        ("get", reverse("settings-followups-step-edit", args=[step.pk])),
        ("post", reverse("settings-followups-step-move", args=[step.pk])),
        ("post", reverse("settings-followups-step-delete", args=[step.pk])),
    ]


def test_a_manager_adds_a_rung_with_a_new_template(manager_client, team, ladder):
    body = "Hi {{ prospect_first_name }}, talk {{ time }}."
    data = {**RUNG, "template_name": "Next week", "template_body": body, "save": "1"}
    response = manager_client.post(reverse("settings-followups-step-new"), data)
    assert response.status_code == 302
    step = LadderStep.objects.get(outcome="Talk next week")
    assert (step.position, step.at_time, step.template.name) == (5, dt.time(9, 30), "Next week")
    html = manager_client.get(reverse("settings-followups")).content.decode()
    assert "Talk next week" in html and "Move Talk next week up" in html


def test_an_unknown_placeholder_re_renders_with_its_name_and_writes_nothing(manager_client, ladder):
    data = {**RUNG, "template_body": "Hi {{ first_name }}", "save": "1"}
    response = manager_client.post(reverse("settings-followups-step-new"), data)
    assert response.status_code == 200
    assert "Unknown placeholder “first_name”" in response.content.decode()
    assert not LadderStep.objects.filter(outcome="Talk next week").exists()
    assert not MessageTemplate.objects.filter(name="Talk next week").exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"delay_amount": "0"}, "greater than or equal to 1"),
        ({"delay_kind": "hours"}, "Only for “days later” steps"),
        ({"outcome": ""}, "This field is required."),
        ({"outcome": "Talk tomorrow"}, "already has a step “Talk tomorrow”"),
        ({"template": "999999"}, "Pick one of your team&#x27;s templates."),
    ],
)
def test_bad_rung_input_names_the_problem(manager_client, ladder, change, message):
    before = LadderStep.objects.count()
    response = manager_client.post(reverse("settings-followups-step-new"), {**RUNG, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert LadderStep.objects.count() == before


def test_preview_shows_the_new_template_without_saving(manager_client, ladder):
    data = {**RUNG, "template_body": "Hi {{ prospect_first_name|upper }}", "preview": "1"}
    response = manager_client.post(reverse("settings-followups-step-new"), data)
    assert "Hi DANA" in response.content.decode()
    assert not LadderStep.objects.filter(outcome="Talk next week").exists()


def test_a_manager_edits_a_rung(manager_client, steps):
    step = steps["later"]
    url = reverse("settings-followups-step-edit", args=[step.pk])
    assert "Talk later today" in manager_client.get(url).content.decode()
    data = {"outcome": "Talk this afternoon", "delay_kind": "hours", "delay_amount": "2"}
    assert manager_client.post(url, {**data, "channel": "email"}).status_code == 302
    step.refresh_from_db()
    assert (step.outcome, step.delay_amount, step.channel) == ("Talk this afternoon", 2, "email")
    assert step.template is None


def test_a_manager_moves_a_rung_up(manager_client, steps):
    url = reverse("settings-followups-step-move", args=[steps["days"].pk])
    assert manager_client.post(url, {"direction": "up"}).status_code == 302
    steps["days"].refresh_from_db()
    assert steps["days"].position == 2
    manager_client.post(url, {"direction": "left"})
    steps["days"].refresh_from_db()
    assert steps["days"].position == 2


def test_removing_a_rung_in_use_says_why(manager_client, owner, denver_deal, steps):
    now = dt.datetime(2024, 3, 11, 21, 0, tzinfo=dt.UTC)
    call_end_no_decision(deal=denver_deal, actor=owner, step=steps["tomorrow"], summary="", now=now)
    url = reverse("settings-followups-step-delete", args=[steps["tomorrow"].pk])
    response = manager_client.post(url, follow=True)
    assert "still has 1 open follow-up" in response.content.decode()
    assert LadderStep.objects.filter(pk=steps["tomorrow"].pk).exists()
    other = reverse("settings-followups-step-delete", args=[steps["later"].pk])
    manager_client.post(other)
    assert not LadderStep.objects.filter(pk=steps["later"].pk).exists()


def test_outsiders_get_404_for_another_teams_rung(outsider_client, steps):
    for method, url in rung_urls(steps["later"]):
        assert getattr(outsider_client, method)(url, {"direction": "up"}).status_code == 404
    assert LadderStep.objects.get(pk=steps["later"].pk).position == 1


def test_reps_get_403_on_every_ladder_page(owner_client, steps):
    for method, url in rung_urls(steps["days"]):
        assert getattr(owner_client, method)(url, {"direction": "up"}).status_code == 403
    assert owner_client.get(reverse("settings-followups-step-new")).status_code == 403
    assert owner_client.get(reverse("settings-followups-template-new")).status_code == 403
    assert LadderStep.objects.filter(pk=steps["days"].pk).exists()


def test_a_manager_creates_a_template_after_a_preview(manager_client, team):
    url = reverse("settings-followups-template-new")
    body = "Hello {{ prospect_name|title }}"
    response = manager_client.post(url, {"name": "Hello", "body": body, "preview": "1"})
    assert "Hello Dana Diaz" in response.content.decode()
    assert not MessageTemplate.objects.filter(team=team).exists()
    assert manager_client.post(url, {"name": "Hello", "body": body, "save": "1"}).status_code == 302
    assert MessageTemplate.objects.get(team=team).body == body


def test_a_new_template_with_unknown_placeholders_is_refused(manager_client, team):
    url = reverse("settings-followups-template-new")
    data = {"name": "Bad", "body": "{{ price }} and {{ budget }}", "save": "1"}
    html = manager_client.post(url, data).content.decode()
    assert "Unknown placeholder “price”" in html and "Unknown placeholder “budget”" in html
    assert not MessageTemplate.objects.filter(team=team).exists()


def test_a_duplicate_template_name_is_refused_on_the_name(manager_client, ladder, team):
    url = reverse("settings-followups-template-new")
    html = manager_client.post(url, {"name": "Tomorrow", "body": "Hi", "save": "1"}).content
    assert MessageTemplate.objects.filter(team=team, name="Tomorrow").count() == 1
    assert "A template named “Tomorrow” exists" in html.decode()


def test_a_new_rung_cannot_reuse_a_template_name(manager_client, ladder):
    data = {**RUNG, "template_name": "Tomorrow", "template_body": "Hi", "save": "1"}
    response = manager_client.post(reverse("settings-followups-step-new"), data)
    assert "A template named “Tomorrow” exists" in response.content.decode()
    assert not LadderStep.objects.filter(outcome="Talk next week").exists()
