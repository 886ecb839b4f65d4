from django.urls import path

from goodfit.pipeline.views import activity, board, bulk, deals, detail

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
]
