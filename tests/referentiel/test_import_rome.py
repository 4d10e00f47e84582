"""`ancrage import-rome`: the real version 60 (imported once for the module),
updates from altered copies, dry run, zip and download, and every kind of
bad input, which must name the file and the line and write nothing."""

import functools
import http.server
import io
import socket
import threading
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from ancrage.accounts.factories import UserFactory
from ancrage.referentiel.factories import (
    JobTitleFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
)
from ancrage.referentiel.importers import rome_update
from ancrage.referentiel.importers.lock import BUSY_MESSAGE
from ancrage.referentiel.importers.rome import read_publication
from ancrage.referentiel.models import (
    EcologicalTransition,
    GrandDomain,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Revision,
    Skill,
    WorkContext,
)
from tests.cast import login
from tests.referentiel.conftest import (
    ROME,
    another_import_running,
    column,
    edit_rows,
    head,
    linked_rome,
    name,
    new_version,
    read_rows,
    write_rows,
    zip_folder,
)

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_rome", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def failure(*args):
    with pytest.raises(CommandError) as raised:
        run(*args)
    return str(raised.value)


# The whole publication: imported by one test only (about 10 s).


def test_the_whole_publication_then_a_second_run(client, tmp_path):
    if not ROME.is_dir():
        pytest.skip(f"reference data missing: {ROME}")

    out = run(ROME)

    assert "ROME 4.0, version 60 du 18/09/2025" in out
    assert "métiers : 1584 ajouté(s)" in out
    assert "appellations : 13120 ajouté(s)" in out
    check_counts()
    check_h2903()
    check_admin(client)
    revision = Revision.current()

    out = run(ROME)

    assert "Aucun changement : déjà à jour." in out
    assert Revision.current() == revision
    assert Release.objects.count() == 1

    # The file of links cut at the end of a row, as by `head -n 60000`.
    cut = linked_rome(tmp_path / "cut")
    links = head(cut, "liens_rome_referentiels", 60000)

    message = failure(cut)

    assert (
        f"{links} : 45176 lien(s) métier → compétence sur 90556 seraient supprimés (49,9 %) : le "
        "fichier est probablement incomplet"
    ) in message
    assert "unix_coherence_item" not in message  # the links kept keep their importance
    assert OccupationSkill.objects.count() == 90556


def check_counts():
    assert Occupation.objects.count() == 1584
    assert JobTitle.objects.count() == 13120
    assert JobTitle.objects.filter(is_principal=True).count() == 1584
    assert JobTitle.objects.filter(is_rare=True).count() == 199
    assert Skill.objects.filter(kind=Skill.Kind.KNOW_HOW).count() == 18301
    assert Skill.objects.filter(kind=Skill.Kind.SOFT).count() == 16
    assert Skill.objects.filter(kind=Skill.Kind.KNOWLEDGE).count() == 15354
    assert Skill.objects.filter(is_macro=True).count() == 507
    assert WorkContext.objects.count() == 179
    assert OccupationSkill.objects.count() == 90556
    assert OccupationSkill.objects.filter(importance="core").count() > 15000
    assert OccupationSkill.objects.filter(importance="emerging").exists()
    assert Mobility.objects.count() == 14912
    assert Occupation.work_contexts.through.objects.count() == 13663
    assert GrandDomain.objects.count() == 14
    assert not Occupation.objects.filter(domain=None).exists()
    release = Release.objects.get(source=Release.Source.ROME)
    assert (release.version, str(release.published_on)) == ("60", "2025-09-18")
    assert release.summary["titre"] == "ROME 4.0 version 60 - 25M09"
    assert release.summary["changements"]["métiers"] == {"added": 1584}


