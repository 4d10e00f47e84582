from django.urls import path

from ancrage.matrix.views import network

app_name = "network_matrix"

urlpatterns = [
    path("", network.crossfilter, name="crossfilter"),
]
