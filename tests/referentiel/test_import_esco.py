"""`ancrage import-esco`: the real French ESCO linked to the real ROME (one
test), the linking rules on small hand-made files, and bad input."""

import csv
import io
import shutil

import pytest
from django.core.management import CommandError, call_command

from ancrage.referentiel.factories import JobTitleFactory, OccupationFactory, SkillFactory
from ancrage.referentiel.importers.lock import BUSY_MESSAGE
from ancrage.referentiel.models import EscoOccupation, EscoSkill, Release, Revision, Skill
from tests.referentiel.conftest import (
    ESCO,
    ROME,
    another_import_running,
    edit_rows,
    new_version,
)

pytestmark = pytest.mark.django_db

OCCUPATION_HEADER = ["conceptType", "conceptUri", "iscoGroup", "preferredLabel", "altLabels"]
OCCUPATION_HEADER += ["description"]
SKILL_HEADER = ["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel"]
SKILL_HEADER += ["altLabels", "description"]
URI = "http://data.europa.eu/esco/{}/{}"


def run(*args):
    out = io.StringIO()
    call_command("import_esco", *[str(arg) for arg in args], stdout=out)
    return out.getvalue()


def failure(*args):
    with pytest.raises(CommandError) as raised:
        run(*args)
    return str(raised.value)


# The whole ESCO on the whole ROME: one test (about 20 s).


def test_the_whole_esco_linked_to_the_whole_rome():
    if not (ESCO.is_dir() and ROME.is_dir()):
        pytest.skip("reference data missing")
    call_command("import_rome", str(ROME), stdout=io.StringIO())

    out = run(ESCO, "--lang", "fr", "--esco-version", "1.0")

    assert "métiers ESCO : 2942 ajouté(s)" in out
    assert "compétences ESCO : 13485 ajouté(s)" in out
    linked = EscoOccupation.objects.filter(occupation__isnull=False).count()
    linked_skills = EscoSkill.objects.filter(skill__isnull=False).count()
    assert linked > 1000
    assert linked_skills > 300
    assert (
        f"Liens vers le ROME : {linked} métier(s) ESCO sur 2942 relié(s) à un métier ROME, "
        f"{linked_skills} compétence(s) ESCO sur 13485 reliée(s) à une compétence ROME."
    ) in out
    buyer = EscoOccupation.objects.get(label="acheteur/acheteuse")
    assert buyer.occupation.code == "M1101"
    assert buyer.isco_group == "3323"
    assert EscoOccupation.objects.get(label="actuaire").occupation.code == "C1105"
    director = EscoOccupation.objects.get(label="directeur technique/directrice technique")
    assert director.alt_labels == [
        "régisseuse",
        "régisseur",
        "directrice technique",
        "régisseur/régisseuse",
        "directeur technique",
    ]
    java = EscoSkill.objects.select_related("skill").get(label="Java")
    assert (java.skill_type, java.skill.label, java.skill.kind) == (
        "knowledge",
        "Java",
        Skill.Kind.KNOWLEDGE,
    )
    release = Release.objects.get(source=Release.Source.ESCO)
    assert release.version == "1.0 (fr)"
    assert release.summary["liens"] == {"métiers": linked, "compétences": linked_skills}
    revision = Revision.current()

    out = run(ESCO, "--esco-version", "1.0")

    assert "Aucun changement : déjà à jour." in out
    assert Revision.current() == revision
    assert Release.objects.filter(source=Release.Source.ESCO).count() == 1


# The linking rules, on small files.


def occupation_row(key, label, alt_labels=(), isco="7223"):
    uri = URI.format("occupation", key)
    return ["Occupation", uri, isco, label, "\n".join(alt_labels), ""]


def skill_row(key, label, skill_type="skill/competence"):
    uri = URI.format("skill", key)
    return ["KnowledgeSkillCompetence", uri, skill_type, "cross-sector", label]


def write(folder, name, header, rows, encoding="utf-8"):
    folder.mkdir(exist_ok=True)
    with (folder / name).open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def esco_files(folder, occupations, skills=(), lang="fr"):
    write(folder, f"occupations_{lang}.csv", OCCUPATION_HEADER, occupations)
    write(
        folder,
        f"skills_{lang}.csv",
        SKILL_HEADER,
        [[*row, "\n".join(alt), ""] for *row, alt in skills],
    )
    return folder


def linked_to(key):
    occupation = EscoOccupation.objects.get(uri=URI.format("occupation", key)).occupation
    return occupation.code if occupation else None


