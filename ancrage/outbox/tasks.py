"""Delivery of queued emails by the task worker, with retries."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from ancrage.outbox.models import OutgoingEmail

logger = logging.getLogger(__name__)


def retry_delay(attempts):
    """1, 4, 16, 64 minutes between attempts."""
    return timedelta(minutes=4 ** (attempts - 1))


@task()
def deliver(email_id):
    # The row stays locked while it is sent: a second task for the same email
    # (a resend, a retry) skips it instead of sending it twice.
    with transaction.atomic():
        email = (
            OutgoingEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=email_id, status=OutgoingEmail.Status.PENDING)
            .first()
        )
        if email is not None:
            _send(email)


def _send(email):
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    email.attempts += 1
    try:
        message.send()
    except Exception as error:  # any transport failure is retried
        logger.warning("Email %s failed (attempt %s): %s", email.pk, email.attempts, error)
        email.last_error = str(error)[:2000]
        if email.attempts >= OutgoingEmail.MAX_ATTEMPTS:
            email.status = OutgoingEmail.Status.FAILED
        email.save(update_fields=["attempts", "last_error", "status"])
        if email.status == OutgoingEmail.Status.PENDING:
            deliver.using(run_after=timezone.now() + retry_delay(email.attempts)).enqueue(email.pk)
        return
    email.status = OutgoingEmail.Status.SENT
    email.sent_at = timezone.now()
    email.last_error = ""
    email.save(update_fields=["attempts", "last_error", "status", "sent_at"])
