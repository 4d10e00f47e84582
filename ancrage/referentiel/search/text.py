"""Words as the search service compares them.

A label or a query is cut into words (with their position in the text),
lower-cased, stripped of accents, and folded: plural and feminine endings
are removed so that « Techniciennes », « technicienne » and « Technicien »
give the same word. Folding is a comparison key, not a linguistic stem: the
same rules apply to the indexed labels and to what a person types.
"""

import re
import unicodedata

# Letters and digits, with the combining accents of text in decomposed form
# (copied from a PDF or macOS: « e » + « ◌́ »), so that offsets stay those of
# the text as given.
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
WORD = re.compile(rf"[^\W_](?:[^\W_]|[{MARKS}])*")
COMPOUND = re.compile(rf"{WORD.pattern}(?:-{WORD.pattern})+")
# Gender markers of offers and of ROME short labels: « H/F », « (F/H) »,
# « F-H-X », « Accastilleur(se) », « médicosocial(e) ».
GENDER_MARKER = re.compile(r"\(?\b[hfx](?:\s*[/\\-]\s*[hfx])+\b\)?", re.IGNORECASE)
FEMININE_SUFFIX = re.compile(
    r"\((?:e|ée|se|euse|rice|trice|ne|nne|ère|ere|le|lle|te|tte|ve|ive|sse|esse|fe|ffe)\)",
    re.IGNORECASE,
)
RESEARCH = re.compile(r"\bR\s*&\s*D\b", re.IGNORECASE)

STOPWORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "dans",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "ou",
        "par",
        "pour",
        "sur",
        "un",
        "une",
        "chez",
        "of",
        "the",
        "and",
    ]
)

# Plural forms that the general rules would get wrong.
IRREGULAR = {
    "travaux": "travail",
    "vitraux": "vitrail",
    "soupiraux": "soupirail",
    "yeux": "oeil",
    "oeufs": "oeuf",
}
# Feminine and agent endings, longest first: (ending, replacement).
ENDINGS = (
    ("trice", "teur"),
    ("euse", "eur"),
    ("ienne", "ien"),
    ("enne", "en"),
    ("onne", "on"),
    ("elle", "el"),
    ("esse", "e"),
    ("ffe", "f"),
    ("ere", "er"),
    ("ive", "if"),
)
LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})


def strip_accents(text):
    """Lower case, without accents or ligatures: « Œuvre Été » -> « oeuvre ete »."""
    text = text.translate(LIGATURES)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def fold(word):
    """The comparison key of one word already lower-cased and unaccented."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3:
        return word
    if word.endswith("eaux"):
        word = word[:-1]
    elif word.endswith("aux"):
        word = word[:-3] + "al"
    elif word[-1] in "sx" and len(word) > 4:
        word = word[:-1]
    for ending, replacement in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            word = word[: -len(ending)] + replacement
            break
    for _ in range(2):  # « chargée » and « chargé » meet; « eeee » stays a word
        if word.endswith("e") and len(word) > 3:
            word = word[:-1]
    return word


def clean(text):
    """Remove gender markers and ROME's feminine suffixes; spell out « R&D »."""
    text = FEMININE_SUFFIX.sub("", text)
    text = RESEARCH.sub(" recherche et développement ", text)
    return GENDER_MARKER.sub(" ", text)


def words(text):
    """(raw word, folded word, start, end) for each word of `text`.

    `raw` is lower case without accents; offsets refer to `text` as given
    (accents are removed word by word, so positions never shift)."""
    for match in WORD.finditer(text):
        raw = strip_accents(match.group())
        if raw:
            yield raw, fold(raw), match.start(), match.end()


def keys(text):
    """The folded words of `text` that carry meaning (no stopwords, no gender marker)."""
    return [
        folded for raw, folded, _, _ in words(clean(text)) if raw not in STOPWORDS and len(raw) > 1
    ]


def gender_forms(label):
    """« Usineur / Usineuse » -> (« Usineur », « Usineuse »); a label without
    « / » is both forms. ROME writes « Directeur / Directrice technique »:
    the words after the feminine form belong to both."""
    if " / " not in label:
        return label, label
    masculine, feminine = label.split(" / ", 1)
    masculine_words, feminine_words = masculine.split(), feminine.split()
    # « Directeur / Directrice technique »: the tail after as many words as the
    # masculine part has is shared.
    if len(feminine_words) > len(masculine_words):
        tail = " ".join(feminine_words[len(masculine_words) :])
        masculine = f"{masculine} {tail}"
    return masculine.strip(), feminine.strip()


def compound(text):
    """A hyphenated name as places are compared: « Saint-Jean-de-Monts » ->
    « saint-jean-de-monts »."""
    return "-".join(raw for raw, _, _, _ in words(text))


def written(text):
    """The words as written, in order, stopwords included: what tells
    « Ingénieur travaux » from « Ingénieur de travaux »."""
    return " ".join(raw for raw, _, _, _ in words(clean(text)))


def label_key(text):
    """A key under which two spellings of the same label meet: « Directeur /
    Directrice technique » and « directeur technique/directrice technique »."""
    return " ".join(sorted(set(keys(text.replace("/", " ")))))
