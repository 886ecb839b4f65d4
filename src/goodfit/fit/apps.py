from django.apps import AppConfig


class FitConfig(AppConfig):
    name = "goodfit.fit"
    label = "fit"
    verbose_name = "Discovery and fit"

    def ready(self) -> None:
        from goodfit.core.extensions import (
            DealFilter,
            DealHeaderProvider,
            DealMarker,
            DealPanel,
            SettingsSection,
            register_alternative_referrals,
            register_deal_filter,
            register_deal_header,
            register_deal_marker,
            register_deal_panel,
            register_settings_section,
        )
        from goodfit.fit.board import VERDICT_CHOICES, filter_by_verdict, verdict_markers
        from goodfit.fit.header import verdict_fact, verdict_is_open
        from goodfit.fit.panel import panel_context
        from goodfit.fit.selectors import alternative_referrals

        register_deal_panel(
            DealPanel(
                "fit", "fit/panel.html", panel_context,
                label="Discovery", attention=verdict_is_open,
            )
        )  # fmt: skip
        register_deal_header(DealHeaderProvider("fit", verdict_fact))
        register_deal_filter(
            DealFilter("verdict", "Fit verdict", VERDICT_CHOICES, filter_by_verdict)
        )
        register_deal_marker(DealMarker("verdict", verdict_markers))
        register_settings_section(SettingsSection("Playbooks", "settings-playbooks", "playbooks"))
        register_settings_section(
            SettingsSection("Alternatives", "settings-alternatives", "alternatives")
        )
        # Debriefs shows a prospect's referrals out without reading fit's tables.
        register_alternative_referrals("fit", alternative_referrals)
