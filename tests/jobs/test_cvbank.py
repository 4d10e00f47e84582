"""The CV bank of a member company: who is in it, its search and filters,
the summaries (no name, no contact), the full profile, the best candidates
for an offer; and the offers suggested to a candidate."""

import datetime
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs import cvbank
from ancrage.jobs.factories import (
    CandidateProfileFactory,
    ConsentFactory,
    OfferFactory,
    OfferSkillFactory,
    PublicationFactory,
    PublishedOfferFactory,
)
from ancrage.jobs.models import Contract, EducationLine, ExperienceLine, ProfileView
from ancrage.organisations.factories import MembershipFactory, OrganisationFactory
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from ancrage.territory.factories import CommuneFactory
from tests.cast import login

pytestmark = pytest.mark.django_db

SEARCH = reverse("jobs_cvbank:search")


def alpha():
    return Organisation.objects.get(name="Usinage Alpha")


def in_bank(cluster, occupations=(), skills=(), **fields):
    fields.setdefault("user__first_name", "Anne")
    fields.setdefault("user__last_name", "Le Goff")
    profile = CandidateProfileFactory(**fields)
    profile.occupations.set(occupations)
    profile.skills.set(skills)
    ConsentFactory(profile=profile, cluster=cluster)
    return profile


@pytest.fixture
def member(client, cast):
    return login(client, cast.member_a)


def results(response):
    assert response.status_code == 200
    return [profile.pk for profile in response.context["page"].object_list]


# Who is in an organisation's CV bank.


def test_visible_profiles(cast):
    seen = in_bank(cast.cluster_a)
    in_bank(cast.cluster_b)
    withdrawn = in_bank(cast.cluster_a)
    withdrawn.consents.update(withdrawn_at=timezone.now())
    stale = in_bank(cast.cluster_a)
    stale.last_activity_at = timezone.now() - timedelta(days=2 * 365 + 1)
    stale.save()
    closed = in_bank(cast.cluster_a)
    closed.user.is_active = False
    closed.user.save()
    # Two consents to two clusters of the organisation: once.
    both = in_bank(cast.cluster_a)
    third = MembershipFactory(organisation=alpha()).cluster
    ConsentFactory(profile=both, cluster=third)
    names = {seen: "seen", withdrawn: "withdrawn", stale: "stale", closed: "closed", both: "both"}
    assert {names.get(p, "?") for p in cvbank.visible_profiles(alpha())} == {"seen", "both"}
    assert cvbank.visible_profiles(alpha()).filter(pk=both.pk).count() == 1
    assert not cvbank.visible_profiles(OrganisationFactory()).exists()
    assert not cvbank.visible_profiles(None).exists()


# The search.


def test_summaries_show_no_name_nor_contact(member, cast):
    occupation = OccupationFactory(code="H2903", label="Conduite d'équipement d'usinage")
    skills = [SkillFactory(label=f"Savoir {n}") for n in range(7)]
    in_bank(
        cast.cluster_a,
        [occupation],
        skills,
        headline="Usineuse 5 axes",
        user__email="anne.legoff@exemple.fr",
        commune=CommuneFactory(name="Lorient"),
        contracts=[Contract.CDI, Contract.INTERIM],
        available_from=datetime.date(2027, 3, 1),
    )
    content = member.get(SEARCH).content.decode()
    assert "Usineuse 5 axes" in content
    assert "Conduite d&#x27;équipement d&#x27;usinage (H2903)" in content
    assert "Savoir 0" in content and "Savoir 4" in content
    assert "Savoir 6" not in content and "et 2 autres" in content
    assert "Lorient" in content
    assert "disponible le 1 mars 2027" in content
    assert "CDI, Intérim" in content
    assert "Anne" not in content and "Le Goff" not in content
    assert "anne.legoff@exemple.fr" not in content
    assert not ProfileView.objects.exists()


