"""Who a campaign invites, and the addresses to write to.

Members: every active member of the cluster, or those the matrix
cross-filter keeps (`Campaign.audience_filter` is its query string, read by
`ancrage.matrix.query`; the filter only finds members with a matrix profile).
Non-members (`is_member` false): the `Invitee` rows added by email, one by
one or imported (linked to an organisation of the platform when their
SIREN names one), kept from the start and copied into the next wave.

An organisation is written to at the addresses of its users with an account
(all of them), or else at its main contact's (the cluster's records and the
organisation's own, a human-resources contact first). A member without any
address is still invited (counted in the rate) and shown « sans adresse » so
that staff can fix it."""

from django.db.models import Case, IntegerField, Q, Value, When
from django.http import QueryDict

from ancrage.matrix import query
from ancrage.organisations.models import Contact, Membership, OrganisationUser, Role
from ancrage.surveys.models import Invitee

CONTACT_ORDER = Case(
    When(role=Role.HR, then=Value(0)),
    When(role=Role.DIRECTOR, then=Value(1)),
    default=Value(2),
    output_field=IntegerField(),
)


def spec_of(cluster, filter_string):
    """The cross-filter `Spec` a stored query string describes."""
    return query.parse(query.Scope.of_cluster(cluster), QueryDict(filter_string or ""))


def member_memberships(cluster, audience_members=True, filter_string=""):
    """The active memberships a campaign with these settings invites."""
    if not audience_members:
        return Membership.objects.none()
    if filter_string:
        # A selection whose values all vanished (entries removed since)
        # keeps nobody rather than every member.
        spec = spec_of(cluster, filter_string)
        if spec.is_empty:
            return Membership.objects.none()
        return query.memberships(query.Scope.of_cluster(cluster), spec)
    return Membership.objects.filter(cluster=cluster).active()


def campaign_memberships(campaign):
    return member_memberships(campaign.cluster, campaign.audience_members, campaign.audience_filter)


def addresses(organisation_ids, cluster):
    """{organisation id: [email, …]}: its active users' addresses, or else its
    main contact's (one address), for the organisations given."""
    found = {}
    users = (
        OrganisationUser.objects.filter(organisation_id__in=organisation_ids, user__is_active=True)
        .exclude(user__email="")
        .order_by("organisation_id", "user__email")
        .values_list("organisation_id", "user__email")
    )
    for organisation_id, email in users:
        found.setdefault(organisation_id, [])
        if email.casefold() not in {known.casefold() for known in found[organisation_id]}:
            found[organisation_id].append(email)
    contacts = (
        Contact.objects.filter(organisation_id__in=organisation_ids)
        .exclude(organisation_id__in=list(found))
        .filter(Q(cluster=cluster) | Q(cluster=None))
        .exclude(email="")
        .annotate(rank=CONTACT_ORDER)
        .order_by("organisation_id", "rank", "pk")
        .values_list("organisation_id", "email")
    )
    for organisation_id, email in contacts:
        found.setdefault(organisation_id, [email])
    return found


def recipients(invitee, known=None):
    """The addresses an invitee is written to (`known`: `addresses()` already
    read for its organisation). A non-member is written to the address it was
    invited with, even when its SIREN names an organisation of the platform:
    that organisation's users did not ask this cluster for anything."""
    if invitee.organisation_id is None or not invitee.is_member:
        return [invitee.email] if invitee.email else []
    if known is None:
        known = addresses([invitee.organisation_id], invitee.campaign.cluster)
    return known.get(invitee.organisation_id, [])


def planned_members(campaign):
    """The member organisations the campaign would invite now:
    [(organisation, [addresses])], by name."""
    memberships = (
        campaign_memberships(campaign)
        .select_related("organisation__commune")
        .order_by("organisation__name", "pk")
    )
    organisations = [membership.organisation for membership in memberships]
    known = addresses([organisation.pk for organisation in organisations], campaign.cluster)
    return [(organisation, known.get(organisation.pk, [])) for organisation in organisations]


def create_member_invitees(campaign, now):
    """Invite the members of the audience not invited yet; the new invitees."""
    already = set(
        campaign.invitees.filter(organisation__isnull=False).values_list(
            "organisation_id", flat=True
        )
    )
    rows = []
    for organisation, emails in planned_members(campaign):
        if organisation.pk in already:
            continue
        rows.append(
            Invitee(
                campaign=campaign,
                organisation=organisation,
                name=organisation.name[:250],
                email=emails[0] if emails else "",
                siren=organisation.siren or "",
                is_member=True,
                size_class=organisation.size_class or "",
                commune=organisation.commune,
                created_at=now,
            )
        )
    return Invitee.objects.bulk_create(rows)
