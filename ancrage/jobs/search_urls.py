"""The public search of offers (/offres/) and its Atom feed."""

from django.urls import path

from ancrage.jobs import feeds
from ancrage.jobs.views import search

app_name = "jobs_search"

urlpatterns = [
    path("", search.search_page, name="search"),
    path("flux.atom", feeds.search_feed, name="feed"),
]
