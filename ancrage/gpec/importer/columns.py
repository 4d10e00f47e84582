"""The sheets of the GPEC declarations workbook and their columns: French
titles (the header of the template), what the « Mode d'emploi » sheet says
of each, and how a header cell is recognised (case, accents and
punctuation aside, like the member import)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ancrage.gpec.models import Difficulty, DifficultyReason, SkillNeed
from ancrage.matrix.importer.columns import header_key

COUNT, TEXT, DATE, CHOICE = "count", "text", "date", "choice"

HORIZONS = [(0, _("aujourd'hui")), (1, _("à 1 an")), (3, _("à 3 ans"))]
PRIORITIES = SkillNeed._meta.get_field("priority").choices


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    help: str
    kind: str = COUNT
    choices: tuple = ()
    synonyms: tuple = ()
    example: str = ""


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    help: str
    columns: tuple

    def column(self, key):
        return next(column for column in self.columns if column.key == key)


def _count(key, title, help_text=""):
    return Column(key, title, help_text or _("Nombre de personnes, entier, 0 ou plus."))


ORGANISATION = (
    Column(
        "siren",
        _("SIREN"),
        _("9 chiffres : identifie l'adhérent. Vide si l'adhérent n'a pas de SIREN."),
        TEXT,
        synonyms=("numero siren", "n siren"),
        example="552 100 554",
    ),
    Column(
        "name",
        _("Adhérent"),
        _("Le nom de l'adhérent : il l'identifie quand la colonne SIREN est vide."),
        TEXT,
        synonyms=("nom", "nom de l adherent", "organisation", "entreprise"),
        example="Usinage Alpha",
    ),
    Column(
        "declared_on",
        _("Date de la déclaration"),
        _(
            "jj/mm/aaaa, aujourd'hui ou avant. Vide : le jour de l'import. Toutes les lignes "
            "d'un adhérent portent la même date."
        ),
        DATE,
        synonyms=("date",),
        example="15/01/2026",
    ),
)

OCCUPATION = (
    Column(
        "occupation",
        _("Code ROME"),
        _("Le code du métier dans le ROME : une lettre et quatre chiffres."),
        TEXT,
        synonyms=("rome", "code metier"),
        example="H2903",
    ),
    Column(
        "occupation_label",
        _("Métier"),
        _("Le nom du métier, pour vous repérer : seul le code ROME compte."),
        TEXT,
        synonyms=("libelle metier", "libelle rome"),
        example="Conduite d'équipement d'usinage",
    ),
)

WORKFORCE = Sheet(
    "workforce",
    _("Effectifs"),
    _("Une ligne par adhérent et par métier : l'effectif, ses âges, femmes, cadres et contrats."),
    (
        *ORGANISATION,
        *OCCUPATION,
        _count("headcount", _("Effectif"), _("Obligatoire : les personnes du métier, 0 ou plus.")),
        _count(
            "age_under_25",
            _("Moins de 25 ans"),
            _(
                "Les six tranches d'âge sont toutes remplies (0 s'il n'y a personne) ou toutes "
                "vides ; remplies, elles totalisent l'effectif."
            ),
        ),
        _count("age_25_34", _("25 à 34 ans")),
        _count("age_35_44", _("35 à 44 ans")),
        _count("age_45_54", _("45 à 54 ans")),
        _count("age_55_59", _("55 à 59 ans")),
        _count("age_60_plus", _("60 ans et plus")),
        _count("women", _("Femmes"), _("Au plus l'effectif.")),
        _count("cadres", _("Cadres"), _("Au plus l'effectif.")),
        _count(
            "cdi", _("CDI"), _("CDI, CDD, alternance et intérim totalisent au plus l'effectif.")
        ),
        _count("cdd", _("CDD")),
        _count("alternance", _("Alternance")),
        _count("interim", _("Intérim")),
    ),
)

FORECASTS = Sheet(
    "forecasts",
    _("Prévisions"),
    _(
        "Une ligne par adhérent et par métier : postes non pourvus, créations, recrutements, "
        "départs à 1 et 3 ans, difficulté à recruter. Le métier a aussi sa ligne dans la "
        "feuille « Effectifs »."
    ),
    (
        *ORGANISATION,
        *OCCUPATION,
        _count("open_unfilled", _("Postes ouverts non pourvus")),
        _count("creations_1y", _("Créations à 1 an")),
        _count("creations_3y", _("Créations à 3 ans")),
        _count("recruitments_1y", _("Recrutements à 1 an")),
        _count("recruitments_3y", _("Recrutements à 3 ans")),
        _count(
            "retirements_1y",
            _("Départs en retraite à 1 an"),
            _("Départs en retraite et autres départs totalisent au plus l'effectif du métier."),
        ),
        _count("retirements_3y", _("Départs en retraite à 3 ans")),
        _count("other_departures_1y", _("Autres départs à 1 an")),
        _count("other_departures_3y", _("Autres départs à 3 ans")),
        Column(
            "difficulty",
            _("Difficulté à recruter"),
            _("De 1 (aucune difficulté) à 4 (très difficile), ou son libellé."),
            CHOICE,
            tuple(Difficulty.choices),
        ),
        Column(
            "difficulty_reason",
            _("Raison de la difficulté"),
            _("Un libellé de la liste."),
            CHOICE,
            tuple(DifficultyReason.choices),
        ),
    ),
)

SKILLS = Sheet(
    "skills",
    _("Compétences"),
    _("Une ligne par adhérent et par compétence recherchée (et par horizon)."),
    (
        *ORGANISATION,
        Column(
            "skill_code",
            _("Code compétence"),
            _("Le code OGR de la compétence dans le ROME ; vide, le libellé compte."),
            TEXT,
            synonyms=("code ogr", "code de la competence"),
            example="100012",
        ),
        Column(
            "skill",
            _("Compétence"),
            _("Le libellé exact de la compétence dans le ROME (sans code)."),
            TEXT,
            synonyms=("libelle competence",),
            example="Programmer une machine à commande numérique",
        ),
        Column(
            "horizon_years",
            _("Horizon"),
            _("« aujourd'hui », « à 1 an » ou « à 3 ans » (ou 0, 1, 3)."),
            CHOICE,
            tuple(HORIZONS),
        ),
        Column(
            "kind",
            _("Nature du besoin"),
            _("Un libellé de la liste."),
            CHOICE,
            tuple(SkillNeed.Kind.choices),
        ),
        _count("people", _("Personnes concernées")),
        Column(
            "preferred_answer",
            _("Réponse envisagée"),
            _("Un libellé de la liste."),
            CHOICE,
            tuple(SkillNeed.Answer.choices),
        ),
        Column(
            "priority",
            _("Priorité"),
            _("« haute », « moyenne » ou « basse » (ou 1, 2, 3)."),
            CHOICE,
            tuple(PRIORITIES),
        ),
    ),
)

SHEETS = (WORKFORCE, FORECASTS, SKILLS)
# Columns that say who and when, or only help the reader: a row with
# nothing else is left aside.
CONTEXT = {"siren", "name", "declared_on", "occupation_label"}


def sheet_for(title):
    """The sheet a workbook's tab title stands for, or None."""
    key = header_key(title)
    return next((sheet for sheet in SHEETS if header_key(sheet.title) == key), None)


def recognise(sheet, header):
    """``({column key: index}, problems)`` for the header row of `sheet`."""
    names = {}
    for column in sheet.columns:
        for name in (str(column.title), *column.synonyms):
            names[header_key(name)] = column.key
    positions, problems = {}, []
    for index, title in enumerate(header):
        key = names.get(header_key(title)) if str(title).strip() else None
        if key is None:
            continue
        if key in positions:
            problems.append(
                (
                    index,
                    _("La colonne « %(title)s » apparaît deux fois : gardez-en une seule.")
                    % {"title": sheet.column(key).title},
                )
            )
        else:
            positions[key] = index
    needed = [("siren", "name")]
    needed += [("skill_code", "skill")] if sheet is SKILLS else [("occupation",)]
    if sheet is WORKFORCE:
        needed.append(("headcount",))
    for keys in needed:
        if not any(key in positions for key in keys):
            titles = str(_(" ou ")).join(f"« {sheet.column(key).title} »" for key in keys)
            problems.append(
                (
                    None,
                    _("Colonne manquante : %(titles)s. Partez du modèle de fichier.")
                    % {"titles": titles},
                )
            )
    return positions, problems
