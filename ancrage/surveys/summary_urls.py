from django.urls import path

from ancrage.surveys.views import results_summary

app_name = "survey_summary"

urlpatterns = [
    path("<int:pk>/synthese/", results_summary.summary, name="summary"),
]
