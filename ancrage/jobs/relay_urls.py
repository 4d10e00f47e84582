"""Internships and work-study offers relayed by member schools (/organisation/stages/)."""

from django.urls import path

from ancrage.jobs.views import relay

app_name = "jobs_relay"

urlpatterns = [
    path("", relay.offer_list, name="list"),
    path("<int:offer_pk>/relayer/", relay.relay, name="relay"),
]