def check_h2903():
    h2903 = Occupation.objects.select_related("domain__grand_domain").get(code="H2903")
    assert h2903.label == "Tourneur-fraiseur / Tourneuse-fraiseuse"
    assert (h2903.domain.code, h2903.domain.grand_domain.code) == ("H29", "H")
    assert h2903.ecological_transition == EcologicalTransition.WHITE
    assert not h2903.is_obsolete
    assert h2903.definition.startswith(
        "Usine et produit des pièces par enlèvement de matières jusqu'à l'obtention"
    )
    assert "''" not in h2903.definition + h2903.access
    access = h2903.access.split("\n")
    assert len(access) == 3
    assert access[0].startswith("Ce métier est accessible avec un diplôme de niveau CAP/BEP")
    assert "Certificat(s) d'Aptitude à la Conduite En Sécurité" in access[2]
    core = set(h2903.skill_links.filter(importance="core").values_list("skill__label", flat=True))
    assert "Monter et régler une installation, une machine" in core
    assert h2903.skill_links.count() == 60
    assert list(h2903.mobility_links.order_by("order").values_list("target__code", flat=True)) == [
        "H2202",
        "H2905",
        "H2901",
        "H2906",
        "H2904",
        "H2909",
        "H2908",
        "H2911",
        "H2912",
        "H3401",
        "A1102",
    ]
    assert h2903.work_contexts.filter(label="Travail posté (2x8, 3x8, 5x8, etc.)").exists()
    usineur = JobTitle.objects.get(label="Usineur / Usineuse")
    assert usineur.occupation == h2903
    assert (usineur.masculine, usineur.feminine) == ("Usineur", "Usineuse")
    assert not usineur.is_principal
    assert h2903.job_titles.get(is_principal=True).label == h2903.label


def check_admin(client):
    """The technical admin shows the référentiel, read only."""
    login(client, UserFactory(platform_admin=True, with_mfa=True))
    h2903 = Occupation.objects.get(code="H2903")

    listing = client.get("/admin-technique/referentiel/occupation/", {"q": "fraiseur"})
    page = client.get(f"/admin-technique/referentiel/occupation/{h2903.pk}/change/")

    assert listing.status_code == 200
    assert "H2903" in listing.text
    assert page.status_code == 200
    assert "Tourneur-fraiseur / Tourneuse-fraiseuse" in page.text
    assert 'name="_save"' not in page.text
    assert client.get("/admin-technique/referentiel/occupation/add/").status_code == 403
    for model in (JobTitle, Skill, OccupationSkill, Mobility, WorkContext, Release):
        url = f"/admin-technique/referentiel/{model._meta.model_name}/"
        first = model.objects.order_by("pk").first()
        statuses = (client.get(url).status_code, client.get(f"{url}{first.pk}/change/").status_code)
        assert statuses == (200, 200), url


# Updates, on the fiches of domain H29.


@pytest.fixture
def small(rome_small):
    """The small publication, imported."""
    return rome_update.apply(read_publication(rome_small))


def alter(folder):
    """Version 61: H2903 renamed, one job title renamed, one removed, one
    added (with their links to the fiche), one skill link removed. Returns
    what was changed."""
    changed = {}

    def occupations(header, rows):
        for row in rows:
            if row[header.index("code_rome")] == "H2903":
                row[header.index("libelle_rome")] = "Tourneur-fraiseur / Tourneuse-fraiseuse CN"
        return rows

    def job_titles(header, rows):
        label = header.index("libelle_appellation_long")
        for row in rows:
            if row[label] == "Usineur / Usineuse":
                row[label] = "Usineur / Usineuse sur machines"
        removed = next(
            row
            for row in rows
            if row[header.index("code_rome")] == "H2903"
            and row[header.index("classification")] == "SYNONYME"
            and row[label] != "Usineur / Usineuse sur machines"
        )
        changed["removed"] = removed[label]
        changed["removed_ogr"] = removed[header.index("code_ogr")]
        added = list(removed)
        added[header.index("code_ogr")] = "999001"
        added[label] = added[header.index("libelle_appellation_court")] = (
            "Fraiseur / Fraiseuse sur centre 5 axes"
        )
        return [row for row in rows if row is not removed] + [added]

    def links(header, rows):
        cut = next(
            row
            for row in rows
            if row[header.index("code_rome")] == "H2903"
            and row[header.index("code_compo_bloc")] == "5"
        )
        changed["link"] = int(cut[header.index("code_ogr")])
        ogr = header.index("code_ogr")
        kept = [row for row in rows if row is not cut and row[ogr] != changed["removed_ogr"]]
        return [*kept, ["H2903", "2", "", "999001"]]

    edit_rows(folder, "referentiel_code_rome", occupations)
    edit_rows(folder, "referentiel_appellation", job_titles)
    edit_rows(folder, "liens_rome_referentiels", links)
    new_version(folder)
    return changed


