"""The XLSX import of GPEC declarations by the cluster's staff: the template
(pre-filled from the last declarations) imports back cleanly, every bad
cell is reported with its sheet, line and column, one bad row and nothing
is written, the facts are marked as imported on behalf of the member."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.gpec import declarations, importer
from ancrage.gpec.factories import DeclarationFactory
from ancrage.gpec.importer import workbook as workbook_module
from ancrage.gpec.importer.columns import FORECASTS, SKILLS, WORKFORCE
from ancrage.gpec.importer.template import template_xlsx
from ancrage.gpec.models import Declaration, OccupationForecast, SkillNeed, Source, WorkforceLine
from ancrage.organisations.factories import MembershipFactory, siren_for
from ancrage.organisations.models import Membership, Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from tests.cast import login

pytestmark = pytest.mark.django_db

SIREN_FORGE = siren_for(12_345_678)
AGES = {
    "Moins de 25 ans": 1,
    "25 à 34 ans": 3,
    "35 à 44 ans": 3,
    "45 à 54 ans": 2,
    "55 à 59 ans": 2,
    "60 ans et plus": 1,
}


@pytest.fixture
def world(cast):
    usinage = OccupationFactory(code="H2903", label="Usinage")
    soudage = OccupationFactory(code="H2913", label="Soudage")
    programming = SkillFactory(label="Programmer une machine à commande numérique", ogr_code=100012)
    welding = SkillFactory(label="Souder à l'arc")
    forge = MembershipFactory(
        cluster=cast.cluster_a, organisation__name="Forge Alpha", organisation__siren=SIREN_FORGE
    ).organisation
    alpha = Organisation.objects.get(name="Usinage Alpha")
    Organisation.objects.filter(pk=alpha.pk).update(siren="")
    alpha.refresh_from_db()
    return {
        "usinage": usinage,
        "soudage": soudage,
        "programming": programming,
        "welding": welding,
        "forge": forge,
        "alpha": alpha,
    }


def titles(sheet):
    return [str(column.title) for column in sheet.columns]


def book(effectifs=(), previsions=(), competences=(), sheets=(WORKFORCE, FORECASTS, SKILLS)):
    """A workbook of dict rows keyed by column title (missing cells empty)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet, rows in zip(
        (WORKFORCE, FORECASTS, SKILLS), (effectifs, previsions, competences), strict=True
    ):
        if sheet not in sheets:
            continue
        worksheet = workbook.create_sheet(str(sheet.title))
        header = titles(sheet)
        worksheet.append(header)
        for row in rows:
            unknown = set(row) - set(header)
            assert not unknown, unknown
            worksheet.append([row.get(title) for title in header])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def forge_row(**values):
    return {"SIREN": SIREN_FORGE, "Adhérent": "Forge Alpha", **values}


def alpha_row(**values):
    return {"Adhérent": "Usinage Alpha", **values}


def good_book():
    return book(
        effectifs=[
            forge_row(**{"Code ROME": "H2903", "Effectif": 12, "Femmes": 3, **AGES}),
            forge_row(**{"Code ROME": "H2913", "Effectif": 4}),
            alpha_row(**{"Code ROME": "H2903", "Effectif": 5, "CDI": 5}),
        ],
        previsions=[
            forge_row(
                **{
                    "Code ROME": "H2913",
                    "Départs en retraite à 3 ans": 1,
                    "Difficulté à recruter": "très difficile",
                    "Raison de la difficulté": "peu de candidats",
                }
            ),
        ],
        competences=[
            forge_row(
                **{
                    "Code compétence": "100012",
                    "Horizon": "à 3 ans",
                    "Personnes concernées": 2,
                    "Réponse envisagée": "former des salariés",
                    "Priorité": "haute",
                }
            ),
            alpha_row(**{"Compétence": "souder à l'arc", "Horizon": "1"}),
        ],
    )


