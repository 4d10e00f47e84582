from django.urls import path

from ancrage.matrix.views import coverage, crossfilter, mailing

app_name = "matrix"

urlpatterns = [
    path("", crossfilter.crossfilter, name="crossfilter"),
    path("export/", crossfilter.export, name="export"),
    path("diffusion/", mailing.mailing, name="mailing"),
    path("couverture/", coverage.coverage, name="coverage"),
]
