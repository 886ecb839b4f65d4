"""The admin is a read-only window: every change goes through the audited services."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import Client

from goodfit.core.models import AuditEntry
from goodfit.followups.models import Ladder
from goodfit.followups.services import ladder_create_default


@pytest.fixture
def operator(db):
    return get_user_model().objects.create_superuser("root", "root@example.com", "x" * 20)


@pytest.fixture
def operator_client(operator):
    client = Client()
    client.force_login(operator)
    return client


def test_every_registered_model_is_read_only(operator):
    request = type("Request", (), {"user": operator})()
    assert len(admin.site._registry) > 5
    for model, model_admin in admin.site._registry.items():
        assert model_admin.has_view_permission(request), model
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model


def test_the_admin_shows_rows_but_refuses_writes(operator_client, team, owner):
    ladder = ladder_create_default(team=team)
    audited = AuditEntry.objects.count()
    url = f"/admin/followups/ladder/{ladder.pk}/"
    assert operator_client.get(f"{url}change/").status_code == 200
    assert operator_client.post(f"{url}change/", {"name": "Renamed"}).status_code == 403
    assert operator_client.post(f"{url}delete/", {"post": "yes"}).status_code == 403
    user_url = f"/admin/auth/user/{owner.pk}/"
    assert operator_client.post(f"{user_url}change/", {"is_active": ""}).status_code == 403
    assert operator_client.post(f"{user_url}delete/", {"post": "yes"}).status_code == 403
    assert operator_client.get("/admin/auth/user/add/").status_code == 403
    assert Ladder.objects.get(pk=ladder.pk).name == ladder.name
    owner.refresh_from_db()
    assert owner.is_active
    assert AuditEntry.objects.count() == audited
