"""`ancrage import-rome`: the real version 60 (imported by one test), updates
from altered copies, dry run, zip and download. Bad input is in
test_import_rome_errors.py."""

import functools
import http.server
import threading

import pytest

from ancrage.accounts.factories import UserFactory
from ancrage.referentiel.factories import (
    JobTitleFactory,
    OccupationFactory,
    OccupationSkillFactory,
    SkillFactory,
)
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
    edit_rows,
    failure,
    head,
    linked_rome,
    new_version,
    run,
    zip_folder,
)

pytestmark = pytest.mark.django_db


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
