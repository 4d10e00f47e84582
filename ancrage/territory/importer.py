"""Import of the French geography from the official files.

Sources: the `@etalab/decoupage-administratif` data (regions.json,
departements.json, epci.json, communes.json: INSEE's Code officiel
géographique), INSEE's "zones d'emploi 2020" commune file and France
Travail's BMO basins file (CSV). Every row is validated first; any bad row
stops the import with its file, line and reason, and nothing is written. The
import diffs: it creates and updates, never deletes (a commune missing from the
new file is marked not current). Communes of the zone files unknown in the
database (the zone files are older than the COG) are counted in the report."""

import csv
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from ancrage.territory.models import BmoBasin, Commune, Department, EmploymentZone, Epci, Region

DATA_FILES = ("regions.json", "departements.json", "epci.json", "communes.json")
CURRENT = "commune-actuelle"
COMMUNE_CODE = re.compile(r"[0-9][0-9AB][0-9]{3}")
NUL = "\x00"
MAX_POPULATION = 2**31 - 1
SHOWN_LENGTH = 40


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


@dataclass
class Report:
    created: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    retired: int = 0
    unknown: dict = field(default_factory=dict)

    def count(self, label, created, updated):
        self.created[label] = self.created.get(label, 0) + created
        self.updated[label] = self.updated.get(label, 0) + updated

    @property
    def changes(self):
        return sum(self.created.values()) + sum(self.updated.values()) + self.retired

    def lines(self):
        for label in self.created:
            yield f"{label} : {self.created[label]} créé(s), {self.updated[label]} mis à jour"
        if self.retired:
            yield f"communes qui ne sont plus actuelles : {self.retired}"
        for label, count in self.unknown.items():
            if count:
                yield (
                    f"attention, {label} : {count} commune(s) du fichier inconnue(s) "
                    "dans la base, ignorée(s)"
                )


def _load_json(path, errors):
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        errors.append(f"{path} : fichier introuvable")
        return []
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        errors.append(f"{path} : JSON illisible ({error})")
        return []
    if not isinstance(data, list):
        errors.append(f"{path} : une liste d'objets est attendue")
        return []
    return data


def _texts(row, spec, where, errors):
    """The text fields of `row` named in `spec` ({key: max length}), checked:
    present, strings, no NUL character, not longer than the database column.
    None, with the reasons added to `errors`, when the row is not usable."""
    if not isinstance(row, dict):
        errors.append(f"{where} : un objet est attendu")
        return None
    missing = [key for key in spec if row.get(key) in (None, "")]
    if missing:
        errors.append(f"{where} : champ(s) manquant(s) {', '.join(missing)}")
        return None
    problems = [
        problem
        for key, max_length in spec.items()
        if (problem := _text_problem(key, row[key], max_length))
    ]
    if problems:
        errors.append(f"{where} : {', '.join(problems)}")
        return None
    return {key: row[key] for key in spec}


def _text_problem(key, value, max_length):
    if not isinstance(value, str):
        return f"{key} doit être un texte ({_shown(value)})"
    if NUL in value:
        return f"{key} contient un caractère nul"
    if len(value) > max_length:
        return f"{key} trop long ({len(value)} caractères, {max_length} au plus)"
    return None


def _shown(value):
    """A value as an error message shows it: readable, short."""
    text = repr(value) if not isinstance(value, str) else value.replace(NUL, "\\0")
    return text if len(text) <= SHOWN_LENGTH else f"{text[:SHOWN_LENGTH]}…"


