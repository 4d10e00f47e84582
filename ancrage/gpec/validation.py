"""The rules a GPEC declaration obeys, whatever it is typed in (the entry
form, a spreadsheet import). Each rule returns its errors as
``{cell: message}``: the cell is the name of the field (or column) the
message belongs next to, the message is French and says what to change.

    value, error = parse_count(" 12 ")          # 12, None
    errors = workforce_errors({"headcount": 10, "age_under_25": 3, …})
    errors.update(forecast_errors(values, headcount=10))
"""

import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.gpec.models import WorkforceLine
from ancrage.referentiel.vocabulary import comparable

# The largest count a cell takes: fits the database's integer columns.
MAX_COUNT = 2_000_000_000
WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")

AGE_BANDS = WorkforceLine.AGE_BANDS
CONTRACTS = ("cdi", "cdd", "alternance", "interim")
# Counts that cannot be greater than the headcount, one by one.
PARTS_OF_HEADCOUNT = ("women", "cadres", *CONTRACTS)
# (retirements, other departures) at each horizon.
DEPARTURES = (("retirements_1y", "other_departures_1y"), ("retirements_3y", "other_departures_3y"))


def parse_count(value):
    """A count typed in a cell: ``(number, None)``, ``(None, None)`` when the
    cell is empty, or ``(None, message)``."""
    if value is None:
        return None, None
    if isinstance(value, bool):
        return None, _("Saisissez un nombre entier.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None, _("Saisissez un nombre entier, sans décimale.")
        number = int(value)
    else:
        text = str(value).replace("\u00a0", "").replace("\u202f", "").replace(" ", "").strip()
        if not text:
            return None, None
        if not WHOLE_NUMBER.fullmatch(text):
            return None, _("Saisissez un nombre entier (par exemple 12).")
        if len(text) > 12:
            return None, _("Ce nombre est trop grand (au plus %(max)s).") % {
                "max": f"{MAX_COUNT:,}".replace(",", " ")
            }
        number = int(text)
    if number < 0:
        return None, _("Un nombre de personnes ne peut pas être négatif.")
    if number > MAX_COUNT:
        return None, _("Ce nombre est trop grand (au plus %(max)s).") % {
            "max": f"{MAX_COUNT:,}".replace(",", " ")
        }
    return number, None


def workforce_errors(values):
    """The workforce of one occupation: age bands all given or none, adding up
    to the headcount; women, cadres and contracts within the headcount."""
    errors = {}
    headcount = values.get("headcount")
    bands = [values.get(band) for band in AGE_BANDS]
    given = [value is not None for value in bands]
    if any(given) and not all(given):
        for band, present in zip(AGE_BANDS, given, strict=True):
            if not present:
                errors[band] = _(
                    "Renseignez toutes les tranches d'âge (0 s'il n'y a personne), ou aucune."
                )
    if headcount is None:
        return errors
    if all(given) and sum(bands) != headcount:
        errors["headcount"] = _(
            "Les tranches d'âge totalisent %(total)s personnes, "
            "l'effectif en compte %(headcount)s : corrigez l'un ou l'autre."
        ) % {"total": sum(bands), "headcount": headcount}
    for field in PARTS_OF_HEADCOUNT:
        value = values.get(field)
        if value is not None and value > headcount:
            errors[field] = _("%(value)s, c'est plus que l'effectif du métier (%(headcount)s).") % {
                "value": value,
                "headcount": headcount,
            }
    contracts = [values.get(field) for field in CONTRACTS if values.get(field) is not None]
    if sum(contracts) > headcount and not any(field in errors for field in CONTRACTS):
        first = next(field for field in CONTRACTS if values.get(field) is not None)
        errors[first] = _(
            "Les contrats (CDI, CDD, alternance, intérim) totalisent %(total)s personnes, "
            "plus que l'effectif du métier (%(headcount)s)."
        ) % {"total": sum(contracts), "headcount": headcount}
    return errors


def forecast_errors(values, headcount):
    """The forecasts of one occupation: departures (retirements and others)
    at a horizon cannot exceed the headcount."""
    errors = {}
    if headcount is None:
        return errors
    for retirements, others in DEPARTURES:
        total = (values.get(retirements) or 0) + (values.get(others) or 0)
        if total > headcount:
            cell = retirements if values.get(retirements) is not None else others
            errors[cell] = _(
                "Les départs prévus (%(total)s) dépassent l'effectif du métier (%(headcount)s)."
            ) % {"total": total, "headcount": headcount}
    return errors


def duplicate_indexes(keys):
    """The indexes of the entries whose key (an occupation, a skill and its
    horizon) already came earlier; None keys are ignored."""
    seen = set()
    indexes = []
    for index, key in enumerate(keys):
        if key is None:
            continue
        if key in seen:
            indexes.append(index)
        seen.add(key)
    return indexes


def duplicate_occupation_message(occupation):
    return _(
        "Le métier « %(occupation)s » est déjà déclaré plus haut : regroupez ses chiffres."
    ) % {"occupation": occupation}


# A declaration describes the present: older than this, it is a typing mistake.
OLDEST_YEARS = 10


def declared_on_error(value, today=None):
    """A declaration is dated today or in the past, within `OLDEST_YEARS`."""
    today = today or timezone.localdate()
    if not isinstance(value, datetime.date):
        return _("Saisissez une date (par exemple %(date)s).") % {
            "date": today.strftime("%d/%m/%Y")
        }
    if value > today:
        return _(
            "La date de déclaration ne peut pas être dans le futur (au plus tard le %(date)s)."
        ) % {"date": today.strftime("%d/%m/%Y")}
    oldest = today.replace(year=today.year - OLDEST_YEARS, day=min(today.day, 28))
    if value < oldest:
        return _(
            "La date de déclaration ne peut pas remonter à plus de %(years)s ans "
            "(au plus tôt le %(date)s)."
        ) % {"years": OLDEST_YEARS, "date": oldest.strftime("%d/%m/%Y")}
    return None


DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(value):
    """A date typed in a cell (jj/mm/aaaa or aaaa-mm-jj): ``(date, None)``,
    ``(None, None)`` when the cell is empty, or ``(None, message)``."""
    if isinstance(value, datetime.datetime):
        return value.date(), None
    if isinstance(value, datetime.date):
        return value, None
    text = str(value or "").strip()
    if not text:
        return None, None
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date(), None
        except ValueError:
            continue
    return None, _(
        "« %(value)s » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple %(date)s)."
    ) % {
        "value": text[:40],
        "date": timezone.localdate().strftime("%d/%m/%Y"),
    }


def parse_choice(value, choices):
    """One of `choices` (``[(value, label)]``) typed in a cell, by its value
    or its label (case and accents aside): ``(value, None)``, ``(None, None)``
    when the cell is empty, or ``(None, message)`` listing the choices."""
    text = str(value if value is not None else "").strip()
    if not text:
        return None, None
    wanted = comparable(text)
    for choice, label in choices:
        if wanted in (comparable(str(choice)), comparable(str(label))):
            return choice, None
    listed = ", ".join(f"« {label} »" for _choice, label in choices)
    return None, _("« %(value)s » n'est pas une valeur possible : %(choices)s.") % {
        "value": text[:40],
        "choices": listed,
    }


def unknown_occupation_message(code):
    return _(
        "Le code ROME « %(code)s » n'existe pas dans le référentiel des métiers "
        "(une lettre et quatre chiffres, par exemple H2903)."
    ) % {"code": code[:40]}


def unknown_skill_message(value):
    return _(
        "La compétence « %(value)s » n'existe pas dans le référentiel : donnez son code "
        "ou son libellé exact."
    ) % {"value": value[:80]}
