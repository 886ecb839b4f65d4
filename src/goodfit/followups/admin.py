from django.contrib import admin

from goodfit.followups.models import (
    CadenceSettings,
    FollowUp,
    FollowUpEvent,
    Ladder,
    LadderStep,
    MessageTemplate,
)


class LadderStepInline(admin.TabularInline):
    model = LadderStep
    extra = 0


@admin.register(Ladder)
class LadderAdmin(admin.ModelAdmin):
    list_display = ["name", "team"]
    inlines = [LadderStepInline]


@admin.register(MessageTemplate)
class MessageTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "team", "updated_at"]


@admin.register(FollowUp)
class FollowUpAdmin(admin.ModelAdmin):
    list_display = ["deal", "assignee", "due_at", "channel", "status", "origin"]
    list_filter = ["status", "origin"]
    raw_id_fields = ["deal", "assignee", "step", "created_by"]


@admin.register(FollowUpEvent)
class FollowUpEventAdmin(admin.ModelAdmin):
    list_display = ["followup", "kind", "at", "by"]
    raw_id_fields = ["followup", "by"]


admin.site.register(CadenceSettings)
