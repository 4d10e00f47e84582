"""The member import: validation of every row, matching with the vocabulary,
writing, re-import, valid rows only. (Helpers and the `world` fixture are
shared with the other test_import* modules.)"""

import csv
import io
from dataclasses import dataclass

import pytest
from openpyxl import Workbook

from ancrage.accounts.models import AuditEntry
from ancrage.matrix import importer
from ancrage.matrix.factories import MatrixProfileFactory
from ancrage.matrix.models import State
from ancrage.organisations.factories import (
    ContactFactory,
    EstablishmentFactory,
    MembershipFactory,
    OrganisationFactory,
    OrganisationUserFactory,
    siren_for,
    siret_for,
)
from ancrage.organisations.models import Contact, Establishment, Membership, Organisation
from ancrage.outbox.models import OutgoingEmail
from ancrage.referentiel.factories import (
    OccupationFactory,
    SkillFactory,
    VocabularyEntryFactory,
)
from ancrage.referentiel.models import Activity, Market, VocabularyEntry
from ancrage.territory.factories import CommuneFactory, DepartmentFactory

pytestmark = pytest.mark.django_db

HEADER = [
    "SIREN",
    "SIRET",
    "Nom",
    "Code commune",
    "Commune",
    "Code postal",
    "Code NAF",
    "Effectif",
    "E-mail du contact",
    "Prénom du contact",
    "Nom du contact",
    "Métier",
    "Compétences",
    "Activités",
    "Marchés",
    "Certifications",
]
SIREN_A = siren_for(11_111_111)
SIREN_B = siren_for(22_222_222)
SIREN_C = siren_for(33_333_333)


