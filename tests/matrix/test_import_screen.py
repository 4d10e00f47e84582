"""The staff screen of the member import: upload, report, confirmation,
summary; the kept file; the template downloads."""

import io
import re
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.matrix import importer
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.matrix.importer import pending
from ancrage.matrix.models import State
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login
from tests.matrix.test_import import (
    HEADER,
    SIREN_A,
    SIREN_B,
    complete_row,
    csv_data,
    make_world,
    row,
    xlsx,
)

pytestmark = pytest.mark.django_db
UPLOAD = reverse("member_import:upload")
CONFIRM = reverse("member_import:confirm")


@pytest.fixture
def world(cast):
    return make_world(cast)


@pytest.fixture
def staff(client, world):
    return login(client, world.staff)


def send(client, data, name="adherents.xlsx"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def token_of(response):
    match = re.search(r'name="token" value="([^"]+)"', response.content.decode())
    return match[1] if match else None


def kept_files():
    try:
        return default_storage.listdir(pending.FOLDER)[1]
    except FileNotFoundError:
        return []


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_a_file_with_errors_then_only_its_valid_rows(staff, world):
    data = xlsx([complete_row(), row(SIREN="123456789", Nom="Clé fausse")])
    response = send(staff, data)
    assert response.status_code == 200
    page = text(response)
    assert "« adherents.xlsx » : 2 lignes lues." in page
    assert "1 ligne en erreur, 1 ligne(s) valide(s). Rien n'a été enregistré" in page
    assert (
        "<td>3</td> <td>SIREN</td> <td>le SIREN 123456789 n&#x27;existe pas : sa clé de "
        "contrôle est fausse.</td>"
    ) in page
    assert "Importer seulement la ligne valide" in page
    assert not Organisation.objects.filter(siren=SIREN_A).exists()
    assert len(kept_files()) == 1

    response = staff.post(CONFIRM, {"token": token_of(response), "mode": "valid"})
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MEMBERS_IMPORTED)
    assert response.status_code == 302
    assert response["Location"] == reverse("member_import:result", kwargs={"pk": entry.pk})
    assert Organisation.objects.filter(siren=SIREN_A).exists()
    assert kept_files() == []
    assert entry.details["valid_rows_only"] is True
    assert entry.ip_address == "127.0.0.1"

    page = text(staff.get(response["Location"]))
    assert "« adherents.xlsx », importé le" in page
    assert "par staff-a@exemple.fr" in page
    assert "1 adhérent créé, 0 mis à jour, 0 inchangé." in page
    assert "1 ligne en erreur ignorée (ligne 3)." in page


def test_a_valid_file_is_imported_once_confirmed(staff, world):
    response = send(staff, csv_data([complete_row(Métier="Chaudronnier")]), "membres.csv")
    page = text(response)
    assert "Aucune erreur : 1 organisation est prête à être importée." in page
    assert (
        "Éléments du ROME qui seront ajoutés au vocabulaire du cluster : « Chaudronnier / "
        "Chaudronnière »"
    ) in page
    assert not Organisation.objects.filter(siren=SIREN_A).exists()
    response = staff.post(CONFIRM, {"token": token_of(response), "mode": "all"}, follow=True)
    page = text(response)
    assert "1 adhérent créé, 0 mis à jour, 0 inchangé." in page
    assert (
        "1 élément ajouté au vocabulaire du cluster : « Chaudronnier / Chaudronnière » (métier)."
    ) in page
    assert Organisation.objects.get(siren=SIREN_A).name == "Usinage de Lorient"


def test_the_whole_file_cannot_be_imported_while_it_has_errors(staff, world):
    response = send(staff, xlsx([complete_row(), row(SIREN="123", Nom="X")]))
    response = staff.post(CONFIRM, {"token": token_of(response), "mode": "all"})
    assert response.status_code == 200
    assert "Rien n&#x27;a été importé : le fichier comporte des erreurs." in text(response)
    assert not Organisation.objects.filter(siren=SIREN_A).exists()


