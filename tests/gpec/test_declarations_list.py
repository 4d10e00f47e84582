"""The staff's list of the members' declarations: the last one of each
active member (date, source, on behalf), « à relancer » when none or over
12 months old, filters, pagination in a fixed number of queries, export."""

import datetime
import io

import pytest
from dateutil.relativedelta import relativedelta
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ancrage.accounts.models import AuditEntry
from ancrage.gpec.factories import DeclarationFactory
from ancrage.gpec.models import Source
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from tests.cast import login

pytestmark = pytest.mark.django_db


def member(cluster, name, status=Membership.Status.ACTIVE):
    return MembershipFactory(cluster=cluster, organisation__name=name, status=status).organisation


@pytest.fixture
def world(cast):
    today = timezone.localdate()
    recent = member(cast.cluster_a, "Atelier Récent")
    old = member(cast.cluster_a, "Bureau Ancien")
    imported = member(cast.cluster_a, "Chaudronnerie Importée")
    former = member(cast.cluster_a, "Disparue", status=Membership.Status.FORMER)
    DeclarationFactory(
        cluster=cast.cluster_a, organisation=recent, declared_on=today - relativedelta(months=15)
    )
    DeclarationFactory(
        cluster=cast.cluster_a, organisation=recent, declared_on=today - relativedelta(months=1)
    )
    DeclarationFactory(
        cluster=cast.cluster_a,
        organisation=old,
        declared_on=today - relativedelta(months=12, days=1),
        on_behalf=True,
    )
    DeclarationFactory(
        cluster=cast.cluster_a,
        organisation=imported,
        declared_on=today - datetime.timedelta(days=7),
        on_behalf=True,
        source=Source.IMPORT,
    )
    DeclarationFactory(cluster=cast.cluster_a, organisation=former)
    # The same organisation declared to another cluster: not this one's business.
    DeclarationFactory(cluster=cast.cluster_b, organisation=old)
    MembershipFactory(cluster=cast.cluster_b, organisation__name="Membre de Bêta")
    return {"recent": recent, "old": old, "imported": imported}


def rows(response):
    return [
        (
            membership.organisation.name,
            membership.last_on,
            membership.last_source,
            membership.last_on_behalf,
            membership.to_remind,
        )
        for membership in response.context["page"].object_list
    ]


def test_every_active_member_with_its_last_declaration(client, cast, world):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_declarations:list"))
    today = timezone.localdate()
    assert rows(response) == [
        ("Atelier Récent", today - relativedelta(months=1), Source.DECLARATION, False, False),
        ("Bureau Ancien", today - relativedelta(months=12, days=1), Source.DECLARATION, True, True),
        ("Chaudronnerie Importée", today - datetime.timedelta(days=7), Source.IMPORT, True, False),
        ("Usinage Alpha", None, None, None, True),
    ]
    page = response.content.decode()
    limit = (today - relativedelta(months=12)).strftime("%d/%m/%Y")
    assert (
        f"4 adhérents actifs : 1 n'a jamais déclaré, 1 a déclaré pour la dernière fois avant "
        f"le {limit}."
    ) in " ".join(page.split())
    assert page.count("à relancer</span>") == 2
    assert "Disparue" not in page and "Membre de Bêta" not in page
    assert reverse("gpec_declarations:unchanged_on_behalf", args=[world["old"].pk]) in page


@pytest.mark.parametrize(
    ("state", "names"),
    [
        ("jamais", ["Usinage Alpha"]),
        ("ancienne", ["Bureau Ancien"]),
        ("a-jour", ["Atelier Récent", "Chaudronnerie Importée"]),
        ("", ["Atelier Récent", "Bureau Ancien", "Chaudronnerie Importée", "Usinage Alpha"]),
    ],
)
def test_filters(client, cast, world, state, names):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_declarations:list"), {"etat": state})
    assert [row[0] for row in rows(response)] == names


def test_a_bad_filter_is_explained_and_ignored(client, cast, world):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_declarations:list"), {"etat": "<b>", "page": "zz"})
    assert response.status_code == 200
    assert "Ce filtre n&#x27;existe pas" in response.content.decode()
    assert len(rows(response)) == 4


def test_pages_are_read_in_a_fixed_number_of_queries(
    client, cast, world, django_assert_max_num_queries
):
    login(client, cast.staff_a)
    url = reverse("gpec_declarations:list")
    client.get(url)  # session and scope warmed up
    with django_assert_max_num_queries(10) as few:
        client.get(url)
    for number in range(60):
        organisation = member(cast.cluster_a, f"Zinguerie {number:02d}")
        DeclarationFactory(cluster=cast.cluster_a, organisation=organisation)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    assert len(rows(response)) == 50
    response = client.get(url, {"page": 2})
    assert [row[0] for row in rows(response)][:1] == ["Zinguerie 46"]
    assert "Page 2 sur 2" in response.content.decode()


def test_the_list_is_exported_and_the_export_audited(client, cast, world):
    login(client, cast.staff_a)
    response = client.get(reverse("gpec_declarations:list"), {"etat": "ancienne", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == [
        "Adhérent",
        "SIREN",
        "Dernière déclaration",
        "Source",
        "Saisie par l'équipe du cluster",
        "À relancer",
    ]
    assert values[1][0] == "Bureau Ancien" and values[1][3:] == ["déclaration", "oui", "oui"]
    assert len(values) == 2
    entry = AuditEntry.objects.get(action=AuditEntry.Action.EXPORT)
    assert entry.details == {"what": "gpec_declarations", "state": "ancienne", "count": 1}
    assert entry.cluster_id == cast.cluster_a.pk
