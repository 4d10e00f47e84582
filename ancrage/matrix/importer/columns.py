"""The columns of a member file: their French titles, the other names people
give them, and how a header cell is recognised (accents, case, punctuation
and a few synonyms ignored)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from ancrage.referentiel.search.text import written

# Several values in one cell (skills, activities, markets, certifications).
SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # the header of the template
    help: str  # what the template's second sheet says
    example: str
    synonyms: tuple = ()
    multiple: bool = False


COLUMNS = (
    Column(
        "siren",
        _("SIREN"),
        _("9 chiffres (les espaces sont acceptés). Identifie l'organisation."),
        "552 100 554",
        ("numero siren", "n siren", "siren entreprise"),
    ),
    Column(
        "siret",
        _("SIRET"),
        _(
            "14 chiffres : l'établissement membre (il doit commencer par le SIREN). "
            "Sans SIREN, le SIRET suffit."
        ),
        "552 100 554 00013",
        ("numero siret", "n siret", "siret etablissement"),
    ),
    Column(
        "name",
        _("Nom"),
        _("Obligatoire. Le nom usuel de l'organisation."),
        "Usinage de l'Ouest",
        (
            "nom usuel",
            "nom entreprise",
            "nom de l entreprise",
            "nom organisation",
            "nom de l organisation",
            "entreprise",
            "organisation",
            "societe",
            "raison sociale",
            "adherent",
        ),
    ),
    Column(
        "commune_code",
        _("Code commune"),
        _("Code INSEE de la commune (5 caractères, 2A/2B pour la Corse)."),
        "56121",
        ("code insee", "insee", "code commune insee", "commune code insee"),
    ),
    Column(
        "commune",
        _("Commune"),
        _(
            "Nom de la commune, si le code INSEE n'est pas donné ; précisez le code postal "
            "quand plusieurs communes portent ce nom."
        ),
        "Lorient",
        ("ville", "nom commune", "nom de la commune", "localite"),
    ),
    Column(
        "postal_code",
        _("Code postal"),
        _("5 chiffres ; aide à reconnaître la commune."),
        "56100",
        ("cp", "code postal commune"),
    ),
    Column(
        "naf",
        _("Code NAF"),
        _("Code NAF rév. 2 (ou APE), par exemple 25.62B ou 2562B."),
        "25.62B",
        ("naf", "ape", "code ape", "naf ape", "code naf ape", "activite principale"),
    ),
    Column(
        "headcount",
        _("Effectif"),
        _("Nombre de salariés, entier positif ou nul ; la taille (TPE, PME…) en est déduite."),
        "42",
        ("effectifs", "effectif salarie", "salaries", "nombre de salaries", "nb salaries"),
    ),
    Column(
        "email",
        _("E-mail du contact"),
        _("Adresse électronique d'une personne à contacter (enregistrée comme contact)."),
        "direction@usinage-ouest.fr",
        (
            "email",
            "e mail",
            "mail",
            "courriel",
            "adresse electronique",
            "email contact",
            "courriel du contact",
            "adresse electronique du contact",
        ),
    ),
    Column(
        "first_name",
        _("Prénom du contact"),
        _("Facultatif."),
        "Anne",
        ("prenom", "prenom contact"),
    ),
    Column(
        "last_name",
        _("Nom du contact"),
        _("Facultatif."),
        "Le Goff",
        ("nom contact",),
    ),
    Column(
        "occupation",
        _("Métier"),
        _(
            "Le métier principal de l'organisation, pris dans le vocabulaire du cluster "
            "ou dans le ROME (un métier du ROME est ajouté au vocabulaire)."
        ),
        "Usineur mécanique",
        ("metier principal", "accroche", "metier de l entreprise"),
    ),
    Column(
        "skills",
        _("Compétences"),
        _(
            "Les compétences clés, séparées par des points-virgules, prises dans le "
            "vocabulaire du cluster ou dans le ROME (ajoutées au vocabulaire)."
        ),
        "Petit usinage ; Fraisage 5 axes",
        ("competences cles", "competences remarquables", "competence"),
        multiple=True,
    ),
    Column(
        "activities",
        _("Activités"),
        _("Étapes de la chaîne de valeur, séparées par des points-virgules (liste commune)."),
        "Usinage ; Contrôle / qualité",
        ("activite", "chaine de valeur"),
        multiple=True,
    ),
    Column(
        "markets",
        _("Marchés"),
        _("Marchés clients, séparés par des points-virgules (liste commune)."),
        "Naval ; Aéronautique",
        ("marche", "secteurs", "secteur", "marches clients"),
        multiple=True,
    ),
    Column(
        "certifications",
        _("Certifications"),
        _("Séparées par des points-virgules, 60 caractères au plus chacune."),
        "ISO 9001 ; EN 9100",
        ("certification", "qualifications", "labels"),
        multiple=True,
    ),
)

BY_KEY = {column.key: column for column in COLUMNS}
# At least one of these identifies a row's organisation (with the name).
IDENTIFYING = ("siren", "siret", "commune_code", "commune")


def header_key(text):
    """How a header cell is compared: « E-mail du contact* » -> « e mail du contact »."""
    return written(str(text or "").replace("*", " "))


def _names():
    names = {}
    for column in COLUMNS:
        for name in (str(column.title), *column.synonyms):
            names[header_key(name)] = column.key
    return names


def recognise(header):
    """({column key: index in the row}, problems, ignored titles) for a header row."""
    names = _names()
    positions, problems, ignored = {}, [], []
    for index, title in enumerate(header):
        if not str(title).strip():
            continue
        key = names.get(header_key(title))
        if key is None:
            ignored.append(str(title))
        elif key in positions:
            problems.append(
                _("La colonne « %(title)s » apparaît deux fois : gardez-en une seule.")
                % {"title": BY_KEY[key].title}
            )
        else:
            positions[key] = index
    if "name" not in positions:
        problems.append(missing_message(["name"]))
    if not any(key in positions for key in IDENTIFYING):
        problems.append(
            _(
                "Il faut au moins une colonne pour reconnaître chaque organisation : "
                "« SIREN », « SIRET », « Code commune » ou « Commune »."
            )
        )
    return positions, problems, ignored


def missing_message(keys):
    titles = ", ".join(f"« {BY_KEY[key].title} »" for key in keys)
    return _("Colonne(s) manquante(s) : %(titles)s. Partez du modèle de fichier.") % {
        "titles": titles
    }
