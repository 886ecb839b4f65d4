from django.contrib import admin

from goodfit.money.models import (
    Concession,
    InteractionFlag,
    MeetingOutcome,
    MoneySettings,
    Quote,
    TimeLog,
    WalkAway,
    WorthOverride,
    WorthScore,
)


@admin.register(WorthScore)
class WorthScoreAdmin(admin.ModelAdmin):
    list_display = ("deal", "score", "recommendation", "at")
    list_filter = ("recommendation",)
    raw_id_fields = ("deal",)


@admin.register(WalkAway)
class WalkAwayAdmin(admin.ModelAdmin):
    list_display = ("deal", "at", "touches_per_week_before", "hours_per_week_before")
    raw_id_fields = ("deal",)


for model in (Concession, Quote, TimeLog, WorthOverride):
    admin.site.register(model, raw_id_fields=("deal",))
admin.site.register(InteractionFlag, raw_id_fields=("interaction",))
admin.site.register(MeetingOutcome, raw_id_fields=("interaction",))
admin.site.register(MoneySettings)
