"""Deleting a candidate's account at their request (RGPD right to
erasure): every file they gave (CV, cover letters) through uploads.discard,
their applications, their profile and all that hangs on it (lines,
consents, views, saved searches), and the user — unless the account has
other roles (staff of a cluster, a member's employee…): it then only loses
its candidate space and data."""

from django.db import transaction

from ancrage.accounts.models import AuditEntry, User
from ancrage.core.context import available_contexts
from ancrage.files import uploads
from ancrage.files.models import File
from ancrage.jobs.models import Application, CandidateProfile


def discard_application(application):
    """Delete one application; its cover letter goes with it (signals)."""
    application.delete()


def has_other_roles(user):
    return any(context.kind != "candidate" for context in available_contexts(user))


@transaction.atomic
def erase_candidate(user):
    """Delete every piece of `user`'s candidate data, and `user` when they
    have no other role. Returns (files discarded, whether the user is gone)."""
    profile = CandidateProfile.objects.filter(user=user).select_related("cv").first()
    file_ids = set(File.objects.filter(uploaded_by=user).values_list("pk", flat=True))
    if profile is not None:
        if profile.cv_id:
            file_ids.add(profile.cv_id)
        letters = Application.objects.filter(candidate=profile, cover_letter__isnull=False)
        file_ids.update(letters.values_list("cover_letter_id", flat=True))
        Application.objects.filter(candidate=profile).delete()
        # The clusters' audit logs keep that the profile was viewed, not whose.
        AuditEntry.objects.filter(
            object_type=CandidateProfile._meta.label, object_id=str(profile.pk)
        ).update(object_repr=f"profil de candidat n° {profile.pk} (supprimé)")
        profile.delete()
    files = list(File.objects.filter(pk__in=file_ids))
    for stored in files:
        uploads.discard(stored)
    user.saved_searches.all().delete()
    if has_other_roles(user):
        User.objects.filter(pk=user.pk).update(is_candidate=False)
        return len(files), False
    user.delete()
    return len(files), True
