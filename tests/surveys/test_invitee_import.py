import io

import openpyxl
import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import MembershipFactory, OrganisationFactory, siren_for
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from ancrage.surveys import invitee_import
from ancrage.surveys.factories import CampaignFactory, InviteeFactory
from ancrage.surveys.models import Invitee, Status
from ancrage.territory.factories import CommuneFactory, DepartmentFactory
from tests.cast import login

pytestmark = pytest.mark.django_db

HEADER = ["Organisation", "Adresse e-mail", "SIREN (facultatif)", "Commune", "Effectif"]


def xlsx(rows, header=HEADER):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def campaign(cast):
    return CampaignFactory(cluster=cast.cluster_a, status=Status.SCHEDULED)


def lines(report):
    return {problem.line: problem.message for problem in report.problems}


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(cast, campaign):
    InviteeFactory(campaign=campaign, organisation=None, email="deja@exemple.fr", is_member=False)
    gard = DepartmentFactory(code="30", name="Gard")
    CommuneFactory(code="30001", name="Saint-Martin", department=gard)
    CommuneFactory(code="56230", name="Saint-Martin")
    data = xlsx(
        [
            ["Bonne Entreprise", "bonne@exemple.fr", "", "Lorient", "12"],
            ["", "vide@exemple.fr", "", "", ""],
            ["Mauvaise adresse", "pas-une-adresse", "", "", ""],
            ["Doublon", "bonne@exemple.fr", "", "", ""],
            ["Déjà invitée", "DEJA@exemple.fr", "", "", ""],
            ["Faux SIREN", "siren@exemple.fr", "123456788", "", ""],
            ["Inconnue", "inconnue@exemple.fr", "", "Trifouillis-les-Oies", ""],
            ["Ambiguë", "ambigue@exemple.fr", "", "Saint-Martin", ""],
            ["Négatif", "negatif@exemple.fr", "", "", "-3"],
            ["Pas un nombre", "nombre@exemple.fr", "", "", "beaucoup"],
            ["Trop longue", "a" * 250 + "@exemple.fr", "", "", ""],
        ]
    )
    report = invitee_import.run(campaign, data)
    assert not report.ok
    found = lines(report)
    assert sorted(found) == list(range(3, 13))
    assert "nom de l'organisation est vide" in found[3]
    assert "pas-une-adresse" in found[4] and "n'est pas valide" in found[4]
    assert "figure déjà ligne 2" in found[5]
    assert "déjà invitée" in found[6]
    assert "clé de contrôle est fausse" in found[7]
    assert "Trifouillis" in found[8]
    assert "Saint-Martin" in found[9]
    assert "négatif" in found[10]
    assert "n'est pas un nombre" in found[11]
    assert "n'est pas valide" in found[12]
    assert campaign.invitees.count() == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "Le fichier est vide."),
        (b"Organisation;Adresse e-mail\r\nA;a@exemple.fr\r\n", "pas un classeur Excel"),
        (xlsx([]), "que la ligne des titres"),
        (xlsx([["A", "a@exemple.fr"]], header=["Nom de famille", "Age"]), "Adresse e-mail"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(campaign, content, message):
    report = invitee_import.run(campaign, content)
    assert report.problems[0].line is None
    assert message in report.problems[0].message
    assert not campaign.invitees.exists()


def test_too_many_rows(campaign, monkeypatch):
    monkeypatch.setattr(invitee_import, "MAX_ROWS", 3)
    rows = [[f"Org {n}", f"org{n}@exemple.fr"] for n in range(4)]
    report = invitee_import.run(campaign, xlsx(rows))
    assert "4 lignes" in report.problems[0].message
    assert not campaign.invitees.exists()


def test_a_good_file_creates_the_invitees(cast, campaign):
    member = MembershipFactory(
        cluster=cast.cluster_a, organisation__siren=siren_for(7)
    ).organisation
    outsider = OrganisationFactory(siren=siren_for(8), headcount=600)
    data = xlsx(
        [
            ["Forges du Blavet", "Contact@Forges.fr", "", "56121", "35"],
            ["Usinage membre", "rh@membre.fr", member.siren, "", ""],
            [
                "Autre plateforme",
                "rh@autre.fr",
                f"{outsider.siren[:3]} {outsider.siren[3:]}",
                "",
                3,
            ],
        ]
    )
    report = invitee_import.run(campaign, data)
    assert report.ok, report.problems
    invitees = {i.email: i for i in campaign.invitees.select_related("commune")}
    forges = invitees["contact@forges.fr"]
    assert (forges.name, forges.organisation, forges.is_member) == ("Forges du Blavet", None, False)
    assert (forges.size_class, forges.commune.name) == ("pme", "Lorient")
    linked = invitees["rh@membre.fr"]
    assert (linked.organisation, linked.is_member, linked.siren) == (member, True, member.siren)
    # Not known to this cluster: not linked, nothing it answers is written
    # in that organisation's name.
    other = invitees["rh@autre.fr"]
    assert (other.organisation, other.is_member, other.size_class) == (None, False, "tpe")
    assert other.siren == outsider.siren
    assert Organisation.objects.count() == 3  # nothing created on the platform


def test_a_former_member_is_linked_another_clusters_member_is_not(cast, campaign):
    former = MembershipFactory(
        cluster=cast.cluster_a, organisation__siren=siren_for(9), status="former"
    ).organisation
    elsewhere = MembershipFactory(
        cluster=cast.cluster_b, organisation__siren=siren_for(10)
    ).organisation
    data = xlsx(
        [
            ["Ancien", "rh@ancien.fr", former.siren, "", ""],
            ["Ailleurs", "rh@ailleurs.fr", elsewhere.siren, "", ""],
        ]
    )
    report = invitee_import.run(campaign, data)
    assert report.ok, report.problems
    invitees = {i.email: i for i in campaign.invitees.all()}
    assert (invitees["rh@ancien.fr"].organisation, invitees["rh@ancien.fr"].is_member) == (
        former,
        False,
    )
    assert invitees["rh@ailleurs.fr"].organisation is None


def test_an_organisation_already_invited_as_a_member_is_a_duplicate(cast, campaign):
    organisation = Organisation.objects.get(name="Usinage Alpha")
    InviteeFactory(campaign=campaign, organisation=organisation)
    report = invitee_import.run(
        campaign,
        xlsx(
            [
                ["Usinage", "autre@usinage.fr", organisation.siren, "", ""],
                ["Externe", "externe@exemple.fr", "", "", ""],
            ]
        ),
    )
    assert "déjà invitée" in lines(report)[2]
    assert campaign.invitees.count() == 1


def test_the_page_imports_audits_and_invites_at_once_when_open(client, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a)
    login(client, cast.staff_a)
    url = reverse("survey_exports:import_invitees", kwargs={"pk": campaign.pk})
    bad = io.BytesIO(xlsx([["", "x@exemple.fr"]]))
    bad.name = "destinataires.xlsx"
    response = client.post(url, {"file": bad})
    assert response.status_code == 422
    assert "Ligne 2" in response.content.decode()
    good = io.BytesIO(xlsx([["Forges", "forges@exemple.fr"], ["Port", "port@exemple.fr"]]))
    good.name = "destinataires.xlsx"
    response = client.post(url, {"file": good}, follow=True)
    assert "2 destinataires importés" in response.content.decode()
    assert set(campaign.invitees.values_list("email", flat=True)) == {
        "forges@exemple.fr",
        "port@exemple.fr",
    }
    assert not campaign.invitees.filter(invited_at=None).exists()
    assert sorted(OutgoingEmail.objects.values_list("to", flat=True)) == [
        "forges@exemple.fr",
        "port@exemple.fr",
    ]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.CAMPAIGN_INVITEES)
    assert (entry.details["count"], entry.object_id) == (2, str(campaign.pk))


def test_a_closed_campaign_takes_no_import(client, cast):
    campaign = CampaignFactory(cluster=cast.cluster_a, status=Status.CLOSED)
    login(client, cast.staff_a)
    url = reverse("survey_exports:import_invitees", kwargs={"pk": campaign.pk})
    upload = io.BytesIO(xlsx([["Forges", "forges@exemple.fr"]]))
    upload.name = "destinataires.xlsx"
    response = client.post(url, {"file": upload})
    assert response.status_code == 409
    assert not Invitee.objects.exists()


def test_the_template_is_the_file_the_import_reads(client, cast, campaign):
    login(client, cast.staff_a)
    response = client.get(reverse("survey_exports:invitee_template", kwargs={"pk": campaign.pk}))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == [
        "Organisation",
        "Adresse e-mail",
        "SIREN (facultatif)",
        "Commune (code INSEE, code postal ou nom)",
        "Effectif (facultatif)",
    ]
    # Sent back as it is, its example row is refused rather than invited.
    report = invitee_import.run(campaign, response.content)
    assert lines(report) == {2: "c'est la ligne d'exemple du modèle : supprimez-la"}
    assert not campaign.invitees.exists()
