from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "goodfit.followups"
    label = "followups"
    verbose_name = "Follow-ups"