def test_the_file_is_checked_again_when_confirmed(staff, world):
    response = send(staff, xlsx([complete_row(Compétences="Fraisage 5 axes")]))
    assert "Aucune erreur" in text(response)
    # Meanwhile, a colleague removes the skill from the vocabulary.
    world.five_axis.delete()
    response = staff.post(CONFIRM, {"token": token_of(response), "mode": "all"})
    page = text(response)
    assert "Rien n&#x27;a été importé : le fichier comporte des erreurs." in page
    assert "« Fraisage 5 axes » ne correspond à aucune compétence" in page
    assert not Organisation.objects.filter(siren=SIREN_A).exists()


def test_a_file_that_cannot_be_read_is_not_kept(staff, world):
    response = send(staff, b"%PDF-1.7\x00\x01", "adherents.pdf")
    page = text(response)
    assert "Ce fichier ne peut pas être importé : corrigez-le" in page
    assert "Ce fichier n&#x27;est ni un classeur Excel (.xlsx) ni un fichier CSV" in page
    assert token_of(response) is None
    assert kept_files() == []


def test_a_50_mb_file_is_refused_with_its_size(staff, world):
    response = send(staff, b"x" * (50 * 1024 * 1024), "enorme.csv")
    assert response.status_code == 200
    page = text(response)
    assert "Le fichier n'a pas été reçu : voyez ci-dessous." in page
    assert "Le fichier pèse 50,0 Mio : 10,0 Mio au plus." in page
    assert kept_files() == []


def test_no_file_or_an_empty_one(staff, world):
    assert "Ce champ est obligatoire." in text(staff.post(UPLOAD, {}))
    assert "Le fichier soumis est vide." in text(send(staff, b""))


def test_many_errors_are_counted_beyond_the_first_two_hundred(staff, world):
    rows = [row(SIREN="123", Nom=f"N{number}") for number in range(205)]
    page = text(send(staff, csv_data(rows), "x.csv"))
    assert "205 erreurs" in page
    assert page.count("un SIREN compte 9 chiffres") == 200
    assert "… et 5 autres erreurs, non affichées." in page
    assert "Importer seulement" not in page  # no valid row


def test_every_error_can_be_downloaded(staff, world):
    rows = [row(SIREN="123", Nom=f"N{number}") for number in range(205)]
    response = send(staff, csv_data(rows), "x.csv")
    link = re.search(
        r'href="(/cluster/adherents/import/erreurs\.xlsx\?token=[^"]+)"', text(response)
    )
    response = staff.get(link[1].replace("&amp;", "&"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[1]] == ["Ligne", "Colonne", "Problème"]
    assert sheet.max_row == 206
    assert [cell.value for cell in sheet[206]] == [
        206,
        "SIREN",
        "un SIREN compte 9 chiffres (« 123 »). Si le tableur a retiré les zéros de tête, "
        "mettez la colonne au format Texte.",
    ]


def test_a_token_of_someone_else_or_too_old_is_refused(client, cast, world):
    login(client, world.staff)
    token = token_of(send(client, xlsx([complete_row()])))
    login(client, cast.staff_b)
    response = client.post(CONFIRM, {"token": token, "mode": "all"}, follow=True)
    assert "Le fichier envoyé n&#x27;est plus disponible" in text(response)
    login(client, world.staff)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pending, "MAX_AGE", timedelta(seconds=-1))
        response = client.post(CONFIRM, {"token": token, "mode": "all"}, follow=True)
    assert "Le fichier envoyé n&#x27;est plus disponible" in text(response)
    assert not Organisation.objects.filter(siren=SIREN_A).exists()


def test_old_kept_files_are_deleted_by_the_next_upload(staff, world):
    send(staff, xlsx([complete_row()]))
    assert len(kept_files()) == 1
    later = pending.timezone.now() + pending.MAX_AGE + timedelta(minutes=1)
    assert pending.clean_old(now=later) == 1
    assert kept_files() == []