def problems(report):
    return [(p.sheet, p.line, p.column, p.message) for p in report.problems]


def test_a_clean_workbook_gives_one_declaration_per_member(cast, world):
    report = importer.check(cast.cluster_a, good_book())
    assert problems(report) == []
    assert report.is_valid and report.total == 6
    outcome = importer.run(cast.cluster_a, good_book(), user=cast.staff_a, name="gpec.xlsx")
    assert outcome.written
    forge = Declaration.objects.get(organisation=world["forge"])
    assert forge.source == Source.IMPORT and forge.on_behalf
    assert forge.entered_by == cast.staff_a and forge.declared_on == timezone.localdate()
    lines = WorkforceLine.objects.filter(source_key=forge.source_key)
    assert sorted((line.occupation.code, line.headcount, line.age_55_59) for line in lines) == [
        ("H2903", 12, 2),
        ("H2913", 4, None),
    ]
    forecast = OccupationForecast.objects.get(source_key=forge.source_key)
    assert (forecast.occupation.code, forecast.retirements_3y, forecast.difficulty) == (
        "H2913",
        1,
        4,
    )
    assert forecast.difficulty_reason == "few_candidates"
    need = SkillNeed.objects.get(source_key=forge.source_key)
    assert (need.skill, need.horizon_years, need.people, need.priority) == (
        world["programming"],
        3,
        2,
        1,
    )
    alpha = Declaration.objects.get(organisation=world["alpha"])
    assert SkillNeed.objects.get(source_key=alpha.source_key).skill == world["welding"]
    for model in (WorkforceLine, OccupationForecast, SkillNeed):
        facts = model.objects.all()
        assert {(fact.source, fact.on_behalf) for fact in facts} == {(Source.IMPORT, True)}
        assert all("importée par l'équipe du cluster" in fact.source_label for fact in facts)
    entry = outcome.entry
    assert entry.details["what"] == "gpec_import" and entry.details["organisations"] == 2
    assert sorted(entry.details["declarations"]) == sorted([forge.pk, alpha.pk])


def test_the_template_is_prefilled_and_imports_back_cleanly(client, cast, world):
    declarations.save_declaration(
        cast.cluster_a,
        world["forge"],
        datetime.date(2025, 3, 1),
        blocks=[
            {"occupation": world["usinage"], "headcount": 12, "women": 3, "retirements_3y": 2},
            {"occupation": world["soudage"], "headcount": 4, "difficulty": 3},
        ],
        skills=[{"skill": world["programming"], "horizon_years": 1, "people": 2, "kind": "new"}],
        user=cast.member_a,
        on_behalf=False,
    )
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_import:template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.cluster_id, entry.details) == (cast.cluster_a.pk, {"what": "gpec_template"})
    data = response.content
    loaded = load_workbook(io.BytesIO(data))
    assert loaded.sheetnames == ["Effectifs", "Prévisions", "Compétences", "Mode d'emploi"]
    effectifs = [list(row) for row in loaded["Effectifs"].iter_rows(values_only=True)]
    assert effectifs[0][:6] == [
        "SIREN",
        "Adhérent",
        "Date de la déclaration",
        "Code ROME",
        "Métier",
        "Effectif",
    ]
    assert [row[:6] for row in effectifs[1:] if any(row)] == [
        [SIREN_FORGE, "Forge Alpha", None, "H2913", "Soudage", 4],
        [SIREN_FORGE, "Forge Alpha", None, "H2903", "Usinage", 12],
        [None, "Usinage Alpha", None, None, None, None],
    ]
    assert "Difficulté à recruter" in [c.value for c in loaded["Prévisions"][1]]
    assert loaded["Prévisions"]["O2"].value == "difficile"
    assert loaded["Compétences"]["E2"].value == "Programmer une machine à commande numérique"
    assert "Mode d'emploi" in loaded.sheetnames

    report = importer.check(cast.cluster_a, data)
    assert problems(report) == [] and report.is_valid
    assert [item.organisation for item in report.declarations] == [world["forge"]]
    importer.run(cast.cluster_a, data, user=cast.staff_a)
    again = Declaration.objects.get(source=Source.IMPORT)
    blocks, skills = declarations.contents(again)
    assert [
        (b["occupation"].code, b["headcount"], b["women"], b["difficulty"]) for b in blocks
    ] == [
        ("H2913", 4, None, 3),
        ("H2903", 12, 3, None),
    ]
    assert [(s["skill"], s["horizon_years"], s["kind"]) for s in skills] == [
        (world["programming"], 1, "new")
    ]


