"""Imports: declarations from the XLSX template, external supply figures
from a CSV (/cluster/gpec/import/…)."""

from django.urls import path

from ancrage.gpec.views import imports, supply

app_name = "gpec_import"

urlpatterns = [
    path("", imports.upload, name="declarations"),
    path("modele/", imports.template, name="template"),
    path("confirmer/", imports.confirm, name="confirm"),
    path("erreurs/", imports.errors, name="errors"),
    path("resultat/<int:pk>/", imports.result, name="result"),
    path("offre/", supply.supply_import, name="supply"),
]