def test_another_import_of_the_same_cluster_waits(staff, world):
    token = token_of(send(staff, xlsx([complete_row()])))
    other = connection.copy()
    try:
        with other.cursor() as cursor:
            cursor.execute(
                "SELECT pg_try_advisory_lock(hashtext(%s))",
                [importer.LOCK_KEY % world.cluster.pk],
            )
        response = staff.post(CONFIRM, {"token": token, "mode": "all"})
    finally:
        other.close()
    assert response.status_code == 409
    assert "Un import d&#x27;adhérents est déjà en cours pour ce cluster" in text(response)
    assert token_of(response) == token
    assert not Organisation.objects.filter(siren=SIREN_A).exists()


def test_a_reimport_reports_unchanged_members(staff, world):
    data = xlsx([complete_row(), complete_row(SIREN=SIREN_B, SIRET="", Nom="Forge")])
    for _time in range(2):
        response = send(staff, data)
        response = staff.post(CONFIRM, {"token": token_of(response), "mode": "all"}, follow=True)
    assert "0 adhérent créé, 0 mis à jour, 2 inchangés." in text(response)


def test_a_validated_profile_changed_on_screen_is_sent_back_for_review(staff, world):
    membership = MembershipFactory(
        cluster=world.cluster, organisation__siren=SIREN_A, organisation__name="Forge"
    )
    profile = MatrixProfileFactory(membership=membership, occupation=world.turning, validated=True)
    OrganisationUserFactory(organisation=membership.organisation, user__email="dirigeant@forge.fr")
    response = send(staff, xlsx([row(SIREN=SIREN_A, Nom="Forge", Compétences="Petit usinage")]))
    response = staff.post(CONFIRM, {"token": token_of(response), "mode": "all"}, follow=True)
    assert "0 adhérent créé, 1 mis à jour, 0 inchangé." in text(response)
    profile.refresh_from_db()
    assert profile.state == State.TO_REVIEW
    email = OutgoingEmail.objects.get(template="matrix_submitted")
    assert email.to == "dirigeant@forge.fr"
    assert f"{world.staff} (Cluster Alpha) a modifié le profil de Forge" in email.body_text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MATRIX_STATE_CHANGED)
    assert (entry.actor, entry.object_id, entry.ip_address) == (
        world.staff,
        str(profile.pk),
        "127.0.0.1",
    )
    assert entry.details == {"from_state": "validated", "to_state": "to_review", "note": False}


def test_the_xlsx_template_has_a_header_an_example_and_a_help_sheet(staff, world):
    response = staff.get(reverse("member_import:template", kwargs={"fmt": "xlsx"}))
    assert response["Content-Disposition"] == 'attachment; filename="modele-import-adherents.xlsx"'
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["Adhérents", "Mode d'emploi"]
    sheet = workbook["Adhérents"]
    assert [cell.value for cell in sheet[1]] == HEADER
    assert sheet["C2"].value == "Usinage de l'Ouest (exemple)"
    assert workbook["Mode d'emploi"]["A2"].value == "SIREN"
    # The template, filled in, is what the import reads.
    report = importer.check(world.cluster, response.content)
    assert [str(problem) for problem in report.problems] == [
        "ligne 2, colonne « Nom » : c'est la ligne d'exemple du modèle : supprimez-la."
    ]


def test_the_csv_template_opens_in_french_excel(staff, world):
    response = staff.get(reverse("member_import:template", kwargs={"fmt": "csv"}))
    assert response.content.startswith(b"\xef\xbb\xbfSIREN;SIRET;Nom;")
    content = response.content.decode("utf-8-sig").replace("Usinage de l'Ouest (exemple)", "X")
    outcome = importer.run(world.cluster, content.encode(), dry_run=True)
    assert [str(problem) for problem in outcome.report.problems] == []
    assert outcome.summary.created == [2]
