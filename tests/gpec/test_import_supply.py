"""The CSV import of external supply figures (job seekers per ROME code and
BMO basin or département): separator and encoding told by the file, every
bad line reported, nothing imported half-way, the list of past imports."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.gpec.importer import supply
from ancrage.gpec.models import ExternalSupply, ExternalSupplyImport
from ancrage.referentiel.factories import OccupationFactory
from ancrage.territory.factories import DepartmentFactory
from ancrage.territory.models import BmoBasin, Department
from tests.cast import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(cast):
    OccupationFactory(code="H2903", label="Usinage")
    OccupationFactory(code="H2913", label="Soudage")
    BmoBasin.objects.create(code="5301", name="Lorient")
    BmoBasin.objects.create(code="5202", name="Saint-Nazaire")
    DepartmentFactory(
        code="2A", name="Corse-du-Sud", region=Department.objects.get(code="56").region
    )


def csv_file(text, encoding="utf-8", name="offre.csv"):
    upload = io.BytesIO(text.encode(encoding))
    upload.name = name
    return upload


def post(client, upload, label="France Travail, DEFM cat. A", day="2025-12-31"):
    return client.post(
        reverse("gpec_import:supply"), {"label": label, "period_end": day, "file": upload}
    )


def test_a_clean_file_is_imported_with_bulk_create(
    client, cast, world, django_assert_max_num_queries
):
    login(client, cast.staff_a)
    text = (
        "\ufeffcode_rome;code_bassin;demandeurs_emploi;offres\r\n"
        "H2903;5301;120;14\r\nh2913;5202;35;\r\n"
    )
    with django_assert_max_num_queries(25):
        response = post(client, csv_file(text))
    assert response["Location"] == reverse("gpec_import:supply")
    batch = ExternalSupplyImport.objects.get()
    assert (batch.cluster, batch.label, batch.period_end, batch.rows, batch.imported_by) == (
        cast.cluster_a,
        "France Travail, DEFM cat. A",
        datetime.date(2025, 12, 31),
        2,
        cast.staff_a,
    )
    lines = ExternalSupply.objects.filter(batch=batch).order_by("job_seekers")
    assert [
        (line.occupation.code, line.bmo_basin.code, line.department, line.job_seekers, line.offers)
        for line in lines
    ] == [
        ("H2913", "5202", None, 35, None),
        ("H2903", "5301", None, 120, 14),
    ]
    entry = AuditEntry.objects.get(details__what="gpec_supply_import")
    assert entry.cluster_id == cast.cluster_a.pk and entry.details["rows"] == 2
    page = client.get(reverse("gpec_import:supply")).content.decode()
    assert "2 lignes importées" in page
    assert "France Travail, DEFM cat. A" in page and "31/12/2025" in page


def test_commas_latin_1_and_departements(cast, world):
    text = "Code_Département,Code ROME,Demandeurs emploi\n56,H2903,12\n2a,H2903,3\n"
    report = supply.check(text.encode("latin-1"))
    assert report.problems == [] and report.delimiter == ","
    assert report.encoding in ("Windows-1252", "Latin-1")
    assert sorted((line.department_id, line.job_seekers) for line in report.lines) == sorted(
        [
            (Department.objects.get(code="56").pk, 12),
            (Department.objects.get(code="2A").pk, 3),
        ]
    )


def test_every_bad_line_is_reported_and_nothing_imported(client, cast, world):
    text = (
        "code_rome;code_bassin;demandeurs_emploi;offres\n"
        "H2903;5301;120;14\n"
        "Z9999;5301;10;\n"
        "H2913;9999;10;\n"
        "H2913;5301;-3;\n"
        "H2913;5202;12,5;2\n"
        "H2903;5301;7;\n"
        "H2913;5202;;x\n"
    )
    report = supply.check(text.encode())
    assert [(p.line, p.column, p.message) for p in report.problems] == [
        (
            3,
            "code_rome",
            "Le code ROME « Z9999 » n'existe pas dans le référentiel des métiers (une lettre et "
            "quatre chiffres, par exemple H2903).",
        ),
        (4, "code_bassin", "Le bassin d'emploi BMO « 9999 » est inconnu."),
        (5, "demandeurs_emploi", "Un nombre de personnes ne peut pas être négatif."),
        (6, "demandeurs_emploi", "Saisissez un nombre entier (par exemple 12)."),
        (7, "code_rome", "Ce métier et ce territoire figurent déjà à la ligne 2."),
        (8, "demandeurs_emploi", "Indiquez le nombre de demandeurs d'emploi."),
        (8, "offres", "Saisissez un nombre entier (par exemple 12)."),
    ]
    login(client, cast.staff_a)
    response = post(client, csv_file(text))
    page = response.content.decode()
    assert response.status_code == 200
    assert "7 erreurs dans le fichier : rien n'a été importé" in page
    assert "Le bassin d&#x27;emploi BMO « 9999 » est inconnu." in page
    assert 'value="France Travail, DEFM cat. A"' in page  # what was typed is kept
    assert "Fichier lu en UTF-8, séparateur « ; »." in page
    assert not ExternalSupplyImport.objects.exists() and not ExternalSupply.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (
            b"code_rome;demandeurs_emploi\nH2903;3\n",
            "Colonne(s) manquante(s) : code_bassin / code_departement",
        ),
        (
            b"code_rome;code_bassin;code_departement;demandeurs_emploi\nH2903;5301;56;3\n",
            "pas les deux",
        ),
        (b"PK\x03\x04xlsx", "n'est pas un fichier CSV"),
        (b"a\x00b", "n'est pas un fichier CSV"),
    ],
)
def test_unusable_files_get_a_french_reason(world, data, message):
    report = supply.check(data)
    assert not report.is_valid and message in report.problems[0].message


def test_the_form_refuses_a_future_date_and_keeps_the_label(client, cast, world):
    login(client, cast.staff_a)
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    text = "code_rome;code_bassin;demandeurs_emploi\nH2903;5301;3\n"
    page = post(client, csv_file(text), label="Mes chiffres", day=tomorrow).content.decode()
    assert "ne peut pas être dans le futur" in page and 'value="Mes chiffres"' in page
    assert not ExternalSupplyImport.objects.exists()


def test_past_imports_of_the_cluster_only_newest_first(client, cast, world):
    ExternalSupplyImport.objects.create(
        cluster=cast.cluster_a, label="Vieux chiffres", period_end=datetime.date(2024, 12, 31)
    )
    ExternalSupplyImport.objects.create(
        cluster=cast.cluster_a, label="Chiffres récents", period_end=datetime.date(2025, 12, 31)
    )
    ExternalSupplyImport.objects.create(
        cluster=cast.cluster_b, label="Chiffres de Bêta", period_end=datetime.date(2025, 12, 31)
    )
    login(client, cast.staff_a)
    page = client.get(reverse("gpec_import:supply")).content.decode()
    assert page.index("Chiffres récents") < page.index("Vieux chiffres")
    assert "Chiffres de Bêta" not in page


def test_only_cluster_admins_import_supply(client, cast, world):
    editor = ClusterStaffFactory(cluster=cast.cluster_a, admin=False).user
    login(client, editor)
    assert client.get(reverse("gpec_import:supply")).status_code == 403
    text = "code_rome;code_bassin;demandeurs_emploi\nH2903;5301;3\n"
    assert post(client, csv_file(text)).status_code == 403
    assert not ExternalSupplyImport.objects.exists()
    # The declarations import is open to every staff member, without the supply link.
    page = client.get(reverse("gpec_import:declarations")).content.decode()
    assert reverse("gpec_import:supply") not in page
    login(client, cast.staff_a)
    page = client.get(reverse("gpec_import:declarations")).content.decode()
    assert reverse("gpec_import:supply") in page