def test_a_newer_version_updates_adds_and_obsoletes(small, rome_small, rome_copy):
    changed = alter(rome_copy)
    pks = dict(JobTitle.objects.values_list("label", "pk"))
    revision = Revision.current()

    out = run(rome_copy)

    assert "ROME 4.0, version 61 du 18/09/2025" in out
    assert "métiers : 1 mis à jour" in out
    assert (
        "« Tourneur-fraiseur / Tourneuse-fraiseuse » → « Tourneur-fraiseur / Tourneuse-fraiseuse "
        "CN »" in out
    )
    assert "appellations : 1 ajouté(s), 1 mis à jour, 1 devenu(s) obsolète(s)" in out
    assert "ajouté(s) : « Fraiseur / Fraiseuse sur centre 5 axes »" in out
    assert f"devenu(s) obsolète(s) : « {changed['removed']} »" in out
    assert "compétences des métiers : 1 retiré(s)" in out
    assert "5 changement(s) enregistré(s)." in out
    h2903 = Occupation.objects.get(code="H2903")
    assert h2903.label == "Tourneur-fraiseur / Tourneuse-fraiseuse CN"
    renamed = JobTitle.objects.get(pk=pks["Usineur / Usineuse"])
    assert renamed.label == "Usineur / Usineuse sur machines"
    assert renamed.feminine == "Usineuse sur machines"
    gone = JobTitle.objects.get(pk=pks[changed["removed"]])
    assert gone.is_obsolete  # kept: other data may refer to it
    assert JobTitle.objects.get(ogr_code=999001).occupation == h2903
    assert not h2903.skill_links.filter(skill__ogr_code=changed["link"]).exists()
    assert Skill.objects.get(ogr_code=changed["link"])  # the skill itself stays
    assert Release.objects.filter(version="61").get().summary["changements"]["appellations"] == {
        "added": 1,
        "updated": 1,
        "obsoleted": 1,
    }
    assert Revision.current() != revision

    # Back to version 60: refused unless --force, then what was obsolete is restored.
    older = failure(rome_small)
    assert (
        "Le référentiel contient la version 61 du ROME, ces fichiers sont ceux de la version 60, "
        "plus ancienne : les importer le ramènerait en arrière ; relancez avec --force si c'est "
        "voulu."
    ) in older
    assert JobTitle.objects.get(pk=pks[changed["removed"]]).is_obsolete
    out = run(rome_small, "--force")
    assert "rétabli(s) : « " + changed["removed"] + " »" in out
    assert not JobTitle.objects.get(pk=pks[changed["removed"]]).is_obsolete
    assert JobTitle.objects.get(ogr_code=999001).is_obsolete


def test_dry_run_shows_the_changes_and_writes_nothing(small, rome_copy):
    alter(rome_copy)
    releases = Release.objects.count()
    revision = Revision.current()

    out = run(rome_copy, "--dry-run")

    assert "[simulation] appellations : 1 ajouté(s), 1 mis à jour, 1 devenu(s) obsolète(s)" in out
    assert "[simulation] 5 changement(s), rien n'a été écrit." in out
    assert Occupation.objects.get(code="H2903").label == "Tourneur-fraiseur / Tourneuse-fraiseuse"
    assert not JobTitle.objects.filter(ogr_code=999001).exists()
    assert not JobTitle.objects.filter(is_obsolete=True).exists()
    assert Release.objects.count() == releases
    assert Revision.current() == revision