def read_cog(source):
    """Read and validate the four JSON files; return clean dicts or raise."""
    source = Path(source)
    errors = []
    regions, departments, epcis, communes = (
        _load_json(source / name, errors) for name in DATA_FILES
    )
    clean = {"regions": {}, "departments": {}, "epcis": {}, "communes": {}, "epci_of": {}}
    for index, row in enumerate(regions, 1):
        values = _texts(row, {"code": 3, "nom": 100}, f"regions.json, entrée {index}", errors)
        if values:
            clean["regions"][values["code"]] = {"name": values["nom"]}
    for index, row in enumerate(departments, 1):
        where = f"departements.json, entrée {index}"
        values = _texts(row, {"code": 3, "nom": 100, "region": 3}, where, errors)
        if values is None:
            continue
        if values["region"] not in clean["regions"]:
            errors.append(f"{where} : région inconnue {values['region']}")
            continue
        clean["departments"][values["code"]] = {"name": values["nom"], "region": values["region"]}
    for index, row in enumerate(epcis, 1):
        _read_epci(row, f"epci.json, entrée {index}", clean, errors)
    for index, row in enumerate(communes, 1):
        _read_commune(row, f"communes.json, entrée {index}", clean, errors)
    if not errors and not clean["communes"]:
        errors.append(f"{source / 'communes.json'} : aucune commune actuelle")
    if errors:
        raise ImportFailed(errors)
    return clean


def _read_epci(row, where, clean, errors):
    values = _texts(row, {"code": 9, "nom": 200}, where, errors)
    if values is None:
        return
    kind, members = row.get("type") or "", row.get("membres") or []
    problem = _text_problem("type", kind, 10)
    if not isinstance(members, list):
        problem = f"membres doit être une liste ({_shown(members)})"
    if problem:
        errors.append(f"{where} ({values['code']}) : {problem}")
        return
    clean["epcis"][values["code"]] = {"name": values["nom"], "kind": kind}
    for member in members:
        if isinstance(member, dict) and isinstance(member.get("code"), str):
            clean["epci_of"][member["code"]] = values["code"]


def _read_commune(row, where, clean, errors):
    if isinstance(row, dict):
        kind = row.get("type", CURRENT)
        if not isinstance(kind, str):
            errors.append(f"{where} : type invalide {_shown(kind)}")
            return
        if kind != CURRENT:  # former, delegated or associated commune, district
            return
    spec = {"code": 5, "nom": 100, "departement": 3, "region": 3}
    values = _texts(row, spec, where, errors)
    if values is None:
        return
    code = values["code"]
    postal_codes = row.get("codesPostaux") or []
    population = row.get("population")
    if not COMMUNE_CODE.fullmatch(code):
        problem = f"code INSEE invalide {_shown(code)}"
    elif values["departement"] not in clean["departments"]:
        problem = f"département inconnu {values['departement']}"
    elif not isinstance(postal_codes, list) or not all(
        isinstance(p, str) and len(p) == 5 and p.isdigit() for p in postal_codes
    ):
        problem = f"code postal invalide {_shown(postal_codes)}"
    elif population is not None and (
        isinstance(population, bool)
        or not isinstance(population, int)
        or not 0 <= population <= MAX_POPULATION
    ):
        problem = f"population invalide {_shown(population)}"
    else:
        problem = None
    if problem:
        errors.append(f"{where} ({_shown(code)}) : {problem}")
        return
    clean["communes"][code] = {
        "name": values["nom"],
        "department": values["departement"],
        "region": values["region"],
        "postal_codes": postal_codes,
        "population": population,
        "epci": clean["epci_of"].get(code),
    }


