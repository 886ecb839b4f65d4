from django.urls import path

from goodfit.followups.views import ladder, panel, public, settings, today

urlpatterns = [
    path("today/", today.today, name="today"),
    path("today/calendar/", settings.calendar_settings, name="today-calendar"),
    path("today/<int:pk>/done/", today.done, name="today-done"),
    path("today/<int:pk>/snooze/", today.snooze, name="today-snooze"),
    path("today/<int:pk>/reschedule/", today.reschedule, name="today-reschedule"),
    path("today/<int:pk>/no-answer/", today.no_answer, name="today-no-answer"),
    path("deals/<int:pk>/followups/call-ended/", panel.call_end, name="followups-call-end"),
    path("deals/<int:pk>/followups/pick-link/", panel.pick_link_new, name="followups-pick-link"),
    path("followups/pick/<str:token>/", public.pick, name="followups-pick"),
    path(
        "followups/calendar/<str:secret>.ics",
        public.calendar_feed,
        name="followups-calendar-feed",
    ),
    path("settings/followups/", settings.followup_settings, name="settings-followups"),
    path("settings/followups/ladder/", settings.ladder_default, name="settings-followups-ladder"),
    path("settings/followups/rungs/new/", ladder.step_new, name="settings-followups-step-new"),
    path(
        "settings/followups/rungs/<int:pk>/",
        ladder.step_edit,
        name="settings-followups-step-edit",
    ),
    path(
        "settings/followups/rungs/<int:pk>/move/",
        ladder.step_move_view,
        name="settings-followups-step-move",
    ),
    path(
        "settings/followups/rungs/<int:pk>/remove/",
        ladder.step_delete_view,
        name="settings-followups-step-delete",
    ),
    path(
        "settings/followups/templates/new/",
        ladder.template_new,
        name="settings-followups-template-new",
    ),
    path(
        "settings/followups/templates/<int:pk>/",
        settings.template_edit,
        name="settings-followups-template",
    ),
]
