"""Uploaded member files kept between the validation report and the
confirmation, so that nobody uploads the file twice.

The file goes to the default storage (the media folder, S3 in production:
every web process sees it) under a random name, and the page carries a
signed token naming it, the person and the cluster. The token and the file
last `MAX_AGE`; files older than that are deleted at each new upload."""

import uuid
from datetime import timedelta

from django.core import signing
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

FOLDER = "member-imports"
MAX_AGE = timedelta(hours=2)
SALT = "ancrage.matrix.member-import"


class Expired(Exception):
    """The token is forged, too old, someone else's, or its file is gone."""


def keep(data, *, user, cluster, name):
    """Store the bytes of an uploaded file; the token that finds it again."""
    clean_old()
    stored = default_storage.save(f"{FOLDER}/{uuid.uuid4().hex}", ContentFile(data))
    return signing.dumps(
        {"file": stored, "user": user.pk, "cluster": cluster.pk, "name": name[:200]}, salt=SALT
    )


def _payload(token, user, cluster):
    try:
        payload = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:  # SignatureExpired included
        raise Expired from None
    if payload.get("user") != user.pk or payload.get("cluster") != cluster.pk:
        raise Expired
    return payload


def load(token, *, user, cluster):
    """(file name, bytes) of the file the token names."""
    payload = _payload(token, user, cluster)
    try:
        with default_storage.open(payload["file"], "rb") as handle:
            return payload["name"], handle.read()
    except (FileNotFoundError, OSError):
        raise Expired from None


def forget(token, *, user, cluster):
    """Delete the file the token names (once imported)."""
    try:
        payload = _payload(token, user, cluster)
    except Expired:
        return
    default_storage.delete(payload["file"])


def clean_old(now=None):
    """Delete the kept files older than MAX_AGE; how many."""
    limit = (now or timezone.now()) - MAX_AGE
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    deleted = 0
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                deleted += 1
        except FileNotFoundError:
            continue  # deleted meanwhile by another upload
    return deleted
