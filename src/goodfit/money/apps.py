from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "goodfit.money"
    label = "money"
    verbose_name = "Good money"
