from django.urls import path

from ancrage.surveys.views import exports, invitee_import

app_name = "survey_exports"

urlpatterns = [
    path("<int:pk>/export/reponses.xlsx", exports.raw, name="raw"),
    path("<int:pk>/export/anonyme.xlsx", exports.anonymised, name="anonymised"),
    path(
        "<int:pk>/destinataires/modele.xlsx",
        invitee_import.template,
        name="invitee_template",
    ),
    path(
        "<int:pk>/destinataires/import/",
        invitee_import.upload,
        name="import_invitees",
    ),
]
