"""The API's error answers, in French like the rest: Django REST framework
words a few errors in English whatever the language (« JSON parse error -
… », « No data provided »); they are reworded here, everything else goes
to its own handler, whose messages Django translates.

Set as REST_FRAMEWORK["EXCEPTION_HANDLER"]."""

import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ErrorDetail, ParseError, ValidationError
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler

JSON_POSITION = re.compile(r"line (\d+) column (\d+)")


def exception_handler(exc, context):
    if isinstance(exc, ParseError):
        exc = ParseError(parse_error_message(str(exc.detail)), code=_code(exc.detail))
    elif isinstance(exc, ValidationError) and _is_no_data(exc.detail):
        exc = ValidationError(
            {api_settings.NON_FIELD_ERRORS_KEY: [ErrorDetail(no_data_message(), code="null")]}
        )
    return drf_exception_handler(exc, context)


def parse_error_message(detail):
    """`detail` of a ParseError, in French."""
    if detail.startswith("JSON parse error"):
        found = JSON_POSITION.search(detail)
        if found:
            return _(
                "Le corps de la requête n'est pas du JSON valide (ligne %(line)s, "
                "colonne %(column)s)."
            ) % {"line": found.group(1), "column": found.group(2)}
        return _("Le corps de la requête n'est pas du JSON valide (UTF-8 attendu).")
    if detail.startswith("Multipart form parse error"):
        return _("Le formulaire envoyé (multipart/form-data) est mal formé.")
    return detail  # DRF's own messages, already translated


def no_data_message():
    return _("Aucune donnée reçue : envoyez un objet JSON avec les champs attendus.")


def _code(detail):
    return getattr(detail, "code", None) or ParseError.default_code


def _is_no_data(detail):
    """DRF's answer to a body of `null`: {"non_field_errors": ["No data provided"]}."""
    if not isinstance(detail, dict) or list(detail) != [api_settings.NON_FIELD_ERRORS_KEY]:
        return False
    errors = detail[api_settings.NON_FIELD_ERRORS_KEY]
    return (
        isinstance(errors, list)
        and len(errors) == 1
        and getattr(errors[0], "code", None) == "null"
        and str(errors[0]) == "No data provided"
    )
