"""The search service: type-ahead, job-title normalisation, skill extraction."""

import threading
import unicodedata

import pytest

from ancrage.referentiel.factories import (
    EscoOccupationFactory,
    EscoSkillFactory,
    JobTitleFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
    VocabularyEntryFactory,
)
from ancrage.referentiel.models import Revision, Skill
from ancrage.referentiel.search import extract_skills, normalize, suggest
from ancrage.referentiel.search.text import fold, gender_forms, keys, label_key, strip_accents
from ancrage.territory.factories import CommuneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def machining():
    """A few occupations of the metal industry, with job titles."""
    usinage = OccupationFactory(code="H2903", label="Tourneur-fraiseur / Tourneuse-fraiseuse")
    JobTitleFactory(occupation=usinage, label="Usineur / Usineuse", short_label="Usineur(se)")
    JobTitleFactory(
        occupation=usinage,
        label="Tourneur-fraiseur / Tourneuse-fraiseuse",
        is_principal=True,
    )
    JobTitleFactory(
        occupation=usinage,
        label="Opérateur / Opératrice sur machine à commande numérique",
    )
    ferroviaire = OccupationFactory(
        code="I1323", label="Technicien / Technicienne de maintenance ferroviaire"
    )
    JobTitleFactory(occupation=ferroviaire, label=ferroviaire.label, is_principal=True)
    industrielle = OccupationFactory(
        code="I1304", label="Technicien / Technicienne de maintenance industrielle"
    )
    JobTitleFactory(occupation=industrielle, label=industrielle.label, is_principal=True)
    qualite = OccupationFactory(code="H1502", label="Responsable qualité")
    JobTitleFactory(
        occupation=qualite,
        label="Responsable Qualité Hygiène Sécurité Environnement -QHSE-",
    )
    soudage = OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    JobTitleFactory(occupation=soudage, label="Soudeur / Soudeuse", is_principal=True)
    return {
        "usinage": usinage,
        "ferroviaire": ferroviaire,
        "industrielle": industrielle,
        "qualite": qualite,
        "soudage": soudage,
    }


class TestText:
    def test_accents_case_and_ligatures(self):
        assert strip_accents("Œuvre Été À") == "oeuvre ete a"

    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("technicienne", "technicien"),
            ("techniciennes", "technicien"),
            ("usineuse", "usineur"),
            ("directrice", "directeur"),
            ("chargee", "charge"),
            ("ouvriere", "ouvrier"),
            ("sportive", "sportif"),
            ("professionnelle", "professionnel"),
            ("cheffe", "chef"),
            ("generaux", "general"),
            ("travaux", "travail"),
        ],
    )
    def test_gender_and_plural_forms_meet(self, one, other):
        assert fold(one) == fold(other)

    def test_keys_drop_gender_markers_stopwords_and_rome_suffixes(self):
        assert keys("Accastilleur(se)-monteur(se) de marine (H/F)") == [
            "accastilleur",
            "monteur",
            "marin",
        ]

    def test_gender_forms_share_the_tail(self):
        assert gender_forms("Directeur / Directrice technique") == (
            "Directeur technique",
            "Directrice technique",
        )
        assert gender_forms("Soudeur") == ("Soudeur", "Soudeur")

    def test_label_key_ignores_spelling_of_gender_forms(self):
        assert label_key("directeur technique/directrice technique") == label_key(
            "Directeur / Directrice technique"
        )


