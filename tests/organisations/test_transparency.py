"""SIRENs are public, so any cluster may attach any organisation: the people
who act for it are told by email, and again when a cluster's staff invite
someone new to act for it."""

from django.urls import reverse

from ancrage.organisations.factories import OrganisationUserFactory
from ancrage.organisations.models import Organisation
from ancrage.outbox.models import OutgoingEmail
from tests.cast import login


def usinage():
    return Organisation.objects.get(name="Usinage Alpha")


def attach_as_beta(client, cast, organisation):
    organisation.siren = "732829320"
    organisation.save(update_fields=["siren"])
    login(client, cast.staff_b)
    data = {"step": "attach", "siren": organisation.siren, "status": "active"}
    return client.post(reverse("members:add"), data)


def test_attaching_a_known_organisation_tells_its_users(client, cast):
    organisation = usinage()
    OrganisationUserFactory(organisation=organisation, user__email="rh@usinage.fr")
    OrganisationUserFactory(
        organisation=organisation, user__email="parti@usinage.fr", user__is_active=False
    )
    response = attach_as_beta(client, cast, organisation)
    assert response.status_code == 302
    emails = OutgoingEmail.objects.filter(template="organisation_attached").order_by("to")
    assert [email.to for email in emails] == ["membre-a@exemple.fr", "rh@usinage.fr"]
    email = emails[0]
    assert email.subject == "Usinage Alpha ajoutée aux adhérents de Cluster Bêta"
    staff = cast.staff_b.get_full_name()
    assert f"{staff} (Cluster Bêta) a ajouté Usinage Alpha aux adhérents" in email.body_text
    assert "Si votre organisation n'a pas adhéré à Cluster Bêta, répondez à staff-b@exemple.fr" in (
        email.body_text
    )
    assert "/organisation/" in email.body_text


def test_an_organisation_without_users_is_attached_silently(client, cast):
    organisation = usinage()
    organisation.users.all().delete()
    attach_as_beta(client, cast, organisation)
    assert not OutgoingEmail.objects.exists()


def test_an_invitation_is_told_to_the_organisations_users(client, cast):
    login(client, cast.staff_a)
    organisation = usinage()
    client.post(
        reverse("members:invite", args=[organisation.pk]),
        {"email": "ana@usinage.fr", "first_name": "Ana", "last_name": "Lopes", "role": "hr"},
    )
    assert OutgoingEmail.objects.filter(to="ana@usinage.fr", template="invitation").exists()
    notice = OutgoingEmail.objects.get(template="organisation_invitation_notice")
    assert notice.to == "membre-a@exemple.fr"
    assert notice.subject == "Ana Lopes invité(e) à représenter Usinage Alpha"
    staff = cast.staff_a.get_full_name()
    assert (
        f"{staff} (Cluster Alpha) a invité Ana Lopes (ana@usinage.fr, ressources humaines) "
        "à représenter Usinage Alpha" in notice.body_text
    )
    assert "répondez à staff-a@exemple.fr" in notice.body_text
