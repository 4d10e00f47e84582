from django.contrib import admin

from ancrage.gpec.models import (
    Declaration,
    OccupationForecast,
    OrganisationFigures,
    SkillNeed,
    WorkforceLine,
)

for model in (WorkforceLine, OccupationForecast, SkillNeed, OrganisationFigures):
    admin.site.register(
        model,
        list_display=("organisation", "cluster", "observed_on", "source", "source_label"),
        list_filter=("source",),
        raw_id_fields=("organisation",),
    )


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    list_display = ("organisation", "cluster", "declared_on", "on_behalf")
    raw_id_fields = ("organisation", "unchanged_from")
