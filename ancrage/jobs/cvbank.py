"""The CV bank of the member companies: which candidate profiles an
organisation may read, and the record of each time it opens one.

    visible_profiles(organisation)        # the profiles its people may search and open
    sharing_clusters(profile, organisation)  # the clusters through which it sees the profile
    log_view(request, profile, organisation, what)  # ProfileView + audit entry

A profile is in an organisation's CV bank when its candidate gave an active
consent (not withdrawn) to a cluster the organisation is an ACTIVE member of,
and was active in the last two years (the CV bank keeps a profile two years
after the candidate's last activity). Staff of a cluster do not act as an
organisation and see nothing here; an organisation that is no (longer) an
active member of any cluster sees nothing."""

from datetime import timedelta

from django.db.models import Exists, OuterRef
from django.utils import timezone

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.models import Cluster
from ancrage.jobs.models import CandidateProfile, Consent, ProfileView
from ancrage.organisations.models import Membership

# A profile leaves the CV bank two years after the candidate's last activity.
RETENTION = timedelta(days=2 * 365)


def _member_cluster_ids(organisation):
    return Membership.objects.filter(
        organisation=organisation, status=Membership.Status.ACTIVE
    ).values("cluster_id")


def visible_profiles(organisation, *, now=None):
    """The candidate profiles `organisation` may see (none for None)."""
    if organisation is None:
        return CandidateProfile.objects.none()
    now = now or timezone.now()
    consents = Consent.objects.filter(
        profile=OuterRef("pk"),
        withdrawn_at__isnull=True,
        cluster_id__in=_member_cluster_ids(organisation),
    )
    return CandidateProfile.objects.filter(
        Exists(consents),
        user__is_active=True,
        last_activity_at__gte=now - RETENTION,
    )


def sharing_clusters(profile, organisation):
    """The clusters (ids, sorted) whose members may see `profile`, among
    those `organisation` is an active member of."""
    return sorted(
        Consent.objects.filter(
            profile=profile,
            withdrawn_at__isnull=True,
            cluster_id__in=_member_cluster_ids(organisation),
        ).values_list("cluster_id", flat=True)
    )


def log_view(request, profile, organisation, what):
    """Record that `organisation` (through the request's user) opened
    `profile`'s full profile or CV (`ProfileView.What`): a ProfileView the
    candidate is shown, and an audit entry in the log of each cluster
    through which the organisation sees the profile."""
    user = request.user if request is not None and request.user.is_authenticated else None
    view = ProfileView.objects.create(
        profile=profile, organisation=organisation, user=user, what=what
    )
    clusters = sharing_clusters(profile, organisation) or [None]
    by_id = Cluster.objects.in_bulk([pk for pk in clusters if pk is not None])
    for cluster_id in clusters:
        audit.record(
            request,
            AuditEntry.Action.VIEW,
            profile,
            cluster=by_id.get(cluster_id),
            what=f"cvbank_{what}",
            organisation=organisation.pk,
            organisation_name=organisation.name,
        )
    return view