def test_starter_items_are_taken_over_or_left_alone(rome_small):
    occupation = OccupationFactory(code="H2903", label="Usineur", domain=None)
    same_title = JobTitleFactory(occupation=occupation, label="Usineur / Usineuse")
    own_title = JobTitleFactory(occupation=occupation, label="Usineur sur tour maison")
    own_skill = SkillFactory(label="Lire un plan de pièce mécanique")
    OccupationSkillFactory(occupation=occupation, skill=own_skill)

    run(rome_small)

    occupation.refresh_from_db()
    assert occupation.label == "Tourneur-fraiseur / Tourneuse-fraiseuse"
    assert occupation.ogr_code == 280
    assert occupation.domain.code == "H29"
    same_title.refresh_from_db()
    assert same_title.ogr_code is not None
    assert JobTitle.objects.filter(label="Usineur / Usineuse").count() == 1
    own_title.refresh_from_db()
    own_skill.refresh_from_db()
    assert (own_title.ogr_code, own_title.is_obsolete) == (None, False)
    assert not own_skill.is_obsolete
    # The fiche's links are the publication's.
    assert not occupation.skill_links.filter(skill=own_skill).exists()
    assert occupation.skill_links.count() == 60

    out = run(rome_small)

    assert "Aucun changement" in out
    own_title.refresh_from_db()
    assert not own_title.is_obsolete


def test_the_published_zip(rome_small, tmp_path):
    archive = zip_folder(rome_small, tmp_path / "RefRomeCsv.zip")

    out = run(archive)

    assert "métiers : 18 ajouté(s)" in out
    assert Occupation.objects.count() == 18
    assert "Aucun changement" in run(rome_small)


