import factory

from ancrage.clusters.factories import ClusterFactory
from ancrage.referentiel.models import (
    Domain,
    EscoOccupation,
    EscoSkill,
    GrandDomain,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Skill,
    VocabularyEntry,
    WorkContext,
)


class GrandDomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrandDomain
        django_get_or_create = ["code"]

    code = "H"
    label = "Industrie"


class DomainFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Domain
        django_get_or_create = ["code"]

    code = "H29"
    label = "Mécanique, travail des métaux et outillage"
    grand_domain = factory.SubFactory(GrandDomainFactory)


class OccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Occupation
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"N9{n % 1000:03d}")  # a ROME code no real fiche has
    label = factory.Sequence(lambda n: f"Métier {n}")
    domain = factory.SubFactory(DomainFactory)
    definition = "Réalise des travaux de précision selon les règles de sécurité."
    access = "Ce métier est accessible avec un CAP ou un Bac professionnel."


class JobTitleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobTitle

    occupation = factory.SubFactory(OccupationFactory)
    label = factory.Sequence(lambda n: f"Appellation {n}")
    short_label = factory.SelfAttribute("label")


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    kind = Skill.Kind.KNOW_HOW
    label = factory.Sequence(lambda n: f"Compétence {n}")
    category = "Savoir-faire"
    subcategory = "Technique"


class OccupationSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OccupationSkill

    occupation = factory.SubFactory(OccupationFactory)
    skill = factory.SubFactory(SkillFactory)
    importance = OccupationSkill.Importance.CORE


class MobilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mobility

    source = factory.SubFactory(OccupationFactory)
    target = factory.SubFactory(OccupationFactory)
    order = factory.Sequence(lambda n: n)


class WorkContextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkContext

    ogr_code = factory.Sequence(lambda n: 900000 + n)
    label = factory.Sequence(lambda n: f"Contexte {n}")
    category = "Conditions de travail et risques professionnels"


class EscoOccupationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EscoOccupation

    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/occupation/test-{n}")
    label = factory.Sequence(lambda n: f"métier ESCO {n}")


class EscoSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EscoSkill

    uri = factory.Sequence(lambda n: f"http://data.europa.eu/esco/skill/test-{n}")
    label = factory.Sequence(lambda n: f"compétence ESCO {n}")
    skill_type = "skill/competence"


class VocabularyEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VocabularyEntry

    cluster = factory.SubFactory(ClusterFactory)
    kind = VocabularyEntry.Kind.OCCUPATION
    occupation = factory.SubFactory(OccupationFactory)
    position = factory.Sequence(lambda n: n)

    class Params:
        specific = factory.Trait(
            occupation=None, label=factory.Sequence(lambda n: f"Métier local {n}")
        )
        for_skill = factory.Trait(
            kind=VocabularyEntry.Kind.SKILL, occupation=None, skill=factory.SubFactory(SkillFactory)
        )
