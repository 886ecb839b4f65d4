from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goodfit.core"
    label = "core"
    verbose_name = "Team and access"

    def ready(self) -> None:
        from django.db.models.signals import pre_save

        from goodfit.core.extensions import NavItem, register_nav_item
        from goodfit.core.names import refuse_unsafe_names

        pre_save.connect(refuse_unsafe_names, dispatch_uid="goodfit-safe-names")

        register_nav_item(
            NavItem("Audit log", "audit-list", "audit-", order=90, managers_only=True)
        )
