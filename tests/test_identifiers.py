"""SIREN, SIRET and NAF codes as people type them."""

import pytest
from django.core.exceptions import ValidationError

from ancrage.organisations.factories import siren_for, siret_for
from ancrage.organisations.identifiers import (
    clean_naf,
    clean_siren,
    clean_siret,
    naf_label,
    validate_naf,
    validate_siren,
)
from ancrage.organisations.models import SizeClass


@pytest.mark.parametrize("typed", ["732829320", "732 829 320", "732.829.320", " 732829320 "])
def test_siren_as_typed(typed):
    assert clean_siren(typed) == "732829320"


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("732829321", "clé de contrôle est fausse"),
        ("73282932", "9 chiffres"),
        ("ABCDEFGHI", "9 chiffres"),
    ],
)
def test_bad_siren_is_explained(typed, message):
    with pytest.raises(ValidationError, match=message):
        clean_siren(typed)


def test_siret_and_its_key():
    assert clean_siret("732 829 320 00074") == "73282932000074"
    with pytest.raises(ValidationError, match="clé de contrôle"):
        clean_siret("73282932000075")
    with pytest.raises(ValidationError, match="14 chiffres"):
        clean_siret("7328293200007")


def test_factories_draw_valid_identifiers():
    for number in (1, 12345, 40_000_000, 99_999_999):
        siren = siren_for(number)
        assert clean_siren(siren) == siren
        assert clean_siret(siret_for(siren, 3)) == siret_for(siren, 3)


@pytest.mark.parametrize("typed", ["25.62A", "2562A", "25.62a", " 2562 a"])
def test_naf_as_typed(typed):
    assert clean_naf(typed) == "25.62A"
    assert naf_label("25.62A") == "Décolletage"


def test_unknown_naf_is_refused():
    with pytest.raises(ValidationError, match="n'est pas un code NAF"):
        clean_naf("99.99Z")
    assert naf_label("99.99Z") == ""


def test_stored_values_must_be_canonical():
    validate_siren("732829320")
    validate_naf("25.62A")
    with pytest.raises(ValidationError):
        validate_siren("732 829 320")
    with pytest.raises(ValidationError):
        validate_naf("2562A")


@pytest.mark.parametrize(
    ("headcount", "size"),
    [(None, ""), (0, "tpe"), (9, "tpe"), (10, "pme"), (249, "pme"), (250, "eti"), (5000, "ge")],
)
def test_size_class_from_headcount(headcount, size):
    assert SizeClass.for_headcount(headcount) == size


@pytest.mark.django_db
def test_the_size_class_follows_the_headcount_when_given():
    from ancrage.organisations.factories import OrganisationFactory

    organisation = OrganisationFactory(headcount=None, size_class=SizeClass.ETI)
    assert organisation.size_class == SizeClass.ETI  # declared, no headcount
    organisation.headcount = 35
    organisation.save(update_fields=["headcount"])
    organisation.refresh_from_db()
    assert organisation.size_class == SizeClass.PME
