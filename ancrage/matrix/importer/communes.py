"""The communes of a member file, resolved as the commune picker does
(`CommuneField`: INSEE code, « name (postal code) », name alone), with its
messages for an unknown or ambiguous commune.

A file names thousands of communes: the plain cases (an INSEE code, a name
with its postal code, a name only one commune bears) are first looked up for
all rows in two queries; what they do not settle exactly goes through the
field, one commune at a time."""

from django.core.exceptions import ValidationError

from ancrage.referentiel.search.text import strip_accents
from ancrage.territory.forms import CommuneField
from ancrage.territory.models import Commune
from ancrage.territory.search import INSEE_CODE, LABEL, clean_query, expand_abbreviations

SEPARATORS = str.maketrans({"-": " ", "'": " ", "’": " "})


def _key(name):
    """A name as `territory.search.Normalized` compares it (upper case, no
    accents, hyphens and apostrophes as spaces), spaces collapsed."""
    return " ".join(strip_accents(name.translate(SEPARATORS)).upper().split())


class Communes:
    def __init__(self):
        self.field = CommuneField()
        self.answers = {}  # text -> Commune or ValidationError

    def preload(self, texts):
        texts = {text for text in texts if text}
        codes = {}
        named = {}  # text -> (key, postal code or None)
        for text in texts:
            cleaned = clean_query(text)
            if INSEE_CODE.fullmatch(cleaned):
                codes[text] = cleaned.upper()
                continue
            match = LABEL.fullmatch(cleaned)
            name, postal = (match["name"], match["postal"]) if match else (cleaned, None)
            if not any(char.isdigit() for char in name):
                named[text] = (_key(expand_abbreviations(name)), postal)
        current = Commune.objects.current().select_related("department")
        by_code = {c.code: c for c in current.filter(code__in=set(codes.values()))}
        for text, code in codes.items():
            if code in by_code:
                self.answers[text] = by_code[code]
        by_name = {}
        wanted = {key for key, _postal in named.values()}
        for commune in current.filter(search_name__in=wanted):
            by_name.setdefault(commune.search_name, []).append(commune)
        for text, (key, postal) in named.items():
            found = by_name.get(key, [])
            if postal:
                found = [commune for commune in found if postal in commune.postal_codes]
            if len(found) == 1:
                self.answers[text] = found[0]

    def resolve(self, text):
        """The commune `text` designates, or ValidationError."""
        if text not in self.answers:
            try:
                self.answers[text] = self.field.to_python(text)
            except ValidationError as error:
                self.answers[text] = error
        answer = self.answers[text]
        if isinstance(answer, ValidationError):
            raise answer
        return answer