class _Server:
    """A local HTTP server for one folder (the machines are offline)."""

    def __init__(self, folder):
        handler = functools.partial(_QuietHandler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def test_download_fetches_and_imports(rome_small, tmp_path, settings):
    served = tmp_path / "served"
    served.mkdir()
    zip_folder(rome_small, served / "rome.zip")
    with _Server(served) as server:
        settings.ANCRAGE_ROME_DOWNLOAD_URL = f"{server.url}/rome.zip"
        out = run("--download")
        settings.ANCRAGE_ROME_DOWNLOAD_URL = f"{server.url}/absent.zip"
        missing = failure("--download")

    assert f"Téléchargement de {server.url}/rome.zip" in out
    assert "métiers : 18 ajouté(s)" in out
    assert Occupation.objects.count() == 18
    assert f"Téléchargement impossible : {server.url}/absent.zip répond « 404" in missing


def test_download_when_offline(settings):
    # Nothing listens on port 9 (discard) here: the connection is refused.
    settings.ANCRAGE_ROME_DOWNLOAD_URL = "http://127.0.0.1:9/rome.zip"

    message = failure("--download")

    assert "Téléchargement impossible depuis http://127.0.0.1:9/rome.zip" in message
    assert "Cette machine est-elle reliée à Internet ?" in message
    assert "rien n'a été écrit" in message


def test_path_or_download_not_both(rome_small):
    assert "soit --download" in failure()
    assert "soit --download" in failure(rome_small, "--download")


# Bad input: a clear message naming the file and the line; nothing written.


@pytest.fixture
def unchanged(small):
    """Asserts, after the test, that the database is as the import left it."""
    before = (
        list(Occupation.objects.order_by("code").values_list("code", "label", "is_obsolete")),
        JobTitle.objects.count(),
        OccupationSkill.objects.count(),
        Release.objects.count(),
        Revision.current(),
    )
    yield
    after = (
        list(Occupation.objects.order_by("code").values_list("code", "label", "is_obsolete")),
        JobTitle.objects.count(),
        OccupationSkill.objects.count(),
        Release.objects.count(),
        Revision.current(),
    )
    assert after == before


def rename_h2903(folder):
    """A change that must not be written when something else is wrong."""

    def change(header, rows):
        for row in rows:
            if row[header.index("code_rome")] == "H2903":
                row[header.index("libelle_rome")] = "Renommé"
        return rows

    edit_rows(folder, "referentiel_code_rome", change)


def test_wrong_folder(unchanged, tmp_path):
    message = failure(tmp_path)
    assert f"{tmp_path} : aucun fichier du ROME (unix_…_vNNN_utf8.csv)" in message
    assert "Import du ROME annulé, rien n'a été écrit" in message


def test_no_such_path(unchanged, tmp_path):
    assert f"{tmp_path / 'absent'} : dossier ou fichier introuvable" in failure(tmp_path / "absent")


def test_not_a_zip(unchanged, tmp_path):
    path = tmp_path / "rome.zip"
    path.write_text("pas une archive")
    assert f"{path} : ni un dossier ni une archive zip lisible" in failure(path)


def test_missing_file(unchanged, rome_copy):
    rename_h2903(rome_copy)
    (rome_copy / name("rubrique_mobilite")).unlink()

    message = failure(rome_copy)

    assert f"{rome_copy / name('rubrique_mobilite')} : fichier manquant" in message


def test_file_in_another_encoding(unchanged, rome_copy):
    rename_h2903(rome_copy)
    header, rows = read_rows(rome_copy, "referentiel_appellation")
    write_rows(rome_copy, "referentiel_appellation", header, rows, encoding="cp1252")
    first = next(n for n, row in enumerate(rows, 2) if not ",".join(row).isascii())

    message = failure(rome_copy)

    assert (
        f"{rome_copy / name('referentiel_appellation')}, ligne {first} : "
        "le fichier n'est pas en UTF-8"
    ) in message


def test_truncated_file(unchanged, rome_copy):
    rename_h2903(rome_copy)
    path = rome_copy / name("texte")
    text = path.read_text(encoding="utf-8")
    cut = text.index("jusqu''à")  # inside the quoted text of H2903's definition
    path.write_text(text[:cut], encoding="utf-8")
    line = text.count("\n", 0, cut) + 1

    message = failure(rome_copy)

    assert (
        f"{path}, ligne {line} : fichier tronqué : un guillemet ouvert n'est jamais fermé"
    ) in message


def test_line_with_missing_columns(unchanged, rome_copy):
    path = rome_copy / name("rubrique_mobilite")
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[3] = lines[3].rsplit(",", 1)[0]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    message = failure(rome_copy)

    assert f"{path}, ligne 4 : 2 colonne(s) au lieu de 3" in message


def test_missing_column(unchanged, rome_copy):
    def drop_label(header, rows):
        index = header.index("libelle_rome")
        header.pop(index)
        for row in rows:
            row.pop(index)
        return rows

    edit_rows(rome_copy, "referentiel_code_rome", drop_label)

    message = failure(rome_copy)

    assert (
        f"{rome_copy / name('referentiel_code_rome')}, ligne 1 : colonne(s) manquante(s) "
        "libelle_rome"
    ) in message


def test_unknown_version(unchanged, rome_copy):
    for file in list(rome_copy.glob("unix_*_v460_utf8.csv")):
        file.rename(rome_copy / file.name.replace("_v460_", "_v346_"))

    message = failure(rome_copy)

    assert f"{rome_copy} : version v346 inconnue" in message


def test_release_note_of_another_version(unchanged, rome_copy):
    note = rome_copy / "version.txt"
    note.write_text(note.read_text(encoding="utf-8").replace(": 60", ": 61"), encoding="utf-8")

    message = failure(rome_copy)

    assert (
        f"{note}, ligne 1 : annonce la version 61, mais les fichiers sont ceux de la version 60"
    ) in message


def test_files_of_two_versions(unchanged, rome_copy):
    file = rome_copy / name("texte")
    file.rename(rome_copy / name("texte", "v461"))

    message = failure(rome_copy)

    assert "fichiers de plusieurs versions mélangés : v460" in message
    assert "v461 (unix_texte_v461_utf8.csv…)" in message


def test_duplicate_codes(unchanged, rome_copy):
    header, rows = read_rows(rome_copy, "referentiel_code_rome")
    first = column(header, rows, "code_rome").index("H2903") + 2
    write_rows(rome_copy, "referentiel_code_rome", header, [*rows, rows[first - 2]])

    message = failure(rome_copy)

    assert (
        f"{rome_copy / name('referentiel_code_rome')}, ligne {len(rows) + 2} : "
        f"code ROME H2903 en double (déjà ligne {first})"
    ) in message


def test_links_to_unknown_codes(unchanged, rome_copy):
    edit_rows(
        rome_copy,
        "liens_rome_referentiels",
        lambda header, rows: [*rows, ["H2903", "5", "1", "999999"]],
    )
    edit_rows(
        rome_copy, "rubrique_mobilite", lambda header, rows: [*rows, ["H2903", "Z9999", "12"]]
    )
    links = rome_copy / name("liens_rome_referentiels")
    mobilities = rome_copy / name("rubrique_mobilite")
    link_line = len(read_rows(rome_copy, "liens_rome_referentiels")[1]) + 1
    mobility_line = len(read_rows(rome_copy, "rubrique_mobilite")[1]) + 1

    message = failure(rome_copy)

    assert "(2 erreur(s))" in message
    assert (
        f"{links}, ligne {link_line} : lien vers un code OGR inconnu 999999 (compétence ou savoir)"
    ) in message
    assert (
        f"{mobilities}, ligne {mobility_line} : code_rome_cible inconnu « Z9999 » "
        "(absent des métiers)"
    ) in message


def test_every_bad_row_is_counted_and_the_list_capped(unchanged, rome_copy):
    def spoil(header, rows):
        for row in rows:
            row[header.index("peu_usite")] = "peut-être"
        return rows

    edit_rows(rome_copy, "referentiel_appellation", spoil)
    count = len(read_rows(rome_copy, "referentiel_appellation")[1])

    message = failure(rome_copy)

    assert f"({count} erreur(s))" in message
    assert "peu_usite inattendu « peut-être » (attendu : « O », « N » ou vide)" in message
    assert message.count("peu_usite inattendu") == 50
    assert f"… et {count - 50} autre(s) erreur(s)." in message


# Checks against the ROME already imported.


@pytest.mark.parametrize(
    ("table", "lines", "lost"),
    [
        ("liens_rome_referentiels", 500, "lien(s) métier → compétence sur"),
        ("liens_rome_referentiels", 1, "lien(s) métier → contexte de travail sur"),
        ("rubrique_mobilite", 60, "mobilité(s) sur"),
        ("texte", 100, "texte(s) de fiche (définition, accès) sur"),
        ("coherence_item", 1, "compétence(s) principale(s) ou émergente(s) des métiers sur"),
        ("cr_gd_dp", 1, "métier(s) classé(s) sur"),
    ],
)
def test_a_file_cut_at_the_end_of_a_row_is_refused(unchanged, rome_copy, table, lines, lost):
    rename_h2903(rome_copy)
    path = head(rome_copy, table, lines)

    message = failure(rome_copy)

    assert f"{path} : " in message
    assert lost in message
    assert (
        "le fichier est probablement incomplet (coupé pendant le téléchargement ou la copie ?) ; "
        "vérifiez-le, ou relancez avec --force si c'est voulu."
    ) in message


def test_how_many_would_disappear_and_force(small, rome_copy):
    path = head(rome_copy, "rubrique_mobilite", 11)
    total = Mobility.objects.count()
    share = f"{(total - 10) * 100 / total:.1f}".replace(".", ",")

    message = failure(rome_copy)
    dry_run = failure(rome_copy, "--dry-run")

    assert f"{path} : {total - 10} mobilité(s) sur {total} seraient supprimées ({share} %)" in (
        message
    )
    assert message == dry_run
    assert Mobility.objects.count() == total

    out = run(rome_copy, "--force")

    assert f"mobilités : {total - 10} retiré(s)" in out
    assert Mobility.objects.count() == 10


@pytest.mark.parametrize(
    ("table", "lines", "blamed", "referring"),
    [
        (
            "referentiel_code_rome",
            10,
            [name("referentiel_code_rome")],
            "unix_cr_gd_dp_v460_utf8.csv, unix_texte_v460_utf8.csv, "
            "unix_referentiel_appellation_v460_utf8.csv, "
            "unix_liens_rome_referentiels_v460_utf8.csv, unix_coherence_item_v460_utf8.csv, "
            "unix_rubrique_mobilite_v460_utf8.csv",
        ),
        (
            "referentiel_competence",
            1,
            [name("referentiel_competence"), name("referentiel_savoir")],
            "unix_liens_rome_referentiels_v460_utf8.csv",
        ),
        (
            "referentiel_appellation",
            1,
            [name("referentiel_appellation")],
            "unix_liens_rome_referentiels_v460_utf8.csv",
        ),
    ],
)
def test_a_cut_file_is_named_before_the_files_referring_to_it(
    unchanged, rome_copy, table, lines, blamed, referring
):
    head(rome_copy, table, lines)

    message = failure(rome_copy)

    files = " ou ".join(str(rome_copy / file) for file in blamed)
    first = message.splitlines()[1]
    assert first.startswith(
        f"{files} : probablement incomplet (coupé pendant le téléchargement ou la copie ?) : "
    )
    assert f"ligne(s) de {referring} renvoient à des codes qui n'y sont pas" in first
    assert "inconnu" in message  # the rows themselves are listed after


def test_one_import_at_a_time(rome_small):
    with another_import_running():
        message = failure(rome_small)

    assert message == BUSY_MESSAGE
    assert not Occupation.objects.exists()
    assert not Release.objects.exists()
    assert "métiers : 18 ajouté(s)" in run(rome_small)


# Archives, folders and downloads that cannot be read.


def patch_central_directory(archive, offset, value):
    """Overwrite a two-byte field of every entry of a zip's central directory."""
    data = bytearray(archive.read_bytes())
    start = data.find(b"PK\x01\x02")
    while start >= 0:
        data[start + offset : start + offset + 2] = value.to_bytes(2, "little")
        start = data.find(b"PK\x01\x02", start + 4)
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("offset", "value", "problem"),
    [
        (8, 0x1, "archive protégée par un mot de passe"),  # general purpose flags
        (10, 9, "méthode de compression n° 9 non prise en charge"),  # Deflate64
    ],
)
def test_a_zip_that_cannot_be_read(unchanged, rome_small, tmp_path, offset, value, problem):
    archive = zip_folder(rome_small, tmp_path / "rome.zip")
    patch_central_directory(archive, offset, value)

    message = failure(archive)

    assert (
        f"version.txt (dans {archive}) : {problem} : décompressez l'archive vous-même puis donnez "
        "le chemin du dossier"
    ) in message