def test_filters(member, cast):
    welding = OccupationFactory(code="H2913")
    machining = OccupationFactory(code="H2903")
    tig, mig = SkillFactory(label="Soudure TIG"), SkillFactory(label="Soudure MIG")
    lorient = CommuneFactory(code="56998", name="Lorient", latitude=47.75, longitude=-3.37)
    near = CommuneFactory(name="Lanester", latitude=47.76, longitude=-3.34)
    far = CommuneFactory(name="Brest", latitude=48.39, longitude=-4.49)
    welder = in_bank(
        cast.cluster_a,
        [welding],
        [tig, mig],
        headline="Soudeur chaudronnier",
        commune=near,
        contracts=[Contract.CDD],
        available_from=datetime.date(2027, 1, 1),
    )
    machinist = in_bank(
        cast.cluster_a,
        [machining],
        [tig],
        headline="Usineur",
        summary="Chaudronnerie et usinage.",
        commune=far,
        contracts=[Contract.CDI],
    )
    assert set(results(member.get(SEARCH))) == {welder.pk, machinist.pk}
    assert results(member.get(SEARCH, {"occupation": "H2913"})) == [welder.pk]
    assert results(member.get(SEARCH, {"skills_code": [tig.pk, mig.pk]})) == [welder.pk]
    assert set(results(member.get(SEARCH, {"skills_code": [tig.pk]}))) == {
        welder.pk,
        machinist.pk,
    }
    assert results(member.get(SEARCH, {"contract": "cdi"})) == [machinist.pk]
    assert results(member.get(SEARCH, {"available": "2026-12-01"})) == [machinist.pk]
    # Accents and stems: « chaudronnerie » finds « chaudronnier »? Not
    # necessarily; the words as typed do.
    assert results(member.get(SEARCH, {"q": "usineur"})) == [machinist.pk]
    assert results(member.get(SEARCH, {"q": "soudeurs"})) == [welder.pk]
    response = member.get(SEARCH, {"commune": "56998", "radius": "20"})
    assert results(response) == [welder.pk]
    assert "(à 3 km)" in response.content.decode()
    # 30 km when only the commune is given; 200 km reaches Brest.
    assert results(member.get(SEARCH, {"commune": lorient.code})) == [welder.pk]
    assert results(member.get(SEARCH, {"commune": lorient.code, "radius": "200"})) == [
        welder.pk,
        machinist.pk,
    ]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"commune": "56998", "radius": "-5"}, "radius", "de 1 à 200"),
        ({"commune": "56998", "radius": "100000"}, "radius", "de 1 à 200"),
        ({"commune": "56998", "radius": "loin"}, "radius", "de 1 à 200"),
        ({"radius": "30"}, "commune", "Indiquez la commune"),
        ({"available": "demain"}, "available", "Indiquez une date"),
        ({"contract": "esclavage"}, "contract", "Contrat inconnu"),
        ({"occupation": "Z9999 xyzzy"}, "occupation", ""),
    ],
)
def test_bad_criteria_say_so_in_french_and_keep_what_was_typed(
    member, cast, params, field, message
):
    CommuneFactory(code="56998", name="Lorient", latitude=47.75, longitude=-3.37)
    in_bank(cast.cluster_a, headline="Usineur")
    response = member.get(SEARCH, params)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    content = response.content.decode()
    assert "Corrigez les critères signalés" in content
    assert response.context["page"].paginator.count == 0
    if field == "radius":
        assert f'value="{params["radius"]}"' in content


def test_html_typed_is_escaped(member, cast):
    in_bank(cast.cluster_a, headline="<script>alert(1)</script>")
    content = member.get(SEARCH, {"q": "<b>soudeur</b>"}).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "<b>soudeur</b>" not in content
    content = member.get(SEARCH).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


def test_twenty_per_page(member, cast):
    for _ in range(21):
        in_bank(cast.cluster_a)
    response = member.get(SEARCH)
    assert len(response.context["page"].object_list) == 20
    assert len(member.get(SEARCH, {"page": "2"}).context["page"].object_list) == 1
    assert len(member.get(SEARCH, {"page": "zzz"}).context["page"].object_list) == 20


def test_search_queries_do_not_grow_with_the_results(member, cast, django_assert_max_num_queries):
    for _ in range(3):
        in_bank(cast.cluster_a, [OccupationFactory()], [SkillFactory()])
    member.get(SEARCH)
    with django_assert_max_num_queries(12) as few:
        member.get(SEARCH)
    for _ in range(10):
        in_bank(cast.cluster_a, [OccupationFactory()], [SkillFactory()])
    with django_assert_max_num_queries(len(few)):
        member.get(SEARCH)


# A profile.


