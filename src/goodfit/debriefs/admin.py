"""Read-mostly admin views of the debrief rows; writes go through the services and pages."""

from django.contrib import admin

from goodfit.debriefs.models import CloseOut, Debrief, KeepInTouch, Objection, Referral


@admin.register(Debrief)
class DebriefAdmin(admin.ModelAdmin):
    list_display = ("deal", "status", "primary_category", "segment", "completed_at")
    list_filter = ("status", "primary_category")
    search_fields = ("deal__title", "prospect_words")
    raw_id_fields = ("deal", "created_by", "completed_by")


@admin.register(Referral)
class ReferralAdmin(admin.ModelAdmin):
    list_display = ("referrer", "referred", "deal", "at")
    raw_id_fields = ("referrer", "referred", "deal", "by")


admin.site.register([Objection, CloseOut, KeepInTouch])
