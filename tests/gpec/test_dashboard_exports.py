"""The dashboard's XLSX workbook: one sheet per table, the figures of the
page, the fragile ones named for staff; every download is audited."""

import io

import pytest
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from tests.cast import login
from tests.gpec.dashboard_sample import build

pytestmark = pytest.mark.django_db
URL = "/cluster/gpec/export/"


def sheets_of(response):
    workbook = load_workbook(io.BytesIO(response.content), read_only=True)
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def test_workbook_has_every_table(client, cast):
    build(cast)
    login(client, cast.staff_a)
    response = client.get(URL, {"departement": "56"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="gpec-tableau-de-bord-')
    sheets = sheets_of(response)
    assert list(sheets) == [
        "À propos",
        "Besoins par métier",
        "Tension par métier",
        "Besoins et offre",
        "Pyramide des âges",
        "Compétences fragiles",
        "Compétences émergentes",
        "Départements",
        "Bassins d'emploi",
        "Évolution sur un an",
    ]
    about = dict(sheets["À propos"][1:])
    assert about["Périmètre"] == "Cluster Alpha"
    assert about["Adhérents comptés"] == 3
    assert about["Département"] == "Morbihan (56)"
    needs = sheets["Besoins par métier"]
    assert needs[0][0] == "Métier"
    assert needs[0][-1] == "Chiffres reposant sur moins de 3 organisations"
    usinage = needs[1]
    assert usinage[0] == "Usinage (H2903)"
    assert usinage[1:3] == [3, 30]  # organisations, headcount
    assert usinage[5] == pytest.approx(6.02)  # needs at 1 year
    # Two of them gave age bands, two a figure of retirements.
    assert usinage[-1] == (
        "Part des 55 ans et plus (%), Départs en retraite à 1 an, "
        "Départs en retraite à 3 ans, Besoins à 3 ans"
    )
    assert usinage[8:10] == [None, None]  # nobody gave them
    soudage = needs[2]
    assert soudage[0] == "Soudage (H2913)"
    assert "Effectif" in soudage[-1] and "Besoins à 1 an" in soudage[-1]
    assert needs[-1][0] == "Ensemble"
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["what"] == "gpec_dashboard"
    assert entry.details["filter"] == "departement=56"


def test_an_empty_cluster_still_gets_a_workbook(client, cast):
    login(client, cast.staff_b)
    sheets = sheets_of(client.get(URL))
    assert sheets["Besoins par métier"][1:] == []
    assert dict(sheets["À propos"][1:])["Adhérents ayant déclaré"] == 0