def test_profile_shows_everything_and_is_logged(member, cast):
    skill = SkillFactory(label="Soudure TIG")
    profile = in_bank(
        cast.cluster_a,
        [],
        [skill],
        headline="Soudeuse",
        summary="Dix ans de chaudronnerie.",
        user__email="anne.legoff@exemple.fr",
        languages=["anglais"],
    )
    ExperienceLine.objects.create(
        profile=profile, title="Soudeuse", employer="Naval Lorient", start=datetime.date(2020, 1, 1)
    )
    EducationLine.objects.create(profile=profile, title="CAP soudure", year=2015)
    content = member.get(reverse("jobs_cvbank:profile", args=[profile.pk])).content.decode()
    for text in (
        "Anne Le Goff",
        "anne.legoff@exemple.fr",
        "Dix ans de chaudronnerie.",
        "Soudure TIG",
        "Naval Lorient",
        "CAP soudure",
        "anglais",
        "Pas de CV déposé.",
    ):
        assert text in content, text
    view = ProfileView.objects.get()
    assert (view.profile, view.what, view.user) == (profile, "profil", cast.member_a)


# The best candidates for an offer.


def test_offer_matches_page(member, cast):
    occupation = OccupationFactory(code="H2903")
    skill = SkillFactory(label="Soudure TIG")
    commune = CommuneFactory(latitude=47.75, longitude=-3.37)
    offer = OfferFactory(organisation=alpha(), occupation=occupation, commune=commune)
    OfferSkillFactory(offer=offer, skill=skill, required=True)
    profile = in_bank(cast.cluster_a, [occupation], [], headline="Usineuse", commune=commune)
    in_bank(cast.cluster_b, [occupation], [], headline="Invisible", commune=commune)
    response = member.get(reverse("jobs_cvbank:offer_matches", args=[offer.pk]))
    content = response.content.decode()
    assert [m.profile for m in response.context["matches"]] == [profile]
    assert "Usineuse" in content and "Invisible" not in content
    assert "Même métier (H2903)" in content
    assert "0 compétence exigée sur 1 : manque Soudure TIG" in content
    assert "à 0 km, dans son rayon de 30 km" in content
    assert reverse("jobs_cvbank:profile", args=[profile.pk]) in content
    assert "Anne" not in content
    assert not ProfileView.objects.exists()


def test_offer_matches_empty(member, cast):
    offer = OfferFactory(organisation=alpha())
    content = member.get(reverse("jobs_cvbank:offer_matches", args=[offer.pk])).content.decode()
    assert "Aucun profil de votre CVthèque ne correspond à cette offre" in content


# The offers suggested to a candidate.

SUGGESTED = reverse("jobs_match:suggested")


def test_candidate_without_profile_is_invited_to_fill_it(client, cast):
    login(client, cast.candidate)
    content = client.get(SUGGESTED).content.decode()
    assert "Compléter mon profil" in content
    assert "/candidat/profil/" in content


def test_candidate_sees_the_best_offers_with_reasons(client, cast):
    occupation = OccupationFactory(code="H2903")
    commune = CommuneFactory(latitude=47.75, longitude=-3.37)
    profile = CandidateProfileFactory(user=cast.candidate, commune=commune, mobility_km=20)
    profile.occupations.set([occupation])
    offer = PublishedOfferFactory(
        organisation=alpha(), occupation=occupation, commune=commune, title="Usineur 5 axes"
    )
    PublicationFactory(offer=offer, cluster=cast.cluster_a)
    hidden = OfferFactory(organisation=alpha(), occupation=occupation, commune=commune)
    login(client, cast.candidate)
    response = client.get(SUGGESTED)
    content = response.content.decode()
    assert [m.offer for m in response.context["matches"]] == [offer]
    assert hidden.pk not in [m.offer.pk for m in response.context["matches"]]
    assert "Usineur 5 axes" in content
    assert "Même métier (H2903)" in content
    assert "à 0 km, dans votre rayon de 20 km" in content
    assert f"/offres/{offer.pk}-usineur-5-axes/" in content


def test_candidate_with_an_empty_profile_is_invited(client, cast):
    CandidateProfileFactory(user=cast.candidate, commune=None)
    login(client, cast.candidate)
    assert "Compléter mon profil" in client.get(SUGGESTED).content.decode()
