"""The training needs view and its export (/cluster/gpec/formations/…)."""

from django.urls import path

from ancrage.gpec.views import training

app_name = "gpec_training"

urlpatterns = [
    path("", training.training_list, name="list"),
    path("export/", training.export, name="export"),
]
