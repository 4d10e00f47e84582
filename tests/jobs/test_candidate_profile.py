"""The candidate's profile: filled with the référentiel's pickers and the
commune picker, French errors (a radius of −5 or 100,000 km) with nothing
lost, HTML kept as text, experience and education lines, activity renewed
on each save, and the dashboard."""

import html
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.jobs.candidate_profile import completeness, profile_for
from ancrage.jobs.factories import CandidateProfileFactory, ConsentFactory
from ancrage.jobs.models import CandidateProfile, EducationLine, ExperienceLine, ProfileView
from ancrage.organisations.factories import OrganisationFactory
from tests.cast import login
from tests.referentiel import machining

pytestmark = pytest.mark.django_db


def text(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def rome(db):
    return machining.build()


@pytest.fixture
def candidate(client, cast):
    return login(client, cast.candidate)


PROFILE = {
    "headline": "Usineuse sur commande numérique",
    "summary": "Cinq ans d'usinage.\n<b>Rigoureuse</b> <script>alert('x')</script>",
    "occupations": "H2903",
    "skills": "Régler les paramètres d'une machine; Faire preuve de rigueur",
    "qualification": "4",
    "languages_text": "anglais, Anglais, allemand",
    "commune": "56121",
    "mobility_km": "40",
    "contracts": ["cdi", "interim"],
    "available_from": "2027-01-15",
}


def test_fill_the_profile_and_read_it(candidate, cast, rome):
    profile = profile_for(cast.candidate)
    old = timezone.now() - timedelta(days=400)
    CandidateProfile.objects.filter(pk=profile.pk).update(last_activity_at=old)
    response = candidate.post(reverse("jobs_candidate:edit"), PROFILE)
    assert response["Location"] == reverse("jobs_candidate:profile")
    profile.refresh_from_db()
    assert profile.headline == PROFILE["headline"]
    assert list(profile.occupations.all()) == [rome.machining]
    assert set(profile.skills.all()) == {rome.adjusting, rome.rigour}
    assert profile.languages == ["Anglais", "allemand"]
    assert profile.commune.code == "56121"
    assert profile.mobility_km == 40
    assert profile.contracts == ["cdi", "interim"]
    assert str(profile.available_from) == "2027-01-15"
    assert profile.last_activity_at > old + timedelta(days=399)

    response = candidate.get(reverse("jobs_candidate:profile"))
    page = text(response)
    assert "Tourneur-fraiseur / Tourneuse-fraiseuse (H2903)" in page
    assert "Lorient (56121), jusqu'à 40 km" in page
    assert "CDI, Intérim" in page
    raw = response.content.decode()
    assert "<script>alert" not in raw and "<b>Rigoureuse</b>" not in raw
    assert "&lt;b&gt;Rigoureuse&lt;/b&gt;" in raw

    response = candidate.get(reverse("jobs_candidate:edit"))
    assert 'value="Anglais, allemand"' in text(response)


@pytest.mark.parametrize("km", ["-5", "100000", "1001"])
def test_a_radius_out_of_bounds_is_refused_and_nothing_is_lost(candidate, cast, rome, km):
    response = candidate.post(reverse("jobs_candidate:edit"), {**PROFILE, "mobility_km": km})
    assert response.status_code == 200
    page = text(response)
    assert "Rien n'est enregistré : corrigez les champs signalés." in page
    assert "Le rayon de mobilité doit être compris entre 0 et 1 000 km" in page
    assert PROFILE["headline"] in page
    assert f'value="{km}"' in page
    assert not CandidateProfile.objects.filter(headline=PROFILE["headline"]).exists()


def test_bad_values_get_french_errors(candidate, rome):
    form = {**PROFILE, "mobility_km": "trente", "contracts": ["cdi", "esclavage"]}
    form["occupations"] = "zzzzqx"
    page = text(candidate.post(reverse("jobs_candidate:edit"), form))
    assert "Indiquez un nombre entier de kilomètres" in page
    assert "Aucun élément ne correspond à « zzzzqx »" in page
    assert "Sélectionnez un choix valide" in page or "n'existe pas" in page


def test_experience_and_education_lines(candidate, cast):
    response = candidate.post(
        reverse("jobs_candidate:experience_add"),
        {"title": "Usineuse", "employer": "Atelier Martin", "start": "2020-03-01"},
    )
    assert response["Location"] == reverse("jobs_candidate:profile")
    line = ExperienceLine.objects.get()
    assert line.profile.user == cast.candidate

    page = text(
        candidate.post(
            reverse("jobs_candidate:experience_edit", args=[line.pk]),
            {"title": "Usineuse CN", "start": "2020-03-01", "end": "2019-01-01"},
        )
    )
    assert "La fin précède le début" in page
    assert 'value="Usineuse CN"' in page
    line.refresh_from_db()
    assert line.title == "Usineuse"

    response = candidate.post(
        reverse("jobs_candidate:education_add"), {"title": "Bac pro", "year": "1900"}
    )
    assert "Indiquez une année entre 1950 et 2100." in text(response)
    candidate.post(
        reverse("jobs_candidate:education_add"),
        {"title": "Bac pro", "year": "2015", "qualification": "4"},
    )
    education = EducationLine.objects.get()
    page = text(candidate.get(reverse("jobs_candidate:profile")))
    assert "Usineuse" in page and "Atelier Martin" in page and "Bac pro" in page

    candidate.post(reverse("jobs_candidate:experience_delete", args=[line.pk]))
    candidate.post(reverse("jobs_candidate:education_delete", args=[education.pk]))
    assert not ExperienceLine.objects.exists() and not EducationLine.objects.exists()


def test_another_candidates_line_is_not_found(candidate):
    other = ExperienceLine.objects.create(
        profile=CandidateProfileFactory(), title="Soudeur", start="2018-01-01"
    )
    url = reverse("jobs_candidate:experience_edit", args=[other.pk])
    assert candidate.get(url).status_code == 404
    assert candidate.post(url, {"title": "Volé", "start": "2018-01-01"}).status_code == 404
    assert (
        candidate.post(reverse("jobs_candidate:experience_delete", args=[other.pk])).status_code
        == 404
    )
    other.refresh_from_db()
    assert other.title == "Soudeur"


def test_completeness():
    profile = CandidateProfileFactory()
    percent, missing = completeness(profile)
    assert percent == 50  # headline, summary, commune, contracts
    assert "votre CV en PDF" in missing


def test_dashboard_shows_completeness_visibility_and_views(candidate, cast):
    profile = profile_for(cast.candidate)
    ConsentFactory(profile=profile, cluster=cast.cluster_a)
    for organisation in (OrganisationFactory(), OrganisationFactory(), OrganisationFactory()):
        ProfileView.objects.create(profile=profile, organisation=organisation, what="profil")
    page = text(candidate.get(reverse("core:home")))
    assert "Profil complet à 0 %" in page
    assert "visible des entreprises adhérentes de : Cluster Alpha" in page
    assert "3 entreprises ont consulté votre profil" in page
    assert "/offres/" in page and "/candidat/candidatures/" in page
    assert "Mes candidatures (0)" in page and "/candidat/offres-suggerees/" in page


def test_occupations_and_skills_suggested_from_the_headline_and_summary(candidate, cast, rome):
    data = {
        "headline": "Usineur",
        "summary": "Je règle les paramètres des machines.",
        "mobility_km": "-5",
        "suggest": "1",
    }
    response = candidate.post(reverse("jobs_candidate:edit"), data)
    assert response.status_code == 200
    page = text(response)
    assert "Métiers proposés d'après votre titre : 1." in page
    assert "Compétences trouvées dans votre présentation : 1" in page
    assert "Rien n'est encore enregistré" in page
    # Not judged yet: the radius is not flagged until saved.
    assert "Le rayon de mobilité" not in page
    assert 'value="H2903"' in page
    assert f'value="{rome.adjusting.pk}"' in page
    assert not profile_for(cast.candidate).occupations.exists()


def test_the_candidate_pages_do_not_query_per_line(candidate, cast, django_assert_max_num_queries):
    from ancrage.clusters.factories import ClusterFactory
    from ancrage.referentiel.factories import OccupationFactory, SkillFactory

    profile = profile_for(cast.candidate)
    for number in range(6):
        ExperienceLine.objects.create(profile=profile, title=f"Poste {number}", start="2020-01-01")
        EducationLine.objects.create(profile=profile, title=f"Diplôme {number}", year=2010)
        profile.skills.add(SkillFactory())
        profile.occupations.add(OccupationFactory())
        cluster = ClusterFactory()
        ConsentFactory(profile=profile, cluster=cluster)
        ProfileView.objects.create(profile=profile, organisation=OrganisationFactory(), what="cv")
    pages = {}
    for name in ("profile", "visibility", "views", "data"):
        with django_assert_max_num_queries(20) as captured:
            assert candidate.get(reverse(f"jobs_candidate:{name}")).status_code == 200
        pages[name] = len(captured)
    with django_assert_max_num_queries(20):
        assert candidate.get(reverse("core:home")).status_code == 200
