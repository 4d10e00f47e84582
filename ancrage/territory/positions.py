"""Import of the communes' positions (latitude, longitude in WGS 84), which
the radius searches need: the offers' public search, the CV bank, the
matching. The COG files carry none, so positions come from a CSV:

- data.gouv.fr « Communes et villes de France » (columns `code_insee`,
  `latitude_centre`, `longitude_centre`, or the town hall's
  `latitude_mairie`, `longitude_mairie`);
- La Poste « Base officielle des codes postaux » (`Code_commune_INSEE`,
  `coordonnees_gps` = « latitude, longitude »; one row per postal code);
- any CSV with a commune code column (`code_insee`, `CODGEO`, `insee`…)
  and `latitude`/`longitude` columns, comma or semicolon separated.

Like every import, all rows are checked first; one bad row stops it with its
line and reason, and nothing is written. Communes of the file unknown in the
database are counted, not refused (the files follow their own calendar)."""

import csv
from pathlib import Path

from django.db import transaction

from ancrage.territory.importer import COMMUNE_CODE, ImportFailed
from ancrage.territory.models import Commune

CODE_COLUMNS = ("code_insee", "code_commune_insee", "#code_commune_insee", "codgeo", "insee")
LATITUDE_COLUMNS = ("latitude_centre", "latitude_mairie", "latitude", "lat")
LONGITUDE_COLUMNS = ("longitude_centre", "longitude_mairie", "longitude", "lon", "lng")
POINT_COLUMNS = ("coordonnees_gps", "geo_point_2d", "coordonnees")
MAX_SHOWN_ERRORS = 200


def _column(fieldnames, wanted):
    by_name = {name.strip().lower(): name for name in fieldnames}
    return next((by_name[name] for name in wanted if name in by_name), None)


def _number(text):
    return float(text.strip().replace(",", "."))


class BadPoint(ValueError):
    """A row's position, wrong for the reason given (in French)."""


def _point(row, columns):
    """(latitude, longitude) of a row; raises BadPoint with the reason, or
    ValueError when a number cannot be read."""
    lat_column, lon_column, point_column = columns
    if point_column:
        parts = [part for part in (row[point_column] or "").replace(";", ",").split(",") if part]
        if len(parts) == 4:  # « 48,85, 2,35 » written with decimal commas
            parts = [f"{parts[0]}.{parts[1]}", f"{parts[2]}.{parts[3]}"]
        if len(parts) != 2:
            raise BadPoint("coordonnées attendues sous la forme « latitude, longitude »")
        latitude, longitude = (_number(part) for part in parts)
    else:
        latitude, longitude = _number(row[lat_column] or ""), _number(row[lon_column] or "")
    if not -90 <= latitude <= 90:
        raise BadPoint(f"latitude hors limites ({latitude})")
    if not -180 <= longitude <= 180:
        raise BadPoint(f"longitude hors limites ({longitude})")
    return latitude, longitude


def read_positions(path):
    """{commune code: (latitude, longitude)} from the CSV at `path`, or raise
    ImportFailed with every bad line."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            return _read(path, handle)
    except FileNotFoundError:
        raise ImportFailed([f"{path} : fichier introuvable"]) from None
    except UnicodeDecodeError:
        raise ImportFailed([f"{path} : le fichier doit être encodé en UTF-8"]) from None


def _read(path, handle):
    sample = handle.read(4096)
    handle.seek(0)
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    reader = csv.DictReader(handle, delimiter=delimiter)
    fieldnames = reader.fieldnames or []
    code_column = _column(fieldnames, CODE_COLUMNS)
    point_column = _column(fieldnames, POINT_COLUMNS)
    lat_column = _column(fieldnames, LATITUDE_COLUMNS)
    lon_column = _column(fieldnames, LONGITUDE_COLUMNS)
    if lat_column and lon_column:
        point_column = None
    if code_column is None or not (point_column or (lat_column and lon_column)):
        raise ImportFailed(
            [
                f"{path} : colonnes attendues : le code INSEE de la commune (code_insee, "
                "CODGEO…) et sa latitude et sa longitude (latitude, longitude, ou "
                "coordonnees_gps « latitude, longitude »)"
            ]
        )
    columns = (lat_column, lon_column, point_column)
    positions, errors = {}, []
    read = 1
    try:
        for row in reader:
            read = reader.line_num
            where = f"{path}, ligne {reader.line_num}"
            code = (row[code_column] or "").strip().zfill(5)
            if not COMMUNE_CODE.fullmatch(code):
                errors.append(f"{where} : code de commune invalide « {code[:12]} »")
                continue
            try:
                point = _point(row, columns)
            except BadPoint as error:
                errors.append(f"{where} : {error}")
                continue
            except (ValueError, TypeError):
                errors.append(f"{where} : latitude ou longitude illisible")
                continue
            positions.setdefault(code, point)
    except csv.Error as error:
        errors.append(f"{path}, ligne {read + 1} : CSV illisible ({error})")
    if errors:
        shown = errors[:MAX_SHOWN_ERRORS]
        if len(errors) > len(shown):
            shown.append(f"… et {len(errors) - len(shown)} autres lignes en erreur")
        raise ImportFailed(shown)
    if not positions:
        raise ImportFailed([f"{path} : aucune position de commune"])
    return positions


@transaction.atomic
def apply_positions(positions, dry_run=False):
    """Write the positions; return (updated, unknown) counts."""
    communes = list(Commune.objects.filter(code__in=positions).only("pk", "code"))
    for commune in communes:
        commune.latitude, commune.longitude = positions[commune.code]
    if not dry_run:
        Commune.objects.bulk_update(communes, ["latitude", "longitude"], batch_size=2000)
    return len(communes), len(positions) - len(communes)
