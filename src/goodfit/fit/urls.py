from django.urls import path

from goodfit.fit import views, views_questions, views_settings

urlpatterns = [
    path("deals/<int:pk>/fit/answer/", views.answer_save, name="fit-answer"),
    path("deals/<int:pk>/fit/refer/", views.refer, name="fit-refer"),
    path("fit/settings/playbooks/", views_settings.playbook_list, name="settings-playbooks"),
    path(
        "fit/settings/playbooks/<int:offering_id>/",
        views_settings.playbook_detail,
        name="settings-playbook",
    ),
    path(
        "fit/settings/playbooks/<int:offering_id>/export.<str:fmt>",
        views_settings.playbook_export,
        name="settings-playbook-export",
    ),
    path(
        "fit/settings/playbooks/<int:offering_id>/questions/new/",
        views_questions.question_new,
        name="settings-playbook-question-new",
    ),
    path(
        "fit/settings/playbooks/<int:offering_id>/questions/<slug:key>/",
        views_questions.question_edit,
        name="settings-playbook-question-edit",
    ),
    path(
        "fit/settings/playbooks/<int:offering_id>/questions/<slug:key>/delete/",
        views_questions.question_remove,
        name="settings-playbook-question-delete",
    ),
    path(
        "fit/settings/alternatives/",
        views_settings.alternative_list,
        name="settings-alternatives",
    ),
    path(
        "fit/settings/alternatives/new/",
        views_settings.alternative_new,
        name="settings-alternative-new",
    ),
    path(
        "fit/settings/alternatives/<int:pk>/",
        views_settings.alternative_edit,
        name="settings-alternative-edit",
    ),
    path(
        "fit/settings/alternatives/<int:pk>/delete/",
        views_settings.alternative_remove,
        name="settings-alternative-delete",
    ),
]
