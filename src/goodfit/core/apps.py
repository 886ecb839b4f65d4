from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goodfit.core"
    label = "core"
    verbose_name = "Team and access"

    def ready(self) -> None:
        from django.contrib import admin
        from django.db.models.signals import post_migrate, pre_save

        from goodfit.core.admin_readonly import admin_make_read_only
        from goodfit.core.db_statistics import statistics_after_migrate
        from goodfit.core.extensions import NavItem, register_nav_item
        from goodfit.core.names import refuse_unsafe_names

        pre_save.connect(refuse_unsafe_names, dispatch_uid="goodfit-safe-names")
        # The admin app comes first in INSTALLED_APPS, so every ModelAdmin is registered.
        admin_make_read_only(admin.site)

        # Once per migrate (this app's signal), after every app's migrations are applied.
        post_migrate.connect(statistics_after_migrate, sender=self)

        register_nav_item(
            NavItem("Audit log", "audit-list", "audit-", slot="end", managers_only=True)
        )
