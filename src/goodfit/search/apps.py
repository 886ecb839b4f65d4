from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "goodfit.search"
    label = "search"
    verbose_name = "Search"
