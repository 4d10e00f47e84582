"""A member's GPEC page: its own figures (computed by the cluster's code),
the cluster's benchmarks (hidden from the member below 3 organisations,
flagged for staff), the cluster's actions answering its needs, the empty
state, the download, and nobody else's page."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.gpec.factories import (
    ActionFactory,
    DeclarationFactory,
    OccupationForecastFactory,
    SkillNeedFactory,
    WorkforceLineFactory,
)
from ancrage.gpec.models import Action, SkillNeed
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Organisation
from ancrage.referentiel.factories import OccupationFactory, SkillFactory
from tests.cast import login

PERCENT = "\u202f%"


def ages(from_25=0, from_35=0, from_55=0, over_60=0):
    return {
        "age_under_25": 0,
        "age_25_34": from_25,
        "age_35_44": from_35,
        "age_45_54": 0,
        "age_55_59": from_55,
        "age_60_plus": over_60,
    }


@pytest.fixture
def alpha(cast):
    """Usinage Alpha and five other members of Cluster Alpha declare
    « Usinage » (share of 55 and over: 40 %, then 20 %, 20 %, 0 %, 20 %, 20 %); only Usinage
    Alpha and one other declare « Soudage ». Usinage Alpha needs two skills:
    one that two other members need too, one nobody else does."""
    usinage = OccupationFactory(code="H2903", label="Usinage")
    soudage = OccupationFactory(code="H2913", label="Soudage")
    cnc = SkillFactory(label="Programmer une machine à commande numérique")
    rare = SkillFactory(label="Souder du titane")
    own = Organisation.objects.get(name="Usinage Alpha")
    others = [MembershipFactory(cluster=cast.cluster_a).organisation for _index in range(5)]
    declarations = [
        DeclarationFactory(cluster=cast.cluster_a, organisation=organisation)
        for organisation in [own, *others]
    ]
    for declaration, headcount, bands in zip(
        declarations,
        (10, 20, 5, 10, 10, 10),
        (
            ages(from_25=3, from_35=3, from_55=2, over_60=2),
            ages(from_25=8, from_35=8, from_55=2, over_60=2),
            ages(from_35=4, over_60=1),
            ages(from_25=10),
            ages(from_25=8, from_55=1, over_60=1),
            ages(from_25=8, from_55=1, over_60=1),
        ),
        strict=True,
    ):
        WorkforceLineFactory(
            declaration=declaration, occupation=usinage, headcount=headcount, **bands
        )
    OccupationForecastFactory(
        declaration=declarations[0],
        occupation=usinage,
        open_unfilled=1,
        difficulty=4,
        retirements_1y=1,
        other_departures_1y=0,
        creations_1y=1,
        creations_3y=2,
    )
    for declaration in declarations[:2]:
        WorkforceLineFactory(
            declaration=declaration, occupation=soudage, headcount=4, **ages(from_35=2, from_55=2)
        )
    for declaration in declarations[:3]:
        SkillNeedFactory(
            declaration=declaration,
            skill=cnc,
            people=2,
            horizon_years=1,
            preferred_answer=SkillNeed.Answer.TRAIN,
            kind=SkillNeed.Kind.SHORTAGE,
        )
    SkillNeedFactory(declaration=declarations[0], skill=rare, people=1, horizon_years=3)
    return {"usinage": usinage, "soudage": soudage, "cnc": cnc, "rare": rare, "own": own}


def mine(cast):
    return reverse("gpec_company:mine", args=[cast.cluster_a.pk])


def staff_page(organisation):
    return reverse("gpec_company:staff", args=[organisation.pk])


def blocks_by_code(response):
    return {block.figures.occupation.code: block for block in response.context["page"].occupations}


def test_own_figures_computed_like_the_clusters(client, cast, alpha):
    login(client, cast.member_a)
    response = client.get(mine(cast))
    assert response.status_code == 200
    page = response.context["page"]
    assert [block.figures.occupation.code for block in page.occupations] == ["H2903", "H2913"]
    usinage = blocks_by_code(response)["H2903"]
    assert usinage.figures.headcount.value == 10
    assert [people for _label, people, _older in usinage.pyramid] == [2, 2, 0, 3, 3, 0]
    # Overall: Usinage and Soudage together, oldest band first.
    assert [people for _label, people, _older in page.overall] == [2, 4, 0, 5, 3, 0]
    forecasts = {str(label): (one, three) for label, one, three in usinage.forecasts}
    # Declared 1 at 1 year; estimated 2 × 30 % + 2 × 2 % = 0,64; needs 1 + 0 + 1.
    assert forecasts["Départs en retraite déclarés"] == ("1", "—")
    assert forecasts["Départs en retraite estimés d'après les âges"][0] == "0,6"
    assert forecasts["Besoins de recrutement"][0] == "2"
    content = response.content.decode()
    sentence = (
        "Votre part des 55 ans et plus en Usinage est de 40,0{}, "
        "médiane des autres adhérents du cluster 20,0{}."
    )
    assert sentence.format(PERCENT, PERCENT) in content
    assert "<svg" in content
    # The date and source of the facts used.
    kinds = [kind for kind, _day, _label in page.sources]
    assert kinds == ["effectifs", "prévisions", "besoins en compétences"]
    assert all(label.startswith("Déclaration") for _kind, _day, label in page.sources)


def test_member_sees_medians_from_five_others_quartiles_from_ten(client, cast, alpha):
    login(client, cast.member_a)
    response = client.get(mine(cast))
    usinage = {row.label: row for row in blocks_by_code(response)["H2903"].benchmarks}
    ageing = usinage["Part des 55 ans et plus"]
    assert (ageing.own, ageing.median.plain, ageing.organisations) == (
        f"40,0{PERCENT}",
        f"20,0{PERCENT}",
        5,
    )
    assert ageing.quartiles == ""  # 5 others: the quartiles would give their figures back
    # Needs at 1 year ÷ headcount: (1 declared + 0 + 1 created) ÷ 10.
    assert usinage["Besoins de recrutement à 1 an ÷ effectif"].own == f"20,0{PERCENT}"

    soudage = {row.label: row for row in blocks_by_code(response)["H2913"].benchmarks}
    hidden = soudage["Part des 55 ans et plus"]
    assert hidden.median.hidden
    assert hidden.median.plain == "secret"
    assert hidden.own == f"50,0{PERCENT}"  # its own figure stays visible
    content = response.content.decode()
    assert "moins de 3 organisations" not in content.split("Secret statistique")[0]
    assert 'class="secret' in content

    skills = {row.figures.skill.label: row for row in response.context["page"].skills}
    assert skills["Programmer une machine à commande numérique"].cluster_organisations.plain == "3"
    assert skills["Souder du titane"].cluster_organisations.plain == "secret"


def test_staff_see_every_benchmark_fragile_ones_flagged(client, cast, alpha):
    login(client, cast.staff_a)
    response = client.get(staff_page(alpha["own"]))
    assert response.status_code == 200
    usinage = {row.label: row for row in blocks_by_code(response)["H2903"].benchmarks}
    ageing = usinage["Part des 55 ans et plus"]
    # Over the 5 others (20 %, 20 %, 0 %, 20 %, 20 %): Usinage Alpha is left out.
    assert ageing.quartiles == f"20,0{PERCENT} – 20,0{PERCENT}"
    assert not ageing.fragile
    soudage = {row.label: row for row in blocks_by_code(response)["H2913"].benchmarks}
    fragile = soudage["Part des 55 ans et plus"]
    assert fragile.fragile
    assert not fragile.median.hidden
    assert fragile.median.plain == f"50,0{PERCENT}"
    content = response.content.decode()
    assert 'class="badge text-bg-warning fragile"' in content
    assert "Sa part des 55 ans et plus en Usinage est de 40,0" in content


def test_a_median_of_three_or_four_others_is_secret_for_members(client, cast, alpha):
    """A median of 3 figures is one of them: members see it from 5 others."""
    others = Organisation.objects.filter(memberships__cluster=cast.cluster_a).exclude(
        name="Usinage Alpha"
    )
    for organisation in others.order_by("pk")[:2]:
        # Their new declarations no longer name Usinage.
        WorkforceLineFactory(
            declaration=DeclarationFactory(cluster=cast.cluster_a, organisation=organisation),
            occupation=alpha["soudage"],
            headcount=3,
        )
    login(client, cast.member_a)
    response = client.get(mine(cast))
    usinage = {row.label: row for row in blocks_by_code(response)["H2903"].benchmarks}
    ageing = usinage["Part des 55 ans et plus"]
    assert ageing.organisations == 3
    assert ageing.median.plain == "secret"
    assert "moins de 5 organisations" in str(ageing.median)
    assert "médiane des autres adhérents" not in response.content.decode()


def test_the_clusters_actions_answering_its_needs(client, cast, alpha):
    answering = [
        ActionFactory(
            cluster=cast.cluster_a, title="Jobdating usinage", occupation=alpha["usinage"]
        ),
        ActionFactory(
            cluster=cast.cluster_a,
            title="Formation CN mutualisée",
            skill=alpha["cnc"],
            status=Action.Status.IN_PROGRESS,
        ),
    ]
    ActionFactory(
        cluster=cast.cluster_a,
        title="Ancien jobdating",
        occupation=alpha["usinage"],
        status=Action.Status.DONE,
    )
    ActionFactory(
        cluster=cast.cluster_b, title="Action d'un autre cluster", occupation=alpha["usinage"]
    )
    ActionFactory(cluster=cast.cluster_a, title="Autre métier", occupation=OccupationFactory())
    login(client, cast.member_a)
    response = client.get(mine(cast))
    listed = response.context["page"].actions
    assert sorted(action.pk for action, _reason in listed) == sorted(a.pk for a in answering)
    reasons = {action.title: reason for action, reason in listed}
    assert reasons["Jobdating usinage"] == "votre métier Usinage"
    content = response.content.decode()
    assert "Formation CN mutualisée" in content
    assert "Action d'un autre cluster" not in content


def test_without_a_declaration_an_invitation_to_declare(client, cast):
    login(client, cast.member_a)
    response = client.get(mine(cast))
    content = response.content.decode()
    assert not response.context["page"].declared
    assert "Aucune déclaration en vigueur" in content
    assert reverse("gpec_declarations:declare", args=[cast.cluster_a.pk]) in content


def test_another_organisations_page_answers_404(client, cast, alpha):
    login(client, cast.staff_b)
    assert client.get(staff_page(alpha["own"])).status_code == 404
    login(client, cast.member_a)
    other = MembershipFactory(cluster=cast.cluster_b)
    assert client.get(reverse("gpec_company:mine", args=[other.cluster_id])).status_code == 404


def test_the_page_reads_in_a_few_queries(client, cast, alpha, django_assert_max_num_queries):
    for _index in range(5):
        ActionFactory(cluster=cast.cluster_a, occupation=alpha["usinage"], skill=alpha["cnc"])
    login(client, cast.member_a)
    client.get(mine(cast))
    with django_assert_max_num_queries(25):
        response = client.get(mine(cast))
    assert len(response.context["page"].actions) == 5


def test_download_keeps_the_secrets_and_is_logged(client, cast, alpha):
    login(client, cast.member_a)
    response = client.get(reverse("gpec_company:mine_export", args=[cast.cluster_a.pk]))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [
        "Effectifs",
        "Prévisions",
        "Repères du cluster",
        "Compétences",
        "Actions du cluster",
    ]
    rows = list(workbook["Repères du cluster"].iter_rows(values_only=True))
    assert rows[0] == (
        "Métier",
        "Code ROME",
        "Indicateur",
        "Votre chiffre",
        "Médiane des autres adhérents",
        "Quartiles",
    )
    soudage = [row for row in rows if row[1] == "H2913" and row[2] == "Part des 55 ans et plus"]
    assert soudage == [
        ("Soudage", "H2913", "Part des 55 ans et plus", f"50,0{PERCENT}", "secret", None)
    ]
    workforce = list(workbook["Effectifs"].iter_rows(values_only=True))
    assert workforce[1][:3] == ("Usinage", "H2903", 10)
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert (entry.cluster_id, entry.details["what"]) == (cast.cluster_a.pk, "gpec_company")


def test_staff_download_flags_the_fragile_benchmarks(client, cast, alpha):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_company:staff_export", args=[alpha["own"].pk]))
    rows = list(load_workbook(io.BytesIO(response.content))["Repères du cluster"].values)
    assert rows[0][-2:] == ("Autres organisations", "Moins de 3 organisations")
    soudage = [row for row in rows if row[1] == "H2913" and row[2] == "Part des 55 ans et plus"]
    assert soudage[0][4:] == (f"50,0{PERCENT}", f"50,0{PERCENT} – 50,0{PERCENT}", 1, "oui")
