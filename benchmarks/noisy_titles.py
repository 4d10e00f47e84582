"""Noisy job-offer titles made from the ROME appellations, for the
normalisation benchmark (`bench_normalize`).

`noisy_titles(pairs, kind, seed)` takes `(label, code, is_rare)` triples (the
official long label, e.g. « Usineur / Usineuse », its ROME code, H2903,
and the « peu usité » flag) and returns
`(noisy_title, code, label, is_rare)` tuples. Each title draws from its own
random generator seeded with (seed, kind, label, code): the output is the same
from run to run and does not depend on which other titles are passed. A title
the kind cannot change (no accent to drop, no abbreviable word…) is left out
of that kind.

Kinds (all but `gender_form`, `offer` and `combined` start from the official
label, « / » forms included):

- `exact`: the official label unchanged (the baseline).
- `gender_marker`: « H/F », « (F/H) », « - H/F »… at the end, or « (H/F) »
  after the first word one time in seven (« Technicien (H/F) de
  maintenance », not for labels with « / »).
- `gender_form`: one form only: the masculine form, the feminine form, or the
  short form « Usineur(se) », « Technicien(ne) », « Chef(fe) », one of the
  three by chance (the short form only where every word pair has one).
  Labels without « / » are left out.
- `abbreviation`: every word or phrase of `ABBREVIATIONS` that occurs is
  abbreviated (« Technicien » → « Tech. », « à commande numérique » → « CN »,
  « bureau d'études » → « BE »…), one variant by chance per table entry; when
  both forms of « Technicien / Technicienne » abbreviate alike, one is kept.
- `contract_place`: a contract word (CDI, CDD, Intérim, Alternance, Stage,
  Apprentissage) and/or a commune name (200 names: Lorient, Saint-Nazaire,
  Nantes and 197 communes of 5,000 inhabitants or more drawn with a fixed
  seed), sometimes with its département « Lorient (56) », before or after.
- `no_accents`: accents dropped, « œ » → « oe ».
- `word_order`: the words in a random different order; a small word (« de »,
  « en », « la »…) moves with the word after it and « Usineur / Usineuse »
  moves as one block.
- `typo`: one typo in one or two words (one or two by chance) among the words
  of 5 letters or more that are not acronyms nor the « (trice) » of a short
  form: insert a letter, delete one, substitute one, or swap two neighbours
  (one of the four by chance); the first letter of a word is never touched;
  inserted and substituted letters are drawn from a–z.
- `upper_case`: the whole title in capitals.
- `offer`: what offers usually look like: one gender form, abbreviations,
  a gender marker, a contract word and/or a place; one time in three in
  capitals without accents.
- `combined`: all the kinds at once, in this order: gender form,
  abbreviation, word order, typo, gender marker, contract/place, no accents,
  capitals.
"""

import json
import random
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

SEED = 20260103
COMMUNES = Path(__file__).resolve().parent.parent.parent / "shared/data/geo/communes.json"
NAMED_PLACES = [("Lorient", "56"), ("Saint-Nazaire", "44"), ("Nantes", "44")]
PLACE_COUNT = 200

KINDS = (
    "exact",
    "gender_marker",
    "gender_form",
    "abbreviation",
    "contract_place",
    "no_accents",
    "word_order",
    "typo",
    "upper_case",
    "offer",
    "combined",
)

