from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "goodfit.core"
    label = "core"
    verbose_name = "Team and access"

    def ready(self) -> None:
        from django.contrib import admin
        from django.db.models.signals import pre_save

        from goodfit.core.admin_readonly import admin_make_read_only
        from goodfit.core.extensions import NavItem, register_nav_item
        from goodfit.core.names import refuse_unsafe_names

        pre_save.connect(refuse_unsafe_names, dispatch_uid="goodfit-safe-names")
        # The admin app comes first in INSTALLED_APPS, so every ModelAdmin is registered.
        admin_make_read_only(admin.site)

        register_nav_item(
            NavItem("Audit log", "audit-list", "audit-", order=90, managers_only=True)
        )
