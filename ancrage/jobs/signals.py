"""A candidate's login is activity: the CV bank keeps their profile two
years after the last one (see retention). An application deleted with its
offer or organisation takes its cover letter with it."""

from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_delete
from django.dispatch import receiver

from ancrage.files import uploads
from ancrage.jobs.candidate_profile import renew_on_login
from ancrage.jobs.models import Application


@receiver(user_logged_in, dispatch_uid="jobs.candidate_login_activity")
def candidate_logged_in(sender, request, user, **kwargs):
    renew_on_login(user)


@receiver(post_delete, sender=Application, dispatch_uid="jobs.application_cover_letter")
def application_deleted(sender, instance, **kwargs):
    if instance.cover_letter_id:
        uploads.discard(instance.cover_letter)