class TestNormalize:
    @pytest.mark.parametrize(
        ("title", "code"),
        [
            ("usineur CN H/F", "H2903"),
            ("USINEUSE (F/H)", "H2903"),
            ("technicienne maintenance ferroviaire", "I1323"),
            ("Tech. maintenance industrielle - CDI", "I1304"),
            ("maintenance industrielle technicien", "I1304"),
            ("Technicein de maintenence ferroviaire", "I1323"),
            ("Resp. QHSE", "H1502"),
            ("soudeuse", "H2913"),
            ("operateur commande numerique", "H2903"),
        ],
    )
    def test_offer_titles_land_on_the_right_occupation(self, machining, title, code):
        results = normalize(title)
        assert results, title
        assert results[0].code == code, (title, results)

    def test_result_names_the_occupation_the_title_and_a_score(self, machining):
        best = normalize("usineur")[0]
        assert best.occupation_id == machining["usinage"].pk
        assert best.label == "Tourneur-fraiseur / Tourneuse-fraiseuse"
        assert best.matched_title == "Usineur / Usineuse"
        assert 0 < best.score <= 1

    def test_an_exact_title_scores_one(self, machining):
        assert normalize("Soudeur / Soudeuse")[0].score == 1.0

    def test_places_are_not_read_as_typos(self, machining):
        CommuneFactory(name="Lorient", code="56121")
        CommuneFactory(name="Saint-Nazaire", code="44184")
        results = normalize("Soudeur Lorient Saint-Nazaire")
        assert results[0].code == "H2913"
        assert results[0].score > 0.9

    def test_hyphenated_place_names_are_dropped_whole(self, machining):
        CommuneFactory(name="Saint-Jean-de-Monts", code="85234")
        OccupationFactory(code="I1308", label="Technicien / Technicienne de monte-charges")
        assert normalize("Soudeur Saint-Jean-de-Monts")[0].code == "H2913"
        assert normalize("Saint-Jean-de-Monts (85)") == []

    def test_communes_imported_after_the_index_was_built_count(self, machining):
        assert normalize("Soudeur Soudeurville")[0].score < 1
        CommuneFactory(name="Soudeurville", code="29999")
        assert normalize("Soudeur Soudeurville")[0].score == 1.0

    def test_decomposed_accents(self, machining):
        title = unicodedata.normalize("NFD", "Opératrice sur machine à commande numérique")
        assert normalize(title)[0].code == "H2903"

    def test_long_titles_read_their_first_dozen_words(self, machining):
        title = "Soudeur " + " ".join(f"mot{n}" for n in range(40))
        assert normalize(title)[0].code == "H2913"

    def test_ties_go_to_the_label_written_like_the_title(self):
        OccupationFactory(code="F1137", label="Ingénieur travaux")
        OccupationFactory(code="F1205", label="Ingénieur de travaux")
        assert normalize("Ingénieur travaux")[0].code == "F1137"
        assert normalize("ingenieur de travaux")[0].code == "F1205"

    def test_ties_go_to_the_whole_label_then_to_rome_before_esco(self):
        OccupationFactory(code="K2111", label="Formateur / Formatrice")
        OccupationFactory(code="K2145", label="Formateur / Formatrice de formateurs")
        assert normalize("Formateur / Formatrice")[0].code == "K2111"
        spreading = OccupationFactory(code="F1302", label="Conducteur / Conductrice d'engins")
        JobTitleFactory(occupation=spreading, label="Conducteur / Conductrice de répandeuses")
        EscoOccupationFactory(
            label="conducteur de répandeuses/conductrice de répandeuses",
            occupation=OccupationFactory(
                code="F1702", label="Constructeur / Constructrice de routes"
            ),
        )
        assert normalize("Conducteur / Conductrice de répandeuses")[0].code == "F1302"

    def test_research_and_development(self):
        OccupationFactory(code="H1210", label="Technicien / Technicienne R&D")
        OccupationFactory(code="H1206", label="Ingénieur / Ingénieure de recherche")
        assert normalize("Tech. R & D")[0].code == "H1210"

    @pytest.mark.parametrize(
        "title",
        ["", "   ", "H/F", "CDI", "xqzw qwrt", "!!!", "\x00", "a" * 5000, "e" * 12, "é" * 200],
    )
    def test_empty_or_absurd_titles_give_nothing(self, machining, title):
        assert normalize(title) == []

    def test_abbreviations_whose_words_no_label_has(self):
        OccupationFactory(code="H2903", label="Usineur / Usineuse")
        assert normalize("usineur CN H/F")[0].code == "H2903"
        assert normalize("tech. BE") == []
        assert suggest("resp. QHSE") == []

    def test_limit(self, machining):
        assert len(normalize("technicien maintenance", limit=1)) == 1
        assert len(normalize("technicien maintenance", limit=5)) == 2
        assert normalize("technicien", limit=0) == []

    def test_each_occupation_appears_once(self, machining):
        codes = [result.code for result in normalize("usineur tourneur operateur", limit=10)]
        assert len(codes) == len(set(codes))

    def test_obsolete_occupations_are_not_proposed(self, machining):
        machining["soudage"].is_obsolete = True
        machining["soudage"].save()
        assert all(result.code != "H2913" for result in normalize("soudeur"))

    def test_index_follows_changes(self, machining):
        assert normalize("chaudronnier") == []
        chaudronnerie = OccupationFactory(code="H2902", label="Chaudronnier / Chaudronnière")
        assert normalize("chaudronniere")[0].code == "H2902"
        chaudronnerie.label = "Tôlier / Tôlière"
        chaudronnerie.save()
        assert normalize("chaudronnier") == []

    def test_linked_esco_labels_help(self, machining):
        EscoOccupationFactory(
            label="opérateur de machine-outil/opératrice de machine-outil",
            alt_labels=["fraiseur CNC"],
            occupation=machining["usinage"],
        )
        assert normalize("fraiseur CNC")[0].code == "H2903"

    def test_cluster_words_count_for_that_cluster_only(self, machining):
        entry = VocabularyEntryFactory(
            label="Shaper", occupation=machining["usinage"], aliases=["Shapeur"]
        )
        assert normalize("shaper") == []
        assert normalize("shapeur", cluster=entry.cluster)[0].code == "H2903"


