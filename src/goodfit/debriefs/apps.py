from django.apps import AppConfig


class DebriefsConfig(AppConfig):
    name = "goodfit.debriefs"
    label = "debriefs"
    verbose_name = "Debriefs and referrals"
