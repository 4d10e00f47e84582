from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from ancrage import cli
from ancrage.accounts.models import User
from ancrage.clusters.models import Cluster, ClusterStaff, StaffInvitation
from ancrage.demo import data
from ancrage.outbox.models import OutgoingEmail
from ancrage.referentiel import starter
from ancrage.referentiel.factories import OccupationFactory
from ancrage.referentiel.models import Release, Revision, VocabularyEntry
from ancrage.territory.factories import CommuneFactory, DepartmentFactory, RegionFactory
from tests.links import invitation_in


@pytest.fixture
def seat_communes(db):
    bretagne = RegionFactory(code="53", name="Bretagne")
    department = DepartmentFactory(code="56", name="Morbihan", region=bretagne)
    for _, _, _, code, _ in data.CLUSTERS:
        CommuneFactory(code=code, department=department)


def test_demo_loads_the_fifteen_clusters_with_working_logins(seat_communes, client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert Cluster.objects.count() == 15
    neopolia = Cluster.objects.get(slug="neopolia")
    assert neopolia.get_kind_display() == "grappe d'entreprises"
    assert neopolia.seat.code == "44184"
    assert ClusterStaff.objects.filter(role=ClusterStaff.Role.ADMIN).count() == 15
    staff = User.objects.get(email="equipe.neopolia@example.org")
    assert staff.check_password(data.DEMO_PASSWORD)
    assert staff.totpdevice_set.get().key == data.DEMO_TOTP_KEY_HEX
    assert User.objects.get(email="admin@example.org").is_superuser
    assert User.objects.get(email="candidate@example.org").is_candidate
    assert User.objects.get(email="region.bretagne@example.org").is_authority
    officer = User.objects.get(email="charge.mission.ouest@example.org")
    assert sorted(officer.cluster_staff.values_list("cluster__slug", flat=True)) == [
        "bretagne-pole-naval",
        "neopolia",
    ]
    invitation = StaffInvitation.objects.get(email="nouvelle.recrue@example.org")
    assert invitation.cluster == neopolia and invitation.status == "pending"
    email = OutgoingEmail.objects.get(to="nouvelle.recrue@example.org")
    assert invitation_in(email.body_text) == invitation
    printed = out.getvalue()
    assert "equipe.neopolia@example.org" in printed
    assert data.DEMO_PASSWORD in printed
    assert data.DEMO_TOTP_KEY_BASE32 in printed


def test_demo_is_idempotent(seat_communes):
    call_command("load_demo", stdout=StringIO())
    users = User.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Cluster.objects.count() == 15
    assert User.objects.count() == users
    assert StaffInvitation.objects.count() == 1


def test_demo_needs_the_territory_first(db):
    with pytest.raises(CommandError, match="import-territory"):
        call_command("load_demo", stdout=StringIO())


def test_demo_gives_each_cluster_its_vocabulary(seat_communes):
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Vocabulaire de départ : 117 métiers ROME" in out.getvalue()
    assert Release.objects.filter(source=Release.Source.STARTER).exists()
    for cluster in Cluster.objects.all():
        vocabulary = cluster.vocabulary
        assert 10 <= vocabulary.filter(kind=VocabularyEntry.Kind.OCCUPATION).count() <= 65
        assert 10 <= vocabulary.filter(kind=VocabularyEntry.Kind.SKILL).count() <= 140
    neopolia = Cluster.objects.get(slug="neopolia").vocabulary
    assert neopolia.filter(kind=VocabularyEntry.Kind.OCCUPATION).count() == 65
    assert neopolia.filter(kind=VocabularyEntry.Kind.SKILL).count() == 136
    assert neopolia.filter(label="Grand usinage (pièces de plus de 3 m)", skill=None).exists()

    eurosima = Cluster.objects.get(slug="eurosima").vocabulary
    shaper = eurosima.get(label="Shaper")
    assert shaper.occupation.code == "H1204"
    assert shaper.occupation.job_titles.filter(label="Shaper").exists()
    assert "Façonneur / Façonneuse de planches de surf" in shaper.aliases
    assert eurosima.get(label="Glasseur / Glasseuse").occupation.code == "H3203"
    assert list(eurosima.order_by("kind", "position").values_list("label", flat=True)[:2]) == [
        "Shaper",
        "Glasseur / Glasseuse",
    ]
    for kind in VocabularyEntry.Kind.values:
        positions = list(eurosima.filter(kind=kind).values_list("position", flat=True))
        assert sorted(positions) == list(range(1, len(positions) + 1))  # as the screen numbers
    own_skill = eurosima.get(kind=VocabularyEntry.Kind.SKILL, skill=None)
    assert own_skill.is_cluster_specific

    naval = Cluster.objects.get(slug="bretagne-pole-naval").vocabulary
    carpenter = naval.get(label="Charpentier·ère de marine")
    assert carpenter.occupation.label == "Charpentier / Charpentière de marine"
    optics = Cluster.objects.get(slug="opticsvalley").vocabulary
    assert optics.get(label="Opticien·ne de précision").occupation.code == "H2901"


def test_every_demo_vocabulary_item_is_in_the_starter_vocabulary():
    codes = {occupation.code for occupation in starter.OCCUPATIONS}
    assert set(data.VOCABULARIES) == {slug for _, slug, _, _, _ in data.CLUSTERS}
    for vocabulary in data.VOCABULARIES.values():
        for item in data.items(vocabulary.occupations):
            assert item.target in codes or (item.target is None and item.label)
        for item in data.items(vocabulary.skills):
            assert item.target in starter.SKILLS or (item.target is None and item.label)


def test_demo_vocabularies_are_loaded_once(seat_communes):
    call_command("load_demo", stdout=StringIO())
    shaper = VocabularyEntry.objects.get(label="Shaper")
    shaper.label = "Shaper (renommé par l'équipe)"
    shaper.save()
    entries, revision = VocabularyEntry.objects.count(), Revision.current()

    call_command("load_demo", stdout=StringIO())

    assert VocabularyEntry.objects.count() == entries
    assert VocabularyEntry.objects.filter(label="Shaper (renommé par l'équipe)").exists()
    assert Revision.current() == revision
    assert Release.objects.filter(source=Release.Source.STARTER).count() == 1


def test_demo_keeps_an_imported_rome(seat_communes):
    rome = Release.objects.create(source=Release.Source.ROME, version="60")
    OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    out = StringIO()
    call_command("load_demo", stdout=out)
    assert "Le ROME est importé (version 60)" in out.getvalue()
    assert list(Release.objects.all()) == [rome]
    mecabourg = Cluster.objects.get(slug="mecabourg").vocabulary
    # Found in the imported ROME: linked. Not there: kept under its own name.
    assert mecabourg.get(occupation__code="H2913").label == ""
    lathe = mecabourg.get(kind=VocabularyEntry.Kind.OCCUPATION, position=1)
    assert (lathe.occupation, lathe.label) == (None, "Tourneur-fraiseur / Tourneuse-fraiseuse")
    assert not mecabourg.filter(kind=VocabularyEntry.Kind.SKILL).exclude(skill=None).exists()


def test_ancrage_demo_says_how_to_import_the_full_rome(db, monkeypatch, capsys):
    commands = []
    monkeypatch.setattr(cli, "_manage", lambda *args: commands.append(args[0]))
    cli.main(["demo", "--no-serve"])
    assert commands == ["migrate", "import_territory", "load_demo"]
    printed = capsys.readouterr().out
    assert "ancrage import-rome CHEMIN" in printed
    assert "https://francetravail.org/opendata/" in printed
    assert "ancrage import-esco CHEMIN --lang fr" in printed


def test_ancrage_demo_is_silent_about_the_rome_once_imported(db, monkeypatch, capsys):
    Release.objects.create(source=Release.Source.ROME, version="60")
    monkeypatch.setattr(cli, "_manage", lambda *args: None)
    cli.main(["demo", "--no-serve"])
    assert "import-rome" not in capsys.readouterr().out