GENDER_MARKERS = [" H/F", " (H/F)", " (F/H)", " F/H", " - H/F", " h/f", " (H/F) "]
CONTRACTS = ["CDI", "CDD", "Intérim", "Alternance", "Stage", "Apprentissage"]
CONTRACT_TEMPLATES = [
    "{title} - {contract}",
    "{title} {contract}",
    "{title} en {contract_lower}",
    "{contract} - {title}",
    "{contract} : {title}",
    "{title} - {place}",
    "{title} ({place})",
    "{place} - {title}",
    "{title} - {contract} - {place}",
    "{title} {contract} {place}",
    "{contract} {title} - {place}",
]
# Word → variants; phrases before the words they contain. Matched whole-word
# and case-insensitively; a lower-case variant is capitalised where the word was.
ABBREVIATIONS = [
    (("qualité hygiène sécurité environnement",), ("QHSE",)),
    (("qualité sécurité environnement",), ("QSE",)),
    (("hygiène sécurité environnement",), ("HSE",)),
    (("recherche et développement",), ("R&D",)),
    (("à commande numérique", "sur commande numérique", "commande numérique"), ("CN",)),
    (("bureau d'études", "bureau d'étude"), ("BE",)),
    (("ressources humaines",), ("RH",)),
    (("service après-vente",), ("SAV",)),
    (("administration des ventes",), ("ADV",)),
    (("bâtiment et travaux publics",), ("BTP",)),
    (("travaux publics",), ("TP",)),
    (("super poids lourd", "super poids lourds"), ("SPL",)),
    (("poids lourds", "poids lourd"), ("PL",)),
    (("véhicule léger", "véhicules légers"), ("VL",)),
    (("grandes et moyennes surfaces",), ("GMS",)),
    (("technicien", "technicienne"), ("tech.", "tech", "techn.")),
    (("responsable",), ("resp.", "resp", "respo")),
    (("ingénieur", "ingénieure"), ("ing.", "ingé")),
    (("assistant", "assistante"), ("assist.", "asst")),
    (("maintenance",), ("maint.", "maint")),
    (("directeur", "directrice"), ("dir.", "dir")),
    (("développement",), ("dév.", "dev")),
    (("production",), ("prod.", "prod")),
    (("industrie",), ("ind.", "indus")),
    (("industriel", "industrielle"), ("ind.", "indus.")),
    (("informatique",), ("info", "info.")),
    (("administratif", "administrative"), ("admin.", "adm.")),
    (("commercial", "commerciale"), ("cial", "comm.")),
    (("mécanicien", "mécanicienne", "mécanique"), ("méca",)),
    (("électricien", "électricienne", "électrique"), ("élec", "élec.")),
    (("électronique",), ("électro", "électron.")),
    (("opérateur", "opératrice"), ("opé.", "op.")),
    (("conducteur", "conductrice"), ("cond.", "conduct.")),
    (("gestionnaire",), ("gest.",)),
    (("comptable",), ("compta",)),
    (("secrétaire",), ("secr.", "secrét.")),
    (("préparateur", "préparatrice"), ("prépa", "prép.")),
    (("professeur", "professeure"), ("prof", "prof.")),
    (("logistique",), ("log.", "logist.")),
    (("exploitation",), ("exploit.", "expl.")),
    (("installation",), ("install.",)),
    (("laboratoire",), ("labo", "lab.")),
    (("sécurité",), ("sécu",)),
    (("environnement",), ("env.", "environ.")),
    (("spécialisé", "spécialisée"), ("spé.", "spécia.")),
    (("professionnel", "professionnelle"), ("pro",)),
    (("coordinateur", "coordinatrice"), ("coord.",)),
    (("adjoint", "adjointe"), ("adj.",)),
    (("polyvalent", "polyvalente"), ("poly.", "polyv.")),
]
SMALL_WORDS = {"de", "du", "des", "d'", "en", "la", "le", "les", "l'", "à", "au", "aux", "et"}
SMALL_WORDS |= {"pour", "sur", "par", "dans", "avec", "ou"}
WORD = re.compile(r"[^\W\d_]+")
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def strip_accents(text):
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _same_stem(masculine, feminine):
    return strip_accents(masculine[:2]).lower() == strip_accents(feminine[:2]).lower()


def gender_split(label):
    """(prefix, masculine, feminine, rest) of « Agent administratif / Agente
    administrative de banque », or None for a label without « / » forms.

    The feminine side has as many words as the masculine one, counted from
    the right of « / » (« Analyste Concepteur / Conceptrice informatique »
    has the prefix « Analyste »), aligned on their first two letters; when no
    alignment fits (« Steward / Hôtesse de l'air »), the words before « / »
    are the masculine side."""
    if " / " not in label:
        return None
    left, right = label.split(" / ", 1)
    left_words, right_words = left.split(" "), right.split(" ")
    size = len(left_words)
    for candidate in range(len(left_words), 0, -1):
        pairs = zip(left_words[-candidate:], right_words[:candidate], strict=False)
        if candidate <= len(right_words) and all(_same_stem(m, f) for m, f in pairs):
            size = candidate
            break
    else:
        if size > len(right_words):
            size = 1
    return (
        " ".join(left_words[:-size]),
        " ".join(left_words[-size:]),
        " ".join(right_words[:size]),
        " ".join(right_words[size:]),
    )


def _join(*parts):
    return " ".join(part for part in parts if part)


