"""Keep the matrix's pending proposals in step with the vocabulary: a
proposal stores entries by id (JSON), which a merge does not repoint."""

from django.dispatch import receiver

from ancrage.matrix.models import Proposal
from ancrage.referentiel.vocabulary import entries_merged


@receiver(entries_merged)
def repoint_pending_proposals(sender, keep, removed_id, **kwargs):
    """The merged entry's place in pending proposals goes to the kept one
    (a proposal that named both keeps one, with the first comment)."""
    pending = Proposal.objects.filter(
        status=Proposal.Status.PENDING, profile__membership__cluster_id=keep.cluster_id
    )
    for proposal in pending:
        content = proposal.content
        changed = False
        if content.get("occupation") == removed_id:
            content["occupation"] = keep.pk
            changed = True
        skills, seen = [], set()
        for pk, comment in content.get("skills", []):
            if pk == removed_id:
                pk, changed = keep.pk, True
            if pk not in seen:
                seen.add(pk)
                skills.append([pk, comment])
        if changed:
            content["skills"] = skills
            proposal.save(update_fields=["content"])
