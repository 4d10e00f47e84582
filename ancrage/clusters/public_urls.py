from django.urls import path

from ancrage.clusters.views import public

app_name = "clusters"

urlpatterns = [
    path("", public.cluster_list, name="public_list"),
    path("<slug:slug>/", public.cluster_detail, name="public_detail"),
    path("<slug:slug>/logo/", public.logo, name="logo"),
]
