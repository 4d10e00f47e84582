"""The matrix profile's workflow as people act on it: staff save and submit,
the organisation's users validate or send back, members propose changes that
staff accept or refuse. Each action goes through `matrix.profiles` (the one
writer), is audited, and tells the people concerned by email (outbox).

An accepted proposal is applied as the organisation's own change
(`by_staff=False`) and validates the profile in the name of its author: the
content is the one the organisation wrote, and staff agreed to it, so both
sides have approved it and nobody is asked to review it again."""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.matrix import changes, profiles
from ancrage.matrix.models import AWAITING_ORGANISATION, Proposal, State
from ancrage.outbox.services import queue_email


def _cluster(profile):
    return profile.membership.cluster


def _organisation_url(profile):
    return settings.SITE_URL + reverse(
        "matrix_profile:member_detail", kwargs={"slug": _cluster(profile).slug}
    )


def _staff_url(profile):
    return settings.SITE_URL + reverse(
        "matrix_profile:staff_edit", kwargs={"pk": profile.membership.organisation_id}
    )


def _organisation_emails(profile):
    return list(
        profile.membership.organisation.users.filter(user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )


def _tell_organisation(profile, by, review):
    emails = _organisation_emails(profile)
    if not emails:
        return
    context = {
        "cluster": _cluster(profile).name,
        "organisation": profile.membership.organisation.name,
        "by": str(by),
        "review": review,
        "url": _organisation_url(profile),
    }
    for email in emails:
        queue_email("matrix_submitted", email, context)


def _audit_state(request, profile, before, note="", actor=None):
    audit.record(
        request,
        AuditEntry.Action.MATRIX_STATE_CHANGED,
        profile,
        cluster=_cluster(profile),
        actor=actor,
        from_state=before,
        to_state=profile.state,
        note=bool(note),
    )


@transaction.atomic
def save_by_staff(request, profile, content, version=None):
    """Staff write the profile; the `Changes` made (empty when none). A
    validated profile goes « to review » and its organisation is told."""
    before_state = profile.state
    before = profiles.content_of(profile)
    if not profiles.write(profile, content, by=request.user, by_staff=True, version=version):
        return changes.Changes()
    profile.refresh_from_db()
    made = changes.between(before, content)
    audit.record(
        request,
        AuditEntry.Action.MATRIX_UPDATED,
        profile,
        cluster=_cluster(profile),
        changed=made.as_json(),
    )
    if profile.state != before_state:
        staff_changed_state(request, profile, before_state, by=request.user)
    return made


def staff_changed_state(request, profile, before_state, *, by):
    """Audit the state a staff change gave the profile (a validated one goes
    « to review ») and ask its organisation to read it again. For the writers
    other than `save_by_staff` (the member import): `request` may be None,
    and `by` too (then the cluster's team signs)."""
    _audit_state(request, profile, before_state, actor=by)
    signed = by if by is not None else _("L'équipe du cluster")
    _tell_organisation(profile, signed, review=True)


@transaction.atomic
def submit(request, profile):
    """Staff ask the organisation to validate the profile; the number of
    people told (0 when the organisation has no user yet)."""
    before = profile.state
    profiles.change_state(profile, State.SUBMITTED, by=request.user)
    _audit_state(request, profile, before)
    _tell_organisation(profile, request.user, review=False)
    return len(_organisation_emails(profile))


def _last_submitter(profile):
    """The staff member who last asked the organisation to read the profile:
    by submitting it, or by changing it once validated."""
    transition = (
        profile.transitions.filter(to_state__in=AWAITING_ORGANISATION, by__isnull=False)
        .select_related("by")
        .first()
    )
    return transition.by if transition else None


def _tell_staff(profile, by, validated, note):
    submitter = _last_submitter(profile)
    if submitter is None or not submitter.is_active:
        return
    queue_email(
        "matrix_reviewed",
        submitter.email,
        {
            "cluster": _cluster(profile).name,
            "organisation": profile.membership.organisation.name,
            "by": str(by),
            "validated": validated,
            "note": note,
            "url": _staff_url(profile),
        },
    )


def _refuse_unless_awaiting(profile):
    if profile.state not in AWAITING_ORGANISATION:
        raise profiles.ProfileError(
            _("Ce profil n'attend pas votre validation (il est « %(state)s »).")
            % {"state": profile.get_state_display()}
        )


@transaction.atomic
def validate(request, profile, version):
    """The organisation's user validates the profile as they read it."""
    profile.refresh_from_db()
    _refuse_unless_awaiting(profile)
    before = profile.state
    profiles.change_state(profile, State.VALIDATED, by=request.user, version=version)
    _audit_state(request, profile, before)
    _tell_staff(profile, request.user, validated=True, note="")


@transaction.atomic
def send_back(request, profile, note, version):
    """The organisation's user sends the profile back to staff, with why."""
    profile.refresh_from_db()
    _refuse_unless_awaiting(profile)
    before = profile.state
    profiles.change_state(profile, State.DRAFT, by=request.user, note=note, version=version)
    _audit_state(request, profile, before, note)
    _tell_staff(profile, request.user, validated=False, note=note)


@transaction.atomic
def propose(request, profile, content, message):
    """Record the organisation's proposal; nothing of the profile changes."""
    proposed = changes.between(profiles.content_of(profile), content)
    if not proposed:
        raise profiles.ProfileError(
            _("Votre proposition est identique au profil actuel : modifiez-le d'abord.")
        )
    refused = profiles.problems(_cluster(profile), content)
    if refused:
        raise profiles.ProfileError(" ".join(refused))
    proposal = Proposal.objects.create(
        profile=profile,
        content=profiles.snapshot(content),
        message=message,
        proposed_by=request.user,
    )
    audit.record(
        request,
        AuditEntry.Action.MATRIX_PROPOSAL,
        proposal,
        cluster=_cluster(profile),
        decision="proposed",
        changed=proposed.as_json(),
    )
    return proposal


def _locked_pending(proposal):
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("profile__membership__cluster", "profile__membership__organisation")
        .select_related("proposed_by")
        .get(pk=proposal.pk)
    )
    if proposal.status != Proposal.Status.PENDING:
        raise profiles.ProfileError(
            _("Cette proposition a déjà été traitée (%(status)s).")
            % {"status": proposal.get_status_display()}
        )
    return proposal


