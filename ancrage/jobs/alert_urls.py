"""A candidate's saved searches and their email alerts (/candidat/recherches/)."""

from django.urls import path

from ancrage.jobs.views import alerts

app_name = "jobs_alerts"

urlpatterns = [
    path("", alerts.saved_list, name="list"),
    path("enregistrer/", alerts.create, name="create"),
    path("<int:pk>/", alerts.edit, name="edit"),
    path("<int:pk>/supprimer/", alerts.delete, name="delete"),
]
