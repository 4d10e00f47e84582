from django.urls import path

from ancrage.clusters import public_views

app_name = "clusters"

urlpatterns = [
    path("", public_views.cluster_list, name="public_list"),
    path("<slug:slug>/", public_views.cluster_detail, name="public_detail"),
]
