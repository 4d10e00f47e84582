"""The consent a candidate gives to one cluster: the exact French sentence
shown beside the checkbox, stored word for word with the date it was given
(`Consent.text`). The visibility page, the demo and the tests all build it
here, so that what is recorded is what was read."""

from django.db import transaction
from django.utils import timezone

from ancrage.jobs.models import Consent


def consent_text(cluster):
    """The sentence the candidate accepts for `cluster` (always in French:
    it is the record of what they agreed to)."""
    return (
        f"J'accepte que les entreprises adhérentes de {cluster.name} consultent mon profil "
        "de candidat et mon CV dans leur CVthèque, et que l'équipe du cluster voie mon titre, "
        "mes métiers et ma commune pour me signaler des offres et des événements de "
        "recrutement, jusqu'à ce que je retire mon accord. "
        "Chaque consultation est enregistrée et m'est montrée. Mon profil quitte la "
        "CVthèque deux ans après ma dernière activité."
    )


def active(profile):
    """The profile's consents in force."""
    return Consent.objects.filter(profile=profile, withdrawn_at__isnull=True)


@transaction.atomic
def set_clusters(profile, clusters, now=None):
    """Make `clusters` exactly the clusters whose members may see `profile`:
    a consent (with its text) for each new one, `withdrawn_at` for each one
    no longer wanted. Returns (given, withdrawn) as lists of clusters."""
    now = now or timezone.now()
    wanted = {cluster.pk: cluster for cluster in clusters}
    current = {
        c.cluster_id: c for c in active(profile).select_for_update().select_related("cluster")
    }
    withdrawn = [c for pk, c in current.items() if pk not in wanted]
    Consent.objects.filter(pk__in=[c.pk for c in withdrawn]).update(withdrawn_at=now)
    given = [cluster for pk, cluster in wanted.items() if pk not in current]
    Consent.objects.bulk_create(
        Consent(profile=profile, cluster=cluster, text=consent_text(cluster), given_at=now)
        for cluster in given
    )
    return given, [c.cluster for c in withdrawn]


def withdraw_all(profile, now=None):
    """No cluster may see the profile any more; returns how many consents ended."""
    return active(profile).update(withdrawn_at=now or timezone.now())
