"""Emails go through the outbox and the database task queue, as in production."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from ancrage.outbox.models import OutgoingEmail
from ancrage.outbox.services import queue_email
from ancrage.outbox.tasks import retry_delay

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--queue-name", "*", verbosity=0)


def queue():
    context = {
        "invitation": type("I", (), {"first_name": "Camille", "expires_at": timezone.now()}),
        "purpose": "rejoindre l'équipe de Cluster Alpha",
        "inviter": "Yann Le Goff",
        "url": "https://ancrage.example.org/compte/invitation/abc/",
    }
    return queue_email("invitation", "camille@exemple.fr", context)


# The worker closes database connections between tasks, as in production: these
# tests commit for real.
@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_a_queued_email(settings):
    settings.TASKS = DATABASE_QUEUE
    email = queue()
    assert mail.outbox == []  # nothing leaves before the worker runs
    assert DBTaskResult.objects.count() == 1

    run_worker()

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1 and email.sent_at is not None
    [message] = mail.outbox
    assert message.to == ["camille@exemple.fr"]
    assert message.subject == "Invitation sur Ancrage"
    assert "Yann Le Goff vous invite à rejoindre l'équipe de Cluster Alpha" in message.body
    assert "https://ancrage.example.org/compte/invitation/abc/" in message.body


def test_nothing_is_queued_when_the_transaction_rolls_back(db, settings):
    settings.TASKS = DATABASE_QUEUE
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        queue()
        raise RuntimeError
    assert OutgoingEmail.objects.count() == 0
    assert DBTaskResult.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_a_refused_connection_is_retried_then_marked_failed(settings, time_machine):
    settings.TASKS = DATABASE_QUEUE
    time_machine.move_to(timezone.now(), tick=True)
    # A real SMTP client against a closed port on this machine.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    email = queue()

    for attempt in range(1, OutgoingEmail.MAX_ATTEMPTS + 1):
        run_worker()
        email.refresh_from_db()
        assert email.attempts == attempt
        assert email.last_error
        # The retry waits: running the worker again right away sends nothing.
        run_worker()
        email.refresh_from_db()
        assert email.attempts == attempt
        time_machine.shift(retry_delay(attempt) + timedelta(seconds=1))

    assert email.status == OutgoingEmail.Status.FAILED
    run_worker()
    email.refresh_from_db()
    assert email.attempts == OutgoingEmail.MAX_ATTEMPTS


def test_retry_delays_grow():
    assert [retry_delay(n) for n in (1, 2, 3, 4)] == [
        timedelta(minutes=1),
        timedelta(minutes=4),
        timedelta(minutes=16),
        timedelta(minutes=64),
    ]
