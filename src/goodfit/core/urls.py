from django.contrib.auth import views as auth_views
from django.urls import path

from goodfit.core import views_audit
from goodfit.core.views import LoginView

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", views_audit.audit_list, name="audit-list"),
]