WORKFORCE_CASES = [
    (
        {"Effectif": 10, **AGES},
        "F « Effectif »",
        "Les tranches d'âge totalisent 12 personnes, l'effectif en compte 10 : corrigez l'un ou "
        "l'autre.",
    ),
    ({"Effectif": -4}, "F « Effectif »", "Un nombre de personnes ne peut pas être négatif."),
    ({"Effectif": "douze"}, "F « Effectif »", "Saisissez un nombre entier (par exemple 12)."),
    ({"Effectif": 2.5}, "F « Effectif »", "Saisissez un nombre entier (par exemple 12)."),
    (
        {"Effectif": 2, "Femmes": 3},
        "M « Femmes »",
        "3, c'est plus que l'effectif du métier (2).",
    ),
    (
        {"Effectif": 3, **dict.fromkeys(list(AGES)[:5], 1)},
        "L « 60 ans et plus »",
        "Renseignez toutes les tranches d'âge (0 s'il n'y a personne), ou aucune.",
    ),
    ({}, "F « Effectif »", "Indiquez l'effectif du métier (0 s'il n'y a personne)."),
    (
        {"Code ROME": "Z9999", "Effectif": 1},
        "D « Code ROME »",
        "Le code ROME « Z9999 » n'existe pas dans le référentiel des métiers (une lettre et "
        "quatre chiffres, par exemple H2903).",
    ),
    (
        {"Date de la déclaration": "31/12/2999", "Effectif": 1},
        "C « Date de la déclaration »",
        "La date de déclaration ne peut pas être dans le futur (au plus tard le {today}).",
    ),
    (
        {"Date de la déclaration": "hier", "Effectif": 1},
        "C « Date de la déclaration »",
        "« hier » n'est pas une date : écrivez-la jj/mm/aaaa (par exemple {today}).",
    ),
    (
        {"SIREN": siren_for(99_999_999), "Effectif": 1},
        "A « SIREN »",
        f"Le SIREN {siren_for(99_999_999)} n'est celui d'aucun adhérent actif de Cluster Alpha.",
    ),
    (
        {"SIREN": "123", "Effectif": 1},
        "A « SIREN »",
        "Un SIREN compte 9 chiffres (« 123 »).",
    ),
    (
        {"SIREN": None, "Adhérent": "Usinage Bêta", "Effectif": 1},
        "B « Adhérent »",
        "« Usinage Bêta » n'est pas un adhérent actif de Cluster Alpha (vérifiez le nom, ou "
        "donnez son SIREN).",
    ),
]


@pytest.mark.parametrize(("values", "column", "message"), WORKFORCE_CASES)
def test_each_bad_cell_is_reported_with_its_sheet_line_and_column(
    cast, world, values, column, message
):
    row = forge_row(**{"Code ROME": "H2903", **values})
    data = book(effectifs=[alpha_row(**{"Code ROME": "H2903", "Effectif": 5}), row])
    report = importer.check(cast.cluster_a, data)
    today = timezone.localdate().strftime("%d/%m/%Y")
    assert problems(report) == [("Effectifs", 3, column, message.format(today=today))]
    assert not report.is_valid
    assert not importer.run(cast.cluster_a, data, user=cast.staff_a).written
    assert not Declaration.objects.exists() and not WorkforceLine.objects.exists()


