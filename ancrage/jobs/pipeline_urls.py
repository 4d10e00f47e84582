"""The company's applications, per offer (/organisation/candidatures/)."""

from django.urls import path

from ancrage.jobs.views import pipeline

app_name = "jobs_pipeline"

urlpatterns = [
    path("", pipeline.index, name="index"),
    path("offre/<int:offer_pk>/", pipeline.offer_pipeline, name="offer"),
    path("offre/<int:offer_pk>/actions/", pipeline.bulk, name="bulk"),
    path("<int:pk>/", pipeline.detail, name="detail"),
    path("<int:pk>/etat/", pipeline.move, name="move"),
    path("<int:pk>/notes/", pipeline.note, name="note"),
    path("<int:pk>/lettre/", pipeline.cover_letter, name="cover_letter"),
    path("<int:pk>/cv/", pipeline.cv, name="cv"),
]
