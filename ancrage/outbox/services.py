"""Queue an email: render its templates, store it, send it after commit."""

from django.db import transaction
from django.template.exceptions import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils.text import Truncator

from ancrage.outbox.models import OutgoingEmail

SUBJECT_LENGTH = OutgoingEmail._meta.get_field("subject").max_length


def queue_email(template, to, context):
    """Render `emails/<template>_subject.txt`, `_body.txt` and (if present)
    `_body.html`, store the email and deliver it once the transaction commits."""
    from ancrage.outbox.tasks import deliver

    subject = " ".join(render_to_string(f"emails/{template}_subject.txt", context).split())
    subject = Truncator(subject).chars(SUBJECT_LENGTH)
    body_text = render_to_string(f"emails/{template}_body.txt", context)
    try:
        body_html = render_to_string(f"emails/{template}_body.html", context)
    except TemplateDoesNotExist:
        body_html = ""
    email = OutgoingEmail.objects.create(
        to=to, subject=subject, body_text=body_text, body_html=body_html, template=template
    )
    transaction.on_commit(lambda: deliver.enqueue(email.pk))
    return email
