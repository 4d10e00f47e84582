"""What each role's landing page shows, with the next thing to do."""

from django.db.models import Q

from ancrage.accounts.models import AuditEntry


def dashboard_context(request, acting):
    if acting is None:
        return {}
    builder = {
        "staff": _staff,
        "member": _member,
        "authority": _authority,
        "candidate": _candidate,
        "admin": _admin,
    }[acting.kind]
    return {"acting": acting, **builder(request, acting)}


def _staff(request, acting):
    from datetime import timedelta

    from django.db.models import Count
    from django.utils import timezone

    from ancrage.clusters.models import ClusterStaff, StaffInvitation
    from ancrage.gpec.declarations import up_to_date_count
    from ancrage.matrix.models import MatrixProfile, Proposal, State
    from ancrage.organisations.models import Membership
    from ancrage.tenders.models import Tender

    cluster = acting.cluster
    members = Membership.objects.active().filter(cluster=cluster)
    states = dict(
        MatrixProfile.objects.filter(membership__in=members)
        .values_list("state")
        .annotate(count=Count("pk"))
    )
    open_tenders = Tender.objects.filter(cluster=cluster, outcome=Tender.Outcome.OPEN)
    today = timezone.localdate()
    return {
        "cluster": cluster,
        "member_count": members.count(),
        "profile_count": sum(states.values()),
        "validated_count": states.get(State.VALIDATED, 0),
        "waiting_count": states.get(State.SUBMITTED, 0) + states.get(State.TO_REVIEW, 0),
        "pending_proposals": Proposal.objects.filter(
            profile__membership__cluster=cluster, status=Proposal.Status.PENDING
        ).count(),
        "open_tenders": open_tenders.count(),
        "tenders_due_soon": open_tenders.filter(
            deadline__gte=today, deadline__lte=today + timedelta(days=30)
        ).count(),
        "staff_count": ClusterStaff.objects.filter(cluster=cluster).count(),
        "pending_invitations": StaffInvitation.objects.pending().filter(cluster=cluster).count(),
        "profile_incomplete": not (cluster.description and cluster.website),
        "open_campaigns": _open_campaigns(cluster),
        "has_campaigns": cluster.campaigns.exists(),
        "gpec_up_to_date": up_to_date_count(cluster),
    }


def _open_campaigns(cluster):
    """The cluster's open survey campaigns with their response counts."""
    from django.db.models import Count, Q

    from ancrage.surveys.models import Campaign, Response, Status

    return list(
        Campaign.objects.filter(cluster=cluster, status=Status.OPEN)
        .annotate(
            invited=Count("invitees", distinct=True),
            submitted=Count(
                "responses", filter=Q(responses__state=Response.State.SUBMITTED), distinct=True
            ),
        )
        .order_by("closes_on", "pk")
    )


def _member(request, acting):
    from ancrage.matrix.models import MatrixProfile, State
    from ancrage.organisations.models import Membership

    return {
        "organisation": acting.organisation,
        "memberships": Membership.objects.filter(organisation=acting.organisation)
        .select_related("cluster")
        .order_by("cluster__name"),
        "to_validate": MatrixProfile.objects.filter(
            membership__organisation=acting.organisation,
            state__in=[State.SUBMITTED, State.TO_REVIEW],
        )
        .select_related("membership__cluster")
        .order_by("membership__cluster__name"),
        "surveys_to_answer": _surveys_to_answer(acting.organisation),
        "gpec_to_declare": _gpec_to_declare(acting.organisation),
    }


def _gpec_to_declare(organisation):
    """[(cluster, last declaration date or None)] for the clusters where the
    organisation is an active member and never declared its GPEC, or not
    within `gpec.declarations.STALE_AFTER_MONTHS`."""
    from django.db.models import Max

    from ancrage.gpec.declarations import stale_before
    from ancrage.gpec.models import Declaration
    from ancrage.organisations.models import Membership

    last = dict(
        Declaration.objects.filter(organisation=organisation)
        .values_list("cluster")
        .annotate(last=Max("declared_on"))
        .order_by()
    )
    limit = stale_before()
    memberships = (
        Membership.objects.active()
        .filter(organisation=organisation)
        .select_related("cluster")
        .order_by("cluster__name")
    )
    return [
        (membership.cluster, last.get(membership.cluster_id))
        for membership in memberships
        if last.get(membership.cluster_id) is None or last[membership.cluster_id] < limit
    ]


def _surveys_to_answer(organisation):
    """Open campaigns the organisation is invited to and has not answered yet."""
    from django.utils import timezone

    from ancrage.surveys.models import Invitee, Response, Status

    return list(
        Invitee.objects.filter(
            organisation=organisation,
            campaign__status=Status.OPEN,
            campaign__closes_on__gte=timezone.localdate(),
        )
        .exclude(response__state=Response.State.SUBMITTED)
        .select_related("campaign__cluster", "response")
        .order_by("campaign__closes_on", "pk")
    )


def _authority(request, acting):
    from ancrage.clusters.models import Cluster

    scope = acting.scope
    regions = list(scope.regions.order_by("name"))
    departments = list(scope.departments.order_by("code"))
    clusters = Cluster.objects.filter(
        Q(seat__region__in=regions) | Q(seat__department__in=departments)
    ).select_related("seat")
    return {"regions": regions, "departments": departments, "clusters": clusters}


def _candidate(request, acting):
    return {}


def _admin(request, acting):
    from ancrage.accounts.models import User
    from ancrage.clusters.models import Cluster
    from ancrage.outbox.models import OutgoingEmail

    return {
        "cluster_count": Cluster.objects.count(),
        "user_count": User.objects.count(),
        "pending_emails": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING).count(),
        "failed_emails": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count(),
        "recent_failed_logins": AuditEntry.objects.filter(action=AuditEntry.Action.LOGIN_FAILED)[
            :10
        ],
    }
