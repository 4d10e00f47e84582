"""Commune search: by name (accents, case and small typos ignored), postal
code or INSEE code. Names are compared in a normalised form computed by the
database (`Commune.search_name`), with a pg_trgm index."""

import re

from django.contrib.postgres.search import TrigramSimilarity
from django.db import models
from django.db.models import Case, F, IntegerField, Q, Value, When

MAX_QUERY_LENGTH = 100
# Common abbreviations typed for saint/sainte.
ABBREVIATIONS = [(re.compile(r"\bSTE\b"), "SAINTE"), (re.compile(r"\bST\b"), "SAINT")]


class Normalized(models.Func):
    """upper(unaccent(text)) with hyphens and apostrophes turned into spaces."""

    template = "upper(immutable_unaccent(translate(%(expressions)s, '-''’', '   ')))"
    output_field = models.CharField()


def clean_query(query):
    """Keep letters, digits and separators; collapse spaces; cap the length."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    query = re.sub(r"[^\w\s'’-]", " ", query)
    return " ".join(query.replace("_", " ").split())


class CommuneQuerySet(models.QuerySet):
    def current(self):
        return self.filter(is_current=True)

    def search(self, query, limit=10):
        """The best `limit` current communes for what a person typed."""
        query = clean_query(query)
        if not query:
            return self.none()
        communes = self.current().select_related("department")
        if query.isdigit():
            return self._by_code(communes, query)[:limit]
        normalized = query.upper()
        for pattern, replacement in ABBREVIATIONS:
            normalized = pattern.sub(replacement, normalized)
        wanted = Normalized(Value(normalized))
        return (
            communes.annotate(wanted=wanted)
            .filter(
                Q(search_name__startswith=F("wanted"))
                | Q(search_name__contains=F("wanted"))
                | Q(search_name__trigram_similar=F("wanted"))
            )
            .annotate(
                exact=Case(
                    When(search_name=F("wanted"), then=1), default=0, output_field=IntegerField()
                ),
                prefix=Case(
                    When(search_name__startswith=F("wanted"), then=1),
                    default=0,
                    output_field=IntegerField(),
                ),
                similarity=TrigramSimilarity("search_name", F("wanted")),
            )
            .order_by(
                "-exact", "-prefix", "-similarity", F("population").desc(nulls_last=True), "code"
            )
        )[:limit]

    def _by_code(self, communes, digits):
        if len(digits) == 5:
            return communes.filter(Q(code=digits) | Q(postal_codes__contains=[digits])).order_by(
                F("population").desc(nulls_last=True), "code"
            )
        # A prefix of a postal code: département-wide lists, biggest first.
        return communes.filter(
            Q(code__startswith=digits) | Q(postal_codes__0__startswith=digits)
        ).order_by(F("population").desc(nulls_last=True), "code")
