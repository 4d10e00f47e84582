"""Staff follow-up: offers with few applications, candidates with none (/cluster/offres/suivi/)."""

from django.urls import path

from ancrage.jobs.views import followup

app_name = "jobs_followup"

urlpatterns = [
    path("", followup.followup_page, name="page"),
]
