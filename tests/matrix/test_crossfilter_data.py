"""Hand-made members of cluster A (and one of cluster B) for the cross-filter
tests: small enough that every count can be checked by reading this file.

- Électro Naval: Bureau d'études; génie électrique, composite; conception;
  naval; Lorient (56, zone 5305); PME (40 staff).
- Bureau Ouest: Bureau d'études; génie électrique; conception; aéronautique;
  Saint-Nazaire (44); TPE (5 staff); legal name « SARL Ouest Études ».
- Usinage Alpha (the cast's): Usineur; petit usinage (« Pièces en titane »),
  composite; fabrication; naval, aéronautique; Lorient; ETI; EN 9100.
- Ancien Membre: a former member that matches everything, never listed.
- Sans Profil: an active member without a matrix profile, never listed.
- Bêta Industrie: a member of cluster B, with cluster B's entries.
"""

from types import SimpleNamespace

import pytest

from ancrage.matrix.factories import (
    MatrixProfileFactory,
    ProfileActivityFactory,
    ProfileMarketFactory,
    ProfileSkillFactory,
)
from ancrage.organisations.factories import (
    ContactFactory,
    MembershipFactory,
    OrganisationUserFactory,
)
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.factories import SkillFactory, VocabularyEntryFactory
from ancrage.referentiel.models import Activity, Market
from ancrage.territory.models import Commune, EmploymentZone

# The seeded items used here, created again when a browser test (whose
# database is emptied after each test) runs after another.
LABELS = {
    "conception": "Conception / bureau d'études",
    "fabrication": "Fabrication",
    "naval": "Naval",
    "aeronautique": "Aéronautique",
}


def seeded(model, slug):
    return model.objects.get_or_create(slug=slug, defaults={"label": LABELS[slug]})[0]


def _profile(membership, occupation, skills, activities, markets, **fields):
    profile = MatrixProfileFactory(membership=membership, occupation=occupation, **fields)
    for entry in skills:
        ProfileSkillFactory(profile=profile, entry=entry)
    for slug in activities:
        ProfileActivityFactory(profile=profile, activity=seeded(Activity, slug))
    for slug in markets:
        ProfileMarketFactory(profile=profile, market=seeded(Market, slug))
    return profile


def build(cast):
    a = cast.cluster_a
    zone = EmploymentZone.objects.create(code="5305", name="Lorient")
    lorient = Commune.objects.get(code="56121")
    lorient.employment_zone = zone
    lorient.save()
    saint_nazaire = Commune.objects.get(code="44184")
    design = VocabularyEntryFactory(cluster=a, specific=True, label="Bureau d'études")
    machinist = VocabularyEntryFactory(cluster=a, specific=True, label="Usineur")
    electrical = VocabularyEntryFactory(
        cluster=a, for_skill=True, skill=SkillFactory(label="Génie électrique")
    )
    composite = VocabularyEntryFactory(cluster=a, for_skill=True, skill=None, label="Composite")
    small_machining = VocabularyEntryFactory(
        cluster=a, for_skill=True, skill=None, label="Petit usinage"
    )

    def member(name, commune, headcount, **org):
        return MembershipFactory(
            cluster=a,
            organisation__name=name,
            organisation__commune=commune,
            organisation__headcount=headcount,
            **org,
        )

    electro = member(
        "Électro Naval",
        lorient,
        40,
        organisation__description="Études électriques pour les navires.",
    )
    _profile(electro, design, [electrical, composite], ["conception"], ["naval"])
    bureau = member("Bureau Ouest", saint_nazaire, 5, organisation__legal_name="SARL Ouest Études")
    _profile(bureau, design, [electrical], ["conception"], ["aeronautique"])
    alpha = Membership.objects.get(cluster=a, organisation__name="Usinage Alpha")
    Organisation.objects.filter(pk=alpha.organisation_id).update(commune=lorient, size_class="eti")
    alpha_profile = _profile(
        alpha,
        machinist,
        [small_machining, composite],
        ["fabrication"],
        ["naval", "aeronautique"],
        certifications=["EN 9100"],
    )
    alpha_profile.skills.filter(entry=small_machining).update(comment="Pièces en titane")
    former = member("Ancien Membre", lorient, 40, status=Membership.Status.FORMER)
    _profile(former, design, [electrical, composite], ["conception"], ["naval"])
    member("Sans Profil", lorient, 40)
    b_entry = VocabularyEntryFactory(cluster=cast.cluster_b, for_skill=True, skill=electrical.skill)
    beta = MembershipFactory(cluster=cast.cluster_b, organisation__name="Bêta Industrie")
    _profile(beta, None, [b_entry], ["conception"], ["naval"])
    # People to write to: Électro Naval's user and contacts (one without an
    # email, one with the user's address), Usinage Alpha's user (cast).
    electro_user = OrganisationUserFactory(
        organisation=electro.organisation, user__email="dirigeant@electro-naval.fr"
    ).user
    ContactFactory(organisation=electro.organisation, email="achats@electro-naval.fr")
    ContactFactory(organisation=electro.organisation, email="")
    ContactFactory(organisation=electro.organisation, email="Dirigeant@Electro-Naval.fr")
    ContactFactory(organisation=former.organisation, email="ancien@exemple.fr")
    return SimpleNamespace(
        zone=zone,
        design=design,
        machinist=machinist,
        electrical=electrical,
        composite=composite,
        small_machining=small_machining,
        b_entry=b_entry,
        electro=electro.organisation,
        bureau=bureau.organisation,
        alpha=alpha.organisation,
        former=former.organisation,
        beta=beta.organisation,
        electro_user=electro_user,
    )


@pytest.fixture
def sample(cast):
    return build(cast)


def test_the_sample_is_what_the_table_says(sample, cast):
    assert sample.electro.size_class == "pme"
    assert Organisation.objects.get(pk=sample.bureau.pk).size_class == "tpe"
    assert sample.alpha.memberships.get().matrix.skills.count() == 2
