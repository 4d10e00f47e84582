"""Who reaches each member screen. An organisation member of cluster A only:
its staff act, cluster B's staff get 404, the organisation's users reach their
own space, the public directory shows only what is published."""

from django.core.files.base import ContentFile

from ancrage.organisations.factories import (
    ContactFactory,
    EstablishmentFactory,
    OrganisationInvitationFactory,
)
from ancrage.organisations.models import Organisation, OrganisationUser, PublicField
from tests.clusters.images import image_bytes
from tests.permissions import LOGIN, REDIRECT, Case, everyone, permission_test

STAFF = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=200)
STAFF_OF_A = everyone(403, anonymous=LOGIN, staff_a=200, staff_b=404)
ACTION_ON_A = everyone(403, anonymous=LOGIN, staff_a=REDIRECT, staff_b=404)
NOT_GET = everyone(403, anonymous=LOGIN, staff_a=405, staff_b=405)
MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
MEMBER_ACTS = everyone(403, anonymous=LOGIN, member_a=REDIRECT)


def usinage_alpha():
    return Organisation.objects.get(name="Usinage Alpha")


def org_of_a(cast):
    return {"pk": usinage_alpha().pk}


def with_logo(cast):
    usinage_alpha().logo.save("usinage.png", ContentFile(image_bytes()))
    return org_of_a(cast)


def establishment_of_a(cast):
    organisation = usinage_alpha()
    return {"pk": organisation.pk, "item": EstablishmentFactory(organisation=organisation).pk}


def contact_of_a(cast):
    organisation = usinage_alpha()
    contact = ContactFactory(organisation=organisation, cluster=cast.cluster_a)
    return {"pk": organisation.pk, "item": contact.pk}


def own_establishment(cast):
    return {"item": establishment_of_a(cast)["item"]}


def own_contact(cast):
    return {"item": contact_of_a(cast)["item"]}


def invitation_of_a(cast):
    invitation = OrganisationInvitationFactory(
        organisation=usinage_alpha(), cluster=cast.cluster_a, invited_by=cast.staff_a
    )
    return {"pk": invitation.organisation_id, "invitation": invitation.pk}


def user_link_of_a(cast):
    link = OrganisationUser.objects.get(user=cast.member_a)
    return {"pk": link.organisation_id, "link": link.pk}


def public_member(cast):
    return {"slug": "alpha", "pk": usinage_alpha().pk}


def unlisted_member(cast):
    Organisation.objects.filter(name="Usinage Alpha").update(listed_publicly=False)
    return public_member(cast)


def published_logo(cast):
    with_logo(cast)
    return public_member(cast)


def unpublished_logo(cast):
    with_logo(cast)
    Organisation.objects.filter(name="Usinage Alpha").update(public_fields=[PublicField.WEBSITE])
    return public_member(cast)


INVITE = {"email": "nouvelle@exemple.fr", "first_name": "Ana", "last_name": "Lopes", "role": "hr"}

MATRIX = [
    Case("members:list", STAFF),
    Case("members:list", NOT_GET, method="post"),
    Case("members:export", STAFF),
    Case("members:export", STAFF, kwargs={}, data={"format": "csv"}),
    Case("members:add", STAFF),
    Case("members:add", STAFF, method="post", data={"siren": "123"}),
    Case("members:naf_options", {**STAFF, "member_a": 200}, data={"q": "25.6"}),
    Case("members:detail", STAFF_OF_A, kwargs=org_of_a),
    Case(
        "members:detail", everyone(403, anonymous=LOGIN, staff_a=404, staff_b=404), kwargs={"pk": 0}
    ),
    Case("members:edit", STAFF_OF_A, kwargs=org_of_a),
    Case("members:edit", STAFF_OF_A, kwargs=org_of_a, method="post", data={"name": ""}),
    Case("members:membership_edit", STAFF_OF_A, kwargs=org_of_a),
    Case(
        "members:membership_edit",
        ACTION_ON_A,
        kwargs=org_of_a,
        method="post",
        data={"status": "active", "notes": "Relancer en mars"},
    ),
    Case("members:logo", STAFF_OF_A, kwargs=with_logo),
    Case("members:logo", everyone(403, anonymous=LOGIN, staff_a=404, staff_b=404), kwargs=org_of_a),
    Case("members:establishment_add", STAFF_OF_A, kwargs=org_of_a),
    Case("members:establishment_edit", STAFF_OF_A, kwargs=establishment_of_a),
    Case("members:establishment_delete", STAFF_OF_A, kwargs=establishment_of_a),
    Case("members:establishment_delete", ACTION_ON_A, kwargs=establishment_of_a, method="post"),
    Case("members:contact_add", STAFF_OF_A, kwargs=org_of_a),
    Case("members:contact_edit", STAFF_OF_A, kwargs=contact_of_a),
    Case("members:contact_delete", STAFF_OF_A, kwargs=contact_of_a),
    Case("members:contact_delete", ACTION_ON_A, kwargs=contact_of_a, method="post"),
    Case("members:invite", ACTION_ON_A, kwargs=org_of_a, method="post", data=INVITE),
    Case("members:invite", {**NOT_GET, "staff_b": 405}, kwargs=org_of_a),
    Case("members:invitation_resend", ACTION_ON_A, kwargs=invitation_of_a, method="post"),
    Case("members:invitation_revoke", ACTION_ON_A, kwargs=invitation_of_a, method="post"),
    Case("members:user_remove", ACTION_ON_A, kwargs=user_link_of_a, method="post"),
    Case("organisation:home", MEMBER),
    Case("organisation:edit", MEMBER),
    Case("organisation:edit", MEMBER, method="post", data={"name": ""}),
    Case("organisation:publication", MEMBER),
    Case(
        "organisation:publication",
        MEMBER_ACTS,
        method="post",
        data={"listed_publicly": "on", "public_fields": ["website"]},
    ),
    Case("organisation:logo", MEMBER, kwargs=lambda cast: with_logo(cast) and {}),
    Case("organisation:logo", everyone(403, anonymous=LOGIN, member_a=404)),
    Case("organisation:establishment_add", MEMBER),
    Case("organisation:establishment_edit", MEMBER, kwargs=own_establishment),
    Case("organisation:establishment_delete", MEMBER, kwargs=own_establishment),
    Case("organisation:establishment_delete", MEMBER_ACTS, kwargs=own_establishment, method="post"),
    Case("organisation:contact_add", MEMBER),
    Case("organisation:contact_edit", MEMBER, kwargs=own_contact),
    Case("organisation:contact_delete", MEMBER, kwargs=own_contact),
    Case("organisation:contact_delete", MEMBER_ACTS, kwargs=own_contact, method="post"),
    Case("member_directory:list", everyone(200), kwargs={"slug": "alpha"}),
    Case("member_directory:list", everyone(200), kwargs={"slug": "beta"}),
    Case("member_directory:list", everyone(404), kwargs={"slug": "inconnu"}),
    Case("member_directory:list", everyone(405), kwargs={"slug": "alpha"}, method="post"),
    Case("member_directory:detail", everyone(200), kwargs=public_member),
    Case("member_directory:detail", everyone(404), kwargs=unlisted_member),
    Case(
        "member_directory:detail",
        everyone(404),
        kwargs=lambda cast: {"slug": "beta", "pk": usinage_alpha().pk},
    ),
    Case("member_directory:logo", everyone(200), kwargs=published_logo),
    Case("member_directory:logo", everyone(404), kwargs=unpublished_logo),
    Case("member_directory:logo", everyone(404), kwargs=public_member),
]

test_permissions = permission_test(MATRIX)
