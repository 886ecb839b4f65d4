from django.urls import path

from goodfit.debriefs.views import deal, pages, pressure_settings, settings_views

urlpatterns = [
    path("debriefs/", pages.todo, name="debriefs-todo"),
    path("debriefs/product/", pages.product, name="debriefs-product"),
    path("debriefs/product.csv", pages.product_csv, name="debriefs-product-csv"),
    path("debriefs/coaching/", pages.coaching_index, name="debriefs-coaching"),
    path("debriefs/coaching/<int:user_id>/", pages.coaching_rep, name="debriefs-coaching-rep"),
    path("debriefs/referrals/", pages.referrals, name="debriefs-referrals"),
    path("debriefs/lint/", deal.lint_view, name="debriefs-lint"),
    path("debriefs/<int:pk>/review/", deal.review, name="debriefs-review"),
    path("debriefs/check-ins/<int:pk>/done/", deal.check_in_done, name="debriefs-checkin-done"),
    path("deals/<int:pk>/debrief/", deal.debrief_save, name="deal-debrief"),
    path("deals/<int:pk>/debrief/close-out/", deal.closeout, name="deal-debrief-closeout"),
    path("deals/<int:pk>/debrief/referral/", deal.referral_new, name="deal-debrief-referral"),
    path("deals/<int:pk>/debrief/objection/", deal.objection_new, name="deal-debrief-objection"),
    path("settings/debriefs/", settings_views.debrief_settings, name="settings-debriefs"),
    path("settings/pressure/", pressure_settings.pressure_patterns, name="settings-pressure"),
    path(
        "settings/pressure/switch/",
        pressure_settings.pressure_pattern_switch_view,
        name="settings-pressure-switch",
    ),
    path(
        "settings/pressure/<int:pk>/",
        pressure_settings.pressure_pattern_edit,
        name="settings-pressure-edit",
    ),
    path(
        "settings/pressure/<int:pk>/delete/",
        pressure_settings.pressure_pattern_delete_view,
        name="settings-pressure-delete",
    ),
    path(
        "settings/pressure/default/<str:key>/",
        pressure_settings.pressure_default_edit,
        name="settings-pressure-default",
    ),
]
