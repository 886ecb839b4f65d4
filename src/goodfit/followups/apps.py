from django.apps import AppConfig


class FollowupsConfig(AppConfig):
    name = "goodfit.followups"
    label = "followups"
    verbose_name = "Follow-ups"

    def ready(self) -> None:
        from goodfit.core.extensions import (
            DealHeaderProvider,
            DealPanel,
            NavItem,
            SettingsSection,
            register_deal_header,
            register_deal_listener,
            register_deal_panel,
            register_nav_item,
            register_settings_section,
        )
        from goodfit.followups.header import next_followup_fact
        from goodfit.followups.services.closing import on_deal_event
        from goodfit.followups.views.panel import PANEL_TEMPLATE, panel_context
        from goodfit.followups.views.today import nav_badge

        register_deal_listener("followups", on_deal_event)
        register_deal_panel(
            DealPanel("followups", PANEL_TEMPLATE, panel_context, label="Follow-ups")
        )
        register_deal_header(DealHeaderProvider("followups", next_followup_fact))
        register_nav_item(NavItem("Today", "today", "today", slot="start", badge=nav_badge))
        register_settings_section(SettingsSection("Follow-ups", "settings-followups", "followups"))
