import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.exceptions import ValidationError

from ancrage.api.errors import exception_handler
from ancrage.api.serializers import ExtractSkillsRequestSerializer
from tests.cast import login
from tests.referentiel import machining

OCCUPATIONS = "/api/v1/referentiel/occupations/"
NORMALIZE = "/api/v1/referentiel/normalize"
SUGGEST = "/api/v1/referentiel/suggest"
EXTRACT = "/api/v1/referentiel/extract-skills"


@pytest.fixture
def rome(db):
    return machining.build()


def codes(response):
    return [occupation["code"] for occupation in response.json()["results"]]


def test_urls_are_the_documented_ones():
    assert reverse("api:occupation-list") == OCCUPATIONS
    assert reverse("api:occupation-detail", args=["H2903"]) == OCCUPATIONS + "H2903/"
    assert reverse("api:referentiel-normalize") == NORMALIZE
    assert reverse("api:referentiel-suggest") == SUGGEST
    assert reverse("api:referentiel-extract-skills") == EXTRACT


def test_occupation_list_and_filters(client, rome):
    response = client.get(OCCUPATIONS)
    # Current occupations only, by code.
    assert codes(response) == ["H2902", "H2903", "H2912", "N4101"]
    first = response.json()["results"][1]
    assert first == {
        "code": "H2903",
        "label": "Tourneur-fraiseur / Tourneuse-fraiseuse",
        "domain": {"code": "H29", "label": "Mécanique, travail des métaux et outillage"},
        "grand_domain": {"code": "H", "label": "Industrie"},
        "url": "http://testserver/metiers/H2903/",
    }
    assert codes(client.get(OCCUPATIONS, {"grand_domain": "n"})) == ["N4101"]
    assert codes(client.get(OCCUPATIONS, {"domain": "h29", "limit": 1})) == ["H2902"]
    assert client.get(OCCUPATIONS, {"domain": "H29"}).json()["count"] == 3
    assert codes(client.get(OCCUPATIONS, {"domain": "H29", "grand_domain": "N"})) == []
    assert codes(client.get(OCCUPATIONS, {"domain": "", "grand_domain": "", "q": " "})) == [
        "H2902",
        "H2903",
        "H2912",
        "N4101",
    ]


def test_occupation_list_searched(client, rome):
    found = codes(client.get(OCCUPATIONS, {"q": "usineuse"}))
    assert found[0] == "H2903"
    assert codes(client.get(OCCUPATIONS, {"q": "usineur", "grand_domain": "N"})) == []
    assert codes(client.get(OCCUPATIONS, {"q": "zzqxw"})) == []


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"domain": "Z99"}, "domain", "Aucun domaine professionnel n'a le code « Z99 »"),
        ({"domain": "mécanique"}, "domain", "une lettre et deux chiffres"),
        ({"grand_domain": "Z"}, "grand_domain", "Aucun grand domaine n'a le code « Z »"),
        ({"grand_domain": "HH"}, "grand_domain", "d'une lettre"),
        ({"q": "u" * 201}, "q", "200 caractères au plus"),
    ],
)
def test_occupation_list_bad_filters_answer_400_naming_the_field(
    client, rome, params, field, message
):
    response = client.get(OCCUPATIONS, params)
    assert response.status_code == 400
    body = response.json()
    assert list(body) == [field]
    assert message in body[field][0]


