"""The public page of an offer (no login)."""

from django.urls import path

from ancrage.jobs.views import public

app_name = "jobs_public"

urlpatterns = [
    path("<int:pk>/", public.offer, name="offer"),
    path("<int:pk>-<slug:slug>/", public.offer, name="offer_slug"),
]
