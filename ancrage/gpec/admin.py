from django.contrib import admin

from ancrage.gpec.models import OccupationForecast, OrganisationFigures, SkillNeed

for model in (OccupationForecast, SkillNeed, OrganisationFigures):
    admin.site.register(
        model,
        list_display=("organisation", "cluster", "observed_on", "source", "source_label"),
        list_filter=("source",),
        raw_id_fields=("organisation",),
    )