class TestSuggest:
    def test_beginning_of_a_word(self, machining):
        labels = [s.label for s in suggest("usin", target="occupation")]
        assert labels[0] == "Usineur / Usineuse"

    def test_gender_typos_and_order_ignored(self, machining):
        first = suggest("maintenance technicienne ferro", target="occupation")[0]
        assert first.code == "I1323"
        assert suggest("soudeuze", target="occupation")[0].code == "H2913"

    def test_rome_code(self, machining):
        results = suggest("h29", target="occupation")
        assert {s.code for s in results} == {"H2903", "H2913"}
        assert all(s.kind == "occupation" for s in results)
        assert suggest("H2903", target="occupation")[0].occupation_id == machining["usinage"].pk

    def test_job_title_suggestion_points_to_its_occupation(self, machining):
        usineur = suggest("usineuse", target="occupation")[0]
        assert usineur.kind == "job_title"
        assert usineur.occupation_id == machining["usinage"].pk
        assert usineur.code == "H2903"
        assert usineur.detail == "Tourneur-fraiseur / Tourneuse-fraiseuse"

    def test_skills(self):
        skill = SkillFactory(label="Usiner des pièces par enlèvement de matière")
        SkillFactory(label="Techniques d'usinage", kind=Skill.Kind.KNOWLEDGE)
        results = suggest("usiner pieces", target="skill")
        assert results[0].skill_id == skill.pk
        assert results[0].kind_label == "compétence"
        assert suggest("usiner pieces", target="occupation") == []

    def test_esco_skill_labels_lead_to_their_rome_skill(self):
        skill = SkillFactory(label="Souder à l'arc")
        EscoSkillFactory(label="braser des métaux", alt_labels=["brasage fort"], skill=skill)
        EscoSkillFactory(label="braser des bijoux")  # linked to nothing: still found
        results = suggest("brasage", target="skill")
        assert [(s.kind, s.skill_id) for s in results] == [("esco_skill", skill.pk)]
        assert results[0].detail == "Souder à l'arc"
        assert {s.label for s in suggest("braser", target="skill")} == {
            "braser des métaux",
            "braser des bijoux",
        }

    def test_both_targets(self, machining):
        SkillFactory(label="Souder à l'arc")
        kinds = {s.kind for s in suggest("soud")}
        assert kinds == {"occupation", "job_title", "skill"} or kinds >= {"skill"}

    def test_cluster_vocabulary_first_and_never_another_cluster(self, machining):
        entry = VocabularyEntryFactory(label="Shaper", occupation=machining["usinage"])
        other = VocabularyEntryFactory(label="Shaper de kitesurf", occupation=None)
        results = suggest("shap", target="occupation", cluster=entry.cluster)
        assert [s.entry_id for s in results] == [entry.pk]
        assert results[0].occupation_id == machining["usinage"].pk
        assert results[0].detail == "Tourneur-fraiseur / Tourneuse-fraiseuse"
        assert other.pk not in [s.entry_id for s in suggest("shap", cluster=entry.cluster)]
        assert suggest("shap", target="occupation") == []

    def test_cluster_skill_entries(self):
        entry = VocabularyEntryFactory(for_skill=True, label="Glassage de planches")
        results = suggest("glassage", target="skill", cluster=entry.cluster)
        assert results[0].entry_id == entry.pk
        assert results[0].skill_id == entry.skill_id

    @pytest.mark.parametrize("query", ["", " ", "de la", "%%%", "\x00"])
    def test_nothing_for_empty_queries(self, machining, query):
        assert suggest(query) == []

    def test_limit(self, machining):
        assert len(suggest("t", target="occupation", limit=2)) <= 2
        assert suggest("technicien", limit=0) == []


