"""A subject longer than the outbox holds is shortened, never a 500."""

import pytest

from ancrage.outbox.services import SUBJECT_LENGTH, queue_email

pytestmark = pytest.mark.django_db


def test_a_long_subject_is_shortened():
    context = {"subject": "Un sujet " * 60, "body": "Bonjour", "cluster": {"name": "Alpha"}}
    context["organisation"] = "Usinage Alpha"
    email = queue_email("mailing_message", "camille@exemple.fr", context)
    assert len(email.subject) == SUBJECT_LENGTH
    assert email.subject.endswith("…")