def test_occupation_detail(client, rome, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        response = client.get(OCCUPATIONS + "h2903/")
    assert response.status_code == 200
    body = response.json()
    assert body["code"] == "H2903"
    assert body["definition"].startswith("Usine des pièces")
    assert body["is_regulated"] is True and body["is_executive"] is False
    assert body["ecological_transition"] == "strategique"
    assert body["ecological_transition_label"] == (
        "emploi stratégique pour la transition écologique"
    )
    assert [title["label"] for title in body["job_titles"]] == [
        "Usineur / Usineuse",
        "Aléseur / Aléseuse",
        "Fraiseur / Fraiseuse",
    ]
    assert body["job_titles"][1]["is_rare"] is True
    assert [(skill["label"], skill["kind"], skill["importance"]) for skill in body["skills"]] == [
        ("Métrologie", "savoir", "core"),
        ("Régler les paramètres d'une machine", "savoir_faire", "core"),
        ("Programmer une machine à commande numérique", "savoir_faire", "emerging"),
        ("Ébavurer une pièce", "savoir_faire", "other"),
        ("Faire preuve de rigueur", "savoir_etre", "other"),
    ]
    assert body["skills"][0]["ogr_code"] == 100005
    assert [context["label"] for context in body["work_contexts"]] == [
        "Bruit",
        "Port d'équipements de protection",
        "Travail posté (2x8, 3x8)",
    ]
    assert body["mobilities"] == [
        {
            "code": "H2912",
            "label": "Régleur / Régleuse d'équipements industriels",
            "url": "http://testserver/metiers/H2912/",
        },
        {
            "code": "H2902",
            "label": "Chaudronnier / Chaudronnière",
            "url": "http://testserver/metiers/H2902/",
        },
    ]
    assert body["esco_occupations"] == [
        {
            "uri": "http://data.europa.eu/esco/occupation/machine-operator",
            "label": "conducteur de machine d'usinage/conductrice de machine d'usinage",
        }
    ]


def test_occupation_detail_obsolete_and_unknown(client, rome):
    assert client.get(OCCUPATIONS + "H2913/").json()["is_obsolete"] is True
    for code in ("Z9999", "H29030", "%3Cscript%3E"):
        response = client.get(OCCUPATIONS + code + "/")
        assert response.status_code == 404
        assert response.json() == {"detail": "Non trouvé."}


@pytest.mark.parametrize("path", ["%00AAAA", "H290%00", "H29%EF%BC%90", "%C3%892903"])
def test_occupation_detail_of_odd_characters_is_a_json_404(
    client, rome, path, django_assert_num_queries
):
    with django_assert_num_queries(0):
        response = client.get(f"{OCCUPATIONS}{path}/")
    assert response.status_code == 404
    assert response.json() == {"detail": "Non trouvé."}


def test_normalize(client, rome):
    response = client.get(NORMALIZE, {"q": "Usineuse H/F CDI Lorient"})
    assert response.status_code == 200
    best = response.json()[0]
    assert best["code"] == "H2903"
    assert best["label"] == "Tourneur-fraiseur / Tourneuse-fraiseuse"
    assert best["matched_title"] == "Usineur / Usineuse"
    assert 0 < best["score"] <= 1
    assert best["url"] == "http://testserver/metiers/H2903/"
    assert len(client.get(NORMALIZE, {"q": "régleur usineur", "limit": "1"}).json()) == 1


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "   "}, {"q": "xqzwv kpflt"}, {"q": "!!!"}, {"q": "x" * 5000}]
)
def test_normalize_empty_or_absurd_title_is_an_empty_list(client, rome, params):
    response = client.get(NORMALIZE, params)
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("url", [NORMALIZE, SUGGEST])
@pytest.mark.parametrize("limit", ["0", "21", "trois", "-1", "9" * 400])
def test_bad_limit_answers_400_naming_the_field(client, rome, url, limit):
    response = client.get(url, {"q": "usineur", "limit": limit})
    assert response.status_code == 400
    assert response.json() == {"limit": ["Nombre de résultats : un entier de 1 à 20."]}


def test_suggest(client, rome):
    occupations = client.get(SUGGEST, {"q": "usin", "target": "occupation"}).json()
    assert occupations
    assert all(item["code"] for item in occupations)
    assert {item["kind"] for item in occupations} <= {"occupation", "job_title", "esco_occupation"}
    first = occupations[0]
    assert set(first) == {"kind", "kind_label", "label", "detail", "code", "score", "url"}
    assert first["url"] == f"http://testserver/metiers/{first['code']}/"

    skills = client.get(SUGGEST, {"q": "rigueur", "target": "skill"}).json()
    assert skills[0]["label"] == "Faire preuve de rigueur"
    assert skills[0]["code"] == "" and skills[0]["url"] is None
    assert len(client.get(SUGGEST, {"q": "machine", "limit": 1}).json()) == 1
    assert client.get(SUGGEST, {"q": ""}).json() == []