class TestExtractSkills:
    @pytest.fixture
    def skills(self):
        return {
            "usiner": SkillFactory(label="Usiner des pièces de précision", ogr_code=1001),
            "controle": SkillFactory(label="Contrôler la conformité des pièces", ogr_code=1002),
            "autonomie": SkillFactory(
                label="Faire preuve d'autonomie", kind=Skill.Kind.SOFT, ogr_code=1003
            ),
            "cao": SkillFactory(label="Logiciels de CAO", kind=Skill.Kind.KNOWLEDGE, ogr_code=1004),
            "soudage": SkillFactory(label="Souder des tuyauteries", ogr_code=1005),
        }

    TEXT = (
        "Au sein de l'atelier, vous usinez des pièces de haute précision.\n"
        "Vous contrôlez la conformité des pièces produites ; vous maîtrisez les "
        "logiciels de CAO. Autonomie indispensable."
    )

    def test_skills_found_with_their_span(self, skills):
        found = extract_skills(self.TEXT)
        by_code = {skill.ogr_code: skill for skill in found}
        assert set(by_code) == {1001, 1002, 1003, 1004}
        usiner = by_code[1001]
        assert self.TEXT[usiner.start : usiner.end] == usiner.matched_text
        assert usiner.matched_text == "usinez des pièces de haute précision"
        assert by_code[1004].matched_text == "logiciels de CAO"
        assert by_code[1003].kind == "savoir_etre"
        assert by_code[1003].kind_label == "savoir-être professionnel"
        assert [skill.start for skill in found] == sorted(skill.start for skill in found)

    def test_words_far_apart_or_in_other_sentences_do_not_count(self, skills):
        text = "Pièces détachées. Usiner n'est pas notre métier. Précision."
        assert extract_skills(text) == []

    def test_restricted_to_an_occupation(self, skills):
        occupation = OccupationFactory()
        OccupationSkillFactory(occupation=occupation, skill=skills["cao"])
        found = extract_skills(self.TEXT, occupation=occupation)
        assert [skill.ogr_code for skill in found] == [1004]

    def test_long_text_without_punctuation_is_read_in_windows(self, skills):
        filler = " ".join(f"mot{n}" for n in range(500))
        text = f"{filler} logiciels de CAO {filler} usiner des pièces de précision"
        found = extract_skills(text)
        assert [skill.ogr_code for skill in found] == [1004, 1001]
        assert all(text[skill.start : skill.end] == skill.matched_text for skill in found)

    def test_decomposed_accents_keep_their_offsets(self, skills):
        text = unicodedata.normalize("NFD", "Contrôler la conformité des pièces usinées.")
        (found,) = extract_skills(text)
        assert found.ogr_code == 1002
        assert found.matched_text == text[found.start : found.end]
        assert found.matched_text.startswith("Contro\u0302ler")

    @pytest.mark.parametrize("text", ["", "   ", "\x00", "lorem ipsum dolor"])
    def test_nothing_in_empty_text(self, skills, text):
        assert extract_skills(text) == []

    def test_long_text_is_cut_not_refused(self, skills):
        text = "Usiner des pièces de précision. " + "x " * 60_000
        assert [skill.ogr_code for skill in extract_skills(text)] == [1001]


def test_revision_token_changes_with_every_save():
    before = Revision.current()
    occupation = OccupationFactory()
    after_create = Revision.current()
    occupation.delete()
    assert len({before, after_create, Revision.current()}) == 3


@pytest.mark.django_db(transaction=True)
def test_a_web_process_builds_every_index_when_it_starts(monkeypatch):
    from ancrage.referentiel.search import indexes

    monkeypatch.setattr(indexes, "_cache", {})
    OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    thread = threading.Thread(target=indexes.warm)
    thread.start()
    thread.join()
    assert set(indexes._cache) == set(indexes.BUILDERS)
    built = indexes._cache["occupation"][1]
    assert normalize("soudeuse")[0].code == "H2913"
    assert indexes.get("occupation") is built  # not built again


def test_gunicorn_workers_warm_up_then_freeze_in_the_background(monkeypatch):
    from ancrage import gunicorn_conf
    from ancrage.referentiel.search import indexes

    steps = []
    frozen = threading.Event()
    monkeypatch.setattr(indexes, "warm", lambda: steps.append("warm"))
    monkeypatch.setattr(gunicorn_conf.gc, "freeze", lambda: (steps.append("freeze"), frozen.set()))
    gunicorn_conf.post_worker_init(worker=None)
    assert frozen.wait(timeout=5)
    # The indexes leave the collector's reach once built, not before.
    assert steps == ["warm", "freeze"]
