from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goodfit.core"
    label = "core"
    verbose_name = "Team and access"

    def ready(self) -> None:
        from goodfit.core.extensions import NavItem, register_nav_item

        register_nav_item(
            NavItem("Audit log", "audit-list", "audit-", slot="end", managers_only=True)
        )
