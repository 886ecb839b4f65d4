from django.apps import AppConfig


class FitConfig(AppConfig):
    name = "goodfit.fit"
    label = "fit"
    verbose_name = "Discovery and fit"
