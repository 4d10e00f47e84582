from django.contrib import admin

from ancrage.surveys.models import Campaign, Questionnaire


@admin.register(Questionnaire)
class QuestionnaireAdmin(admin.ModelAdmin):
    list_display = ("title", "cluster", "template_key", "archived")
    list_filter = ("archived",)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "period_label", "cluster", "status", "opens_on", "closes_on")
    list_filter = ("status",)
