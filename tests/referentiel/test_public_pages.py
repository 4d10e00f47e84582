import re
from html import unescape

import pytest
from django.urls import reverse

from ancrage.referentiel.factories import DomainFactory, GrandDomainFactory, OccupationFactory
from tests.referentiel import machining


@pytest.fixture
def rome(db):
    return machining.build()


def text_of(response):
    """The page's text, tags removed and spaces collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", response.text)).split())


def section(response, anchor):
    match = re.search(rf'<section id="{anchor}".*?</section>', response.text, re.DOTALL)
    assert match, anchor
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", match.group())).split())


def test_detail_shows_the_whole_fiche(client, rome, django_assert_num_queries):
    # The occupation, then job titles, skills, contexts, mobilities and ESCO.
    with django_assert_num_queries(6):
        response = client.get(reverse("referentiel:occupation", args=["H2903"]))
    assert response.status_code == 200
    title = re.search(r"<title>(.*?)</title>", response.text, re.DOTALL).group(1)
    assert " ".join(unescape(title).split()) == (
        "Tourneur-fraiseur / Tourneuse-fraiseuse (H2903) : fiche métier, compétences "
        "et accès — Ancrage"
    )
    text = text_of(response)
    assert "Domaine professionnel : Mécanique, travail des métaux et outillage (H29)" in text
    assert "grand domaine : Industrie" in text
    assert "Emploi réglementé" in text
    assert "Transition écologique : emploi stratégique pour la transition écologique" in text
    assert "Transition numérique" in text
    assert "Emploi cadre" not in text and "Transition démographique" not in text
    assert "ne figure plus" not in text

    assert "<p>Usine des pièces unitaires ou en série.</p>" in response.text
    assert "<p>Contrôle la conformité des pièces.</p>" in response.text
    assert "<p>Une expérience est demandée.</p>" in response.text

    assert section(response, "appellations") == (
        "Appellations Usineur / Usineuse (appellation principale) Aléseur / Aléseuse peu usité "
        "Fraiseur / Fraiseuse"
    )
    assert section(response, "competences") == (
        "Compétences Savoir-faire Régler les paramètres d'une machine cœur de métier "
        "Programmer une machine à commande numérique compétence émergente Ébavurer une pièce "
        "Savoir-être professionnel Faire preuve de rigueur "
        "Savoir Métrologie cœur de métier"
    )
    assert section(response, "contextes") == (
        "Contextes de travail Conditions de travail Bruit Port d'équipements de protection "
        "Horaires et durée du travail Travail posté (2x8, 3x8)"
    )
    assert section(response, "mobilites") == (
        "Métiers proches (mobilités professionnelles) "
        "Régleur / Régleuse d'équipements industriels (H2912) Chaudronnier / Chaudronnière (H2902)"
    )
    assert 'href="/metiers/H2912/"' in response.text
    assert section(response, "esco") == (
        "Équivalents européens (ESCO) "
        "conducteur de machine d'usinage/conductrice de machine d'usinage"
    )
    assert 'href="http://data.europa.eu/esco/occupation/machine-operator"' in response.text
    # Obsolete items are left out.
    for retired in ("Affûteur", "tour manuel", "Travail de nuit supprimé", "Soudeur"):
        assert retired not in text


def test_code_is_case_insensitive_with_one_canonical_address(client, rome):
    response = client.get("/metiers/h2903/")
    assert response.status_code == 301
    assert response["Location"] == "/metiers/H2903/"
    html = client.get("/metiers/H2903/").content.decode()
    assert 'rel="canonical"' in html
    assert 'href="http://testserver/metiers/H2903/"' in html
    assert '<meta name="description"' in html


@pytest.mark.parametrize("code", ["Z9999", "H29030", "H", "<script>", "h 290"])
def test_unknown_code_is_the_french_404_page(client, rome, code):
    response = client.get(reverse("referentiel:occupation", args=[code]))
    assert response.status_code == 404
    assert "Page introuvable" in response.text


@pytest.mark.parametrize("path", ["%00AAAA", "H290%00", "H29%EF%BC%90", "%C3%892903", "h2903%0A"])
def test_a_code_of_odd_characters_is_a_404_never_read(
    client, rome, path, django_assert_num_queries
):
    # A NUL byte, a full-width digit, an accented letter, a line feed: not a
    # ROME code, so not looked up (PostgreSQL refuses a NUL byte: a 500).
    with django_assert_num_queries(0):
        response = client.get(f"/metiers/{path}/")
    assert response.status_code == 404
    assert "Page introuvable" in response.text


def test_obsolete_occupation_is_shown_with_a_notice(client, rome):
    response = client.get(reverse("referentiel:occupation", args=["H2913"]))
    assert response.status_code == 200
    assert "ne figure plus dans la version en vigueur du ROME" in text_of(response)


def test_bare_occupation_has_no_empty_section(client, db):
    OccupationFactory(
        code="M1805",
        label="Études et développement informatique",
        domain=None,
        definition="",
        access="",
    )
    response = client.get(reverse("referentiel:occupation", args=["M1805"]))
    assert response.status_code == 200
    assert "<section" not in response.text
    assert "Domaine professionnel" not in response.text


def test_browse_by_grand_domain_and_domain_with_counts(client, rome, django_assert_max_num_queries):
    DomainFactory(code="H11", label="Domaine vide", grand_domain=rome.machining.domain.grand_domain)
    with django_assert_max_num_queries(2):
        response = client.get(reverse("referentiel:occupations"))
    text = text_of(response)
    # Current occupations only: H2913 is obsolete.
    assert "H – Industrie (3 métiers)" in text
    assert "Mécanique, travail des métaux et outillage 3 métiers" in text
    assert "N – Transport et logistique (1 métier)" in text
    assert "Domaine vide" not in text
    assert text.index("H – Industrie") < text.index("N – Transport")

    domain = client.get(reverse("referentiel:occupations"), {"domaine": "h29"})
    text = text_of(domain)
    assert "3 métiers dans ce domaine" in text
    assert text.index("H2902") < text.index("H2903") < text.index("H2912")
    assert "Soudeur" not in text and "N4101" not in text
    assert "Métiers du domaine Mécanique" in domain.text


def test_domain_pages_are_paginated(client, db):
    domain = DomainFactory(
        code="K21", label="Formation", grand_domain=GrandDomainFactory(code="K", label="Services")
    )
    for number in range(55):
        OccupationFactory(code=f"K{2100 + number}", label=f"Formateur {number:02d}", domain=domain)
    first = client.get(reverse("referentiel:occupations"), {"domaine": "K21"})
    assert "55 métiers dans ce domaine" in text_of(first)
    assert "K2149" in first.text and "K2150" not in first.text
    assert "Page 1 sur 2" in first.text
    second = client.get(reverse("referentiel:occupations"), {"domaine": "K21", "page": "2"})
    assert "K2154" in second.text and "K2149" not in second.text
    beyond = client.get(reverse("referentiel:occupations"), {"domaine": "K21", "page": "x" * 500})
    assert beyond.status_code == 200


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"domaine": "Z99"}, "Aucun domaine professionnel n'a le code « Z99 »."),
        ({"domaine": "x" * 10_000}, "Assurez-vous que cette valeur comporte au plus 3 caractères"),
        ({"q": "u" * 201}, "Tapez 200 caractères au plus (vous en avez tapé 201)."),
        ({"q": "usi\x00neur"}, "Le caractère nul n’est pas autorisé."),
    ],
)
def test_bad_input_is_explained_and_browsing_stays(client, rome, params, message):
    response = client.get(reverse("referentiel:occupations"), params)
    assert response.status_code == 200
    text = text_of(response)
    assert message in text
    assert "Parcourir par domaine" in text


def test_empty_referentiel_says_so(client, db):
    response = client.get(reverse("referentiel:occupations"))
    assert "le référentiel ROME n'a pas été importé" in text_of(response)


def test_search_groups_matches_by_occupation(client, rome):
    response = client.get(reverse("referentiel:occupations"), {"q": "usineuse"})
    text = text_of(response)
    assert "« usineuse » : métiers trouvés" in text
    results = re.search(
        r'<ul class="list-unstyled occupation-results">.*?</ul>', response.text, re.DOTALL
    )
    found = " ".join(unescape(re.sub(r"<[^>]+>", " ", results.group())).split())
    assert found.startswith(
        "Tourneur-fraiseur / Tourneuse-fraiseuse H2903 "
        "Intitulés correspondants : Usineur / Usineuse"
    )
    # One line per occupation, whatever the number of its titles that matched.
    assert found.count("H2903") == 1
    assert 'href="/metiers/H2903/"' in results.group()
    # What was typed stays in the box.
    assert 'value="usineuse"' in response.text


def test_search_within_a_domain_and_without_result(client, rome):
    in_transport = client.get(
        reverse("referentiel:occupations"), {"q": "usineur", "domaine": "N41"}
    )
    text = text_of(in_transport)
    assert "Aucun métier ne correspond à « usineur »" in text
    assert "Recherche limitée au domaine Personnel de la conduite du transport routier" in text
    nothing = client.get(reverse("referentiel:occupations"), {"q": "xqzwv kpflt"})
    assert "Aucun métier ne correspond à « xqzwv kpflt »" in text_of(nothing)


def test_search_leaves_obsolete_occupations_out(client, rome):
    response = client.get(reverse("referentiel:occupations"), {"q": "soudeur"})
    assert "H2913" not in response.text
