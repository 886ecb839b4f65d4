from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goodfit.core"
    label = "core"
    verbose_name = "Team and access"