@pytest.fixture
def rome():
    """Two ROME occupations with principal and synonym job titles."""
    director = OccupationFactory(code="L1509", label="Directeur / Directrice technique")
    JobTitleFactory(occupation=director, label=director.label, is_principal=True)
    JobTitleFactory(occupation=director, label="Régisseur / Régisseuse général")
    machining = OccupationFactory(code="H2903", label="Tourneur-fraiseur / Tourneuse-fraiseuse")
    JobTitleFactory(occupation=machining, label=machining.label, is_principal=True)
    JobTitleFactory(occupation=machining, label="Usineur / Usineuse")
    JobTitleFactory(occupation=machining, label="Fraiseur / Fraiseuse")
    JobTitleFactory(occupation=machining, label="Régisseur / Régisseuse général")
    other = OccupationFactory(code="H2913", label="Soudeur / Soudeuse")
    JobTitleFactory(occupation=other, label="Usineur / Usineuse", is_principal=True)
    OccupationFactory(code="H2999", label="Chaudronnier / Chaudronnière", is_obsolete=True)
    return director, machining, other


def test_labels_meet_across_gender_forms_and_punctuation(rome, tmp_path):
    esco_files(
        tmp_path,
        [
            occupation_row("a", "directeur technique/directrice technique"),
            occupation_row("b", "tourneuse-fraiseuse"),
        ],
    )

    out = run(tmp_path)

    assert "Liens vers le ROME : 2 métier(s) ESCO sur 2 relié(s) à un métier ROME" in out
    assert (linked_to("a"), linked_to("b")) == ("L1509", "H2903")


def test_preferred_label_wins_then_principal_job_title(rome, tmp_path):
    esco_files(
        tmp_path,
        [
            # Preferred: a synonym of H2903; alternative: H2913's title.
            occupation_row("a", "fraiseur", ["soudeur"]),
            # Two occupations through their job titles: the principal one wins.
            occupation_row("b", "usineur/usineuse"),
            # Two synonyms of two occupations: no way to choose.
            occupation_row("c", "régisseur général/régisseuse générale"),
            # Only an obsolete occupation matches.
            occupation_row("d", "chaudronnier"),
            occupation_row("e", "shaper", ["façonneur de planches de surf"]),
        ],
    )

    out = run(tmp_path)

    assert [linked_to(key) for key in "abcde"] == ["H2903", "H2913", None, None, None]
    assert "2 métier(s) ESCO sur 5 relié(s)" in out
    # Occupations written by hand (or the starter vocabulary) are not the ROME.
    assert "Le ROME n'est pas importé : importez-le (ancrage import-rome)" in out


def test_skills_are_linked_to_the_kind_that_fits(tmp_path):
    knowledge = SkillFactory(label="Java", kind=Skill.Kind.KNOWLEDGE)
    SkillFactory(label="Java", kind=Skill.Kind.KNOW_HOW)
    welding = SkillFactory(label="Souder des pièces métalliques", kind=Skill.Kind.KNOW_HOW)
    esco_files(
        tmp_path,
        [],
        [
            (*skill_row("java", "Java", skill_type="knowledge"), []),
            (*skill_row("weld", "souder des pièces métalliques"), ["souder"]),
            (*skill_row("sing", "chanter"), []),
        ],
    )

    out = run(tmp_path)

    skills = dict(EscoSkill.objects.values_list("label", "skill"))
    assert skills == {
        "Java": knowledge.pk,
        "souder des pièces métalliques": welding.pk,
        "chanter": None,
    }
    assert "2 compétence(s) ESCO sur 3 reliée(s) à une compétence ROME" in out
    assert EscoSkill.objects.get(label="souder des pièces métalliques").alt_labels == ["souder"]


def test_an_item_gone_from_a_new_download_is_kept(rome, tmp_path):
    esco_files(tmp_path / "v1", [occupation_row("a", "usineur"), occupation_row("b", "soudeur")])
    esco_files(tmp_path / "v2", [occupation_row("a", "usineur/usineuse")])
    run(tmp_path / "v1")

    out = run(tmp_path / "v2")

    assert "métiers ESCO : 1 mis à jour" in out
    assert "« usineur » → « usineur/usineuse »" in out
    assert EscoOccupation.objects.count() == 2
    assert linked_to("b") == "H2913"


def test_dry_run_writes_nothing(rome, tmp_path):
    esco_files(tmp_path, [occupation_row("a", "usineur")])

    out = run(tmp_path, "--dry-run")

    assert "[simulation] métiers ESCO : 1 ajouté(s)" in out
    assert "[simulation] 1 changement(s), rien n'a été écrit." in out
    assert not EscoOccupation.objects.exists()
    assert not Release.objects.exists()


def test_without_the_rome_nothing_is_linked_and_the_command_says_so(tmp_path):
    esco_files(tmp_path, [occupation_row("a", "usineur")])

    out = run(tmp_path)

    assert "Le ROME n'est pas importé : importez-le (ancrage import-rome)" in out
    assert EscoOccupation.objects.get().occupation is None


