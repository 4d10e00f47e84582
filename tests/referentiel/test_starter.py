"""The starter vocabulary: loads, is idempotent, refers only to its own
items, steps aside once the ROME is imported, and states ROME facts that the
official files confirm."""

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from ancrage.referentiel import starter
from ancrage.referentiel.models import (
    Domain,
    GrandDomain,
    JobTitle,
    Mobility,
    Occupation,
    OccupationSkill,
    Release,
    Revision,
    Skill,
)

ROME = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "rome-v460"


def snapshot():
    """Everything the starter writes, as comparable values."""
    return {
        model.__name__: sorted(model.objects.values_list(*fields), key=repr)
        for model, fields in (
            (GrandDomain, ("code", "label")),
            (Domain, ("code", "label", "grand_domain__code")),
            (Occupation, ("code", "label", "domain__code", "ogr_code")),
            (
                JobTitle,
                ("occupation__code", "label", "masculine", "feminine", "is_principal", "ogr_code"),
            ),
            (Skill, ("kind", "label", "ogr_code")),
            (OccupationSkill, ("occupation__code", "skill__label", "importance")),
            (Mobility, ("source__code", "target__code", "order")),
            (Release, ("source", "version", "summary")),
        )
    }


def test_occupation_codes_follow_the_rome_pattern_and_are_unique():
    codes = [occupation.code for occupation in starter.OCCUPATIONS]
    assert all(re.fullmatch(r"[A-N]\d{4}", code) for code in codes)
    assert len(codes) == len(set(codes))
    assert 80 <= len(codes) <= 120


def test_every_reference_points_to_a_starter_item():
    codes = {occupation.code for occupation in starter.OCCUPATIONS}
    used = set()
    for occupation in starter.OCCUPATIONS:
        assert occupation.code[:3] in starter.DOMAINS
        assert occupation.code[0] in starter.GRAND_DOMAINS
        keys = (occupation.core + " " + occupation.other).split()
        assert occupation.core, occupation.code
        assert len(keys) == len(set(keys)), occupation.code
        assert set(keys) <= set(starter.SKILLS), occupation.code
        assert occupation.label not in occupation.titles
        used.update(keys)
    assert used == set(starter.SKILLS), "every skill is used by an occupation"
    for source, targets in starter.MOBILITIES.items():
        assert source in codes
        assert set(targets.split()) <= codes - {source}
    skills = list(starter.SKILLS.values())
    assert len(skills) == len(set(skills))
    assert {kind for kind, _ in skills} == set(Skill.Kind)


@pytest.mark.parametrize(
    ("label", "forms"),
    [
        ("Soudeur / Soudeuse", ("Soudeur", "Soudeuse")),
        (
            "Chef / Cheffe d'équipe en industrie",
            ("Chef d'équipe en industrie", "Cheffe d'équipe en industrie"),
        ),
        (
            "Peintre industriel / Peintre industrielle",
            ("Peintre industriel", "Peintre industrielle"),
        ),
        ("Valet / Femme de chambre", ("Valet de chambre", "Femme de chambre")),
        ("Designer", ("Designer", "Designer")),
    ],
)
def test_gender_forms_of_rome_labels(label, forms):
    assert starter.gender_forms(label) == forms


def test_load_creates_the_vocabulary_and_records_the_release(db):
    revision = Revision.current()
    result = starter.load_starter()
    assert result.loaded
    assert "117 métiers ROME" in result.message
    welder = Occupation.objects.get(code="H2913")
    assert welder.label == "Soudeur / Soudeuse"
    assert welder.domain.code == "H29"
    assert welder.domain.label == "Mécanique, travail des métaux et outillage"
    assert welder.domain.grand_domain.label == "Industrie"
    principal = welder.job_titles.get(is_principal=True)
    assert (principal.label, principal.masculine, principal.feminine) == (
        "Soudeur / Soudeuse",
        "Soudeur",
        "Soudeuse",
    )
    assert welder.job_titles.filter(is_principal=False).count() == 4
    assert not JobTitle.objects.exclude(ogr_code=None).exists()
    assert set(
        welder.skill_links.filter(importance=OccupationSkill.Importance.CORE).values_list(
            "skill__label", flat=True
        )
    ) >= {"Souder en procédé MIG-MAG", "Souder à l'électrode enrobée"}
    assert list(welder.mobility_links.values_list("target__code", "order")) == [
        ("H2916", 1),
        ("H2902", 2),
        ("H2914", 3),
    ]
    assert Occupation.objects.count() == len(starter.OCCUPATIONS)
    assert Skill.objects.count() == len(starter.SKILLS)
    assert JobTitle.objects.filter(is_principal=True).count() == len(starter.OCCUPATIONS)
    release = Release.objects.get()
    assert (release.source, release.version) == ("starter", "1")
    assert release.summary["occupations"] == len(starter.OCCUPATIONS)
    assert Revision.current() != revision


