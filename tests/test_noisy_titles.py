"""The noisy job titles of the normalisation benchmark: each kind of noise does
what benchmarks/noisy_titles.py says, the same way every time, and keeps the
expected ROME code."""

import csv
import re
from collections import Counter
from pathlib import Path

import pytest

from benchmarks.noisy_titles import (
    ABBREVIATIONS,
    COMMUNES,
    CONTRACTS,
    KINDS,
    gender_forms,
    gender_split,
    noisy_titles,
    places,
    strip_accents,
)

ROME_TITLES = (
    Path(__file__).resolve().parents[1].parent
    / "shared/data/rome-v460/unix_referentiel_appellation_v460_utf8.csv"
)
PAIRS = [
    ("Usineur / Usineuse", "H2903", False),
    ("Technicien / Technicienne de maintenance industrielle", "I1304", False),
    ("Opérateur / Opératrice sur Commande Numérique -CN-", "H2903", False),
    ("Responsable Qualité Sécurité Environnement -QSE- en industrie", "H1302", False),
    ("Accastilleur-monteur / Accastilleuse-monteuse électronique de marine", "I1601", True),
    ("Chef / Cheffe d'équipe d'enquêteurs", "M1404", False),
    ("Philologue", "K2401", True),
    ("Data Protection Officer", "M1802", False),
    ("Électricien / Électricienne d'éclairage public", "F1602", False),
    ("Conseiller / Conseillère en économie sociale et familiale (CESF)", "K1201", False),
]
WORD = re.compile(r"[^\W\d_]+")
MARKER = re.compile(r"\s+(?:-\s+)?\(?[HF]/[HF]\)?", re.IGNORECASE)


PLACE_KINDS = ("contract_place", "offer", "combined", "places")


@pytest.fixture(autouse=True)
def communes_for_places(request):
    """Kinds that add places draw them from the geography of ../shared."""
    if any(kind in request.node.name for kind in PLACE_KINDS) and not COMMUNES.exists():
        pytest.skip(f"reference data missing: {COMMUNES}")


@pytest.fixture(scope="module")
def rome():
    if not ROME_TITLES.exists():
        pytest.skip(f"reference data missing: {ROME_TITLES}")
    with ROME_TITLES.open(encoding="utf-8") as source:
        return [
            (row["libelle_appellation_long"], row["code_rome"], row["peu_usite"] == "O")
            for row in csv.DictReader(source)
        ]


def one(label, kind, seed=1):
    [(title, *_)] = noisy_titles([(label, "H2903", False)], kind, seed) or [(None,)]
    return title


def edits(original, changed):
    """The (original, changed) word pairs that differ; same number of words."""
    before, after = WORD.findall(original), WORD.findall(changed)
    assert len(before) == len(after)
    return [(a, b) for a, b in zip(before, after, strict=True) if a != b]


