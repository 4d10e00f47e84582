"""Personal links: a signed token names an invitee, so that an organisation
answers (or unsubscribes) without an account. Forged or altered tokens fail
the signature; a link stops working when its invitee is removed."""

from django.core import signing

ANSWER_SALT = "ancrage.surveys.answer"
UNSUBSCRIBE_SALT = "ancrage.surveys.unsubscribe"
# A link outlives any campaign (the campaign's dates decide if it still takes
# answers), but not forever.
MAX_AGE = 60 * 60 * 24 * 500


def answer_token(invitee):
    return signing.dumps(invitee.pk, salt=ANSWER_SALT, compress=True)


def unsubscribe_token(invitee):
    return signing.dumps(invitee.pk, salt=UNSUBSCRIBE_SALT, compress=True)


def _read(token, salt):
    try:
        value = signing.loads(token, salt=salt, max_age=MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return value if isinstance(value, int) else None


def invitee_id_for_answer(token):
    """The invitee id the answer link `token` names, or None if it is forged or too old."""
    return _read(token, ANSWER_SALT)


def invitee_id_for_unsubscribe(token):
    return _read(token, UNSUBSCRIBE_SALT)