def test_a_former_member_is_not_a_member(cast, world):
    Membership.objects.filter(organisation=world["forge"]).update(status=Membership.Status.FORMER)
    report = importer.check(
        cast.cluster_a, book(effectifs=[forge_row(**{"Code ROME": "H2903", "Effectif": 1})])
    )
    assert problems(report) == [
        (
            "Effectifs",
            2,
            "A « SIREN »",
            f"Le SIREN {SIREN_FORGE} n'est celui d'aucun adhérent actif de Cluster Alpha.",
        )
    ]


def test_forecasts_skills_and_duplicates(cast, world):
    data = book(
        effectifs=[
            forge_row(**{"Code ROME": "H2903", "Effectif": 2}),
            forge_row(**{"Code ROME": "h2903", "Effectif": 3}),
        ],
        previsions=[
            forge_row(
                **{
                    "Code ROME": "H2903",
                    "Départs en retraite à 1 an": 2,
                    "Autres départs à 1 an": 1,
                }
            ),
            forge_row(**{"Code ROME": "H2913", "Créations à 1 an": 1}),
            forge_row(**{"Code ROME": "H2903", "Difficulté à recruter": "impossible"}),
        ],
        competences=[
            forge_row(**{"Code compétence": "100012", "Horizon": "à 3 ans"}),
            forge_row(
                **{"Compétence": "Programmer une machine à commande numérique", "Horizon": "3"}
            ),
            forge_row(**{"Compétence": "Dompter des licornes"}),
            forge_row(**{"Code compétence": "999"}),
            forge_row(**{"Personnes concernées": 2}),
        ],
    )
    report = importer.check(cast.cluster_a, data)
    assert problems(report) == [
        (
            "Effectifs",
            3,
            "D « Code ROME »",
            "Le métier « Usinage » est déjà déclaré plus haut : regroupez ses chiffres.",
        ),
        (
            "Prévisions",
            2,
            "K « Départs en retraite à 1 an »",
            "Les départs prévus (3) dépassent l'effectif du métier (2).",
        ),
        (
            "Prévisions",
            3,
            "D « Code ROME »",
            "Ce métier n'a pas de ligne dans la feuille « Effectifs » pour cet adhérent : "
            "ajoutez-y son effectif.",
        ),
        (
            "Prévisions",
            4,
            "O « Difficulté à recruter »",
            "« impossible » n'est pas une valeur possible : « aucune difficulté », « quelques "
            "difficultés », « difficile », « très difficile ».",
        ),
        (
            "Compétences",
            3,
            "D « Code compétence »",
            "La compétence « Programmer une machine à commande numérique » est déjà demandée "
            "plus haut pour cet adhérent à cet horizon.",
        ),
        (
            "Compétences",
            4,
            "E « Compétence »",
            "La compétence « Dompter des licornes » n'existe pas dans le référentiel : donnez "
            "son code ou son libellé exact.",
        ),
        (
            "Compétences",
            5,
            "D « Code compétence »",
            "Le code compétence « 999 » n'existe pas dans le référentiel.",
        ),
        (
            "Compétences",
            6,
            "E « Compétence »",
            "Indiquez la compétence (son code ou son libellé).",
        ),
    ]
    assert report.bad_rows == 8


