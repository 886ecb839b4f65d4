from django.apps import AppConfig


class DebriefsConfig(AppConfig):
    name = "goodfit.debriefs"
    label = "debriefs"
    verbose_name = "Debriefs and referrals"

    def ready(self) -> None:
        from goodfit.core.extensions import (
            DealMarker,
            DealPanel,
            NavItem,
            SettingsSection,
            register_deal_marker,
            register_deal_panel,
            register_nav_item,
            register_prospect_panel,
            register_settings_section,
        )
        from goodfit.debriefs.board import referral_markers
        from goodfit.debriefs.panel import PANEL_TEMPLATE, panel_context
        from goodfit.debriefs.prospect_panel import (
            PROSPECT_PANEL_TEMPLATE,
            prospect_panel_context,
        )
        from goodfit.debriefs.selectors import open_debrief_count
        from goodfit.debriefs.services.common import needs_debrief

        register_deal_panel(
            DealPanel(
                "debriefs", PANEL_TEMPLATE, panel_context,
                label="Debrief", attention=needs_debrief,
            )
        )  # fmt: skip
        register_deal_marker(DealMarker("referral", referral_markers))
        register_prospect_panel(
            DealPanel("referrals", PROSPECT_PANEL_TEMPLATE, prospect_panel_context)
        )
        register_nav_item(
            NavItem(
                "Debriefs",
                "debriefs-todo",
                "debriefs",
                badge=lambda request: open_debrief_count(request.user) or None,
            )
        )
        register_settings_section(SettingsSection("Debriefs", "settings-debriefs", "debriefs"))
        register_settings_section(
            SettingsSection("Pressure patterns", "settings-pressure", "pressure")
        )
