"""Schools relay internships and work-study offers: only training bodies,
higher-education establishments and lycées (others: a 403 that says why);
the visible stage/alternance offers of their clusters with the school
calendar; addresses checked one by one (line numbers), 500 at most; one
email per address with the offer's link; the relay recorded."""

import datetime

import pytest
from django.urls import reverse

from ancrage.jobs import relays
from ancrage.jobs.factories import PublicationFactory
from ancrage.jobs.models import Offer, Relay
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.organisations.models import Membership, Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login
from tests.jobs.applications_setup import alpha_offer

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def school(cast):
    membership = MembershipFactory(
        cluster=cast.cluster_a,
        organisation__name="Lycée Dupuy-de-Lôme",
        organisation__kind=Organisation.Kind.LYCEE,
    )
    return membership.organisation


@pytest.fixture
def teacher(client, school):
    user = OrganisationUserFactory(organisation=school, user__email="prof@lycee.fr").user
    return login(client, user)


def internship(cast, **fields):
    fields.setdefault("contract", "stage")
    fields.setdefault("title", "Stage en usinage")
    fields.setdefault("period_start", datetime.date(2099, 4, 1))
    fields.setdefault("period_end", datetime.date(2099, 6, 30))
    fields.setdefault("rhythm", "3 semaines en entreprise, 1 semaine au lycée")
    return alpha_offer(cast, **fields)


def test_the_school_sees_its_clusters_internships_with_their_calendar(teacher, cast, school):
    stage = internship(cast)
    work_study = internship(cast, contract="alternance", title="Alternance BTS CPRP")
    internship(cast, contract="cdi", title="CDI de régleur")
    internship(cast, title="Stage clos", status=Offer.Status.CLOSED)
    PublicationFactory(cluster=cast.cluster_b, offer__contract="stage", offer__title="Ailleurs")
    html = teacher.get(reverse("jobs_relay:list")).content.decode()
    assert "Stage en usinage" in html
    assert "Alternance BTS CPRP" in html
    assert "Du 1 avril 2099 au 30 juin 2099" in html
    assert "3 semaines en entreprise, 1 semaine au lycée" in html
    assert "CDI de régleur" not in html
    assert "Stage clos" not in html
    assert "Ailleurs" not in html
    assert reverse("jobs_relay:relay", args=[stage.pk]) in html
    assert reverse("jobs_relay:relay", args=[work_study.pk]) in html
    # A former member sees none.
    Membership.objects.filter(organisation=school).update(status=Membership.Status.FORMER)
    html = teacher.get(reverse("jobs_relay:list")).content.decode()
    assert "Stage en usinage" not in html
    assert teacher.get(reverse("jobs_relay:relay", args=[stage.pk])).status_code == 404


def test_relaying_sends_one_email_per_address_and_records_it(teacher, cast, school):
    stage = internship(cast)
    response = teacher.post(
        reverse("jobs_relay:relay", args=[stage.pk]),
        {
            "addresses": "a@etu.fr, b@etu.fr\nc@etu.fr; A@etu.fr\n\n",
            "message": f"Pour les BTS {SCRIPT}",
        },
    )
    assert response.status_code == 302
    relay = Relay.objects.get()
    assert (relay.offer, relay.organisation, relay.recipients) == (stage, school, 3)
    emails = list(OutgoingEmail.objects.filter(template="jobs_relay_offer").order_by("to"))
    assert [email.to for email in emails] == ["a@etu.fr", "b@etu.fr", "c@etu.fr"]
    email = emails[0]
    assert email.subject == (
        "Lycée Dupuy-de-Lôme vous transmet une offre : Stage en usinage — Usinage Alpha"
    )
    assert f"/offres/{stage.pk}-stage-en-usinage/" in email.body_text
    assert "Période : du 01/04/2099 au 30/06/2099" in email.body_text
    assert f"Pour les BTS {SCRIPT}" in email.body_text  # plain text, never HTML
    assert email.body_html == ""
    page = teacher.get(response["Location"]).content.decode()
    assert "est envoyée à 3 adresses" in page
    assert "1 fois, le" in page


def test_bad_addresses_are_listed_with_their_line_and_nothing_is_sent(teacher, cast):
    stage = internship(cast)
    url = reverse("jobs_relay:relay", args=[stage.pk])
    response = teacher.post(
        url, {"addresses": "a@etu.fr\npas-une-adresse, b@etu.fr\n<b>x</b>", "message": "Salut"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Rien n'est envoyé" in html
    assert "Ligne 2 : « pas-une-adresse » : adresse de courriel invalide." in html
    assert "Ligne 3 : « &lt;b&gt;x&lt;/b&gt; »" in html
    assert "pas-une-adresse, b@etu.fr" in html  # kept
    assert not Relay.objects.exists()
    assert not OutgoingEmail.objects.exists()
    too_many = "\n".join(f"e{n}@etu.fr" for n in range(501))
    html = teacher.post(url, {"addresses": too_many}).content.decode()
    assert "501 adresses : 500 au plus par envoi." in html
    html = teacher.post(url, {"addresses": " ; , "}).content.decode()
    assert "Indiquez au moins une adresse." in html
    assert not Relay.objects.exists()


def test_parse_addresses():
    emails, errors = relays.parse_addresses("a@x.fr;b@x.fr , a@X.fr\r\nfaux\n")
    assert emails == ["a@x.fr", "b@x.fr"]
    assert errors == [(2, "faux", "adresse de courriel invalide")]


def test_a_company_gets_a_403_that_says_why(client, cast):
    login(client, cast.member_a)
    response = client.get(reverse("jobs_relay:list"))
    assert response.status_code == 403
    html = response.content.decode()
    assert "réservé aux écoles" in html
    assert "Usinage Alpha est enregistrée comme « entreprise »" in html
    stage = internship(cast)
    response = client.post(reverse("jobs_relay:relay", args=[stage.pk]), {"addresses": "a@x.fr"})
    assert response.status_code == 403
    assert not Relay.objects.exists()


def test_a_school_relays_to_1500_addresses_a_day_at_most(teacher, cast, school):
    stage = internship(cast)
    Relay.objects.create(offer=stage, organisation=school, recipients=1400)
    yesterday = Relay.objects.create(offer=stage, organisation=school, recipients=500)
    Relay.objects.filter(pk=yesterday.pk).update(
        relayed_at=yesterday.relayed_at - datetime.timedelta(days=1)
    )
    url = reverse("jobs_relay:relay", args=[stage.pk])
    addresses = "\n".join(f"e{n}@etu.fr" for n in range(101))
    html = teacher.post(url, {"addresses": addresses}).content.decode()
    assert "déjà relayé des offres à 1400 adresses aujourd&#x27;hui" in html
    assert not OutgoingEmail.objects.exists()
    teacher.post(url, {"addresses": "\n".join(f"e{n}@etu.fr" for n in range(100))})
    assert OutgoingEmail.objects.count() == 100
