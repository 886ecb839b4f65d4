from django.apps import AppConfig


class MoneyConfig(AppConfig):
    name = "goodfit.money"
    label = "money"
    verbose_name = "Good money"

    def ready(self) -> None:
        from goodfit.core.extensions import (
            DealPanel,
            NavItem,
            SettingsSection,
            register_deal_listener,
            register_deal_panel,
            register_nav_item,
            register_settings_section,
        )
        from goodfit.money.listeners import on_deal_event
        from goodfit.money.panel import panel_context

        register_deal_listener("money", on_deal_event)
        register_deal_panel(
            DealPanel(
                key="money",
                template="money/panel.html",
                context=panel_context,
                label="Good money",
            )
        )
        from goodfit.core.extensions import DealHeaderProvider, register_deal_header
        from goodfit.money.header import worth_facts

        register_deal_header(DealHeaderProvider("money", worth_facts))
        register_settings_section(
            SettingsSection(label="Good money", url_name="settings-money", section="money")
        )
        register_nav_item(NavItem(label="Review", url_name="money-review", section="money-review"))
