"""A small cluster to match tenders against: skills of cluster A's vocabulary,
the seeded activities and markets, communes in two départements (located)."""

from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.referentiel.models import Activity, Market
from ancrage.territory.models import Commune


class World:
    def __init__(self, cast):
        self.cast = cast
        self.cluster = cast.cluster_a
        self.skills = [
            VocabularyEntryFactory(cluster=self.cluster, for_skill=True, label=label)
            for label in ("Usinage", "Soudure", "Chaudronnerie", "Peinture", "Câblage", "Essais")
        ]
        self.activities = list(Activity.objects.order_by("position")[:3])
        self.markets = list(Market.objects.order_by("position")[:2])
        self.lorient = Commune.objects.get(code="56121")
        self.saint_nazaire = Commune.objects.get(code="44184")
        self.lorient.latitude, self.lorient.longitude = 47.75, -3.37
        self.lorient.save()
        self.saint_nazaire.latitude, self.saint_nazaire.longitude = 47.27, -2.21
        self.saint_nazaire.save()
