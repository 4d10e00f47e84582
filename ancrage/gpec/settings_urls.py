"""The cluster's GPEC assumptions (/cluster/gpec/hypotheses/)."""

from django.urls import path

from ancrage.gpec.views import assumptions

app_name = "gpec_assumptions"

urlpatterns = [
    path("", assumptions.edit, name="edit"),
    path("valeurs-par-defaut/", assumptions.reset, name="reset"),
]