def test_a_folder_or_file_that_cannot_be_read(unchanged, rome_copy, monkeypatch):
    # The tests may run as root, whom file modes do not stop: the refusal is simulated.
    texts = rome_copy / name("texte")
    read_bytes, iterdir = Path.read_bytes, Path.iterdir

    def refuse(path, real):
        def read(self):
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return real(self)

        return read

    monkeypatch.setattr(Path, "read_bytes", refuse(texts, read_bytes))
    assert f"{texts} : lecture interdite (droits insuffisants" in failure(rome_copy)

    monkeypatch.setattr(Path, "iterdir", refuse(rome_copy, iterdir))
    assert f"{rome_copy} : lecture interdite (droits insuffisants" in failure(rome_copy)


class _RawServer:
    """Answers one HTTP request with `reply`, then closes the connection."""

    def __init__(self, reply):
        self.reply = reply
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.socket.getsockname()[1]}/rome.zip"
        self.thread = threading.Thread(target=self.answer, daemon=True)

    def answer(self):
        peer, _ = self.socket.accept()
        with peer:
            request = b""
            while b"\r\n\r\n" not in request and (chunk := peer.recv(4096)):
                request += chunk
            peer.sendall(self.reply)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.thread.join(timeout=5)
        self.socket.close()


@pytest.mark.parametrize(
    ("reply", "problem"),
    [
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nPK\x03\x04\r\n",
            "Téléchargement interrompu : la connexion à {url} a été coupée avant la fin du fichier "
            "; relancez la commande.",
        ),
        (
            b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nPK\x03\x04",
            "Téléchargement interrompu : la connexion à {url} a été coupée avant la fin du fichier "
            "; relancez la commande (4 octets reçus sur 1000).",
        ),
        (
            b"pas du HTTP\r\n\r\n",
            "Téléchargement impossible depuis {url} : réponse du serveur illisible (BadStatusLine) "
            "; réessayez plus tard.",
        ),
    ],
)
def test_download_cut_short_or_garbled(settings, reply, problem):
    with _RawServer(reply) as server:
        settings.ANCRAGE_ROME_DOWNLOAD_URL = server.url
        message = failure("--download")

    assert problem.format(url=server.url) in message
    assert "rien n'a été écrit" in message
    assert not Occupation.objects.exists()
