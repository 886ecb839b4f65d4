"""The parts of the capability checklist (docs/architecture.md) that live outside the
registries: every goodfit app's URLs are included and its API router is added."""

from __future__ import annotations

import importlib
import importlib.util

from django.apps import apps

from goodfit import urls
from goodfit.api import api


def goodfit_apps() -> list[str]:
    return [a.name for a in apps.get_app_configs() if a.name.startswith("goodfit.")]


def test_every_app_s_urls_are_included():
    included = [getattr(p, "urlconf_name", None) for p in urls.urlpatterns]
    names = {m.__name__ for m in included if hasattr(m, "__name__")}
    for app in goodfit_apps():
        if importlib.util.find_spec(f"{app}.urls") is not None:
            assert f"{app}.urls" in names, f"include {app}.urls in goodfit/urls.py"


def test_every_app_s_api_router_is_added():
    added = {id(router) for _, router in api._routers}
    for app in goodfit_apps():
        if importlib.util.find_spec(f"{app}.api") is not None:
            router = importlib.import_module(f"{app}.api").router
            assert id(router) in added, f"add {app}.api's router in goodfit/api.py"
