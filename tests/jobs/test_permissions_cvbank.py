"""Who may open the CV bank and the matches: the people acting for a member
organisation (profiles that consented to one of its clusters only, its own
offers only), the candidate for their suggested offers. Staff of any
cluster, a member of another cluster and a withdrawn consent see nothing;
every profile or CV opened is logged."""

import pytest
from django.urls import reverse
from django.utils import timezone

from ancrage.accounts.models import AuditEntry
from ancrage.files.factories import FileFactory
from ancrage.jobs.factories import CandidateProfileFactory, ConsentFactory, OfferFactory
from ancrage.jobs.models import ProfileView
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.organisations.models import Organisation
from tests.cast import login
from tests.permissions import LOGIN, Case, everyone, permission_test

MEMBER = everyone(403, anonymous=LOGIN, member_a=200)
OTHER = everyone(403, anonymous=LOGIN, member_a=404)
CANDIDATE = everyone(403, anonymous=LOGIN, candidate=200)


def profile_of(cluster, **fields):
    profile = CandidateProfileFactory(**fields)
    ConsentFactory(profile=profile, cluster=cluster)
    return profile


def visible_profile(cast):
    return {"pk": profile_of(cast.cluster_a, cv=FileFactory()).pk}


def cluster_b_profile(cast):
    return {"pk": profile_of(cast.cluster_b, cv=FileFactory()).pk}


def own_offer(cast):
    return {
        "offer_pk": OfferFactory(organisation=Organisation.objects.get(name="Usinage Alpha")).pk
    }


def other_offer(cast):
    return {"offer_pk": OfferFactory().pk}


MATRIX = [
    Case("jobs_cvbank:search", MEMBER),
    Case("jobs_cvbank:search", MEMBER, method="get", data={"radius": "-5"}),
    Case("jobs_cvbank:profile", MEMBER, kwargs=visible_profile),
    Case("jobs_cvbank:profile", OTHER, kwargs=cluster_b_profile),
    # The download itself (200, a PDF) is in test_cv_download below: the
    # response's file must be closed.
    Case("jobs_cvbank:cv", OTHER, kwargs=cluster_b_profile),
    Case("jobs_cvbank:offer_matches", MEMBER, kwargs=own_offer),
    Case("jobs_cvbank:offer_matches", OTHER, kwargs=other_offer),
    Case("jobs_match:suggested", CANDIDATE),
    Case("jobs_cvbank:search", everyone(403, anonymous=LOGIN, member_a=405), method="post"),
]

test_permissions = permission_test(MATRIX)


pytestmark = pytest.mark.django_db


def test_staff_of_cluster_b_sees_nothing(client, cast):
    profile = profile_of(cast.cluster_b)
    login(client, cast.staff_b)
    assert client.get(reverse("jobs_cvbank:search")).status_code == 403
    assert client.get(reverse("jobs_cvbank:profile", args=[profile.pk])).status_code == 403
    assert not ProfileView.objects.exists()


def test_member_of_another_cluster_sees_nothing_of_cluster_a(client, cast):
    hidden = profile_of(cast.cluster_a, headline="Soudeuse TIG confirmée")
    membership = MembershipFactory(cluster=cast.cluster_b)
    user = OrganisationUserFactory(organisation=membership.organisation).user
    login(client, user)
    page = client.get(reverse("jobs_cvbank:search"))
    assert page.status_code == 200
    assert "Soudeuse TIG confirmée" not in page.content.decode()
    assert client.get(reverse("jobs_cvbank:profile", args=[hidden.pk])).status_code == 404
    assert client.get(reverse("jobs_cvbank:cv", args=[hidden.pk])).status_code == 404
    assert not ProfileView.objects.exists()


def test_former_member_sees_nothing(client, cast):
    profile = profile_of(cast.cluster_a, headline="Soudeuse TIG confirmée")
    cast.member_a.organisation_links.get().organisation.memberships.update(status="former")
    login(client, cast.member_a)
    page = client.get(reverse("jobs_cvbank:search"))
    assert "Soudeuse TIG confirmée" not in page.content.decode()
    assert client.get(reverse("jobs_cvbank:profile", args=[profile.pk])).status_code == 404


def test_withdrawn_consent_hides_the_profile(client, cast):
    profile = profile_of(cast.cluster_a, headline="Soudeuse TIG confirmée")
    login(client, cast.member_a)
    assert "Soudeuse TIG confirmée" in client.get(reverse("jobs_cvbank:search")).content.decode()
    profile.consents.update(withdrawn_at=timezone.now())
    assert (
        "Soudeuse TIG confirmée" not in client.get(reverse("jobs_cvbank:search")).content.decode()
    )
    assert client.get(reverse("jobs_cvbank:profile", args=[profile.pk])).status_code == 404
    assert client.get(reverse("jobs_cvbank:cv", args=[profile.pk])).status_code == 404


def test_every_view_is_logged(client, cast):
    profile = profile_of(cast.cluster_a, cv=FileFactory())
    login(client, cast.member_a)
    client.get(reverse("jobs_cvbank:search"))
    assert not ProfileView.objects.exists()  # the summaries are not views
    client.get(reverse("jobs_cvbank:profile", args=[profile.pk]))
    response = client.get(reverse("jobs_cvbank:cv", args=[profile.pk]))
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    views = list(ProfileView.objects.order_by("pk").values_list("what", "user", "organisation"))
    organisation = Organisation.objects.get(name="Usinage Alpha")
    assert views == [
        ("profil", cast.member_a.pk, organisation.pk),
        ("cv", cast.member_a.pk, organisation.pk),
    ]
    entries = AuditEntry.objects.filter(action=AuditEntry.Action.VIEW).order_by("pk")
    assert [e.details["what"] for e in entries] == ["cvbank_profil", "cvbank_cv"]
    assert {e.cluster_id for e in entries} == {cast.cluster_a.pk}
    assert {e.actor_id for e in entries} == {cast.member_a.pk}
    assert {e.object_id for e in entries} == {str(profile.pk)}


def test_cv_download(client, cast):
    profile = profile_of(cast.cluster_a, cv=FileFactory(text="Soudure TIG"))
    profile.user.first_name, profile.user.last_name = "Anne", "Le Goff"
    profile.user.save()
    login(client, cast.member_a)
    response = client.get(reverse("jobs_cvbank:cv", args=[profile.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="CV-Anne-Le-Goff.pdf"' in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_profile_without_cv_has_no_download(client, cast):
    profile = profile_of(cast.cluster_a)
    login(client, cast.member_a)
    assert client.get(reverse("jobs_cvbank:cv", args=[profile.pk])).status_code == 404
    assert not ProfileView.objects.exists()
