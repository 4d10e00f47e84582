"""The staff's moderation of the offers on their cluster's job board
(/cluster/offres/)."""

from django.urls import path

from ancrage.jobs.views import moderation

app_name = "jobs_moderation"

urlpatterns = [
    path("", moderation.publication_list, name="list"),
    path("reglages/", moderation.board_settings, name="settings"),
    path("<int:pk>/", moderation.detail, name="detail"),
    path("<int:pk>/publier/", moderation.publish, name="publish"),
    path("<int:pk>/refuser/", moderation.refuse, name="refuse"),
]
