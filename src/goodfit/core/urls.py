from django.contrib.auth import views as auth_views
from django.urls import path

from goodfit.core import views_audit, views_settings
from goodfit.core.views import LoginView

urlpatterns = [
    path("login/", LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("audit/", views_audit.audit_list, name="audit-list"),
    path("settings/", views_settings.team_settings, name="settings-team"),
    path("settings/members/", views_settings.member_list, name="settings-members"),
    path("settings/members/new/", views_settings.member_new, name="settings-member-new"),
    path(
        "settings/members/<int:pk>/edit/",
        views_settings.member_edit,
        name="settings-member-edit",
    ),
]
