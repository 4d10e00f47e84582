"""`ancrage import-members`: its output, its refusals, CSV files from Excel."""

import io

import pytest
from django.core.management import CommandError, call_command

from ancrage.accounts.models import AuditEntry
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.matrix.models import State
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from ancrage.referentiel.models import VocabularyEntry
from tests.matrix.test_import import (
    SIREN_A,
    SIREN_B,
    complete_row,
    csv_data,
    make_world,
    row,
    xlsx,
)

pytestmark = pytest.mark.django_db


def command(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_members", *[str(arg) for arg in args], stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failure(*args):
    with pytest.raises(CommandError) as raised:
        command(*args)
    return str(raised.value)


@pytest.fixture
def world(cast):
    return make_world(cast)


@pytest.fixture
def file(tmp_path):
    def make(data, name="adherents.xlsx"):
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


def test_the_command_imports_and_prints_a_french_summary(world, file):
    path = file(xlsx([complete_row(Métier="Chaudronnier"), row(SIREN=SIREN_B, Nom="Forge")]))
    out, err = command("--cluster", "alpha", path)
    assert out.splitlines() == [
        "Cluster Alpha : 2 ligne(s) importée(s).",
        "2 adhérents créés, 0 mis à jour, 0 inchangé.",
        "1 élément ajouté au vocabulaire du cluster : « Chaudronnier / Chaudronnière » (métier).",
        "Import enregistré.",
    ]
    assert err == ""
    out, _err = command("--cluster", "alpha", path)
    assert "0 adhérent créé, 0 mis à jour, 2 inchangés." in out


def test_a_dry_run_writes_nothing(world, file):
    path = file(xlsx([complete_row(Métier="Chaudronnier")]))
    out, _err = command("--cluster", "alpha", "--dry-run", path)
    assert out.splitlines() == [
        "[simulation] Cluster Alpha : 1 ligne(s) importée(s).",
        "[simulation] 1 adhérent créé, 0 mis à jour, 0 inchangé.",
        "[simulation] 1 élément ajouté au vocabulaire du cluster : « Chaudronnier / "
        "Chaudronnière » (métier).",
        "[simulation] Rien n'a été écrit.",
    ]
    assert not Organisation.objects.filter(siren=SIREN_A).exists()
    assert not VocabularyEntry.objects.filter(occupation=world.boilermaker).exists()


def test_a_file_with_errors_is_refused_with_every_error(world, file):
    path = file(xlsx([complete_row(), row(SIREN="123", Nom="A"), row(Nom="", SIREN=SIREN_B)]))
    message = failure("--cluster", "alpha", path)
    assert message.splitlines() == [
        "Import annulé, rien n'a été écrit (2 ligne(s) en erreur sur 3, 2 erreur(s)) :",
        "ligne 3, colonne « SIREN » : un SIREN compte 9 chiffres (« 123 »). Si le tableur a "
        "retiré les zéros de tête, mettez la colonne au format Texte.",
        "ligne 4, colonne « Nom » : le nom de l'organisation est obligatoire.",
    ]
    assert not Organisation.objects.filter(siren=SIREN_A).exists()


def test_valid_rows_only_lists_the_rows_left_out(world, file):
    path = file(xlsx([complete_row(), row(SIREN="123", Nom="A")]))
    out, err = command("--cluster", "alpha", "--valid-rows-only", path)
    assert (
        err.splitlines()[0]
        == "Lignes en erreur, ignorées (1 ligne(s) en erreur sur 2, 1 erreur(s)) :"
    )
    assert "1 adhérent créé, 0 mis à jour, 0 inchangé." in out
    assert "1 ligne en erreur ignorée (ligne 3)." in out
    assert Organisation.objects.filter(siren=SIREN_A).exists()


def test_a_cp1252_csv_with_semicolons_as_excel_writes_it(world, file):
    data = csv_data(
        [complete_row(Nom="Électro Sarthe", Compétences="Petit usinage", Marchés="Aéronautique")],
        delimiter=";",
        encoding="cp1252",
    )
    assert "É".encode("cp1252") in data
    out, _err = command("--cluster", "alpha", file(data, "adherents.csv"))
    assert "1 adhérent créé" in out
    organisation = Organisation.objects.get(siren=SIREN_A)
    assert organisation.name == "Électro Sarthe"
    assert organisation.memberships.get().matrix.markets.get().market.label == "Aéronautique"


def test_a_utf8_csv_with_a_byte_order_mark_and_commas(world, file):
    data = b"\xef\xbb\xbf" + csv_data([complete_row(Nom="Électro Sarthe")])
    out, _err = command("--cluster", "alpha", file(data, "adherents.csv"))
    assert "1 adhérent créé" in out
    assert Organisation.objects.get(siren=SIREN_A).name == "Électro Sarthe"


def test_unknown_cluster_missing_file_and_folder(world, file, tmp_path):
    path = file(xlsx([complete_row()]))
    assert failure("--cluster", "nope", path) == "Aucun cluster n'a l'identifiant « nope »."
    assert failure("--cluster", "alpha", tmp_path / "absent.xlsx").endswith(
        "absent.xlsx : fichier introuvable."
    )
    assert failure("--cluster", "alpha", tmp_path).endswith(": c'est un dossier, pas un fichier.")


def test_a_file_over_the_size_limit_is_refused_before_reading(world, file):
    path = file(b"x", "gros.csv")
    with path.open("r+b") as handle:
        handle.truncate(50 * 1024 * 1024)
    message = failure("--cluster", "alpha", path)
    assert message.endswith(
        "gros.csv : Le fichier pèse 50,0\xa0Mio : 10,0\xa0Mio au plus. Découpez-le en plusieurs "
        "fichiers ou retirez les colonnes et les feuilles inutiles."
    )


def test_a_validated_profile_changed_by_the_command_is_sent_back_for_review(world, file):
    membership = MembershipFactory(
        cluster=world.cluster, organisation__siren=SIREN_A, organisation__name="Forge"
    )
    profile = MatrixProfileFactory(membership=membership, occupation=world.turning, validated=True)
    OrganisationUserFactory(organisation=membership.organisation, user__email="dirigeant@forge.fr")
    path = file(xlsx([row(SIREN=SIREN_A, Nom="Forge", Compétences="Petit usinage")]))
    out, _err = command("--cluster", "alpha", path)
    assert "0 adhérent créé, 1 mis à jour, 0 inchangé." in out
    profile.refresh_from_db()
    assert profile.state == State.TO_REVIEW
    email = OutgoingEmail.objects.get(template="matrix_submitted")
    assert email.to == "dirigeant@forge.fr"
    assert "L'équipe du cluster (Cluster Alpha) a modifié le profil de Forge" in email.body_text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MATRIX_STATE_CHANGED)
    assert (entry.actor, entry.cluster_id, entry.object_id) == (
        None,
        world.cluster.pk,
        str(profile.pk),
    )
    assert entry.details == {"from_state": "validated", "to_state": "to_review", "note": False}