def read_commune_zones(path, code_column, zone_column, name_column):
    """Read a commune → zone CSV; return ({commune: zone}, {zone: name}) or raise."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            errors, assignment, names = _read_zone_rows(
                path, handle, code_column, zone_column, name_column
            )
    except FileNotFoundError:
        raise ImportFailed([f"{path} : fichier introuvable"]) from None
    except UnicodeDecodeError:
        raise ImportFailed([f"{path} : le fichier doit être encodé en UTF-8"]) from None
    if errors:
        raise ImportFailed(errors)
    return assignment, names


def _read_zone_rows(path, handle, code_column, zone_column, name_column):
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(handle, delimiter=delimiter)
    errors, assignment, names = [], {}, {}
    read = 1  # lines read without a CSV error: the next one is the culprit
    try:
        missing = {code_column, zone_column, name_column} - set(reader.fieldnames or [])
        if missing:
            raise ImportFailed([f"{path} : colonne(s) manquante(s) {', '.join(sorted(missing))}"])
        for row in reader:
            where = f"{path}, ligne {reader.line_num}"
            read = reader.line_num
            commune, zone, name = (
                (row[column] or "").strip() for column in (code_column, zone_column, name_column)
            )
            problem = _zone_row_problem(commune, zone, name)
            if problem:
                errors.append(f"{where} : {problem}")
                continue
            assignment[commune.zfill(5)] = zone
            names[zone] = name
    except csv.Error as error:
        errors.append(f"{path}, ligne {read + 1} : CSV illisible ({error})")
    return errors, assignment, names


def _zone_row_problem(commune, zone, name):
    if not commune or not zone or not name:
        return "commune, code ou nom de zone vide"
    if any(NUL in value for value in (commune, zone, name)):
        return "caractère nul"
    if not COMMUNE_CODE.fullmatch(commune.zfill(5)):
        return f"code commune invalide « {_shown(commune)} »"
    if len(zone) > 5:
        return f"code de zone trop long « {_shown(zone)} »"
    if len(name) > 100:
        return f"nom de zone trop long ({len(name)} caractères, 100 au plus)"
    return None


def _sync(model, key, wanted, report, label):
    """Create or update `model` rows keyed by `key` to match `wanted`."""
    existing = {getattr(obj, key): obj for obj in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for code, values in wanted.items():
        obj = existing.get(code)
        if obj is None:
            to_create.append(model(**{key: code}, **values))
            continue
        changed = [name for name, value in values.items() if getattr(obj, name) != value]
        if changed:
            for name in changed:
                setattr(obj, name, values[name])
            fields.update(changed)
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=2000)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields), batch_size=2000)
    report.count(label, len(to_create), len(to_update))
    return {getattr(obj, key): obj for obj in model.objects.all()}


def apply(cog=None, zones=None, basins=None, dry_run=False):
    """Write what was read. In a transaction, rolled back when `dry_run`."""
    report = Report()
    with transaction.atomic():
        if cog is not None:
            _apply_cog(cog, report)
        if zones is not None:
            _apply_zones(EmploymentZone, "employment_zone_id", zones, report, "zones d'emploi")
        if basins is not None:
            _apply_zones(BmoBasin, "bmo_basin_id", basins, report, "bassins d'emploi BMO")
        if dry_run:
            transaction.set_rollback(True)
    return report


def _apply_cog(cog, report):
    regions = _sync(Region, "code", cog["regions"], report, "régions")
    departments = _sync(
        Department,
        "code",
        {
            code: {"name": d["name"], "region_id": regions[d["region"]].pk}
            for code, d in cog["departments"].items()
        },
        report,
        "départements",
    )
    epcis = _sync(Epci, "siren", cog["epcis"], report, "EPCI")
    wanted = {}
    for code, c in cog["communes"].items():
        region = regions.get(c["region"]) or departments[c["department"]].region
        wanted[code] = {
            "name": c["name"],
            "department_id": departments[c["department"]].pk,
            "region_id": region.pk,
            "postal_codes": c["postal_codes"],
            "population": c["population"],
            "epci_id": epcis[c["epci"]].pk if c["epci"] in epcis else None,
            "is_current": True,
        }
    _sync(Commune, "code", wanted, report, "communes")
    report.retired = (
        Commune.objects.filter(is_current=True).exclude(code__in=wanted).update(is_current=False)
    )


def _apply_zones(model, commune_field, data, report, label):
    assignment, names = data
    zones = _sync(
        model, "code", {code: {"name": name} for code, name in names.items()}, report, label
    )
    # One UPDATE per zone: much faster than bulk_update's CASE over 35,000 rows.
    changed_by_zone = defaultdict(list)
    found = 0
    for pk, code, zone_id in Commune.objects.filter(code__in=assignment.keys()).values_list(
        "pk", "code", commune_field
    ):
        found += 1
        wanted = zones[assignment[code]].pk
        if zone_id != wanted:
            changed_by_zone[wanted].append(pk)
    for zone_id, pks in changed_by_zone.items():
        Commune.objects.filter(pk__in=pks).update(**{commune_field: zone_id})
    changed = sum(len(pks) for pks in changed_by_zone.values())
    report.count(f"communes rattachées ({label})", 0, changed)
    # The zone files are older than the COG: some of their communes have merged since.
    report.unknown[label] = len(assignment) - found
