"""The cluster's GPEC assumptions (/cluster/gpec/hypotheses/)."""

app_name = "gpec_assumptions"

urlpatterns = []