def test_suggest_bad_target(client, rome):
    response = client.get(SUGGEST, {"q": "usin", "target": "formation"})
    assert response.status_code == 400
    assert response.json() == {
        "target": ["Cible inconnue « formation » : valeurs possibles occupation, skill."]
    }


TEXT = (
    "Rejoignez notre atelier !\n"
    "Vous réglez les paramètres des machines avant chaque série ; "
    "vous faites preuve de rigueur."
)


def test_extract_skills(client, rome):
    response = client.post(EXTRACT, {"text": TEXT}, content_type="application/json")
    assert response.status_code == 200
    found = response.json()
    assert [skill["label"] for skill in found] == [
        "Régler les paramètres d'une machine",
        "Faire preuve de rigueur",
    ]
    for skill in found:
        assert TEXT[skill["start"] : skill["end"]] == skill["matched_text"]
    assert found[0]["ogr_code"] == 100001
    assert found[0]["kind"] == "savoir_faire"
    assert found[0]["kind_label"] == "savoir-faire"
    assert found[1]["kind"] == "savoir_etre"


def test_extract_skills_is_rate_limited_per_client_in_french(client, db):
    def post(address):
        return client.post(
            EXTRACT, {"text": "Souder"}, content_type="application/json", REMOTE_ADDR=address
        )

    assert all(post("192.0.2.1").status_code == 200 for _ in range(30))
    refused = post("192.0.2.1")
    assert refused.status_code == 429
    assert "Retry-After" in refused
    assert "seconde" in refused.json()["detail"]
    assert post("192.0.2.2").status_code == 200  # another client


def test_extract_skills_of_one_occupation(client, rome):
    only_driving = client.post(
        EXTRACT, {"text": TEXT, "occupation": "n4101"}, content_type="application/json"
    )
    assert only_driving.status_code == 200
    assert only_driving.json() == []
    of_milling = client.post(
        EXTRACT, {"text": TEXT, "occupation": "H2912"}, content_type="application/json"
    )
    assert [skill["label"] for skill in of_milling.json()] == [
        "Régler les paramètres d'une machine"
    ]
    # A form post works too.
    assert client.post(EXTRACT, {"text": TEXT, "occupation": ""}).status_code == 200


@pytest.mark.parametrize(
    ("body", "field", "message"),
    [
        ({}, "text", "Donnez le texte à analyser (champ text)."),
        ({"text": ""}, "text", "Le texte à analyser est vide."),
        ({"text": " \n "}, "text", "Le texte à analyser est vide."),
        ({"text": None}, "text", "Le texte à analyser est vide."),
        (
            {"text": "a" * 50_001},
            "text",
            "Le texte fait 50\xa0001 caractères : 50\xa0000 au plus.",
        ),
        ({"text": "usi\x00neur"}, "text", "nul"),
        ({"text": "usin\ud800eur"}, "text", "substitution"),
        (
            {"text": TEXT, "occupation": "Z9999"},
            "occupation",
            "Aucun métier n'a le code ROME « Z9999 ».",
        ),
        (
            {"text": TEXT, "occupation": ["H2903"]},
            "occupation",
            "Un code ROME s'écrit comme H2903.",
        ),
    ],
)
def test_extract_skills_bad_input_answers_400_naming_the_field(client, rome, body, field, message):
    response = client.post(EXTRACT, body, content_type="application/json")
    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    assert message in errors[field][0]


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ({"text": "a" * 3_000_000}, "application/json"),
        ("text=" + "a" * 3_000_000, "application/x-www-form-urlencoded"),
    ],
)
def test_extract_skills_too_big_a_body_is_a_json_400(client, rome, body, content_type):
    response = client.post(EXTRACT, body, content_type=content_type)
    assert response.status_code == 400
    assert response.json() == {
        "text": ["Le texte dépasse de loin 50 000 caractères : découpez-le en plusieurs parties."]
    }


