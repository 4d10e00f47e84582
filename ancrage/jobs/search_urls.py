"""The public search of offers (/offres/) and its Atom feed."""

from django.urls import path  # noqa: F401

app_name = "jobs_search"

urlpatterns = []
