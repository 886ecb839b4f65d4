"""The app's URLs plus one that fails, to see the 500 page (tests only)."""

from django.urls import path

from goodfit.urls import handler400, handler403, handler404, handler500, urlpatterns


def boom(request):
    raise RuntimeError("the database went away")


urlpatterns = [*urlpatterns, path("boom/", boom), path("api/v1/boom/", boom)]
__all__ = ["handler400", "handler403", "handler404", "handler500", "urlpatterns"]
