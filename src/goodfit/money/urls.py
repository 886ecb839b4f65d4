from django.urls import path

from goodfit.money import views, views_review, views_settings

urlpatterns = [
    path("review/", views_review.review, name="money-review"),
    path("review/act/", views_review.review_act, name="money-review-act"),
    path("review/settings/", views_settings.money_settings, name="settings-money"),
    path("deals/<int:pk>/worth/", views.panel, name="money-panel"),
    path("deals/<int:pk>/worth/concessions/", views.concession_new, name="money-concession-new"),
    path("deals/<int:pk>/worth/quotes/", views.quote_new, name="money-quote-new"),
    path("deals/<int:pk>/worth/flags/", views.flag_new, name="money-flag-new"),
    path(
        "deals/<int:pk>/worth/flags/<int:flag_id>/dismiss/",
        views.flag_dismiss,
        name="money-flag-dismiss",
    ),
    path("deals/<int:pk>/worth/meetings/", views.meeting_outcome, name="money-meeting"),
    path("deals/<int:pk>/worth/time/", views.time_new, name="money-time-new"),
    path("deals/<int:pk>/worth/override/", views.override, name="money-override"),
    path("deals/<int:pk>/worth/walk-away/", views_review.walk_away, name="money-walk-away"),
]
