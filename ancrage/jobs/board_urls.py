"""A cluster's public job board and its Atom feed (no login)."""

from django.urls import path

from ancrage.jobs import feeds
from ancrage.jobs.views import public

app_name = "jobs_board"

urlpatterns = [
    path("", public.board, name="list"),
    path("flux.atom", feeds.board_feed, name="feed"),
]
