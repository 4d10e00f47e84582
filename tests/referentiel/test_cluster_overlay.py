"""A cluster's vocabulary index is reused while its entries read the same."""

from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.referentiel.search import indexes


def test_overlay_is_reused_then_rebuilt_when_an_entry_changes(db):
    entry = VocabularyEntryFactory(specific=True, label="Shaper")
    cluster = entry.cluster
    first = indexes.cluster_overlay(cluster, "occupation")
    assert indexes.cluster_overlay(cluster, "occupation") is first

    entry.aliases = ["Façonneur de planches"]
    entry.save()
    renamed = indexes.cluster_overlay(cluster, "occupation")
    assert renamed is not first

    VocabularyEntryFactory(cluster=cluster, specific=True, label="Glasseur")
    assert indexes.cluster_overlay(cluster, "occupation") is not renamed
    # Skills have their own index.
    assert indexes.cluster_overlay(cluster, "skill") is not renamed