def test_a_rome_import_that_changes_something_links_esco_again(rome_small, tmp_path):
    call_command("import_rome", str(rome_small), stdout=io.StringIO())
    esco_files(
        tmp_path / "esco",
        [occupation_row("a", "usineur sur machines"), occupation_row("b", "tourneur-fraiseur")],
    )
    out = run(tmp_path / "esco")
    assert "Le ROME n'est pas importé" not in out
    assert (linked_to("a"), linked_to("b")) == (None, "H2903")
    rome = shutil.copytree(rome_small, tmp_path / "rome")

    def rename(header, rows):
        label = header.index("libelle_appellation_long")
        for row in rows:
            if row[label] == "Usineur / Usineuse":
                row[label] = "Usineur / Usineuse sur machines"
        return rows

    edit_rows(rome, "referentiel_appellation", rename)
    new_version(rome)
    out = io.StringIO()

    call_command("import_rome", str(rome), stdout=out)

    assert "liens des métiers ESCO au ROME : 1 ajouté(s)" in out.getvalue()
    assert "ajouté(s) : « usineur sur machines »" in out.getvalue()
    assert (linked_to("a"), linked_to("b")) == ("H2903", "H2903")


def test_one_import_at_a_time(rome, tmp_path):
    esco_files(tmp_path, [occupation_row("a", "usineur")])

    with another_import_running():
        message = failure(tmp_path)

    assert message == BUSY_MESSAGE
    assert not EscoOccupation.objects.exists()
    assert not Release.objects.exists()


# Bad input: the file and the line; nothing written.


@pytest.fixture
def imported(rome, tmp_path):
    """A first import; the test then checks that a failed one changed nothing."""
    esco_files(tmp_path / "first", [occupation_row("a", "usineur")])
    run(tmp_path / "first")
    before = list(EscoOccupation.objects.values_list("uri", "label", "occupation"))
    yield tmp_path / "next"
    assert list(EscoOccupation.objects.values_list("uri", "label", "occupation")) == before
    assert Release.objects.count() == 1


def test_wrong_folder(imported, tmp_path):
    write(imported, "occupations_en.csv", OCCUPATION_HEADER, [])

    message = failure(imported)

    assert f"{imported} : ni occupations_fr.csv ni skills_fr.csv (langues présentes : en)" in (
        message
    )
    assert "Import d'ESCO annulé, rien n'a été écrit" in message


def test_invalid_language(imported):
    assert "langue invalide « français »" in failure(imported, "--lang", "français")


def test_version_too_long(imported):
    esco_files(imported, [occupation_row("a", "tourneur")])

    message = failure(imported, "--esco-version", "1" * 36)

    assert "--esco-version trop long (36 caractères, 35 au plus)" in message
    # The longest fits with its language: « 1…1 (fr) ».
    assert "1 changement(s), rien n'a été écrit." in run(
        imported, "--esco-version", "1" * 35, "--dry-run"
    )


def test_missing_file(imported):
    write(imported, "occupations_fr.csv", OCCUPATION_HEADER, [occupation_row("a", "tourneur")])

    assert f"{imported / 'skills_fr.csv'} : fichier manquant" in failure(imported)


def test_missing_column(imported):
    esco_files(imported, [occupation_row("a", "tourneur")])
    write(imported, "skills_fr.csv", SKILL_HEADER[:-2], [])

    message = failure(imported)

    assert (
        f"{imported / 'skills_fr.csv'}, ligne 1 : colonne(s) manquante(s) altLabels, description"
    ) in message


def test_file_in_another_encoding(imported):
    esco_files(imported, [])
    rows = [occupation_row("a", "tourneur"), occupation_row("b", "opératrice", isco="8121")]
    write(imported, "occupations_fr.csv", OCCUPATION_HEADER, rows, encoding="cp1252")

    message = failure(imported)

    assert f"{imported / 'occupations_fr.csv'}, ligne 3 : le fichier n'est pas en UTF-8" in message


def test_truncated_file(imported):
    esco_files(imported, [occupation_row("a", "tourneur", ["fraiseur", "usineur"])])
    path = imported / "occupations_fr.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("usineur")], encoding="utf-8")

    message = failure(imported)

    assert f"{path}, ligne 2 : fichier tronqué : un guillemet ouvert n'est jamais fermé" in message


def test_duplicate_uri_and_bad_rows(imported):
    esco_files(
        imported,
        [
            occupation_row("a", "tourneur"),
            occupation_row("a", "fraiseur"),
            occupation_row("c", ""),
            ["Occupation", "pas une adresse", "7223", "soudeur", "", ""],
            occupation_row("e", "x" * 301),
        ],
    )
    path = imported / "occupations_fr.csv"

    message = failure(imported)

    assert "(4 erreur(s))" in message
    assert f"{path}, ligne 3 : conceptUri en double (déjà ligne 2)" in message
    assert f"{path}, ligne 4 : preferredLabel vide" in message
    assert f"{path}, ligne 5 : conceptUri invalide « pas une adresse »" in message
    assert f"{path}, ligne 6 : libellé trop long (301 caractères, 300 au plus)" in message
