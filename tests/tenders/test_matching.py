"""Matching: who is eligible, in which order, covering and missing what."""

from ancrage.organisations.models import Membership
from ancrage.tenders.factories import RequirementFactory, TenderFactory, member
from ancrage.tenders.matching import matches, normal_certification


def names(found):
    return [m.name for m in found]


def test_members_are_ranked_by_must_haves_then_weight(world, django_assert_max_num_queries):
    usinage, soudure, chaudronnerie = world.skills[:3]
    tender = TenderFactory(cluster=world.cluster)
    must_a = RequirementFactory(tender=tender, skill=usinage, must_have=True, weight=5)
    must_b = RequirementFactory(tender=tender, skill=soudure, must_have=True, weight=5)
    optional = RequirementFactory(tender=tender, skill=chaudronnerie, weight=3)
    activity = RequirementFactory(tender=tender, skill=None, activity=world.activities[0])
    member(world.cluster, "Deux indispensables", skills=[usinage, soudure])
    member(
        world.cluster,
        "Un indispensable et le reste",
        skills=[usinage, chaudronnerie],
        activities=[world.activities[0]],
    )
    member(world.cluster, "Facultatif seulement", skills=[chaudronnerie])
    member(world.cluster, "Rien", skills=[world.skills[4]])
    member(
        world.cluster,
        "Ancien adhérent",
        skills=[usinage, soudure, chaudronnerie],
        status=Membership.Status.FORMER,
    )
    member(world.cast.cluster_b, "Autre cluster", activities=[world.activities[0]])

    with django_assert_max_num_queries(3):
        found = matches(tender)

    assert names(found) == [
        "Deux indispensables",
        "Un indispensable et le reste",
        "Facultatif seulement",
    ]
    best, second, third = found
    assert [n.pk for n in best.covers] == [must_a.pk, must_b.pk]
    assert [n.pk for n in best.misses] == [optional.pk, activity.pk]
    assert best.musts == 2 and best.weight == 0
    assert second.musts == 1 and second.weight == 4
    assert {n.pk for n in second.misses} == {must_b.pk}
    # Must-haves count 5 points each: 10 out of 5 + 5 + 3 + 1.
    assert best.percent == round(100 * 10 / 14)
    assert third.percent == round(100 * 3 / 14)


def test_the_tenders_market_breaks_ties(world):
    usinage = world.skills[0]
    tender = TenderFactory(cluster=world.cluster, market=world.markets[1])
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    member(world.cluster, "A sans le marché", skills=[usinage], markets=[world.markets[0]])
    member(world.cluster, "B avec le marché", skills=[usinage], markets=[world.markets[1]])
    found = matches(tender)
    assert names(found) == ["B avec le marché", "A sans le marché"]
    assert [m.market for m in found] == [True, False]


def test_territory_and_certifications_filter_members(world):
    usinage = world.skills[0]
    tender = TenderFactory(cluster=world.cluster, certifications=["EN 9100"])
    tender.departments.set([world.lorient.department])
    RequirementFactory(tender=tender, skill=usinage)
    member(
        world.cluster,
        "Lorient certifié",
        skills=[usinage],
        commune=world.lorient,
        certifications=["en9100", "ISO 9001"],
    )
    member(
        world.cluster,
        "Lorient sans EN 9100",
        skills=[usinage],
        commune=world.lorient,
        certifications=["ISO 9001"],
    )
    member(
        world.cluster,
        "Saint-Nazaire certifié",
        skills=[usinage],
        commune=world.saint_nazaire,
        certifications=["EN 9100"],
    )
    member(world.cluster, "Sans commune", skills=[usinage], certifications=["EN 9100"])
    assert names(matches(tender)) == ["Lorient certifié"]
    assert len(matches(tender, filtered=False)) == 4


def test_certifications_compare_without_case_spaces_or_punctuation():
    assert normal_certification("EN 9100") == normal_certification("en-9100") == "EN9100"
    assert normal_certification("ISO 9001:2015") == "ISO90012015"


def test_matching_page_shows_covers_and_misses(client, world, django_assert_max_num_queries):
    from django.urls import reverse

    from tests.cast import login

    usinage, soudure = world.skills[:2]
    tender = TenderFactory(cluster=world.cluster)
    RequirementFactory(tender=tender, skill=usinage, must_have=True)
    RequirementFactory(tender=tender, skill=soudure, weight=2)
    for index in range(12):
        member(world.cluster, f"Atelier {index:02d}", skills=[usinage])
    member(world.cluster, "Atelier complet", skills=[usinage, soudure])
    login(client, world.cast.staff_a)
    url = reverse("tenders:matching", args=[tender.pk])
    client.get(url)
    with django_assert_max_num_queries(12):
        response = client.get(url)
    body = response.content.decode()
    assert body.index("Atelier complet") < body.index("Atelier 00")
    assert "13 adhérents couvrent au moins une exigence" in body
    row = body[body.index('id="adherent-') :]
    assert "Usinage" in row and "Soudure" in row
