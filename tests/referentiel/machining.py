"""A small slice of the ROME around machining, built with the factories: the
occupations, job titles, skills, contexts and mobilities the public pages,
the API and the commands are tested with."""

from dataclasses import dataclass

from ancrage.referentiel.factories import (
    DomainFactory,
    EscoOccupationFactory,
    GrandDomainFactory,
    JobTitleFactory,
    MobilityFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    WorkContextFactory,
)
from ancrage.referentiel.models import EcologicalTransition, OccupationSkill, Skill

CORE = OccupationSkill.Importance.CORE
EMERGING = OccupationSkill.Importance.EMERGING
OTHER = OccupationSkill.Importance.OTHER


@dataclass
class Machining:
    machining: object  # H2903
    milling: object  # H2912
    boilermaking: object  # H2902
    welding: object  # H2913, obsolete
    driving: object  # N4101, another grand domain
    adjusting: object  # savoir-faire, core of H2903
    cnc: object  # savoir-faire, emerging on H2903
    rigour: object  # savoir-être
    metrology: object  # savoir


def build():
    industry = GrandDomainFactory(code="H", label="Industrie")
    mechanics = DomainFactory(
        code="H29", label="Mécanique, travail des métaux et outillage", grand_domain=industry
    )
    transport = DomainFactory(
        code="N41",
        label="Personnel de la conduite du transport routier",
        grand_domain=GrandDomainFactory(code="N", label="Transport et logistique"),
    )
    machining = OccupationFactory(
        code="H2903",
        label="Tourneur-fraiseur / Tourneuse-fraiseuse",
        domain=mechanics,
        definition="Usine des pièces unitaires ou en série.\nContrôle la conformité des pièces.",
        access="Accessible avec un CAP ou un Bac professionnel.\n\nUne expérience est demandée.",
        is_regulated=True,
        ecological_transition=EcologicalTransition.STRATEGIC,
        digital_transition=True,
    )
    milling = OccupationFactory(
        code="H2912", label="Régleur / Régleuse d'équipements industriels", domain=mechanics
    )
    boilermaking = OccupationFactory(
        code="H2902", label="Chaudronnier / Chaudronnière", domain=mechanics
    )
    welding = OccupationFactory(
        code="H2913", label="Soudeur / Soudeuse manuel", domain=mechanics, is_obsolete=True
    )
    driving = OccupationFactory(
        code="N4101",
        label="Conducteur / Conductrice de poids lourd",
        domain=transport,
        is_executive=True,
    )

    JobTitleFactory(occupation=machining, label="Usineur / Usineuse", is_principal=True)
    JobTitleFactory(occupation=machining, label="Fraiseur / Fraiseuse")
    JobTitleFactory(occupation=machining, label="Aléseur / Aléseuse", is_rare=True)
    JobTitleFactory(occupation=machining, label="Affûteur sur métaux", is_obsolete=True)
    JobTitleFactory(occupation=milling, label="Régleur / Régleuse", is_principal=True)

    adjusting = SkillFactory(label="Régler les paramètres d'une machine", ogr_code=100001)
    cnc = SkillFactory(label="Programmer une machine à commande numérique", ogr_code=100002)
    deburring = SkillFactory(label="Ébavurer une pièce", ogr_code=100003)
    rigour = SkillFactory(kind=Skill.Kind.SOFT, label="Faire preuve de rigueur", ogr_code=100004)
    metrology = SkillFactory(kind=Skill.Kind.KNOWLEDGE, label="Métrologie", ogr_code=100005)
    retired = SkillFactory(label="Conduire un tour manuel", ogr_code=100006, is_obsolete=True)
    for skill, importance in (
        (deburring, OTHER),
        (cnc, EMERGING),
        (adjusting, CORE),
        (rigour, OTHER),
        (metrology, CORE),
        (retired, CORE),
    ):
        OccupationSkillFactory(occupation=machining, skill=skill, importance=importance)
    OccupationSkillFactory(occupation=milling, skill=adjusting, importance=CORE)

    machining.work_contexts.add(
        WorkContextFactory(
            label="Travail posté (2x8, 3x8)", category="Horaires et durée du travail"
        ),
        WorkContextFactory(
            label="Port d'équipements de protection", category="Conditions de travail"
        ),
        WorkContextFactory(label="Bruit", category="Conditions de travail"),
        WorkContextFactory(
            label="Travail de nuit supprimé", category="Conditions de travail", is_obsolete=True
        ),
    )
    MobilityFactory(source=machining, target=boilermaking, order=2)
    MobilityFactory(source=machining, target=milling, order=1)
    MobilityFactory(source=machining, target=welding, order=3)
    EscoOccupationFactory(
        uri="http://data.europa.eu/esco/occupation/machine-operator",
        label="conducteur de machine d'usinage/conductrice de machine d'usinage",
        occupation=machining,
    )
    return Machining(
        machining, milling, boilermaking, welding, driving, adjusting, cnc, rigour, metrology
    )
