"""Applications to offers and their pipeline.

    apply(offer, profile, message, cover_letter)   # the candidate applies
    move(application, status, by, reason=None, email=True)
    opened_by_company(application, by)             # new → seen
    bulk_move(applications, status, by, reason=None, email=True)
    add_note(application, author, text)

A candidate applies with their profile to a visible offer whose company
receives applications on Ancrage, once per offer. The company then moves
the application new → seen → shortlisted → interview → hired, or refuses it
(with a `RefusalReason`) at any open step; the candidate may withdraw it
while it is open. Each step is an `ApplicationEvent` keeping the subject of
the email sent to the candidate with it. Each function checks the state it
starts from and raises `Refused` (with a French message) otherwise."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.jobs import application_emails, lifecycle
from ancrage.jobs.models import (
    Application,
    ApplicationEvent,
    ApplicationMode,
    ApplicationNote,
    Offer,
    RefusalReason,
)

Status = Application.Status

# The steps of the pipeline, in order, while the application is open.
STEPS = (Status.NEW, Status.SEEN, Status.SHORTLISTED, Status.INTERVIEW)
OPEN = STEPS
CLOSED = (Status.HIRED, Status.REFUSED, Status.WITHDRAWN)

# Where the company may move an application from each open step (a later
# step, hired once shortlisted, refused from anywhere open).
COMPANY_MOVES = {
    Status.NEW: (Status.SEEN, Status.SHORTLISTED, Status.INTERVIEW, Status.REFUSED),
    Status.SEEN: (Status.SHORTLISTED, Status.INTERVIEW, Status.REFUSED),
    Status.SHORTLISTED: (Status.INTERVIEW, Status.HIRED, Status.REFUSED),
    Status.INTERVIEW: (Status.HIRED, Status.REFUSED),
}

MAX_MESSAGE = 5000
MAX_NOTE = 5000


class Refused(Exception):
    """The application cannot be made or moved as asked."""


def missing_from_profile(profile):
    """What the profile lacks before it can be sent (French sentences)."""
    if profile is None:
        return [_("Vous n'avez pas encore de profil de candidat.")]
    if not profile.headline.strip() and not profile.cv_id:
        return [_("Votre profil n'a ni titre ni CV : ajoutez au moins l'un des deux.")]
    return []


def can_apply_on_platform(offer):
    return offer.application_mode == ApplicationMode.PLATFORM


def existing(offer, profile):
    if profile is None:
        return None
    return Application.objects.filter(offer=offer, candidate=profile).first()


def _already(application):
    return _("Vous avez déjà postulé à cette offre le %(date)s.") % {
        "date": timezone.localtime(application.created_at).strftime("%d/%m/%Y")
    }


def apply(offer, profile, message="", cover_letter=None):
    """The candidate behind `profile` applies to `offer` with an optional
    message and cover letter (a stored File). The company's users and the
    candidate are told by email. Raises Refused."""
    if not lifecycle.visible(Offer.objects.filter(pk=offer.pk)).exists():
        raise Refused(_("Cette offre n'est plus en ligne : elle ne reçoit plus de candidature."))
    if not can_apply_on_platform(offer):
        raise Refused(
            _("Cette offre ne reçoit pas de candidature sur Ancrage : suivez le mode indiqué.")
        )
    missing = missing_from_profile(profile)
    if missing:
        raise Refused(" ".join(missing))
    message = (message or "").strip()
    if len(message) > MAX_MESSAGE:
        raise Refused(_("Le message compte 5 000 caractères au plus."))
    previous = existing(offer, profile)
    if previous is not None:
        raise Refused(_already(previous))
    now = timezone.now()
    try:
        with transaction.atomic():
            application = Application.objects.create(
                offer=offer,
                candidate=profile,
                message=message,
                cover_letter=cover_letter,
                status=Status.NEW,
                created_at=now,
                status_changed_at=now,
            )
            subject = application_emails.received(application)
            ApplicationEvent.objects.create(
                application=application,
                status=Status.NEW,
                by=profile.user,
                at=now,
                email_subject=subject,
            )
            application_emails.new_for_company(application)
            type(profile).objects.filter(pk=profile.pk).update(last_activity_at=now)
    except IntegrityError:
        # Two clicks at once: the unique constraint keeps one.
        raise Refused(
            _("Vous avez déjà postulé à cette offre : votre candidature est enregistrée.")
        ) from None
    return application


def allowed_moves(application):
    """The steps the company may move `application` to."""
    return COMPANY_MOVES.get(application.status, ())


def _check(application, status, by, reason):
    current = application.status
    if status not in Status.values:
        raise Refused(_("Cet état n'existe pas."))
    if current in CLOSED:
        raise Refused(
            _("Cette candidature est close (%(status)s) : elle ne change plus d'état.")
            % {"status": application.get_status_display()}
        )
    if status == Status.WITHDRAWN:
        if by is None or by.pk != application.candidate.user_id:
            raise Refused(_("Seul le candidat peut retirer sa candidature."))
        return
    if status not in COMPANY_MOVES.get(current, ()):
        raise Refused(
            _("Une candidature « %(current)s » ne peut pas passer à « %(status)s ».")
            % {"current": application.get_status_display(), "status": Status(status).label}
        )
    if status == Status.REFUSED and reason not in RefusalReason.values:
        raise Refused(_("Choisissez le motif du refus : le candidat le lira."))


@transaction.atomic
def move(application, status, by, reason=None, email=True):
    """Move the application to `status` (refused: with `reason`, a
    RefusalReason), write the step in its history, and tell the candidate by
    email when `email` (the steps that have an email)."""
    locked = (
        Application.objects.select_for_update(of=("self",))
        .select_related("candidate__user", "offer__organisation")
        .get(pk=application.pk)
    )
    _check(locked, status, by, reason)
    now = timezone.now()
    locked.status = status
    locked.refusal_reason = reason if status == Status.REFUSED else ""
    locked.status_changed_at = now
    locked.save(update_fields=["status", "refusal_reason", "status_changed_at"])
    subject = application_emails.status_changed(locked) if email else ""
    ApplicationEvent.objects.create(
        application=locked, status=status, by=by, at=now, email_subject=subject
    )
    if status == Status.WITHDRAWN:
        application_emails.withdrawn_for_company(locked)
    application.status = locked.status
    application.refusal_reason = locked.refusal_reason
    application.status_changed_at = locked.status_changed_at
    return application


def opened_by_company(application, by):
    """The company opened the application: a new one becomes seen (no email)."""
    if application.status != Status.NEW:
        return False
    try:
        move(application, Status.SEEN, by, email=False)
    except Refused:
        return False  # moved meanwhile
    return True


def bulk_move(applications, status, by, reason=None, email=True):
    """Move each of `applications` that may go to `status`: (moved, skipped)."""
    moved = skipped = 0
    for application in applications:
        try:
            move(application, status, by, reason=reason, email=email)
        except Refused:
            skipped += 1
        else:
            moved += 1
    return moved, skipped


def add_note(application, author, text):
    text = (text or "").strip()
    if not text:
        raise Refused(_("La note est vide."))
    if len(text) > MAX_NOTE:
        raise Refused(_("Une note compte 5 000 caractères au plus."))
    return ApplicationNote.objects.create(application=application, author=author, text=text)