def xlsx(rows, header=HEADER):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_data(rows, header=HEADER, delimiter=",", encoding="utf-8"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def row(**values):
    """A row of HEADER: row(Nom="…", SIREN="…")."""
    names = {header.replace(" ", "_").replace("-", "_"): header for header in HEADER}
    cells = dict.fromkeys(HEADER, "")
    for key, value in values.items():
        cells[names.get(key, key)] = value
    return [cells[header] for header in HEADER]


@dataclass
class World:
    cluster: object
    staff: object
    lorient: object
    lanester: object
    turning: object  # the cluster's occupation entry « Usineur mécanique »
    small_machining: object  # skill entry, ROME skill « Petit usinage »
    five_axis: object  # skill entry of the cluster's own « Fraisage 5 axes »
    welding: object  # ROME skill not in the vocabulary
    boilermaker: object  # ROME occupation not in the vocabulary


@pytest.fixture
def world(cast):
    return make_world(cast)


def make_world(cast):
    """Communes, and a cluster vocabulary with ROME items around it."""
    morbihan = DepartmentFactory(code="56", name="Morbihan")
    lorient = CommuneFactory(
        code="56121", name="Lorient", postal_codes=["56100"], department=morbihan
    )
    lorient.postal_codes = ["56100"]  # the cast made it already
    lorient.save()
    lanester = CommuneFactory(
        code="56098", name="Lanester", postal_codes=["56600"], department=morbihan
    )
    CommuneFactory(code="56240", name="Saint-Martin", postal_codes=["56200"], department=morbihan)
    CommuneFactory(code="56241", name="Saint-Martin", postal_codes=["56300"], department=morbihan)
    cluster = cast.cluster_a
    turning = VocabularyEntryFactory(
        cluster=cluster, occupation=None, label="Usineur mécanique", position=1
    )
    small = VocabularyEntryFactory(
        cluster=cluster,
        kind=VocabularyEntry.Kind.SKILL,
        occupation=None,
        skill=SkillFactory(label="Petit usinage"),
        position=1,
    )
    five_axis = VocabularyEntryFactory(
        cluster=cluster,
        kind=VocabularyEntry.Kind.SKILL,
        occupation=None,
        label="Fraisage 5 axes",
        aliases=["Fraisage cinq axes"],
        position=2,
    )
    welding = SkillFactory(label="Souder par procédé TIG")
    SkillFactory(label="Réaliser des soudures à l'arc électrique sur tôles")
    SkillFactory(label="Contrôler une pièce usinée au micromètre")
    SkillFactory(label="Contrôler une pièce usinée au projecteur de profil")
    boilermaker = OccupationFactory(code="H2902", label="Chaudronnier / Chaudronnière")
    OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    return World(
        cluster, cast.staff_a, lorient, lanester, turning, small, five_axis, welding, boilermaker
    )


def complete_row(**values):
    """A valid row with every column filled."""
    defaults = {
        "SIREN": SIREN_A,
        "SIRET": siret_for(SIREN_A, 1),
        "Nom": "Usinage de Lorient",
        "Code_commune": "56121",
        "Code_NAF": "25.62B",
        "Effectif": 42,
        "E_mail_du_contact": "Direction@Usinage-Lorient.fr",
        "Prénom_du_contact": "Anne",
        "Nom_du_contact": "Le Goff",
        "Métier": "usineur mecanique",
        "Compétences": "Petit usinage ; fraisage cinq axes",
        "Activités": "Usinage; contrôle / qualité",
        "Marchés": "naval;AERONAUTIQUE",
        "Certifications": "ISO 9001 ; EN 9100",
    }
    defaults.update(values)
    return row(**defaults)


def run(world, data, **options):
    options.setdefault("by", world.staff)
    return importer.run(world.cluster, data, **options)


def problems(outcome_or_report):
    report = getattr(outcome_or_report, "report", outcome_or_report)
    return [str(problem) for problem in report.problems]


# Writing ---------------------------------------------------------------------------


def test_a_valid_file_creates_the_organisation_its_membership_and_its_profile(world):
    outcome = run(world, xlsx([complete_row()]), name="adherents.xlsx")
    assert problems(outcome) == []
    assert outcome.summary.created == [2]
    organisation = Organisation.objects.get(siren=SIREN_A)
    assert organisation.name == "Usinage de Lorient"
    assert organisation.commune == world.lorient
    assert organisation.postal_code == "56100"
    assert organisation.naf_code == "25.62B"
    assert (organisation.headcount, organisation.size_class) == (42, "pme")
    assert Establishment.objects.get(organisation=organisation).siret == siret_for(SIREN_A, 1)
    contact = Contact.objects.get(organisation=organisation)
    assert (contact.email, contact.first_name, contact.last_name) == (
        "direction@usinage-lorient.fr",
        "Anne",
        "Le Goff",
    )
    assert not organisation.listed_publicly  # until the organisation chooses to be
    membership = Membership.objects.get(cluster=world.cluster, organisation=organisation)
    assert membership.status == Membership.Status.ACTIVE
    profile = membership.matrix
    assert profile.occupation == world.turning
    assert [item.entry for item in profile.skills.all()] == [
        world.small_machining,
        world.five_axis,
    ]
    assert [item.activity.slug for item in profile.activities.all()] == [
        "usinage",
        "controle-qualite",
    ]
    assert sorted(item.market.slug for item in profile.markets.all()) == ["aeronautique", "naval"]
    assert profile.certifications == ["ISO 9001", "EN 9100"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MEMBERS_IMPORTED)
    assert entry.cluster_id == world.cluster.pk
    assert entry.actor == world.staff
    assert entry.details["file"] == "adherents.xlsx"
    assert entry.details["created"] == 1
    assert outcome.entry == entry


def test_reimporting_the_same_file_updates_without_duplicating(world):
    data = xlsx([complete_row(), complete_row(SIREN=SIREN_B, SIRET="", Nom="Forge Bretonne")])
    first = run(world, data)
    assert first.summary.created == [2, 3]
    again = run(world, data)
    assert problems(again) == []
    assert again.summary.created == []
    assert again.summary.unchanged == [2, 3]
    assert Organisation.objects.filter(siren__in=[SIREN_A, SIREN_B]).count() == 2
    assert Membership.objects.filter(cluster=world.cluster).count() == 3  # with Usinage Alpha
    assert Contact.objects.count() == 2
    assert Establishment.objects.count() == 1
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MEMBERS_IMPORTED).count() == 2


