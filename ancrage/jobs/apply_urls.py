"""Applying to an offer (/offres/<offer_pk>/postuler/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_apply"

urlpatterns = []
