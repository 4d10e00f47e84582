"""The declaration rules, in French, pointing at the cell."""

import datetime

import pytest

from ancrage.gpec import validation


@pytest.mark.parametrize(
    ("typed", "number"),
    [("12", 12), (" 1 200 ", 1200), ("0", 0), ("", None), (None, None), (7, 7), (3.0, 3)],
)
def test_counts_read(typed, number):
    assert validation.parse_count(typed) == (number, None)


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("-3", "négatif"),
        (-1, "négatif"),
        ("douze", "nombre entier"),
        ("1\x002", "nombre entier"),
        ("2.5", "nombre entier"),
        (2.5, "sans décimale"),
        ("4294967296", "trop grand"),
        ("9" * 40, "trop grand"),
        ("１２", "nombre entier"),
        ("--5", "nombre entier"),
        ("12a", "nombre entier"),
        (True, "nombre entier"),
    ],
)
def test_bad_counts_are_explained(typed, message):
    number, error = validation.parse_count(typed)
    assert number is None
    assert message in error


def bands(*values):
    return dict(zip(validation.AGE_BANDS, values, strict=True))


def test_age_bands_adding_up_to_the_headcount_pass():
    assert validation.workforce_errors({"headcount": 10, **bands(1, 2, 3, 2, 1, 1)}) == {}


def test_age_bands_not_adding_up_point_at_the_headcount():
    errors = validation.workforce_errors({"headcount": 10, **bands(1, 2, 3, 2, 1, 0)})
    assert list(errors) == ["headcount"]
    assert "9 personnes" in errors["headcount"] and "10" in errors["headcount"]


def test_age_bands_are_all_or_none():
    values = {"headcount": 4, **bands(1, 3, None, None, None, None)}
    errors = validation.workforce_errors(values)
    assert set(errors) == {"age_35_44", "age_45_54", "age_55_59", "age_60_plus"}
    assert "toutes les tranches" in errors["age_60_plus"]


def test_women_cadres_and_contracts_within_the_headcount():
    errors = validation.workforce_errors({"headcount": 5, "women": 6, "cadres": 5, "cdd": 9})
    assert set(errors) == {"women", "cdd"}
    assert "plus que l'effectif du métier (5)" in errors["women"]
    errors = validation.workforce_errors({"headcount": 5, "cdi": 4, "cdd": 2})
    assert list(errors) == ["cdi"] and "totalisent 6 personnes" in errors["cdi"]


def test_departures_within_the_headcount():
    errors = validation.forecast_errors(
        {"retirements_1y": 2, "other_departures_1y": 1, "other_departures_3y": 7}, headcount=3
    )
    assert list(errors) == ["other_departures_3y"]
    assert "(7) dépassent l'effectif du métier (3)" in errors["other_departures_3y"]


def test_duplicates_after_the_first():
    assert validation.duplicate_indexes(["a", None, "b", "a", None, "a"]) == [3, 5]


def test_a_declaration_is_not_dated_in_the_future():
    today = datetime.date(2026, 11, 23)
    assert validation.declared_on_error(today, today=today) is None
    error = validation.declared_on_error(datetime.date(2026, 11, 24), today=today)
    assert "futur" in error and "23/11/2026" in error


def test_a_declaration_is_not_dated_more_than_ten_years_back():
    today = datetime.date(2026, 11, 23)
    assert validation.declared_on_error(datetime.date(2016, 11, 23), today=today) is None
    error = validation.declared_on_error(datetime.date(1, 1, 1), today=today)
    assert error == (
        "La date de déclaration ne peut pas remonter à plus de 10 ans (au plus tôt le 23/11/2016)."
    )


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("01/06/2025", datetime.date(2025, 6, 1)),
        (" 2025-06-01 ", datetime.date(2025, 6, 1)),
        ("01.06.2025", datetime.date(2025, 6, 1)),
        (datetime.datetime(2025, 6, 1, 0, 0), datetime.date(2025, 6, 1)),
        (datetime.date(2025, 6, 1), datetime.date(2025, 6, 1)),
        ("", None),
        (None, None),
    ],
)
def test_dates_read(typed, day):
    assert validation.parse_date(typed) == (day, None)


@pytest.mark.parametrize("typed", ["31/02/2025", "hier", "2025-13-01", "1\x00/06/2025"])
def test_bad_dates_are_explained(typed):
    day, message = validation.parse_date(typed)
    assert day is None and "n'est pas une date : écrivez-la jj/mm/aaaa" in message


CHOICES = [(1, "aucune difficulté"), (4, "très difficile"), ("few", "peu de candidats")]


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("Très difficile", 4),
        (" TRES  DIFFICILE ", 4),
        ("4", 4),
        (1, 1),
        ("few", "few"),
        ("peu de candidats", "few"),
        ("", None),
        (None, None),
    ],
)
def test_choices_read_by_value_or_label(typed, value):
    assert validation.parse_choice(typed, CHOICES) == (value, None)


def test_an_unknown_choice_lists_the_possible_ones():
    assert validation.parse_choice("impossible", CHOICES) == (
        None,
        "« impossible » n'est pas une valeur possible : « aucune difficulté », "
        "« très difficile », « peu de candidats ».",
    )