def test_one_member_one_date(cast, world):
    data = book(
        effectifs=[
            forge_row(
                **{"Code ROME": "H2903", "Effectif": 2, "Date de la déclaration": "01/06/2025"}
            ),
            forge_row(
                **{"Code ROME": "H2913", "Effectif": 2, "Date de la déclaration": "2025-06-02"}
            ),
        ],
    )
    assert problems(importer.check(cast.cluster_a, data)) == [
        (
            "Effectifs",
            3,
            "C « Date de la déclaration »",
            "Une déclaration n'a qu'une date : cet adhérent a déjà le 01/06/2025 (« Effectifs », "
            "ligne 2).",
        )
    ]
    data = book(
        effectifs=[
            forge_row(
                **{
                    "Code ROME": "H2903",
                    "Effectif": 2,
                    "Date de la déclaration": datetime.datetime(2025, 6, 1),
                }
            )
        ],
        competences=[forge_row(**{"Code compétence": "100012"})],
    )
    importer.run(cast.cluster_a, data, user=cast.staff_a)
    assert Declaration.objects.get().declared_on == datetime.date(2025, 6, 1)
    assert SkillNeed.objects.get().observed_on == datetime.date(2025, 6, 1)


def test_nothing_is_written_when_one_row_is_bad(cast, world):
    rows = [forge_row(**{"Code ROME": "H2903", "Effectif": 2})] * 1
    data = book(
        effectifs=[*rows, alpha_row(**{"Code ROME": "H2903", "Effectif": 1, "CDI": 2})],
        competences=[forge_row(**{"Code compétence": "100012"})],
    )
    outcome = importer.run(cast.cluster_a, data, user=cast.staff_a)
    assert not outcome.written
    assert problems(outcome.report) == [
        (
            "Effectifs",
            3,
            "O « CDI »",
            "2, c'est plus que l'effectif du métier (1).",
        )
    ]
    for model in (Declaration, WorkforceLine, OccupationForecast, SkillNeed, AuditEntry):
        assert not model.objects.exists(), model


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"code;nom\n1;2\n", "Ce fichier n'est pas un classeur Excel (.xlsx)"),
        (b"PK\x03\x04garbage", "Le classeur est abîmé"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ancien format (.xls)"),
    ],
)
def test_unreadable_files_are_refused_with_a_french_reason(cast, world, data, message):
    report = importer.check(cast.cluster_a, data)
    assert report.refused and message in report.problems[0].message


def test_sheets_and_columns_must_be_recognised(cast, world):
    workbook = Workbook()
    workbook.active.title = "Feuil1"
    buffer = io.BytesIO()
    workbook.save(buffer)
    report = importer.check(cast.cluster_a, buffer.getvalue())
    assert report.refused and "aucune des feuilles attendues" in report.problems[0].message
    workbook.active.title = "effectifs"
    workbook.active.append(["SIREN", "Métier", "Nombre"])
    workbook.active.append([SIREN_FORGE, "Usinage", 3])
    buffer = io.BytesIO()
    workbook.save(buffer)
    assert problems(importer.check(cast.cluster_a, buffer.getvalue())) == [
        ("effectifs", 1, "", "Colonne manquante : « Code ROME ». Partez du modèle de fichier."),
        ("effectifs", 1, "", "Colonne manquante : « Effectif ». Partez du modèle de fichier."),
    ]