def test_without_siren_the_name_and_commune_identify_the_organisation(world):
    data = xlsx([row(Nom="Atelier du Scorff", Commune="lorient", Code_postal="56100")])
    assert run(world, data).summary.created == [2]
    again = run(world, xlsx([row(Nom="ATELIER DU SCORFF", Code_commune="56121", Effectif="3")]))
    assert again.summary.updated == [2]
    organisation = Organisation.objects.get(name="Atelier du Scorff")
    assert organisation.headcount == 3
    # The same name elsewhere is another organisation.
    other = run(world, xlsx([row(Nom="Atelier du Scorff", Code_commune="56098")]))
    assert other.summary.created == [2]
    assert Organisation.objects.filter(search_name="ATELIER DU SCORFF").count() == 2


def test_an_existing_organisation_is_found_by_siret_or_siren_and_joins_the_cluster(world):
    elsewhere = EstablishmentFactory(organisation__siren=SIREN_C, organisation__name="Ancien nom")
    MembershipFactory(cluster=world.cluster, organisation__siren=SIREN_B, status="former")
    data = xlsx(
        [
            row(SIRET=elsewhere.siret, Nom="Nouveau nom", Code_commune="56121"),
            row(SIREN=SIREN_B, Nom="Forge Bretonne"),
        ]
    )
    outcome = run(world, data)
    assert problems(outcome) == []
    assert outcome.summary.created == [2]  # new to the cluster
    assert outcome.summary.updated == [3]  # a former member, active again
    assert Organisation.objects.filter(siren=SIREN_C).count() == 1
    elsewhere.organisation.refresh_from_db()
    # Not this cluster's member before: attached as it is, not rewritten.
    assert elsewhere.organisation.name == "Ancien nom"
    assert Membership.objects.get(organisation__siren=SIREN_B).status == "active"


def test_another_clusters_member_is_attached_not_rewritten_and_its_people_told(world, cast):
    theirs = MembershipFactory(
        cluster=cast.cluster_b,
        organisation__siren=SIREN_C,
        organisation__name="Chantier du Nord",
        organisation__headcount=120,
    ).organisation
    OrganisationUserFactory(organisation=theirs, user__email="dirigeante@nord.fr")
    outcome = run(world, xlsx([row(SIREN=SIREN_C, Nom="Nom choisi ailleurs", Effectif="4999")]))
    assert problems(outcome) == []
    theirs.refresh_from_db()
    assert (theirs.name, theirs.headcount) == ("Chantier du Nord", 120)
    assert Membership.objects.filter(cluster=world.cluster, organisation=theirs).exists()
    entry = AuditEntry.objects.get(
        action=AuditEntry.Action.MEMBER_ADDED, cluster_id=world.cluster.pk
    )
    assert entry.details["existing"] is True and entry.details["via"] == "import"
    email = OutgoingEmail.objects.get(to="dirigeante@nord.fr")
    assert "aux adhérents" in email.body_text


def test_a_name_alike_in_another_cluster_is_not_taken(world, cast):
    theirs = MembershipFactory(
        cluster=cast.cluster_b,
        organisation__siren="",
        organisation__name="Usinage du Port",
        organisation__commune=world.lorient,
        organisation__headcount=7,
    ).organisation
    outcome = run(world, xlsx([row(Nom="usinage du PORT", Code_commune="56121", Effectif="3")]))
    assert problems(outcome) == []
    theirs.refresh_from_db()
    assert theirs.headcount == 7
    assert not Membership.objects.filter(cluster=world.cluster, organisation=theirs).exists()
    assert Organisation.objects.filter(name__iexact="usinage du port").count() == 2


