"""The pipeline's pages: the board, deals, prospects, and the offering and stage settings."""

from django.urls import path

from goodfit.pipeline.views import activity, board, bulk, config, deals, detail, prospects

urlpatterns = [
    path("", deals.home, name="home"),
    path("board/", board.board, name="board"),
    path("deals/", deals.deal_list_view, name="deal-list"),
    path("deals/new/", deals.deal_new, name="deal-new"),
    path("deals/bulk/", bulk.deal_bulk, name="deal-bulk"),
    path("deals/<int:pk>/", detail.deal_detail, name="deal-detail"),
    path("deals/<int:pk>/history/", detail.deal_history_view, name="deal-history"),
    path("deals/<int:pk>/edit/", deals.deal_edit, name="deal-edit"),
    path("deals/<int:pk>/move/", board.deal_move_view, name="deal-move"),
    path(
        "deals/<int:pk>/interactions/new/",
        activity.interaction_new,
        name="deal-interaction-new",
    ),
    path("deals/<int:pk>/log/", activity.compose, name="deal-compose"),
    path("deals/<int:pk>/notes/new/", activity.note_new, name="deal-note-new"),
    path("deals/<int:pk>/cancel/", activity.cancel, name="deal-cancel"),
    path("prospects/", prospects.prospect_list_view, name="prospect-list"),
    path("prospects/new/", prospects.prospect_new, name="prospect-new"),
    path("prospects/search/", prospects.prospect_search_view, name="prospect-search"),
    path("prospects/<int:pk>/", prospects.prospect_detail, name="prospect-detail"),
    path("prospects/<int:pk>/edit/", prospects.prospect_edit, name="prospect-edit"),
    path("settings/offerings/", config.offering_list, name="settings-offerings"),
    path("settings/offerings/new/", config.offering_new, name="settings-offering-new"),
    path("settings/offerings/<int:pk>/edit/", config.offering_edit, name="settings-offering-edit"),
    path(
        "settings/offerings/<int:pk>/delete/",
        config.offering_delete_view,
        name="settings-offering-delete",
    ),
    path("settings/stages/", config.stage_list, name="settings-stages"),
    path("settings/stages/new/", config.stage_new, name="settings-stage-new"),
    path("settings/stages/<int:pk>/edit/", config.stage_edit, name="settings-stage-edit"),
    path("settings/stages/<int:pk>/move/", config.stage_move, name="settings-stage-move"),
    path(
        "settings/stages/<int:pk>/delete/",
        config.stage_delete_view,
        name="settings-stage-delete",
    ),
]
