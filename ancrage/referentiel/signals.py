"""Any change to a searchable item changes the vocabulary's revision token,
so that the in-memory search indexes of every process rebuild. Importers
write in bulk (no signal) and bump the token themselves."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from ancrage.referentiel.models import (
    EscoOccupation,
    EscoSkill,
    JobTitle,
    Occupation,
    Revision,
    Skill,
)

INDEXED = (Occupation, JobTitle, Skill, EscoOccupation, EscoSkill)


@receiver(post_save)
@receiver(post_delete)
def bump_revision(sender, raw=False, **kwargs):
    if sender in INDEXED and not raw:
        Revision.bump()
