from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "goodfit.search"
    label = "search"
    verbose_name = "Search"

    def ready(self) -> None:
        from goodfit.core.text_search import register_text_search
        from goodfit.search.conditions import deal_condition, prospect_condition

        register_text_search("deals", deal_condition)
        register_text_search("prospects", prospect_condition)