def test_empty_cells_keep_what_is_recorded(world):
    run(world, xlsx([complete_row()]))
    outcome = run(world, xlsx([row(SIREN=SIREN_A, Nom="Usinage de Lorient")]))
    assert outcome.summary.unchanged == [2]
    organisation = Organisation.objects.get(siren=SIREN_A)
    assert organisation.headcount == 42
    assert organisation.memberships.get().matrix.skills.count() == 2


def test_a_validated_profile_changed_by_the_import_goes_to_review(world):
    membership = MembershipFactory(cluster=world.cluster, organisation__siren=SIREN_A)
    profile = MatrixProfileFactory(membership=membership, occupation=world.turning, validated=True)
    OrganisationUserFactory(organisation=membership.organisation, user__email="dirigeant@x.fr")
    outcome = run(world, xlsx([row(SIREN=SIREN_A, Nom="X", Compétences="Petit usinage")]))
    assert outcome.summary.updated == [2]
    profile.refresh_from_db()
    assert profile.state == State.TO_REVIEW
    assert profile.transitions.get().by == world.staff
    # The organisation is asked to read it again, and the change of state is audited.
    email = OutgoingEmail.objects.get(template="matrix_submitted")
    assert email.to == "dirigeant@x.fr"
    assert f"{world.staff} (Cluster Alpha) a modifié le profil de X" in email.body_text
    assert "/organisation/matrice/alpha/" in email.body_text
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MATRIX_STATE_CHANGED)
    assert (entry.actor, entry.cluster_id, entry.object_id) == (
        world.staff,
        world.cluster.pk,
        str(profile.pk),
    )
    assert entry.details == {"from_state": "validated", "to_state": "to_review", "note": False}
    # Nothing changes the second time: the state stays, nobody is told again.
    assert run(world, xlsx([row(SIREN=SIREN_A, Nom="X")])).summary.unchanged == [2]
    run(world, xlsx([row(SIREN=SIREN_A, Nom="X", Compétences="Fraisage 5 axes")]))
    assert OutgoingEmail.objects.filter(template="matrix_submitted").count() == 1
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MATRIX_STATE_CHANGED).count() == 1


def test_a_dry_run_tells_nobody(world):
    membership = MembershipFactory(cluster=world.cluster, organisation__siren=SIREN_A)
    MatrixProfileFactory(membership=membership, occupation=world.turning, validated=True)
    OrganisationUserFactory(organisation=membership.organisation)
    data = xlsx([row(SIREN=SIREN_A, Nom="X", Compétences="Petit usinage")])
    assert run(world, data, dry_run=True).summary.updated == [2]
    assert not OutgoingEmail.objects.exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.MATRIX_STATE_CHANGED).exists()


def test_rome_items_missing_from_the_vocabulary_are_added_and_reported(world):
    data = xlsx(
        [
            row(
                SIREN=SIREN_A, Nom="A", Métier="Chaudronnier", Compétences="souder par procede TIG"
            ),
            row(SIREN=SIREN_B, Nom="B", Métier="H2902", Compétences="Souder par procédé TIG"),
        ]
    )
    outcome = run(world, data)
    assert problems(outcome) == []
    added = VocabularyEntry.objects.filter(cluster=world.cluster, created_by=world.staff)
    assert {(entry.kind, entry.display_label) for entry in added} == {
        ("occupation", "Chaudronnier / Chaudronnière"),
        ("skill", "Souder par procédé TIG"),
    }
    assert outcome.summary.added == [
        ("métier", "Chaudronnier / Chaudronnière"),
        ("compétence", "Souder par procédé TIG"),
    ]
    lines = importer.lines(outcome.summary.as_details())
    assert lines[0] == "2 adhérents créés, 0 mis à jour, 0 inchangé."
    assert lines[1] == (
        "2 éléments ajoutés au vocabulaire du cluster : « Chaudronnier / Chaudronnière » "
        "(métier), « Souder par procédé TIG » (compétence)."
    )
    # A re-import finds them in the vocabulary.
    assert run(world, data).summary.added == []


