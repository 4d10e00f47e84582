"""The staff member directory: search, filters, sort, pagination, htmx
partial, exports — and never another cluster's members."""

import csv
import io
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import MembershipFactory, siren_for
from ancrage.organisations.models import Membership, Organisation
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from ancrage.territory.models import Commune, EmploymentZone
from tests.cast import login

LIST = reverse("members:list")


def names(response):
    return [m.organisation.name for m in response.context["page"].object_list]


@pytest.fixture
def members(cast):
    """Four more members of cluster A in two départements, one former."""
    lorient = Commune.objects.get(code="56121")
    zone = EmploymentZone.objects.create(code="5305", name="Lorient")
    Commune.objects.filter(pk=lorient.pk).update(employment_zone=zone)
    nantes = CommuneFactory(code="44109", name="Nantes", department=DepartmentFactory(code="44"))
    specs = [
        ("Forges de Lorient", "FORGES ET FONDERIES DE BRETAGNE", "company", 300, lorient, "24.51Z"),
        ("Lycée maritime", "", "lycee", None, nantes, "85.32Z"),
        ("Composites Océan", "OCEAN COMPOSITES SAS", "company", 12, nantes, "22.29A"),
        ("Étoile Usinage", "", "company", 4, lorient, "25.62B"),
    ]
    made = {}
    for index, (name, legal, kind, headcount, commune, naf) in enumerate(specs):
        made[name] = MembershipFactory(
            cluster=cast.cluster_a,
            organisation__name=name,
            organisation__legal_name=legal,
            organisation__kind=kind,
            organisation__headcount=headcount,
            organisation__commune=commune,
            organisation__naf_code=naf,
            organisation__siren=siren_for(70_000_000 + index),
            since=date(2015 + index, 1, 1),
            fee_paid=index % 2 == 0,
        )
    made["Étoile Usinage"].status = Membership.Status.FORMER
    made["Étoile Usinage"].save()
    MembershipFactory(cluster=cast.cluster_b, organisation__name="Forges du Sud")
    return made


def test_lists_only_the_clusters_members_by_name(client, cast, members):
    login(client, cast.staff_a)
    response = client.get(LIST)
    assert names(response) == [
        "Composites Océan",
        "Étoile Usinage",
        "Forges de Lorient",
        "Lycée maritime",
        "Usinage Alpha",
    ]
    assert "Forges du Sud" not in response.content.decode()
    assert reverse("member_import:upload") in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("forges", ["Forges de Lorient"]),
        ("FONDERIES", ["Forges de Lorient"]),  # the legal name
        ("etoile", ["Étoile Usinage"]),  # accents ignored
        ("Composits", ["Composites Océan"]),  # a typo
        (siren_for(70_000_002)[:8], ["Composites Océan"]),  # the start of a SIREN
        ("sud", []),  # cluster B's member
    ],
)
def test_search_by_name_legal_name_or_siren(client, cast, members, query, expected):
    login(client, cast.staff_a)
    assert names(client.get(LIST, {"q": query})) == expected


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "lycee"}, ["Lycée maritime"]),
        ({"size": "eti"}, ["Forges de Lorient"]),
        ({"size": "tpe"}, ["Étoile Usinage"]),
        ({"commune": "44109"}, ["Composites Océan", "Lycée maritime"]),
        ({"department": "56"}, ["Étoile Usinage", "Forges de Lorient"]),
        ({"zone": "5305"}, ["Étoile Usinage", "Forges de Lorient"]),
        ({"naf_section": "C"}, ["Composites Océan", "Étoile Usinage", "Forges de Lorient"]),
        ({"naf": "25"}, ["Étoile Usinage"]),
        ({"naf": "22.29a"}, ["Composites Océan"]),
        ({"status": "former"}, ["Étoile Usinage"]),
        ({"fee": "paid"}, ["Composites Océan", "Forges de Lorient"]),
        ({"department": "56", "status": "active"}, ["Forges de Lorient"]),
    ],
)
def test_filters(client, cast, members, filters, expected):
    login(client, cast.staff_a)
    assert names(client.get(LIST, filters)) == expected


def test_sorts(client, cast, members):
    login(client, cast.staff_a)
    assert names(client.get(LIST, {"sort": "-effectif"}))[:3] == [
        "Forges de Lorient",
        "Composites Océan",
        "Étoile Usinage",
    ]
    assert names(client.get(LIST, {"sort": "-depuis"}))[0] == "Étoile Usinage"
    assert names(client.get(LIST, {"sort": "commune"}))[2:] == [
        "Composites Océan",
        "Lycée maritime",
        "Usinage Alpha",  # no commune: last
    ]


def test_bad_filters_say_why_and_keep_the_input(client, cast, members):
    login(client, cast.staff_a)
    response = client.get(LIST, {"naf": "abc", "department": "99", "q": "forges"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Tapez le début d&#x27;un code NAF" in page
    assert "Aucun adhérent dans ce département." in page
    assert 'value="forges"' in page
    assert names(response) == []


def test_unknown_commune_in_the_filter_is_explained(client, cast, members):
    login(client, cast.staff_a)
    response = client.get(LIST, {"commune": "Atlantide"})
    assert "Aucune commune ne correspond à « Atlantide »" in response.content.decode()


def test_htmx_gets_only_the_results(client, cast, members):
    login(client, cast.staff_a)
    response = client.get(LIST, {"kind": "lycee"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.count('id="resultats"') == 1
    assert "<h1" not in page
    assert "Lycée maritime" in page


def test_paginated_with_a_constant_number_of_queries(client, cast):
    for _number in range(3):
        MembershipFactory(cluster=cast.cluster_a, organisation__commune=CommuneFactory())
    login(client, cast.staff_a)
    client.get(LIST)  # sessions, contexts: warm
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for _number in range(50):
        MembershipFactory(cluster=cast.cluster_a, organisation__commune=CommuneFactory())
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST, {"page": 2})
    assert len(many) == len(few)
    assert len(response.context["page"].object_list) == 25


def _export(client, fmt, **filters):
    return client.get(reverse("members:export"), {"format": fmt, **filters})


def test_export_xlsx_of_the_filtered_list_is_audited(client, cast, members):
    login(client, cast.staff_a)
    response = _export(client, "xlsx", department="56")
    assert response["Content-Disposition"].startswith('attachment; filename="adherents-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    assert rows[0][:3] == ("Nom", "Raison sociale", "SIREN")
    assert [row[0] for row in rows[1:]] == ["Étoile Usinage", "Forges de Lorient"]
    forges = rows[2]
    assert forges[4:8] == ("24.51Z", "Fonderie de fonte", "ETI", 300)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["count"] == 2
    assert entry.details["format"] == "xlsx"


def test_export_csv(client, cast, members):
    login(client, cast.staff_a)
    response = _export(client, "csv", kind="lycee")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows] == ["Nom", "Lycée maritime"]


def test_export_with_bad_filters_goes_back_to_the_list(client, cast, members):
    login(client, cast.staff_a)
    response = _export(client, "xlsx", naf="zz")
    assert response.status_code == 302
    assert response["Location"].startswith(LIST)
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.EXPORT).exists()


def test_export_never_holds_another_clusters_members(client, cast, members):
    login(client, cast.staff_b)
    sheet = load_workbook(io.BytesIO(_export(client, "xlsx").content)).active
    assert [row[0] for row in list(sheet.values)[1:]] == ["Forges du Sud"]
    assert Organisation.objects.count() == 6
