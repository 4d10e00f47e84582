"""The CV bank of a member company (/organisation/cvtheque/): search, profiles, CV files, the best candidates for an offer."""

from django.urls import path  # noqa: F401

app_name = "jobs_cvbank"

urlpatterns = []