def test_only_the_valid_rows_when_asked(world):
    data = xlsx(
        [
            complete_row(),
            row(SIREN="123456789", Nom="Clé fausse"),
            row(SIREN=SIREN_B, Nom="Forge Bretonne"),
        ]
    )
    refused = run(world, data)
    assert not refused.written
    assert not Organisation.objects.filter(siren__in=[SIREN_A, SIREN_B]).exists()
    outcome = run(world, data, valid_rows_only=True)
    assert outcome.summary.created == [2, 4]
    assert outcome.summary.skipped == [3]
    assert importer.lines(outcome.summary.as_details())[-1] == (
        "1 ligne en erreur ignorée (ligne 3)."
    )
    assert Organisation.objects.filter(siren__in=[SIREN_A, SIREN_B]).count() == 2


def test_a_dry_run_writes_nothing_but_says_what_would_change(world):
    outcome = run(world, xlsx([complete_row(Métier="Chaudronnier")]), dry_run=True)
    assert outcome.summary.created == [2]
    assert outcome.summary.added == [("métier", "Chaudronnier / Chaudronnière")]
    assert outcome.entry is None
    assert not Organisation.objects.filter(siren=SIREN_A).exists()
    assert not VocabularyEntry.objects.filter(occupation=world.boilermaker).exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.MEMBERS_IMPORTED).exists()


def test_comments_on_kept_items_survive_a_reimport(world):
    run(world, xlsx([complete_row()]))
    profile = Membership.objects.get(organisation__siren=SIREN_A).matrix
    profile.skills.filter(entry=world.small_machining).update(comment="pièces < 50 mm")
    run(world, xlsx([row(SIREN=SIREN_A, Nom="X", Compétences="Petit usinage")]))
    assert [(item.entry, item.comment) for item in profile.skills.all()] == [
        (world.small_machining, "pièces < 50 mm")
    ]


def test_an_existing_contact_is_completed_not_doubled(world):
    organisation = OrganisationFactory(siren=SIREN_A)
    ContactFactory(
        organisation=organisation,
        cluster=world.cluster,
        email="anne@exemple.fr",
        first_name="",
        last_name="",
    )
    data = xlsx(
        [row(SIREN=SIREN_A, Nom="X", E_mail_du_contact="ANNE@exemple.fr", Prénom_du_contact="Anne")]
    )
    run(world, data)
    contact = Contact.objects.get(organisation=organisation)
    assert (contact.email, contact.first_name) == ("anne@exemple.fr", "Anne")


def test_imported_contacts_are_the_clusters_and_others_stay_untouched(world, cast):
    organisation = OrganisationFactory(siren=SIREN_A)
    own = ContactFactory(organisation=organisation, cluster=None, email="own@x.fr", first_name="")
    other = ContactFactory(
        organisation=organisation, cluster=cast.cluster_b, email="b@x.fr", first_name=""
    )
    data = xlsx(
        [
            row(SIREN=SIREN_A, Nom="X", E_mail_du_contact="own@x.fr", Prénom_du_contact="Anne"),
            row(SIREN=SIREN_B, Nom="Y", Code_commune="56121", E_mail_du_contact="y@x.fr"),
        ]
    )
    assert problems(run(world, data)) == []
    # The organisation's own contact is read-only for the cluster, and not doubled.
    own.refresh_from_db()
    assert own.first_name == ""
    assert Contact.objects.filter(email="own@x.fr").count() == 1
    assert Contact.objects.get(email="y@x.fr").cluster == world.cluster
    # Another cluster's contact is neither seen nor changed.
    data = xlsx([row(SIREN=SIREN_A, Nom="X", E_mail_du_contact="b@x.fr", Prénom_du_contact="Bé")])
    assert problems(run(world, data)) == []
    other.refresh_from_db()
    assert other.first_name == ""
    mine = Contact.objects.get(email="b@x.fr", cluster=world.cluster)
    assert mine.first_name == "Bé"


# Validation ------------------------------------------------------------------------


