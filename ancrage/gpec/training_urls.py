"""The training needs view and its export (/cluster/gpec/formations/…)."""

app_name = "gpec_training"

urlpatterns = []
