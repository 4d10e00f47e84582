"""Internships and work-study offers that member schools relay to their students (/organisation/stages/)."""

from django.urls import path  # noqa: F401

app_name = "jobs_relay"

urlpatterns = []