def test_every_bad_row_is_reported_with_its_line_column_and_reason(world):
    MembershipFactory(cluster=world.cluster, organisation__siren=SIREN_C)
    data = xlsx(
        [
            complete_row(SIREN="123456789", SIRET=""),
            complete_row(SIREN=SIREN_B, SIRET=siret_for(SIREN_C, 1)),
            complete_row(SIREN="", SIRET="1234", Code_commune=""),
            complete_row(SIREN=SIREN_C, SIRET="", Code_commune="", Commune="Ploucville"),
            complete_row(SIREN=siren_for(4), SIRET="", Code_commune="", Commune="Saint-Martin"),
            complete_row(SIREN=siren_for(5), SIRET="", Code_NAF="99.99Z", Effectif="-3"),
            complete_row(SIREN=siren_for(6), SIRET="", Effectif="une dizaine"),
            complete_row(SIREN=siren_for(7), SIRET="", E_mail_du_contact="pas-une-adresse"),
            complete_row(SIREN=siren_for(8), SIRET="", Compétences="Contrôler une pièce usinée"),
            complete_row(SIREN=siren_for(9), SIRET="", Compétences="Petit usinage; Vannerie"),
            complete_row(SIREN=siren_for(10), SIRET="", Activités="Pâtisserie", Marchés="Lune"),
            complete_row(SIREN=siren_for(9), SIRET="", Nom="Doublon"),
            complete_row(SIREN=siren_for(11), SIRET="", Nom=""),
        ]
    )
    outcome = run(world, data)
    assert not outcome.written
    found = problems(outcome)
    expected = [
        "ligne 2, colonne « SIREN » : le SIREN 123456789 n'existe pas : sa clé de contrôle est "
        "fausse.",
        f"ligne 3, colonne « SIRET » : le SIRET {siret_for(SIREN_C, 1)} n'est pas un "
        f"établissement du SIREN {SIREN_B} (il doit commencer par ses 9 chiffres).",
        "ligne 4, colonne « SIRET » : un SIRET compte 14 chiffres (« 1234 »). Si le tableur a "
        "retiré les zéros de tête, mettez la colonne au format Texte.",
        "ligne 5, colonne « Commune » : aucune commune ne correspond à « Ploucville ». Vérifiez "
        "l'orthographe ou saisissez le code postal.",
        "ligne 6, colonne « Commune » : plusieurs communes correspondent à « Saint-Martin » : "
        "Saint-Martin (56200), Saint-Martin (56300). Choisissez-en une dans la liste ou précisez "
        "le code postal, par exemple « Saint-Martin (56200) ».",
        "ligne 7, colonne « Code NAF » : « 99.99Z » n'est pas un code NAF (ex. 25.62A).",
        "ligne 7, colonne « Effectif » : l'effectif ne peut pas être négatif (« -3 »).",
        "ligne 8, colonne « Effectif » : l'effectif est un nombre entier de salariés "
        "(« unedizaine »).",
        "ligne 9, colonne « E-mail du contact » : « pas-une-adresse » n'est pas une adresse "
        "électronique valide.",
        "ligne 10, colonne « Compétences » : « Contrôler une pièce usinée » est ambigu : "
        "« Contrôler une pièce usinée au micromètre », « Contrôler une pièce usinée au "
        "projecteur de profil ». Écrivez le nom exact de celui que vous voulez.",
        "ligne 11, colonne « Compétences » : « Vannerie » ne correspond à aucune compétence du "
        "vocabulaire du cluster ni du ROME.",
        "ligne 12, colonne « Activités » : « Pâtisserie » n'est pas une activité de la liste : "
        + ", ".join(f"« {label} »" for label in Activity.objects.values_list("label", flat=True))
        + ".",
        "ligne 12, colonne « Marchés » : « Lune » n'est pas un marché de la liste : "
        + ", ".join(f"« {label} »" for label in Market.objects.values_list("label", flat=True))
        + ".",
        f"ligne 13, colonne « SIREN » : même SIREN ({siren_for(9)}) que la ligne 11 : une "
        "ligne par organisation.",
        "ligne 14, colonne « Nom » : le nom de l'organisation est obligatoire.",
    ]
    assert found == expected
    assert outcome.report.bad_lines == set(range(2, 15))
    assert not Organisation.objects.filter(name="Usinage de Lorient").exists()


