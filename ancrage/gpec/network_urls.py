"""The GPEC dashboard over every cluster of a network, for the platform's
administrators (/plateforme/gpec/)."""

app_name = "network_gpec"

urlpatterns = []
