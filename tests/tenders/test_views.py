"""Tender screens: what staff do and what the others cannot, including
tampered ids of another cluster (404, never a 500)."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.organisations.factories import MembershipFactory
from ancrage.organisations.models import Membership
from ancrage.referentiel.factories import VocabularyEntryFactory
from ancrage.referentiel.models import Activity
from ancrage.tenders.factories import (
    CandidateFactory,
    ConsortiumFactory,
    RequirementFactory,
    TenderFactory,
    member,
)
from ancrage.tenders.models import Candidate, Consortium, Requirement, Tender
from tests.cast import ROLES, login


@pytest.fixture
def staff(client, cast):
    return login(client, cast.staff_a)


def test_staff_create_a_tender_with_territory_and_certifications(staff, world):
    response = staff.post(
        reverse("tenders:create"),
        {
            "title": "Capacité d'usinage",
            "kind": "request",
            "client": "Naval Group (fictif)",
            "market": world.markets[0].pk,
            "deadline": "2027-03-31",
            "amount": "125000.50",
            "departments_text": "56, 44 56",
            "certifications_text": "EN 9100 ; en 9100; ISO 14001",
        },
    )
    tender = Tender.objects.get()
    assert response.status_code == 302 and response["Location"] == tender.get_absolute_url()
    assert tender.cluster == world.cluster and tender.created_by == world.cast.staff_a
    assert tender.kind == Tender.Kind.REQUEST
    assert tender.amount == Decimal("125000.50")
    assert sorted(tender.departments.values_list("code", flat=True)) == ["44", "56"]
    assert tender.certifications == ["en 9100", "ISO 14001"]
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TENDER_UPDATED)
    assert entry.cluster_id == world.cluster.pk and entry.details["what"] == "created"
    page = staff.get(tender.get_absolute_url()).content.decode()
    assert "Loire-Atlantique (44), Morbihan (56)" in page
    assert "en 9100 ; ISO 14001" in page


def test_bad_input_gets_french_messages_and_keeps_what_was_typed(staff, world):
    response = staff.post(
        reverse("tenders:create"),
        {"title": "", "kind": "call", "departments_text": "56 99 ZZ", "amount": "beaucoup"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "Département inconnu : 99, ZZ" in body
    assert "Saisissez un nombre." in body
    response = staff.post(reverse("tenders:create"), {"title": "X", "kind": "call", "amount": "-5"})
    assert "Le montant ne peut pas être négatif." in response.content.decode()
    assert 'value="56 99 ZZ"' in body
    assert Tender.objects.count() == 0


def test_edit_shows_the_current_territory_and_records_the_change(staff, world):
    tender = TenderFactory(cluster=world.cluster, certifications=["ASME"])
    tender.departments.set([world.lorient.department])
    form = staff.get(reverse("tenders:edit", args=[tender.pk])).content.decode()
    assert 'value="56"' in form and 'value="ASME"' in form
    staff.post(
        reverse("tenders:edit", args=[tender.pk]),
        {
            "title": "Nouveau titre",
            "kind": "call",
            "departments_text": "",
            "certifications_text": "",
        },
    )
    tender.refresh_from_db()
    assert tender.title == "Nouveau titre" and tender.certifications == []
    assert not tender.departments.exists()
    entry = AuditEntry.objects.get(action=AuditEntry.Action.TENDER_UPDATED)
    assert entry.details["what"] == "edited" and "title" in entry.details["changed"]


def test_requirements_by_skill_name_or_activity(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    url = reverse("tenders:requirement_add", args=[tender.pk])
    staff.post(url, {"skill": "Usinage", "importance": "must"})
    staff.post(url, {"activity": world.activities[1].pk, "importance": "3"})
    requirements = list(Requirement.objects.filter(tender=tender))
    assert [(str(r), r.must_have, r.weight) for r in requirements] == [
        ("Usinage", True, 5),
        (str(world.activities[1]), False, 3),
    ]
    # Adding it again changes its importance.
    staff.post(url, {"skill": "Usinage", "importance": "2"})
    usinage = Requirement.objects.get(tender=tender, skill=world.skills[0])
    assert (usinage.must_have, usinage.weight) == (False, 2)
    remove = reverse("tenders:requirement_remove", args=[tender.pk, usinage.pk])
    staff.post(remove)
    assert Requirement.objects.filter(tender=tender).count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"importance": "must"}, "Choisissez une compétence ou une activité"),
        ({"skill": "Usinage", "activity": "any", "importance": "1"}, "l&#x27;une ou l&#x27;autre"),
        ({"skill": "Pâtisserie fine", "importance": "1"}, "Aucun élément ne correspond"),
        ({"activity": "999999", "importance": "1"}, "Sélectionnez un choix valide"),
        ({"skill": "Usinage", "importance": "9"}, "Sélectionnez un choix valide"),
    ],
)
def test_bad_requirements_are_refused_in_french(staff, world, data, message):
    if data.get("activity") == "any":  # a seeded activity, whatever its id
        data = {**data, "activity": str(Activity.objects.order_by("pk").first().pk)}
    tender = TenderFactory(cluster=world.cluster)
    response = staff.post(reverse("tenders:requirement_add", args=[tender.pk]), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Requirement.objects.filter(tender=tender).exists()


def test_a_skill_of_another_clusters_vocabulary_is_not_taken(staff, world):
    foreign = VocabularyEntryFactory(cluster=world.cast.cluster_b, for_skill=True, label="Forge")
    tender = TenderFactory(cluster=world.cluster)
    response = staff.post(
        reverse("tenders:requirement_add", args=[tender.pk]),
        {"skill": "Forge", "skill_code": foreign.pk, "importance": "must"},
    )
    assert response.status_code == 200
    assert not Requirement.objects.filter(tender=tender).exists()


def test_one_click_follow_up_from_the_matching_list(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=world.skills[0], must_have=True)
    target = member(world.cluster, "Usineur", skills=[world.skills[0]])
    url = reverse("tenders:candidate_add", args=[tender.pk])
    response = staff.post(
        url, {"membership": target.pk, "status": "contacted", "back": "matching", "page": "1"}
    )
    assert response["Location"] == (
        reverse("tenders:matching", args=[tender.pk]) + f"?page=1#adherent-{target.pk}"
    )
    candidate = Candidate.objects.get(tender=tender)
    assert (candidate.membership, candidate.status) == (target, Candidate.Status.CONTACTED)
    page = staff.get(reverse("tenders:matching", args=[tender.pk])).content.decode()
    assert "Contacté" in page
    # Follow-up changes on the tender's page.
    staff.post(
        reverse("tenders:candidate_update", args=[tender.pk, candidate.pk]),
        {"status": "interested", "note": "Rappeler lundi"},
    )
    candidate.refresh_from_db()
    assert (candidate.status, candidate.note) == ("interested", "Rappeler lundi")
    response = staff.post(
        reverse("tenders:candidate_update", args=[tender.pk, candidate.pk]), {"status": "bof"}
    )
    candidate.refresh_from_db()
    assert candidate.status == "interested"


@pytest.mark.parametrize("value", ["of_b", "former", "abc", "", "99999999999999999999999"])
@pytest.mark.parametrize("url_name", ["tenders:candidate_add", "tenders:constraint"])
def test_tampered_member_ids_answer_404(staff, world, url_name, value):
    tender = TenderFactory(cluster=world.cluster)
    ids = {
        "of_b": MembershipFactory(cluster=world.cast.cluster_b).pk,
        "former": MembershipFactory(cluster=world.cluster, status=Membership.Status.FORMER).pk,
    }
    data = {"membership": ids.get(value, value), "constraint": "locked", "status": "contacted"}
    response = staff.post(reverse(url_name, args=[tender.pk]), data)
    assert response.status_code == 404
    assert not Candidate.objects.exists()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "url_name", ["tenders:candidate_add", "tenders:constraint", "tenders:propose"]
)
def test_actions_naming_a_member_are_for_the_clusters_staff(client, cast, role, url_name):
    tender = TenderFactory(cluster=cast.cluster_a)
    membership = Membership.objects.get(cluster=cast.cluster_a)
    if role != "anonymous":
        login(client, cast.user(role))
    data = {
        "membership": membership.pk,
        "members": [membership.pk],
        "lead": membership.pk,
        "constraint": "excluded",
        "status": "contacted",
    }
    response = client.post(reverse(url_name, args=[tender.pk]), data)
    expected = {"anonymous": 302, "staff_a": 302, "staff_b": 404}.get(role, 403)
    assert response.status_code == expected
    if role == "anonymous":
        assert response["Location"].startswith(reverse("accounts:login"))
    changed = Candidate.objects.exists()
    assert changed == (role == "staff_a")


def test_lock_exclude_and_free(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    target = member(world.cluster, "Usineur", skills=[world.skills[0]])
    url = reverse("tenders:constraint", args=[tender.pk])
    response = staff.post(
        url, {"membership": target.pk, "constraint": "locked", "back": "consortia"}
    )
    assert response["Location"] == reverse("tenders:consortia", args=[tender.pk])
    assert Candidate.objects.get().constraint == "locked"
    staff.post(url, {"membership": target.pk, "constraint": "excluded"})
    assert Candidate.objects.get().constraint == "excluded"
    staff.post(url, {"membership": target.pk, "constraint": "bidon"})
    assert Candidate.objects.get().constraint == "excluded"
    staff.post(url, {"membership": target.pk, "constraint": ""})
    assert Candidate.objects.get().constraint == ""


def test_consortia_page_shows_who_covers_what_and_proposes(staff, world):
    usinage, soudure = world.skills[:2]
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    RequirementFactory(tender=tender, skill=soudure, must_have=True)
    machining = member(world.cluster, "Usineur", skills=[usinage], headcount=40)
    welding = member(world.cluster, "Soudeur", skills=[soudure], headcount=4)
    body = staff.get(reverse("tenders:consortia", args=[tender.pk])).content.decode()
    assert "Meilleur consortium : 2 adhérents" in body
    assert "Optimal (prouvé par le solveur)." in body
    assert body.count('<span class="visually-hidden">couvre</span>') == 2
    response = staff.post(
        reverse("tenders:propose", args=[tender.pk]),
        {"members": [machining.pk, welding.pk], "lead": welding.pk, "note": "Soudeur en tête"},
    )
    assert response.status_code == 302
    proposed = Consortium.objects.get()
    assert set(proposed.members.all()) == {machining, welding}
    assert proposed.lead == welding and proposed.proposed_by == world.cast.staff_a
    needs = {str(r.pk): r for r in Requirement.objects.filter(tender=tender)}
    assert {needs[k].skill for k, v in proposed.coverage.items() if v == [machining.pk]} == {
        usinage
    }
    assert Candidate.objects.filter(tender=tender).count() == 2
    detail = staff.get(tender.get_absolute_url()).content.decode()
    assert "Soudeur en tête" in detail and "mandataire" in detail


def test_propose_refuses_other_clusters_members_and_a_lead_outside(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    ours = member(world.cluster, "Usineur", skills=[world.skills[0]])
    theirs = MembershipFactory(cluster=world.cast.cluster_b)
    url = reverse("tenders:propose", args=[tender.pk])
    assert staff.post(url, {"members": [ours.pk, theirs.pk], "lead": ours.pk}).status_code == 404
    other = member(world.cluster, "Autre", skills=[world.skills[1]])
    response = staff.post(url, {"members": [ours.pk], "lead": other.pk}, follow=True)
    assert "Le mandataire doit faire partie du consortium." in response.content.decode()
    response = staff.post(url, {"lead": ours.pk}, follow=True)
    assert "Un consortium compte au moins un adhérent." in response.content.decode()
    assert not Consortium.objects.exists()


def test_impossible_cover_is_explained_on_the_page(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=world.skills[5], must_have=True)
    body = staff.get(reverse("tenders:consortia", args=[tender.pk])).content.decode()
    assert "Aucun consortium ne couvre toutes les exigences indispensables." in body
    assert "« Essais » : aucun adhérent ne la couvre." in body


def test_outcome_and_delete(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    staff.post(reverse("tenders:outcome", args=[tender.pk]), {"outcome": "won"})
    tender.refresh_from_db()
    assert tender.outcome == Tender.Outcome.WON
    staff.post(reverse("tenders:outcome", args=[tender.pk]), {"outcome": "perdu?"})
    tender.refresh_from_db()
    assert tender.outcome == Tender.Outcome.WON
    staff.post(reverse("tenders:delete", args=[tender.pk]))
    assert not Tender.objects.exists()
    assert AuditEntry.objects.filter(details__what="deleted").count() == 1


def test_list_filters_and_summary(staff, world, django_assert_max_num_queries):
    today = timezone.localdate()
    won = TenderFactory(cluster=world.cluster, title="Gagné", outcome="won", amount=Decimal("1000"))
    TenderFactory(
        cluster=world.cluster, title="Gagné aussi", outcome="won", amount=Decimal("500.5")
    )
    TenderFactory(cluster=world.cluster, title="Perdu", outcome="lost", amount=Decimal("200"))
    TenderFactory(cluster=world.cluster, title="Bientôt", deadline=today + timedelta(days=10))
    TenderFactory(cluster=world.cluster, title="Plus tard", deadline=today + timedelta(days=90))
    TenderFactory(cluster=world.cluster, title="Passé", deadline=today - timedelta(days=1))
    TenderFactory(cluster=world.cast.cluster_b, title="Chez Bêta", outcome="won")
    for _index in range(3):
        RequirementFactory(tender=won)
        CandidateFactory(tender=won)
    ConsortiumFactory(tender=won)
    url = reverse("tenders:list")
    staff.get(url)
    with django_assert_max_num_queries(10):
        body = staff.get(url).content.decode()
    assert "Chez Bêta" not in body
    row = body[body.index(">Gagné</a>") :]
    row = row[: row.index("</tr>")]
    # Requirements, members followed, consortia proposed: counted without a row product.
    assert re.findall(r"<td>(\d+)</td>", row) == ["3", "3", "1"]
    assert "Taux de succès des appels d'offres décidés : 67 %." in body
    summary = body[body.index("Bilan commercial") : body.index("Taux de succès")]
    assert re.search(r"Gagné</th>\s*<td[^>]*>2</td>\s*<td[^>]*>\s*1\D501\s*</td>", summary)

    def titles(params):
        page = staff.get(url, params).content.decode()
        table = page[page.index("<tbody>", page.index("Appels d'offres du cluster")) :]
        return {
            t
            for t in ["Gagné", "Gagné aussi", "Perdu", "Bientôt", "Plus tard", "Passé"]
            if f">{t}</a>" in table
        }

    assert titles({"outcome": "won"}) == {"Gagné", "Gagné aussi"}
    assert titles({"deadline": "soon"}) == {"Bientôt"}
    assert titles({"deadline": "upcoming"}) == {"Bientôt", "Plus tard"}
    assert titles({"deadline": "past"}) == {"Passé"}
    assert titles({"q": "perdu"}) == {"Perdu"}
    assert "Corrigez les filtres signalés." in staff.get(url, {"outcome": "x"}).content.decode()


def test_lock_from_the_matching_list_then_the_consortium_has_it(staff, world):
    usinage = world.skills[0]
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    member(world.cluster, "Usineur", skills=[usinage, world.skills[1]])
    partial = member(world.cluster, "Usineur moins complet", skills=[usinage])
    RequirementFactory(tender=tender, skill=world.skills[1], weight=1)
    response = staff.post(
        reverse("tenders:constraint", args=[tender.pk]),
        {"membership": partial.pk, "constraint": "locked", "back": "matching", "page": "2"},
    )
    assert response["Location"] == (
        reverse("tenders:matching", args=[tender.pk]) + f"?page=2#adherent-{partial.pk}"
    )
    body = staff.get(reverse("tenders:consortia", args=[tender.pk])).content.decode()
    best = body[body.index("Meilleur consortium") : body.index("Proposer ce consortium")]
    assert "Usineur moins complet" in best
    matching = staff.get(reverse("tenders:matching", args=[tender.pk])).content.decode()
    assert 'Libérer<span class="visually-hidden"> Usineur moins complet' in matching


def test_detail_and_consortia_pages_have_bounded_queries(
    staff, world, django_assert_max_num_queries
):
    tender = TenderFactory(cluster=world.cluster)
    for skill in world.skills[:4]:
        RequirementFactory(tender=tender, skill=skill, must_have=True)
    members = [member(world.cluster, f"Membre {i}", skills=[world.skills[i % 4]]) for i in range(8)]
    for membership in members:
        CandidateFactory(tender=tender, membership=membership)
    for _index in range(3):
        proposed = ConsortiumFactory(tender=tender, lead=members[0])
        proposed.members.set(members[:4])
    for url in (tender.get_absolute_url(), reverse("tenders:consortia", args=[tender.pk])):
        staff.get(url)
        with django_assert_max_num_queries(16):
            assert staff.get(url).status_code == 200


def test_ids_of_another_tender_answer_404(staff, world):
    ours = TenderFactory(cluster=world.cluster)
    other = TenderFactory(cluster=world.cluster)
    theirs = TenderFactory(cluster=world.cast.cluster_b)
    requirement = RequirementFactory(tender=other)
    candidate = CandidateFactory(tender=theirs)
    remove = reverse("tenders:requirement_remove", args=[ours.pk, requirement.pk])
    assert staff.post(remove).status_code == 404
    update = reverse("tenders:candidate_update", args=[ours.pk, candidate.pk])
    assert staff.post(update, {"status": "declined"}).status_code == 404
    assert Requirement.objects.filter(pk=requirement.pk).exists()
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.SHORTLISTED
    matching = reverse("tenders:matching", args=[ours.pk])
    assert staff.get(matching, {"page": "abc"}).status_code == 200


def test_with_htmx_the_matching_list_answers_the_members_cell(staff, world):
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=world.skills[0], must_have=True)
    target = member(world.cluster, "Usineur", skills=[world.skills[0]])
    data = {"membership": target.pk, "back": "matching", "page": "1"}
    response = staff.post(
        reverse("tenders:candidate_add", args=[tender.pk]),
        {**data, "status": "contacted"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<div id="suivi-{target.pk}">' in body and "<html" not in body
    assert 'hx-swap-oob="innerHTML"' in body and "Usineur : contacté." in body
    assert "Contacté" in body and "Repérer" not in body
    response = staff.post(
        reverse("tenders:constraint", args=[tender.pk]),
        {**data, "constraint": "excluded"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert "Usineur est exclu des consortiums." in body and "Libérer" in body
    assert Candidate.objects.get().constraint == "excluded"