def test_formulas_are_reported_cell_by_cell(cast, world):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Effectifs"
    sheet.append(titles(WORKFORCE))
    sheet.append([SIREN_FORGE, "Forge Alpha", None, "H2903", None, "=2+3"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    found = problems(importer.check(cast.cluster_a, buffer.getvalue()))
    assert found[0][:3] == ("Effectifs", 2, "F")
    assert "contient une formule" in found[0][3]


def test_too_many_rows_are_refused(cast, world, monkeypatch):
    monkeypatch.setattr(workbook_module, "MAX_ROWS", 2)
    rows = [forge_row(**{"Code ROME": "H2903", "Effectif": n}) for n in range(3)]
    report = importer.check(cast.cluster_a, book(effectifs=rows))
    assert report.refused
    assert report.problems[0].message.startswith("Le classeur compte plus de 2 lignes")


def test_staff_upload_see_a_preview_then_confirm(client, cast, world):
    DeclarationFactory(
        cluster=cast.cluster_a, organisation=world["forge"], declared_on=datetime.date(2024, 5, 2)
    )
    login(client, cast.staff_a)
    url = reverse("gpec_import:declarations")
    assert "Télécharger le modèle" in client.get(url).content.decode()
    upload = io.BytesIO(good_book())
    upload.name = "gpec.xlsx"
    response = client.post(url, {"file": upload})
    page = response.content.decode()
    assert "Aucune erreur : 2 déclarations sont prêtes à être importées." in page
    assert "Forge Alpha" in page and "Importer les 2 déclarations" in page
    preview = [
        (item.organisation.name, item.last_declared_on)
        for item in response.context["report"].declarations
    ]
    assert preview == [("Forge Alpha", datetime.date(2024, 5, 2)), ("Usinage Alpha", None)]
    assert "02/05/2024" in page
    assert Declaration.objects.count() == 1
    token = response.context["token"]
    response = client.post(reverse("gpec_import:confirm"), {"token": token})
    entry = AuditEntry.objects.get(details__what="gpec_import")
    assert response["Location"] == reverse("gpec_import:result", args=[entry.pk])
    page = client.get(response["Location"]).content.decode()
    assert "2 déclarations enregistrées" in page and "Forge Alpha" in page
    assert Declaration.objects.filter(source=Source.IMPORT).count() == 2
    # The token is spent: confirming again imports nothing more.
    response = client.post(reverse("gpec_import:confirm"), {"token": token})
    assert response.status_code == 302 and Declaration.objects.count() == 3
    # Another cluster's staff cannot read this import's summary.
    login(client, cast.staff_b)
    assert client.get(reverse("gpec_import:result", args=[entry.pk])).status_code == 404


def test_the_report_lists_every_error_and_offers_them_as_a_spreadsheet(client, cast, world):
    login(client, cast.staff_a)
    upload = io.BytesIO(book(effectifs=[forge_row(**{"Code ROME": "H2903", "Effectif": -1})]))
    upload.name = "gpec.xlsx"
    response = client.post(reverse("gpec_import:declarations"), {"file": upload})
    page = response.content.decode()
    assert "1 ligne à corriger" in page and "ne peut pas être négatif" in page
    assert reverse("gpec_import:confirm") not in page
    errors = client.get(reverse("gpec_import:errors"), {"token": response.context["token"]})
    sheet = load_workbook(io.BytesIO(errors.content)).active
    assert [cell.value for cell in sheet[2]] == [
        "Effectifs",
        2,
        "F « Effectif »",
        "Un nombre de personnes ne peut pas être négatif.",
    ]
    assert client.get(reverse("gpec_import:errors"), {"token": "faux"}).status_code == 302


def test_a_file_too_big_is_refused_before_reading(client, cast, world, monkeypatch):
    from ancrage.gpec.views import imports

    monkeypatch.setattr(imports, "MAX_FILE_BYTES", 10)
    login(client, cast.staff_a)
    upload = io.BytesIO(good_book())
    upload.name = "gpec.xlsx"
    page = client.post(reverse("gpec_import:declarations"), {"file": upload}).content.decode()
    assert "Le fichier pèse" in page and "Le fichier n'a pas été reçu" in page


def test_a_name_made_inert_by_the_template_is_still_recognised(cast, world):
    odd = MembershipFactory(
        cluster=cast.cluster_a, organisation__name="=Forge", organisation__siren=""
    ).organisation
    declarations.save_declaration(
        cast.cluster_a,
        odd,
        datetime.date(2025, 3, 1),
        blocks=[{"occupation": world["usinage"], "headcount": 2}],
        skills=[],
        user=None,
        on_behalf=True,
    )
    data = template_xlsx(cast.cluster_a)
    names = [
        row[1] for row in load_workbook(io.BytesIO(data))["Effectifs"].iter_rows(values_only=True)
    ]
    assert "'=Forge" in names
    report = importer.check(cast.cluster_a, data)
    assert problems(report) == []
    assert [item.organisation for item in report.declarations] == [odd]
