"""The member import finds an organisation by SIRET, else SIREN, else its
normalised name in the same commune (then a SIREN in the file completes it),
and refuses two rows of the same organisation in one file."""

import pytest

from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership, Organisation
from tests.matrix.test_import import SIREN_A, SIREN_B, SIREN_C, make_world, problems, row, run, xlsx

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    return make_world(cast)


def test_a_siren_added_on_reimport_completes_the_organisation_found_by_name(world):
    assert run(world, xlsx([row(Nom="Zorglub Mécanique", Code_commune="56121")])).written
    again = run(world, xlsx([row(SIREN=SIREN_A, Nom="ZORGLUB MECANIQUE", Code_commune="56121")]))
    assert problems(again) == []
    assert again.summary.updated == [2]
    organisation = Organisation.objects.get(search_name="ZORGLUB MECANIQUE")
    assert organisation.siren == SIREN_A
    assert organisation.name == "Zorglub Mécanique"
    assert Membership.objects.filter(organisation__search_name="ZORGLUB MECANIQUE").count() == 1
    # Found by its SIREN from now on, and without it by its name.
    later = run(world, xlsx([row(SIREN=SIREN_A, Nom="Zorglub", Code_commune="56098")]))
    assert later.summary.updated == [2]
    assert Organisation.objects.get(siren=SIREN_A).name == "Zorglub"


def test_a_siren_never_completes_an_organisation_that_has_another(world):
    MembershipFactory(
        cluster=world.cluster,
        organisation__siren=SIREN_B,
        organisation__name="Zorglub Mécanique",
        organisation__commune=world.lorient,
    )
    outcome = run(world, xlsx([row(SIREN=SIREN_A, Nom="Zorglub Mécanique", Code_commune="56121")]))
    assert outcome.summary.created == [2]
    assert set(
        Organisation.objects.filter(name="Zorglub Mécanique").values_list("siren", flat=True)
    ) == {SIREN_A, SIREN_B}


def test_two_sirens_with_the_same_name_and_commune_are_two_organisations(world):
    MembershipFactory(
        cluster=world.cluster,
        organisation__siren="",
        organisation__name="Zorglub Mécanique",
        organisation__commune=world.lorient,
    )
    data = xlsx(
        [
            row(SIREN=SIREN_A, Nom="Zorglub Mécanique", Code_commune="56121"),
            row(SIREN=SIREN_B, Nom="Zorglub Mécanique", Code_commune="56121"),
        ]
    )
    outcome = run(world, data)
    assert problems(outcome) == []
    assert (outcome.summary.created, outcome.summary.updated) == ([3], [2])
    # The first row completed the organisation without a SIREN, the second created its own.
    assert sorted(
        Organisation.objects.filter(name="Zorglub Mécanique").values_list("siren", flat=True)
    ) == sorted([SIREN_A, SIREN_B])
    assert run(world, data).summary.unchanged == [2, 3]


def test_a_row_without_siren_is_the_same_organisation_as_a_row_with_one(world):
    data = xlsx(
        [
            row(SIREN=SIREN_A, Nom="Zorglub Mécanique", Code_commune="56121"),
            row(Nom="Forge Bretonne", Code_commune="56121"),
            row(Nom="ZORGLUB MECANIQUE", Code_commune="56121"),
            row(SIREN=SIREN_B, Nom="Forge bretonne", Code_commune="56121"),
            row(SIREN=SIREN_C, Nom="Zorglub Mécanique", Code_commune="56098"),
        ]
    )
    outcome = run(world, data)
    assert problems(outcome) == [
        "ligne 4, colonne « Nom » : même organisation (nom et commune) que la ligne 2 : une "
        "ligne par organisation.",
        "ligne 5, colonne « Nom » : même organisation (nom et commune) que la ligne 3 : une "
        "ligne par organisation.",
    ]
    assert outcome.report.bad_lines == {4, 5}
    assert not outcome.written
    assert not Organisation.objects.filter(search_name="ZORGLUB MECANIQUE").exists()