def test_extract_skills_takes_the_longest_text_allowed(client, rome):
    text = (TEXT + " ") * (50_000 // (len(TEXT) + 1))
    response = client.post(EXTRACT, {"text": text}, content_type="application/json")
    assert response.status_code == 200


def test_extract_skills_needs_no_csrf_token_from_a_logged_in_browser(rome, cast):
    browser = login(Client(enforce_csrf_checks=True), cast.staff_a)
    response = browser.post(EXTRACT, {"text": TEXT}, content_type="application/json")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{text:", "Le corps de la requête n'est pas du JSON valide (ligne 1, colonne 2)."),
        (
            '{"text": "a"\n,,}',
            "Le corps de la requête n'est pas du JSON valide (ligne 2, colonne 2).",
        ),
        (b"\xff\xfe{}", "Le corps de la requête n'est pas du JSON valide (UTF-8 attendu)."),
    ],
)
def test_malformed_json_is_a_french_400(client, rome, body, message):
    response = client.post(EXTRACT, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"detail": message}


@pytest.mark.parametrize("body", ["[" * 100_000, '{"text": ' * 50_000])
def test_json_nested_too_deep_is_a_french_400(client, rome, body):
    response = client.post(EXTRACT, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Le corps de la requête est du JSON imbriqué bien trop profondément."
    }


@pytest.mark.parametrize("body", ["null", "[]", '["texte"]', '"texte"', "3"])
def test_a_body_that_is_no_object_names_the_text_field_in_french(client, rome, body):
    response = client.post(EXTRACT, body, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {
        "text": [
            "Envoyez un objet JSON dont le champ text contient le texte à analyser, "
            'par exemple {"text": "…"}.'
        ]
    }


def test_a_malformed_multipart_body_is_a_french_400(client, rome):
    response = client.post(EXTRACT, b"--x\r\nnothing", content_type="multipart/form-data")
    assert response.status_code == 400
    assert response.json() == {
        "detail": "Le formulaire envoyé (multipart/form-data) est mal formé."
    }


def test_the_handler_words_no_data_in_french():
    body = ExtractSkillsRequestSerializer(data=None)
    assert not body.is_valid()
    assert body.errors == {"non_field_errors": ["No data provided"]}  # DRF's own words
    response = exception_handler(ValidationError(body.errors), {})
    assert response.status_code == 400
    assert response.data == {
        "non_field_errors": [
            "Aucune donnée reçue : envoyez un objet JSON avec les champs attendus."
        ]
    }
    # Any other error goes through untouched.
    other = exception_handler(ValidationError({"text": ["Le texte à analyser est vide."]}), {})
    assert other.data == {"text": ["Le texte à analyser est vide."]}


def test_schema_documents_the_referentiel_in_french(client, db):
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    paths = schema["paths"]
    normalize = paths[NORMALIZE]["get"]
    assert normalize["summary"] == "Normaliser un intitulé de poste"
    parameters = {parameter["name"]: parameter for parameter in normalize["parameters"]}
    assert "de 1 à 20" in parameters["limit"]["description"]
    assert "400" in normalize["responses"]
    extract = paths[EXTRACT]["post"]
    assert extract["summary"] == "Repérer les compétences d'un texte"
    assert "points de code Unicode" in extract["description"]
    found_skill = schema["components"]["schemas"]["FoundSkill"]["properties"]
    for offset in ("start", "end"):
        assert "points de code Unicode" in found_skill[offset]["description"]
    assert "non en unités UTF-16" in found_skill["start"]["description"]
    request_schema = schema["components"]["schemas"]["ExtractSkillsRequest"]
    assert request_schema["required"] == ["text"]
    assert "50 000 caractères au plus" in request_schema["properties"]["text"]["description"]
    occupations = paths[OCCUPATIONS]["get"]
    names = {parameter["name"] for parameter in occupations["parameters"]}
    assert {"domain", "grand_domain", "q", "limit", "offset"} <= names
    assert paths[SUGGEST]["get"]["summary"] == "Suggestions pendant la frappe"
    assert paths[OCCUPATIONS + "{code}/"]["get"]["summary"] == "Un métier, par son code ROME"
