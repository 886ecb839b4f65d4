"""Django's /admin/ shows every row but changes none.

Writes through the admin would skip the services: no audit entry, no optimistic
locking, no "the team keeps an admin" rule. Changes go through the app's pages, the
API and the `goodfit` commands (`goodfit manage changepassword` for a forgotten
password), which audit them; the admin stays a read-only window for the operator.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest


def _refuse(self: Any, request: HttpRequest, obj: Any = None) -> bool:
    return False


def admin_make_read_only(site: admin.AdminSite) -> None:
    for model_admin in site._registry.values():
        model_admin.has_add_permission = _refuse.__get__(model_admin)  # type: ignore[method-assign]
        model_admin.has_change_permission = _refuse.__get__(model_admin)  # type: ignore[method-assign]
        model_admin.has_delete_permission = _refuse.__get__(model_admin)  # type: ignore[method-assign]
