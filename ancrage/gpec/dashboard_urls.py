"""The cluster's GPEC dashboard and its exports (/cluster/gpec/…)."""

app_name = "gpec_dashboard"

urlpatterns = []
