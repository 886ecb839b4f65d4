from django.contrib import admin
from django.urls import include, path

from goodfit.api import api
from goodfit.core import views as core_views

urlpatterns = [
    path("", include("goodfit.core.urls")),
    path("", include("goodfit.pipeline.urls")),
    path("", include("goodfit.fit.urls")),
    path("", include("goodfit.money.urls")),
    path("", include("goodfit.followups.urls")),
    path("", include("goodfit.debriefs.urls")),
    path("", include("goodfit.search.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("healthz", core_views.healthz, name="healthz"),
]

handler400 = "goodfit.core.views.bad_request"
handler403 = "goodfit.core.views.permission_denied"
handler404 = "goodfit.core.views.page_not_found"
handler500 = "goodfit.core.views.server_error"
