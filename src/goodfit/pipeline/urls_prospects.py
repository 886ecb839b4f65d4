from django.urls import path

from goodfit.pipeline import views_prospects as views

urlpatterns = [
    path("prospects/", views.prospect_list_view, name="prospect-list"),
    path("prospects/new/", views.prospect_new, name="prospect-new"),
    path("prospects/search/", views.prospect_search_view, name="prospect-search"),
    path("prospects/<int:pk>/", views.prospect_detail, name="prospect-detail"),
    path("prospects/<int:pk>/edit/", views.prospect_edit, name="prospect-edit"),
]
