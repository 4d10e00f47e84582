from django.urls import path

from ancrage.surveys.views import results

app_name = "survey_results"

urlpatterns = [
    path("<int:pk>/resultats/", results.campaign, name="campaign"),
    path("<int:pk>/resultats/reponses/", results.responses, name="responses"),
    path("<int:pk>/resultats.pdf", results.pdf, name="pdf"),
    path("series/<int:pk>/", results.series, name="series"),
]