def _short_word(masculine, feminine):
    """« Usineur(se) » for (« Usineur », « Usineuse »), or None."""
    if masculine == feminine:
        return masculine
    if feminine.startswith(masculine):
        return f"{masculine}({feminine[len(masculine) :]})"
    for masculine_end, feminine_end, short in [
        ("teur", "trice", "(trice)"),
        ("eur", "euse", "(se)"),
        ("er", "ère", "(ère)"),
        ("f", "ve", "(ve)"),
    ]:
        if masculine.endswith(masculine_end) and feminine.endswith(feminine_end):
            return masculine + short
    return None


def short_form(masculine, feminine):
    """« Accastilleur(se)-monteur(se) » for the two forms, or None."""
    masculine_words, feminine_words = masculine.split(" "), feminine.split(" ")
    if len(masculine_words) != len(feminine_words):
        return None
    words = []
    for masculine_word, feminine_word in zip(masculine_words, feminine_words, strict=True):
        masculine_parts, feminine_parts = masculine_word.split("-"), feminine_word.split("-")
        if len(masculine_parts) != len(feminine_parts):
            return None
        parts = [_short_word(m, f) for m, f in zip(masculine_parts, feminine_parts, strict=True)]
        if None in parts:
            return None
        words.append("-".join(parts))
    return " ".join(words)


def gender_forms(label):
    """The single-gender forms of a label: masculine, feminine, and the short
    form when there is one; an empty list for a label without « / »."""
    split = gender_split(label)
    if split is None:
        return []
    prefix, masculine, feminine, rest = split
    forms = [_join(prefix, masculine, rest), _join(prefix, feminine, rest)]
    short = short_form(masculine, feminine)
    if short is not None:
        forms.append(_join(prefix, short, rest))
    return forms


def with_gender_form(label, rng):
    forms = gender_forms(label)
    return rng.choice(forms) if forms else None


def with_gender_marker(title, rng):
    marker = rng.choice(GENDER_MARKERS)
    first, _, rest = title.partition(" ")
    if marker.endswith(" ") and rest and first.lower() not in SMALL_WORDS and " / " not in title:
        return first + marker + rest  # « Technicien (H/F) de maintenance »
    return title + marker.rstrip()


def _abbreviation_pattern(words):
    """Whole words, with or without accents, not already a short form « (ne) »."""
    spellings = sorted({*words, *map(strip_accents, words)}, key=len, reverse=True)
    alternatives = "|".join(map(re.escape, spellings))
    return re.compile(rf"(?<![\w'’])({alternatives})(?![\w'’(])", re.IGNORECASE)


ABBREVIATION_PATTERNS = [_abbreviation_pattern(words) for words, _ in ABBREVIATIONS]


def _abbreviate_segment(text, choices):
    for pattern, variant in zip(ABBREVIATION_PATTERNS, choices, strict=True):

        def replace(match, variant=variant):
            if match.group(0)[0].isupper() and variant[0].islower():
                return variant[0].upper() + variant[1:]
            return variant

        text = pattern.sub(replace, text)
    return text


def with_abbreviations(label, rng):
    choices = [rng.choice(variants) for _, variants in ABBREVIATIONS]
    split = gender_split(label)
    if split is None:
        result = _abbreviate_segment(label, choices)
    else:
        prefix, masculine, feminine, rest = (_abbreviate_segment(p, choices) for p in split)
        if masculine == feminine:
            result = _join(prefix, masculine, rest)
        else:
            result = _join(prefix, f"{masculine} / {feminine}", rest)
    return result if result != label else None


@lru_cache(maxsize=1)
def places():
    """(name, département) of 200 real communes, always the same ones."""
    if not COMMUNES.exists():
        raise SystemExit(f"Fichier des communes introuvable : {COMMUNES}")
    communes = json.loads(COMMUNES.read_text(encoding="utf-8"))
    named = {name for name, _ in NAMED_PLACES}
    towns = sorted(
        (commune["code"], commune["nom"], commune["departement"])
        for commune in communes
        if commune["type"] == "commune-actuelle"
        and (commune.get("population") or 0) >= 5000
        and commune["nom"] not in named
    )
    drawn = random.Random(SEED).sample(towns, PLACE_COUNT - len(NAMED_PLACES))  # noqa: S311
    return NAMED_PLACES + [(name, department) for _, name, department in drawn]


