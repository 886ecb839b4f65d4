"""Read-mostly admin for support: every change goes through the services and pages."""

from django.contrib import admin

from goodfit.fit.models import Alternative, Diagnosis, PlaybookVersion, ReferralOut


@admin.register(Alternative)
class AlternativeAdmin(admin.ModelAdmin):
    list_display = ["name", "team", "contact", "is_active"]
    list_filter = ["is_active"]


@admin.register(PlaybookVersion)
class PlaybookVersionAdmin(admin.ModelAdmin):
    list_display = ["playbook", "number", "created_at", "created_by"]
    readonly_fields = ["playbook", "number", "definition", "created_at", "created_by", "note"]


@admin.register(Diagnosis)
class DiagnosisAdmin(admin.ModelAdmin):
    list_display = ["deal", "verdict", "score", "version", "at", "by"]
    list_filter = ["verdict"]


@admin.register(ReferralOut)
class ReferralOutAdmin(admin.ModelAdmin):
    list_display = ["deal", "alternative", "at", "by"]
