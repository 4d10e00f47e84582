"""A candidate's login is activity: the CV bank keeps their profile two
years after the last one (see retention)."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from ancrage.jobs.candidate_profile import renew_on_login


@receiver(user_logged_in, dispatch_uid="jobs.candidate_login_activity")
def candidate_logged_in(sender, request, user, **kwargs):
    renew_on_login(user)