def with_contract_place(title, rng):
    template = rng.choice(CONTRACT_TEMPLATES)
    contract = rng.choice(CONTRACTS)
    name, department = rng.choice(places())
    if "({place})" not in template and rng.random() < 1 / 3:
        name = f"{name} ({department})"
    contract_lower = contract if contract.isupper() else contract.lower()
    return template.format(
        title=title, contract=contract, contract_lower=contract_lower, place=name
    )


def without_accents(title, rng=None):
    stripped = strip_accents(title)
    return stripped if stripped != title else None


def _units(label):
    """Blocks that move together: a small word with the next word, « a / b »."""
    split = gender_split(label)
    if split is None:
        words = label.split(" ")
    else:
        prefix, masculine, feminine, rest = split
        words = [*prefix.split(), f"{masculine} / {feminine}", *rest.split()]
    units, pending = [], []
    for word in words:
        pending.append(word)
        if word.lower() not in SMALL_WORDS:
            units.append(" ".join(pending))
            pending = []
    if pending:
        units.append(" ".join(pending))
    return units


def with_word_order(label, rng):
    units = _units(label)
    if len(set(units)) < 2:
        return None
    shuffled = units[:]
    while shuffled == units:
        rng.shuffle(shuffled)
    return " ".join(shuffled)


def typo_in_word(word, rng):
    """One typo, never on the first letter: insert, delete, substitute, swap."""
    kind = rng.choice(["insert", "delete", "substitute", "transpose"])
    swappable = [i for i in range(1, len(word) - 1) if word[i].lower() != word[i + 1].lower()]
    if kind == "transpose" and not swappable:
        kind = "substitute"
    if kind == "insert":
        position = rng.randint(1, len(word))
        return word[:position] + rng.choice(LETTERS) + word[position:]
    if kind == "delete":
        position = rng.randint(1, len(word) - 1)
        return word[:position] + word[position + 1 :]
    if kind == "substitute":
        position = rng.randint(1, len(word) - 1)
        original = word[position]
        letter = rng.choice([c for c in LETTERS if c != strip_accents(original).lower()])
        letter = letter.upper() if original.isupper() else letter
        return word[:position] + letter + word[position + 1 :]
    position = rng.choice(swappable)
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


def with_typos(title, rng):
    words = [
        match
        for match in WORD.finditer(title)
        if len(match.group(0)) >= 5
        and not match.group(0).isupper()  # an acronym
        and title[match.start() - 1 : match.start()] != "("  # « (trice) » of a short form
    ]
    if not words:
        return None
    chosen = rng.sample(words, min(len(words), rng.choice([1, 2])))
    result = title
    for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
        result = result[: match.start()] + typo_in_word(match.group(0), rng) + result[match.end() :]
    return result


def in_upper_case(title, rng=None):
    return title.upper() if title.upper() != title else None


def _then(title, step, rng):
    """`step` applied to `title`, or the title unchanged where it does not apply."""
    changed = step(title, rng)
    return title if changed is None else changed


def offer(label, rng):
    title = _then(label, with_gender_form, rng)
    title = _then(title, with_abbreviations, rng)
    title = with_contract_place(with_gender_marker(title, rng), rng)
    if rng.random() < 1 / 3:
        title = strip_accents(title).upper()
    return title


def combined(label, rng):
    title = label
    for step in (with_gender_form, with_abbreviations, with_word_order, with_typos):
        title = _then(title, step, rng)
    title = with_contract_place(with_gender_marker(title, rng), rng)
    return strip_accents(title).upper()


NOISE = {
    "exact": lambda label, rng: label,
    "gender_marker": with_gender_marker,
    "gender_form": with_gender_form,
    "abbreviation": with_abbreviations,
    "contract_place": with_contract_place,
    "no_accents": without_accents,
    "word_order": with_word_order,
    "typo": with_typos,
    "upper_case": in_upper_case,
    "offer": offer,
    "combined": combined,
}


def noisy_titles(pairs, kind, seed=SEED):
    """[(noisy_title, code, label, is_rare)] for the (label, code, is_rare) given."""
    if kind not in NOISE:
        raise ValueError(f"unknown kind {kind!r}; choose among {', '.join(KINDS)}")
    noise = NOISE[kind]
    result = []
    for label, code, is_rare in pairs:
        rng = random.Random(f"{seed}|{kind}|{label}|{code}")  # noqa: S311 (reproducible noise)
        title = noise(label, rng)
        if title is not None:
            result.append((title, code, label, is_rare))
    return result
