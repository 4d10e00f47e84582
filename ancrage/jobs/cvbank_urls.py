"""The CV bank of a member company (/organisation/cvtheque/): search,
profiles, CV files, the best candidates for an offer."""

from django.urls import path

from ancrage.jobs.views import cvbank

app_name = "jobs_cvbank"

urlpatterns = [
    path("", cvbank.search, name="search"),
    path("<int:pk>/", cvbank.profile, name="profile"),
    path("<int:pk>/cv/", cvbank.cv, name="cv"),
    path("offre/<int:offer_pk>/", cvbank.offer_matches, name="offer_matches"),
]
