"""The manager's settings pages, included under /settings/."""

from django.urls import path

from goodfit.core import views_settings as team_views
from goodfit.pipeline import views_config as config_views

urlpatterns = [
    path("", team_views.team_settings, name="settings-team"),
    path("offerings/", config_views.offering_list, name="settings-offerings"),
    path("offerings/new/", config_views.offering_new, name="settings-offering-new"),
    path("offerings/<int:pk>/edit/", config_views.offering_edit, name="settings-offering-edit"),
    path(
        "offerings/<int:pk>/delete/",
        config_views.offering_delete_view,
        name="settings-offering-delete",
    ),
    path("stages/", config_views.stage_list, name="settings-stages"),
    path("stages/new/", config_views.stage_new, name="settings-stage-new"),
    path("stages/<int:pk>/edit/", config_views.stage_edit, name="settings-stage-edit"),
    path("stages/<int:pk>/move/", config_views.stage_move, name="settings-stage-move"),
    path("stages/<int:pk>/delete/", config_views.stage_delete_view, name="settings-stage-delete"),
    path("members/", team_views.member_list, name="settings-members"),
    path("members/new/", team_views.member_new, name="settings-member-new"),
    path("members/<int:pk>/edit/", team_views.member_edit, name="settings-member-edit"),
]