def test_second_load_changes_nothing(db):
    starter.load_starter()
    before, revision = snapshot(), Revision.current()
    result = starter.load_starter()
    assert result.loaded
    assert not any(result.changes.values())
    assert "0 éléments créés ou mis à jour" in result.message
    assert snapshot() == before
    assert Revision.current() == revision


def test_load_restores_what_was_changed_and_keeps_other_items(db):
    starter.load_starter()
    Occupation.objects.filter(code="H2903").update(label="Tourneur")
    OccupationSkill.objects.filter(occupation__code="H2903").delete()
    local = Skill.objects.create(kind=Skill.Kind.KNOW_HOW, label="Compétence ajoutée à la main")
    revision = Revision.current()

    result = starter.load_starter()

    assert result.changes["occupations"] == 1
    assert result.changes["skill_links"] > 0
    assert Occupation.objects.get(code="H2903").label == "Tourneur-fraiseur / Tourneuse-fraiseuse"
    assert OccupationSkill.objects.filter(occupation__code="H2903").exists()
    assert Skill.objects.filter(pk=local.pk).exists()
    assert Release.objects.get().summary == result.changes
    assert Revision.current() != revision


def test_every_link_in_the_database_refers_to_starter_items(db):
    starter.load_starter()
    codes = {occupation.code for occupation in starter.OCCUPATIONS}
    labels = {label for _, label in starter.SKILLS.values()}
    assert set(OccupationSkill.objects.values_list("occupation__code", flat=True)) == codes
    assert set(OccupationSkill.objects.values_list("skill__label", flat=True)) == labels
    assert set(Mobility.objects.values_list("source__code", flat=True)) <= codes
    assert set(Mobility.objects.values_list("target__code", flat=True)) <= codes


def test_load_does_nothing_once_the_rome_is_imported(db):
    Release.objects.create(source=Release.Source.ROME, version="60")
    result = starter.load_starter()
    assert not result.loaded
    assert result.message == (
        "Le ROME est importé (version 60) : le vocabulaire de départ n'est pas chargé."
    )
    assert not Occupation.objects.exists()
    assert not Skill.objects.exists()
    assert not Release.objects.filter(source=Release.Source.STARTER).exists()


def test_load_never_overwrites_an_imported_rome(db):
    starter.load_starter()
    Release.objects.create(source=Release.Source.ROME, version="60")
    Occupation.objects.filter(code="H2903").update(label="Libellé venu du ROME")
    assert not starter.load_starter().loaded
    assert Occupation.objects.get(code="H2903").label == "Libellé venu du ROME"


def read_rome(name):
    with (ROME / f"unix_{name}_v460_utf8.csv").open(encoding="utf-8", newline="") as source:
        return list(csv.DictReader(source))


@pytest.mark.skipif(not ROME.is_dir(), reason="copie du ROME absente (../shared/data)")
def test_starter_facts_match_the_official_rome():
    """Codes, labels, domains and job titles are ROME facts: the official
    files of version 60 must say the same."""
    labels = {row["code_rome"]: row["libelle_rome"] for row in read_rome("referentiel_code_rome")}
    domains = {row["code_rome"]: row for row in read_rome("cr_gd_dp")}
    titles = defaultdict(set)
    for row in read_rome("referentiel_appellation"):
        titles[row["code_rome"]].add(row["libelle_appellation_long"])
    for occupation in starter.OCCUPATIONS:
        assert labels.get(occupation.code) == occupation.label, occupation.code
        domain = domains[occupation.code]
        assert domain["code_domaine_professionel"] == occupation.code[:3]
        assert domain["libelle_domaine_professionel"] == starter.DOMAINS[occupation.code[:3]]
        assert domain["code_grand_domaine"] == occupation.code[0]
        assert domain["libelle_grand_domaine"] == starter.GRAND_DOMAINS[occupation.code[0]]
        assert {occupation.label, *occupation.titles} <= titles[occupation.code], occupation.code