def _decide(request, proposal, status, note):
    proposal.status = status
    proposal.decided_by = request.user
    proposal.decided_at = timezone.now()
    proposal.decision_note = note
    proposal.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    profile = proposal.profile
    if proposal.proposed_by is not None and proposal.proposed_by.is_active:
        queue_email(
            "matrix_proposal_decided",
            proposal.proposed_by.email,
            {
                "cluster": _cluster(profile).name,
                "organisation": profile.membership.organisation.name,
                "accepted": status == Proposal.Status.ACCEPTED,
                "note": note,
                "url": _organisation_url(profile),
            },
        )


@transaction.atomic
def accept(request, proposal, note="", version=None):
    """Apply the proposal (the organisation's content) and validate the
    profile in its author's name; the `Changes` applied. With `version`,
    refused (StaleProfile) if the profile changed since the page showed it."""
    proposal = _locked_pending(proposal)
    profile = proposal.profile
    content = profiles.content_from_snapshot(_cluster(profile), proposal.content)
    before = profiles.content_of(profile)
    before_state = profile.state
    profiles.write(profile, content, by=request.user, by_staff=False, version=version)
    profile.refresh_from_db()
    profiles.change_state(
        profile,
        State.VALIDATED,
        by=request.user,
        validator=proposal.proposed_by or request.user,
        note=_("Proposition de modification acceptée."),
    )
    made = changes.between(before, content)
    _decide(request, proposal, Proposal.Status.ACCEPTED, note)
    audit.record(
        request,
        AuditEntry.Action.MATRIX_PROPOSAL,
        proposal,
        cluster=_cluster(profile),
        decision="accepted",
        changed=made.as_json(),
    )
    _audit_state(request, profile, before_state)
    return made


@transaction.atomic
def refuse(request, proposal, note):
    proposal = _locked_pending(proposal)
    _decide(request, proposal, Proposal.Status.REFUSED, note)
    audit.record(
        request,
        AuditEntry.Action.MATRIX_PROPOSAL,
        proposal,
        cluster=_cluster(proposal.profile),
        decision="refused",
    )