def one_edit_apart(word, other):
    """Insert, delete, substitute or swap two neighbours: exactly one of them."""
    if abs(len(word) - len(other)) > 1:
        return False
    if len(word) == len(other):
        differ = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        if len(differ) == 1:
            return True
        first = differ[0]
        return differ == [first, first + 1] and word[first] == other[first + 1]
    short, long = sorted([word, other], key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


@pytest.mark.parametrize("kind", KINDS)
def test_same_seed_same_titles_other_seed_other_noise(kind):
    first = noisy_titles(PAIRS, kind, seed=7)
    assert noisy_titles(PAIRS, kind, seed=7) == first
    if kind not in ("exact", "no_accents", "upper_case"):  # the only kinds without chance
        assert noisy_titles(PAIRS, kind, seed=8) != first


@pytest.mark.parametrize("kind", KINDS)
def test_a_title_does_not_depend_on_the_others(kind):
    alone = [title for pair in PAIRS for title in noisy_titles([pair], kind)]
    assert noisy_titles(PAIRS, kind) == alone
    assert noisy_titles(list(reversed(PAIRS)), kind) == list(reversed(alone))


@pytest.mark.parametrize("kind", KINDS)
def test_code_label_and_rare_flag_are_kept(kind):
    by_label = {label: (code, is_rare) for label, code, is_rare in PAIRS}
    for title, code, label, is_rare in noisy_titles(PAIRS, kind):
        assert by_label[label] == (code, is_rare)
        assert title.strip() and title == title.strip()
        assert (title == label) == (kind == "exact")


def test_unknown_kind():
    with pytest.raises(ValueError, match="unknown kind 'emoji'"):
        noisy_titles(PAIRS, "emoji", 1)


def test_gender_marker_is_added_and_nothing_else():
    for seed in range(30):
        for label, _, _ in PAIRS:
            title = one(label, "gender_marker", seed)
            assert MARKER.search(title)
            assert re.sub(r"\s+", " ", MARKER.sub("", title)).strip() == label


def test_gender_marker_after_the_first_word_sometimes():
    titles = {one("Responsable d'atelier", "gender_marker", seed) for seed in range(40)}
    assert "Responsable (H/F) d'atelier" in titles
    assert "Responsable d'atelier (F/H)" in titles


def test_gender_split():
    assert gender_split("Agent administratif / Agente administrative de banque") == (
        "",
        "Agent administratif",
        "Agente administrative",
        "de banque",
    )
    assert gender_split("Analyste Concepteur / Conceptrice informatique") == (
        "Analyste",
        "Concepteur",
        "Conceptrice",
        "informatique",
    )
    assert gender_split("Steward / Hôtesse de l'air") == ("", "Steward", "Hôtesse", "de l'air")
    assert gender_split("Responsable plate-forme expédition / Livraison") == (
        "Responsable plate-forme",
        "expédition",
        "Livraison",
        "",
    )
    assert gender_split("Analyste biologie/microbiologie en industrie") is None


def test_gender_forms():
    assert gender_forms("Usineur / Usineuse") == ["Usineur", "Usineuse", "Usineur(se)"]
    assert gender_forms("Chef / Cheffe d'équipe d'enquêteurs") == [
        "Chef d'équipe d'enquêteurs",
        "Cheffe d'équipe d'enquêteurs",
        "Chef(fe) d'équipe d'enquêteurs",
    ]
    assert gender_forms(PAIRS[4][0])[2] == "Accastilleur(se)-monteur(se) électronique de marine"
    assert (
        gender_forms("Conseiller / Conseillère en insertion")[2] == "Conseiller(ère) en insertion"
    )
    assert gender_forms("Opérateur / Opératrice image")[2] == "Opérateur(trice) image"
    assert gender_forms("Agent sportif / Agente sportive")[2] == "Agent(e) sportif(ve)"
    assert gender_forms("Steward / Hôtesse de train") == ["Steward de train", "Hôtesse de train"]
    assert gender_forms("Philologue") == []


def test_gender_form_keeps_one_form():
    titles = {one("Technicien / Technicienne de maintenance", "gender_form", s) for s in range(30)}
    assert titles == {
        "Technicien de maintenance",
        "Technicienne de maintenance",
        "Technicien(ne) de maintenance",
    }
    assert one("Philologue", "gender_form") is None


def test_abbreviation_of_both_forms_keeps_one():
    titles = {one(PAIRS[1][0], "abbreviation", seed) for seed in range(40)}
    assert titles == {
        f"{tech} de {maint} {ind}"
        for tech in ("Tech.", "Tech", "Techn.")
        for maint in ("maint.", "maint")
        for ind in ("ind.", "indus.")
    }


def test_abbreviation_of_phrases_and_accentless_words():
    assert one(PAIRS[2][0], "abbreviation", 3) in {"Opé. CN -CN-", "Op. CN -CN-"}
    assert one(PAIRS[3][0], "abbreviation").startswith(("Resp QSE -QSE- en ", "Resp. QSE", "Respo"))
    assert one("Electricien / Electricienne de maintenance", "abbreviation").startswith("Élec")
    assert one("Chef / Cheffe de projet en bureau d'études", "abbreviation").endswith("BE")
    assert one("Philologue", "abbreviation") is None


def test_abbreviation_applies_only_where_the_word_occurs():
    titles = noisy_titles(PAIRS, "abbreviation")
    assert {label for _, _, label, _ in titles} == {PAIRS[i][0] for i in (1, 2, 3, 4, 8)}
    assert one(PAIRS[8][0], "abbreviation", 2).endswith("d'éclairage public")


def test_abbreviations_table_has_no_duplicate_word():
    words = Counter(word for words, _ in ABBREVIATIONS for word in words)
    assert [word for word, count in words.items() if count > 1] == []


def test_places_are_200_real_communes_always_the_same():
    drawn = places()
    assert len(drawn) == len(set(drawn)) == 200
    assert drawn[:3] == [("Lorient", "56"), ("Saint-Nazaire", "44"), ("Nantes", "44")]
    assert all(re.fullmatch(r"\d[\dAB]\d?", department) for _, department in drawn)


def test_contract_place_adds_a_contract_or_a_place():
    names = {name for name, _ in places()}
    seen_contracts, seen_places = set(), set()
    for seed in range(60):
        title = one(PAIRS[1][0], "contract_place", seed)
        assert PAIRS[1][0] in title
        extra = title.replace(PAIRS[1][0], "|")
        contracts = {c for c in CONTRACTS if c.lower() in extra.lower()}
        towns = {name for name in names if name in extra}
        assert contracts or towns, title
        seen_contracts |= contracts
        seen_places |= towns
    assert seen_contracts == set(CONTRACTS)
    assert len(seen_places) >= 25


def test_no_accents():
    assert one(PAIRS[8][0], "no_accents") == "Electricien / Electricienne d'eclairage public"
    assert one("Chef / Cheffe de chœur", "no_accents") == "Chef / Cheffe de choeur"
    assert one("Data Protection Officer", "no_accents") is None


def test_word_order_moves_blocks_only():
    label = "Technicien / Technicienne de maintenance industrielle"
    titles = {one(label, "word_order", seed) for seed in range(40)}
    assert titles == {
        "de maintenance Technicien / Technicienne industrielle",
        "de maintenance industrielle Technicien / Technicienne",
        "industrielle Technicien / Technicienne de maintenance",
        "industrielle de maintenance Technicien / Technicienne",
        "Technicien / Technicienne industrielle de maintenance",
    }
    assert one("Philologue", "word_order") is None


def test_typo_one_edit_in_one_or_two_long_words(rome):
    counts = Counter()
    operations = Counter()
    for title, _, label, _ in noisy_titles(rome[:3000], "typo"):
        changed = edits(label, title)
        counts[len(changed)] += 1
        for before, after in changed:
            assert len(before) >= 5 and not before.isupper()
            assert after[0] == before[0]
            assert one_edit_apart(before, after), (before, after)
            operations[(len(after) - len(before), sorted(before) == sorted(after))] += 1
    assert set(counts) == {1, 2}
    # insertions, deletions, substitutions and swaps all occur
    assert {(1, False), (-1, False), (0, False), (0, True)} <= set(operations)


def test_typo_leaves_out_titles_without_a_long_word():
    assert one("Chef de rang", "typo") is None
    assert one("Chef de quai RATP", "typo") is None  # an acronym is not a word to misspell


def test_upper_case():
    assert one(PAIRS[8][0], "upper_case") == "ÉLECTRICIEN / ÉLECTRICIENNE D'ÉCLAIRAGE PUBLIC"


def test_offer_and_combined_look_like_offers(rome):
    for kind in ("offer", "combined"):
        titles = noisy_titles(rome[:2000], kind)
        assert len(titles) == 2000
        assert all(MARKER.search(title) for title, *_ in titles)
        assert not any(" / " in title for title, _, label, _ in titles if " / " in label)
        shouted = [title for title, *_ in titles if title == strip_accents(title).upper()]
        if kind == "combined":
            assert len(shouted) == 2000
        else:  # one time in three
            assert 550 < len(shouted) < 800


def test_every_kind_on_the_whole_rome(rome):
    assert len(rome) == 13120
    assert sum(is_rare for *_, is_rare in rome) == 199
    sizes = {kind: len(noisy_titles(rome, kind)) for kind in KINDS}
    for kind in ("exact", "gender_marker", "contract_place", "offer", "combined"):
        assert sizes[kind] == 13120
    assert 10_000 < sizes["gender_form"] < 11_000
    assert 5_000 < sizes["abbreviation"] < 6_500
    assert sizes["typo"] > 13_000 and sizes["upper_case"] > 13_000