def test_a_rome_label_written_exactly_wins_over_longer_ones(world):
    SkillFactory(label="Réaliser la maintenance de premier niveau")
    SkillFactory(label="Réaliser la maintenance de premier niveau de moteurs marins")
    report = importer.check(
        world.cluster,
        xlsx(
            [row(SIREN=SIREN_A, Nom="A", Compétences="réaliser la maintenance de PREMIER niveau")]
        ),
    )
    assert problems(report) == []
    assert [found.label for found in report.rows[0].skills] == [
        "Réaliser la maintenance de premier niveau"
    ]


def test_too_many_skills_for_the_cluster(world):
    world.cluster.matrix_max_skills = 1
    world.cluster.save()
    report = importer.check(world.cluster, xlsx([complete_row()]))
    assert problems(report) == [
        "ligne 2, colonne « Compétences » : 2 compétences clés pour 1 au plus dans ce cluster : "
        "ne gardez que les compétences remarquables."
    ]


def test_the_template_example_row_is_refused(world):
    from ancrage.matrix.importer.template import example_row

    report = importer.check(world.cluster, xlsx([example_row()]))
    assert problems(report) == [
        "ligne 2, colonne « Nom » : c'est la ligne d'exemple du modèle : supprimez-la."
    ]


def test_values_longer_than_what_is_kept(world):
    data = xlsx(
        [
            row(
                SIREN=SIREN_A,
                Nom="N" * 201,
                E_mail_du_contact="a" * 250 + "@exemple.fr",
                Prénom_du_contact="P" * 151,
                Certifications="ISO 9001; " + "C" * 61,
            )
        ]
    )
    assert problems(importer.check(world.cluster, data)) == [
        "ligne 2, colonne « Nom » : 200 caractères au plus (201 ici).",
        "ligne 2, colonne « E-mail du contact » : 254 caractères au plus (261 ici).",
        "ligne 2, colonne « Prénom du contact » : 150 caractères au plus (151 ici).",
        "ligne 2, colonne « Certifications » : 60 caractères au plus (61 ici).",
    ]


def test_a_row_needs_a_siren_or_a_commune(world):
    report = importer.check(world.cluster, xlsx([row(Nom="Sans rien")]))
    assert problems(report) == [
        "ligne 2, colonne « Commune » : sans SIREN ni SIRET, la commune est obligatoire : avec "
        "le nom, elle sert à reconnaître l'organisation."
    ]


def test_headers_are_recognised_whatever_their_spelling(world):
    header = [
        "n° SIREN",
        "NOM USUEL",
        "code insee",
        "Métier principal",
        "COMPETENCES CLES",
        "Couleur",
    ]
    data = xlsx(
        [[SIREN_A, "Usinage", "56121", "Usineur mécanique", "Petit usinage", "bleu"]], header
    )
    report = importer.check(world.cluster, data)
    assert problems(report) == []
    assert report.ignored_columns == ["Couleur"]
    assert report.rows[0].occupation.entry == world.turning


def test_missing_and_doubled_columns_are_named(world):
    report = importer.check(world.cluster, xlsx([["x", "y"]], ["Effectif", "Métier"]))
    assert problems(report) == [
        "Colonne(s) manquante(s) : « Nom ». Partez du modèle de fichier.",
        "Il faut au moins une colonne pour reconnaître chaque organisation : « SIREN », "
        "« SIRET », « Code commune » ou « Commune ».",
    ]
    report = importer.check(world.cluster, xlsx([["x", "y", "z"]], ["Nom", "SIREN", "siren"]))
    assert problems(report) == ["La colonne « SIREN » apparaît deux fois : gardez-en une seule."]
