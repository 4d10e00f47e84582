"""Reading of a ROME 4.0 publication (France Travail open data).

The publication is a folder or the published zip of CSV files named
`unix_<table>_v<NNN>_utf8.csv`, where NNN is « 4 » (ROME 4.0) followed by
the version number (v460: version 60), and a `version.txt` release note.
Every file is read and checked before anything is written; all the problems
found are reported together, each with its file and line.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from ancrage.referentiel.importers.csvfiles import ImportFailed, Source, decode, read_table
from ancrage.referentiel.models import (
    EcologicalTransition,
    JobTitle,
    Occupation,
    OccupationSkill,
    Skill,
    WorkContext,
)
from ancrage.referentiel.search.text import gender_forms

FILE_NAME = re.compile(r"unix_(?P<table>[a-z_]+)_v(?P<suffix>\d+)_utf8\.csv")
SUPPORTED = re.compile(r"4(?P<number>\d{2,})")  # ROME 4.0: v4NN
TABLES = {
    "referentiel_code_rome": (
        "code_rome",
        "code_ogr",
        "libelle_rome",
        "transition_eco",
        "transition_num",
        "transition_demo",
        "emploi_reglemente",
        "emploi_cadre",
    ),
    "cr_gd_dp": (
        "code_rome",
        "code_grand_domaine",
        "libelle_grand_domaine",
        "code_domaine_professionel",
        "libelle_domaine_professionel",
    ),
    "texte": ("code_rome", "code_compo_bloc", "position_phrase", "libelle_texte"),
    "referentiel_appellation": (
        "code_ogr",
        "libelle_appellation_long",
        "libelle_appellation_court",
        "code_rome",
        "classification",
        "peu_usite",
    ),
    "referentiel_competence": (
        "code_ogr",
        "nature",
        "libelle_competence",
        "definition",
        "cat_comp",
        "sous_cat_comp",
        "transition_eco",
        "transition_num",
    ),
    "referentiel_savoir": (
        "code_ogr_savoir",
        "libelle_savoir",
        "categorie_savoir",
        "sous_categorie_savoir",
        "transition_eco",
        "transition_num",
    ),
    "referentiel_contexte_travail": ("code_ogr", "libelle_cont_travail", "libelle_type_cont_trav"),
    "liens_rome_referentiels": ("code_rome", "code_compo_bloc", "code_rubrique", "code_ogr"),
    "coherence_item": ("code_rome", "code_ogr", "coeur_metier"),
    "rubrique_mobilite": ("code_rome", "code_rome_cible", "numero_ordre"),
}
ROME_CODE = re.compile(r"[A-Z][0-9]{4}")
DOMAIN_CODE = re.compile(r"[A-Z][0-9]{2}")
GRAND_DOMAIN_CODE = re.compile(r"[A-Z]")
NUMBER = re.compile(r"[0-9]{1,10}")
MAX_OGR = 2**31 - 1
MAX_ORDER = 32767
YES_NO = {"O": True, "N": False, "": False}
ECOLOGICAL = {
    "": "",
    "Emploi Blanc": EcologicalTransition.WHITE,
    "Emploi Vert": EcologicalTransition.GREEN,
    "Emploi Brun": EcologicalTransition.BROWN,
    "Emploi stratégique pour la Transition écologique": EcologicalTransition.STRATEGIC,
}
CLASSIFICATION = {"PRINCIPALE": True, "SYNONYME": False}
NATURE = {"Compétence": False, "Macro-compétence": True}
SKILL_CATEGORY = {
    "Savoir-faire": Skill.Kind.KNOW_HOW,
    "Savoir-être professionnel": Skill.Kind.SOFT,
}
IMPORTANCE = {
    "Principale": OccupationSkill.Importance.CORE,
    "Émergente": OccupationSkill.Importance.EMERGING,
    "": OccupationSkill.Importance.OTHER,
}
TEXT_BLOCKS = {"3": "definition", "4": "access"}
SKILLS_BLOCK, CONTEXTS_BLOCK, JOB_TITLES_BLOCK = "5", "6", "2"
VERSION_LINE = re.compile(r"Num[ée]ro de version\s*:\s*(\d+)", re.IGNORECASE)
DATE_LINE = re.compile(r"Date de publication\s*:\s*(\d{2})/(\d{2})/(\d{4})", re.IGNORECASE)
TITLE_LINE = re.compile(r"Titre/commentaire\s*:\s*(.+)", re.IGNORECASE)
# From this many rows referring to codes a file lacks, that file is
# probably the one cut short.
MANY_UNKNOWN = 10
REFERENCED = {
    "rome": ("referentiel_code_rome",),
    "skill": ("referentiel_competence", "referentiel_savoir"),
    "context": ("referentiel_contexte_travail",),
    "job_title": ("referentiel_appellation",),
}


@dataclass
class Publication:
    version: str
    suffix: str
    published_on: date | None = None
    title: str = ""
    files: dict = field(default_factory=dict)  # table: how messages name its file
    grand_domains: dict = field(default_factory=dict)  # code: label
    domains: dict = field(default_factory=dict)  # code: (label, grand domain code)
    occupations: dict = field(default_factory=dict)  # ROME code: {field: value}
    occupation_domains: dict = field(default_factory=dict)  # ROME code: domain code
    job_titles: dict = field(default_factory=dict)  # OGR: {field: value, "rome": code}
    skills: dict = field(default_factory=dict)  # OGR: {field: value}
    work_contexts: dict = field(default_factory=dict)  # OGR: {field: value}
    skill_links: dict = field(default_factory=dict)  # (ROME code, OGR): importance
    context_links: dict = field(default_factory=dict)  # (ROME code, OGR): None
    mobilities: dict = field(default_factory=dict)  # (ROME code, target code): order


def max_length(model, name):
    return model._meta.get_field(name).max_length


def read_publication(path):
    """Read and check a whole publication; return it or raise ImportFailed."""
    with Source(path) as source:
        return _Reader(source).read()


class _Reader:
    def __init__(self, source):
        self.source = source
        self.errors = []
        self.lines = {}  # (table, key): line where the key was first seen
        # Items whose row was reported: rows referring to them are not reported again.
        self.rejected = set()
        # Kind of item: [rows referring to a code absent from its file, their files, a code].
        self.unknown = {}

    def problem(self, name, line, message):
        self.errors.append(f"{self.source.where(name)}, ligne {line} : {message}")

    def fail_if_any(self):
        if self.errors:
            raise ImportFailed(self.errors)

    def read(self):
        suffix, version = self.version()
        publication = Publication(version=version, suffix=suffix)
        self.release_note(publication)
        self.fail_if_any()
        tables = {}
        for table, columns in TABLES.items():
            name = f"unix_{table}_v{suffix}_utf8.csv"
            publication.files[table] = self.source.where(name)
            tables[table] = (name, read_table(self.source, name, columns, self.errors))
        self.fail_if_any()
        self.occupations(publication, *tables["referentiel_code_rome"])
        if not publication.occupations and not self.errors:
            self.problem(tables["referentiel_code_rome"][0], 2, "aucun métier")
        self.domains(publication, *tables["cr_gd_dp"])
        self.texts(publication, *tables["texte"])
        self.job_titles(publication, *tables["referentiel_appellation"])
        self.skills(publication, *tables["referentiel_competence"])
        self.knowledge(publication, *tables["referentiel_savoir"])
        self.work_contexts(publication, *tables["referentiel_contexte_travail"])
        self.links(publication, *tables["liens_rome_referentiels"])
        self.importance(publication, *tables["coherence_item"])
        self.mobilities(publication, *tables["rubrique_mobilite"])
        self.blame_cut_files(publication)
        self.fail_if_any()
        return publication

    def dangling(self, kind, name, code):
        """Count a row of `name` referring to a `kind` of item absent from its file."""
        found = self.unknown.setdefault(kind, [0, {}, code])
        found[0] += 1
        found[1][name] = None

    def blame_cut_files(self, publication):
        """Many rows referring to codes a file lacks: that file was probably
        cut short; say so first, the errors of the other files follow from it."""
        blamed = []
        for kind, (rows, names, code) in self.unknown.items():
            if rows < MANY_UNKNOWN:
                continue
            files = " ou ".join(publication.files[table] for table in REFERENCED[kind])
            blamed.append(
                f"{files} : probablement incomplet (coupé pendant le téléchargement ou la "
                f"copie ?) : {rows} ligne(s) de {', '.join(names)} renvoient à des codes qui "
                f"n'y sont pas (par exemple le code {code}) ; vérifiez-le d'abord, les erreurs "
                "suivantes en découlent sans doute"
            )
        self.errors[:0] = blamed

    # The files and the version.

    def version(self):
        """The version suffix of the files (« 460 ») and the version (« 60 »)."""
        path = self.source.path
        found = {}
        for name in self.source.names:
            match = FILE_NAME.fullmatch(name)
            if match:
                found.setdefault(match["suffix"], []).append(name)
        if not found:
            raise ImportFailed(
                [
                    f"{path} : aucun fichier du ROME (unix_…_vNNN_utf8.csv) : "
                    "est-ce le bon dossier ou la bonne archive ?"
                ]
            )
        if len(found) > 1:
            listed = ", ".join(
                f"v{suffix} ({min(names)}…)" for suffix, names in sorted(found.items())
            )
            raise ImportFailed([f"{path} : fichiers de plusieurs versions mélangés : {listed}"])
        suffix = next(iter(found))
        supported = SUPPORTED.fullmatch(suffix)
        if not supported:
            raise ImportFailed(
                [
                    f"{path} : version v{suffix} inconnue : seuls les fichiers du ROME 4.0 "
                    "(suffixe v4NN, par exemple v460 pour la version 60) sont pris en charge"
                ]
            )
        return suffix, str(int(supported["number"]))

    def release_note(self, publication):
        """Check `version.txt` (when there is one) against the file names, and
        take the publication date and title from it."""
        name = "version.txt"
        data = self.source.read(name)
        if data is None:
            return
        text = decode(data, self.source.where(name), self.errors)
        if text is None:
            return
        number = VERSION_LINE.search(text)
        if number is None:
            self.problem(name, 1, "numéro de version introuvable (« Numero de version : NN »)")
            return
        line = text.count("\n", 0, number.start()) + 1
        if str(int(number[1])) != publication.version:
            self.problem(
                name,
                line,
                f"annonce la version {int(number[1])}, mais les fichiers sont ceux de la "
                f"version {publication.version} (v{publication.suffix})",
            )
        published = DATE_LINE.search(text)
        if published:
            day, month, year = (int(part) for part in published.groups())
            try:
                publication.published_on = date(year, month, day)
            except ValueError:
                line = text.count("\n", 0, published.start()) + 1
                self.problem(name, line, f"date de publication invalide {published[0]}")
        title = TITLE_LINE.search(text)
        if title:
            publication.title = title[1].strip()

    # Checks of one value; each returns None after reporting a problem.

    def ogr(self, name, line, value, column="code_ogr"):
        if not NUMBER.fullmatch(value) or not 0 < int(value) <= MAX_OGR:
            self.problem(name, line, f"{column} invalide « {value} »")
            return None
        return int(value)

    def known_rome(self, publication, name, line, code, column="code_rome"):
        if code not in publication.occupations:
            if ("rome", code) not in self.rejected:
                self.problem(name, line, f"{column} inconnu « {code} » (absent des métiers)")
                self.dangling("rome", name, code)
            return False
        return True

    def choice(self, name, line, column, value, choices):
        value = unicodedata.normalize("NFC", value)
        if value not in choices:
            expected = ", ".join(f"« {c} »" for c in choices if c)
            if "" in choices:
                expected += " ou vide"
            self.problem(name, line, f"{column} inattendu « {value} » (attendu : {expected})")
            return None
        return choices[value]

    def flags(self, name, line, row, columns):
        values = [self.choice(name, line, c, row[c], YES_NO) for c in columns]
        return None if None in values else values

    def text(self, name, line, column, value, limit):
        if not value:
            self.problem(name, line, f"{column} vide")
            return None
        if len(value) > limit:
            self.problem(
                name, line, f"{column} trop long ({len(value)} caractères, {limit} au plus)"
            )
            return None
        return value

    def unique(self, table, name, line, key, what):
        """False (and a problem) when `key` was already seen in `table`."""
        first = self.lines.setdefault((table, key), (name, line))
        if first != (name, line):
            where = f"ligne {first[1]}" if first[0] == name else f"{first[0]}, ligne {first[1]}"
            self.problem(name, line, f"{what} en double (déjà {where})")
            return False
        return True

    # The tables.

    def occupations(self, publication, name, rows):
        label_limit = max_length(Occupation, "label")
        for line, row in rows:
            code = row["code_rome"]
            if not ROME_CODE.fullmatch(code):
                self.problem(name, line, f"code_rome invalide « {code} »")
                continue
            ogr = self.ogr(name, line, row["code_ogr"])
            label = self.text(name, line, "libelle_rome", row["libelle_rome"], label_limit)
            ecological = self.choice(
                name, line, "transition_eco", row["transition_eco"], ECOLOGICAL
            )
            flags = self.flags(
                name,
                line,
                row,
                ("transition_num", "transition_demo", "emploi_reglemente", "emploi_cadre"),
            )
            unique = self.unique("rome", name, line, code, f"code ROME {code}")
            if ogr is not None:
                unique = self.unique("rome_ogr", name, line, ogr, f"code OGR {ogr}") and unique
            if None in (ogr, label, ecological, flags) or not unique:
                self.rejected.add(("rome", code))
                continue
            digital, demographic, regulated, executive = flags
            publication.occupations[code] = {
                "ogr_code": ogr,
                "label": label,
                "definition": "",
                "access": "",
                "is_executive": executive,
                "is_regulated": regulated,
                "ecological_transition": ecological,
                "digital_transition": digital,
                "demographic_transition": demographic,
                "is_obsolete": False,
            }

    def domains(self, publication, name, rows):
        for line, row in rows:
            code = row["code_rome"]
            grand_code, grand_label = row["code_grand_domaine"], row["libelle_grand_domaine"]
            domain_code = row["code_domaine_professionel"]
            domain_label = row["libelle_domaine_professionel"]
            if not self.known_rome(publication, name, line, code):
                continue
            if not GRAND_DOMAIN_CODE.fullmatch(grand_code):
                self.problem(name, line, f"code_grand_domaine invalide « {grand_code} »")
                continue
            if not DOMAIN_CODE.fullmatch(domain_code):
                self.problem(name, line, f"code_domaine_professionel invalide « {domain_code} »")
                continue
            if not grand_label or not domain_label:
                self.problem(name, line, "libellé de domaine vide")
                continue
            known = publication.grand_domains.setdefault(grand_code, grand_label)
            if known != grand_label:
                self.problem(name, line, f"grand domaine {grand_code} nommé de deux façons")
            domain = (domain_label, grand_code)
            if publication.domains.setdefault(domain_code, domain) != domain:
                self.problem(name, line, f"domaine {domain_code} décrit de deux façons")
            if self.unique("cr_gd_dp", name, line, code, f"code ROME {code}"):
                publication.occupation_domains[code] = domain_code

    def texts(self, publication, name, rows):
        sentences = {}
        for line, row in rows:
            block = TEXT_BLOCKS.get(row["code_compo_bloc"])
            if block is None or not self.known_rome(publication, name, line, row["code_rome"]):
                continue
            position = row["position_phrase"]
            if not NUMBER.fullmatch(position):
                self.problem(name, line, f"position_phrase invalide « {position} »")
                continue
            # The export doubles apostrophes (SQL style): « jusqu''à ».
            sentence = row["libelle_texte"].replace("''", "'")
            key = (row["code_rome"], block)
            sentences.setdefault(key, []).append((int(position), line, sentence))
        for (code, block), found in sentences.items():
            publication.occupations[code][block] = "\n".join(text for _, _, text in sorted(found))

    def job_titles(self, publication, name, rows):
        limit = max_length(JobTitle, "label")
        for line, row in rows:
            ogr = self.ogr(name, line, row["code_ogr"])
            code = row["code_rome"]
            known = self.known_rome(publication, name, line, code)
            label = self.text(
                name, line, "libelle_appellation_long", row["libelle_appellation_long"], limit
            )
            short = row["libelle_appellation_court"] or label
            if short is not None and len(short) > limit:
                self.problem(name, line, f"libelle_appellation_court trop long ({len(short)})")
                short = None
            principal = self.choice(
                name, line, "classification", row["classification"], CLASSIFICATION
            )
            rare = self.choice(name, line, "peu_usite", row["peu_usite"], YES_NO)
            if None in (ogr, label, short, principal, rare) or not known:
                self.rejected.add(("job_title", ogr))
                continue
            if not self.unique("job_title", name, line, ogr, f"code OGR {ogr}"):
                continue
            masculine, feminine = gender_forms(label)
            publication.job_titles[ogr] = {
                "rome": code,
                "label": label,
                "short_label": short,
                "masculine": masculine,
                "feminine": feminine,
                "is_principal": principal,
                "is_rare": rare,
                "is_obsolete": False,
            }

    def skills(self, publication, name, rows):
        for line, row in rows:
            ogr = self.ogr(name, line, row["code_ogr"])
            label = self.text(
                name, line, "libelle_competence", row["libelle_competence"], self.skill_limit
            )
            macro = self.choice(name, line, "nature", row["nature"], NATURE)
            kind = self.choice(name, line, "cat_comp", row["cat_comp"], SKILL_CATEGORY)
            flags = self.flags(name, line, row, ("transition_eco", "transition_num"))
            subcategory = self.category(name, line, "sous_cat_comp", row["sous_cat_comp"])
            if None in (ogr, label, macro, kind, flags, subcategory):
                self.rejected.add(("skill", ogr))
                continue
            if self.unique("skill", name, line, ogr, f"code OGR {ogr}"):
                publication.skills[ogr] = self.skill(
                    kind, label, row["definition"], macro, row["cat_comp"], subcategory, flags
                )

    def knowledge(self, publication, name, rows):
        for line, row in rows:
            ogr = self.ogr(name, line, row["code_ogr_savoir"], "code_ogr_savoir")
            label = self.text(name, line, "libelle_savoir", row["libelle_savoir"], self.skill_limit)
            flags = self.flags(name, line, row, ("transition_eco", "transition_num"))
            category = self.category(name, line, "categorie_savoir", row["categorie_savoir"])
            subcategory = self.category(
                name, line, "sous_categorie_savoir", row["sous_categorie_savoir"]
            )
            if None in (ogr, label, flags, category, subcategory):
                self.rejected.add(("skill", ogr))
                continue
            if self.unique("skill", name, line, ogr, f"code OGR {ogr}"):
                publication.skills[ogr] = self.skill(
                    Skill.Kind.KNOWLEDGE, label, "", False, category, subcategory, flags
                )

    @property
    def skill_limit(self):
        return max_length(Skill, "label")

    def category(self, name, line, column, value):
        limit = max_length(Skill, "category")
        if len(value) > limit:
            self.problem(
                name, line, f"{column} trop long ({len(value)} caractères, {limit} au plus)"
            )
            return None
        return value

    @staticmethod
    def skill(kind, label, definition, macro, category, subcategory, flags):
        return {
            "kind": kind,
            "label": label,
            "definition": definition.replace("''", "'"),
            "is_macro": macro,
            "category": category,
            "subcategory": subcategory,
            "ecological_transition": flags[0],
            "digital_transition": flags[1],
            "is_obsolete": False,
        }

    def work_contexts(self, publication, name, rows):
        limit = max_length(WorkContext, "label")
        category_limit = max_length(WorkContext, "category")
        for line, row in rows:
            ogr = self.ogr(name, line, row["code_ogr"])
            label = self.text(
                name, line, "libelle_cont_travail", row["libelle_cont_travail"], limit
            )
            category = row["libelle_type_cont_trav"]
            if len(category) > category_limit:
                self.problem(name, line, f"libelle_type_cont_trav trop long ({len(category)})")
                continue
            if None in (ogr, label):
                self.rejected.add(("context", ogr))
                continue
            if not self.unique("context", name, line, ogr, f"code {ogr}"):
                continue
            publication.work_contexts[ogr] = {
                "label": label,
                "category": category,
                "is_obsolete": False,
            }

    def links(self, publication, name, rows):
        targets = {
            SKILLS_BLOCK: (publication.skills, "skill", "compétence ou savoir"),
            CONTEXTS_BLOCK: (publication.work_contexts, "context", "contexte de travail"),
            JOB_TITLES_BLOCK: (publication.job_titles, "job_title", "appellation"),
        }
        for line, row in rows:
            block = row["code_compo_bloc"]
            if block not in targets or not self.known_rome(
                publication, name, line, row["code_rome"]
            ):
                continue
            ogr = self.ogr(name, line, row["code_ogr"])
            if ogr is None:
                continue
            items, kind, what = targets[block]
            if ogr not in items:
                if (kind, ogr) not in self.rejected:
                    self.problem(name, line, f"lien vers un code OGR inconnu {ogr} ({what})")
                    self.dangling(kind, name, ogr)
                continue
            link = (row["code_rome"], ogr)
            if block == JOB_TITLES_BLOCK or not self.unique(
                f"link{block}", name, line, link, f"lien {link[0]} → {ogr}"
            ):
                continue
            if block == SKILLS_BLOCK:
                publication.skill_links[link] = OccupationSkill.Importance.OTHER
            else:
                publication.context_links[link] = None

    def importance(self, publication, name, rows):
        for line, row in rows:
            ogr = self.ogr(name, line, row["code_ogr"])
            importance = self.choice(name, line, "coeur_metier", row["coeur_metier"], IMPORTANCE)
            known = self.known_rome(publication, name, line, row["code_rome"])
            link = (row["code_rome"], ogr)
            if None not in (ogr, importance) and known and link in publication.skill_links:
                publication.skill_links[link] = importance

    def mobilities(self, publication, name, rows):
        for line, row in rows:
            source, target = row["code_rome"], row["code_rome_cible"]
            known = self.known_rome(publication, name, line, source)
            known = self.known_rome(publication, name, line, target, "code_rome_cible") and known
            order = row["numero_ordre"]
            if not NUMBER.fullmatch(order) or int(order) > MAX_ORDER:
                self.problem(name, line, f"numero_ordre invalide « {order} »")
                continue
            if known and self.unique(
                "mobility", name, line, (source, target), f"mobilité {source} → {target}"
            ):
                publication.mobilities[source, target] = int(order)
