"""The emails of an application, through the outbox (French templates
`emails/jobs_application_*`): to the candidate when their application is
received, shortlisted, invited to an interview, hired or refused (with the
reason's wording); to the company's users when an application arrives or is
withdrawn, and when applications wait unanswered (`reminders`). Plain text
only: what a candidate typed is never read as HTML.

The functions that write to the candidate return the subject sent (the
application's history keeps it)."""

from django.conf import settings
from django.urls import reverse

from ancrage.jobs.models import Application, RefusalReason
from ancrage.jobs.notifications import organisation_emails
from ancrage.outbox.services import queue_email

Status = Application.Status

# The candidate's email for each step (the others are silent).
CANDIDATE_TEMPLATES = {
    Status.SHORTLISTED: "jobs_application_shortlisted",
    Status.INTERVIEW: "jobs_application_interview",
    Status.HIRED: "jobs_application_hired",
    Status.REFUSED: "jobs_application_refused",
}


def _url(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def offer_link(offer):
    from ancrage.jobs.views.public import offer_url

    return settings.SITE_URL + offer_url(offer)


def candidate_name(profile):
    user = profile.user
    return user.get_full_name() or user.email


def _context(application):
    offer = application.offer
    return {
        "title": offer.title,
        "organisation": offer.organisation.name,
        "candidate": candidate_name(application.candidate),
        "message": application.message,
        "my_applications_url": _url("jobs_my_applications:list"),
        "pipeline_url": _url("jobs_pipeline:detail", application.pk),
        "offer_url": offer_link(offer),
    }


def received(application):
    """The acknowledgement to the candidate: the subject sent."""
    email = queue_email(
        "jobs_application_received", application.candidate.user.email, _context(application)
    )
    return email.subject


def new_for_company(application):
    """Tell the company's users that an application arrived."""
    context = _context(application)
    for address in organisation_emails(application.offer.organisation):
        queue_email("jobs_application_new", address, context)


def withdrawn_for_company(application):
    context = _context(application)
    for address in organisation_emails(application.offer.organisation):
        queue_email("jobs_application_withdrawn", address, context)


def status_changed(application):
    """Tell the candidate about the application's new step, when that step
    has an email: the subject sent, or ""."""
    template = CANDIDATE_TEMPLATES.get(application.status)
    if template is None:
        return ""
    context = _context(application)
    if application.refusal_reason:
        context["reason"] = RefusalReason(application.refusal_reason).label
    email = queue_email(template, application.candidate.user.email, context)
    return email.subject


def reminder(address, organisation, applications):
    """Remind one of the company's users of `applications` waiting for an answer."""
    context = {
        "organisation": organisation.name,
        "applications": [
            {
                "candidate": candidate_name(application.candidate),
                "title": application.offer.title,
                "received": application.created_at,
                "url": _url("jobs_pipeline:detail", application.pk),
            }
            for application in applications
        ],
        "count": len(applications),
        "pipeline_url": _url("jobs_pipeline:index"),
    }
    return queue_email("jobs_application_reminder", address, context)
