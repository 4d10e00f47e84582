"""The candidate's applications (/candidat/candidatures/)."""

from django.urls import path

from ancrage.jobs.views import my_applications

app_name = "jobs_my_applications"

urlpatterns = [
    path("", my_applications.application_list, name="list"),
    path("<int:pk>/retirer/", my_applications.withdraw, name="withdraw"),
]
