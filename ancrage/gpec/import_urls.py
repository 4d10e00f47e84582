"""Imports: declarations from the XLSX template, external supply figures
from a CSV (/cluster/gpec/import/…)."""

app_name = "gpec_import"

urlpatterns = []
