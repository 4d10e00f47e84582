from django.urls import path

from ancrage.surveys.views import exports

app_name = "survey_exports"

urlpatterns = [
    path("<int:pk>/export/reponses.xlsx", exports.raw, name="raw"),
    path("<int:pk>/export/anonyme.xlsx", exports.anonymised, name="anonymised"),
]
