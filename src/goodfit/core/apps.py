from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goodfit.core"
    label = "core"
    verbose_name = "Team and access"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from goodfit.core.db_statistics import statistics_after_migrate
        from goodfit.core.extensions import NavItem, register_nav_item

        # Once per migrate (this app's signal), after every app's migrations are applied.
        post_migrate.connect(statistics_after_migrate, sender=self)

        register_nav_item(
            NavItem("Audit log", "audit-list", "audit-", slot="end", managers_only=True)
        )
