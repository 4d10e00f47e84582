"""The profile's workflow: staff submit, the organisation's users validate or
send back with a comment; each change logged, audited and told by email; the
organisation sees only its own profiles, one per cluster it belongs to."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.matrix import profiles
from ancrage.matrix.models import State, Transition
from ancrage.organisations.factories import MembershipFactory, OrganisationUserFactory
from ancrage.outbox.models import OutgoingEmail
from ancrage.referentiel.factories import VocabularyEntryFactory
from tests.cast import login
from tests.matrix.profile_fixtures import Vocabulary, market, membership_of_a


@pytest.fixture
def words(cast):
    return Vocabulary(cast.cluster_a)


@pytest.fixture
def profile(cast, words):
    profile = profiles.profile_for(membership_of_a(cast))
    profiles.write(
        profile,
        profiles.Content(
            occupation=words.machinist,
            skills=[(words.composite, "pièces de structure")],
            markets=[(market("naval"), "")],
            certifications=["ISO 9001"],
        ),
        by=cast.staff_a,
        by_staff=True,
    )
    profile.refresh_from_db()
    return profile


def submit_url(profile):
    return reverse("matrix_profile:staff_submit", kwargs={"pk": profile.membership.organisation_id})


def detail_url(slug="alpha"):
    return reverse("matrix_profile:member_detail", kwargs={"slug": slug})


def submit(client, cast, profile):
    return login(client, cast.staff_a).post(submit_url(profile), follow=True)


def test_staff_submit_and_every_user_of_the_organisation_is_told(client, cast, profile):
    OrganisationUserFactory(
        organisation=profile.membership.organisation, user__email="rh@usinage-alpha.fr"
    )
    response = submit(client, cast, profile)
    assert "2 utilisateur(s) de l&#x27;organisation prévenu(s)" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.SUBMITTED
    transition = Transition.objects.get(profile=profile)
    assert (transition.from_state, transition.to_state, transition.by) == (
        "draft",
        "submitted",
        cast.staff_a,
    )
    emails = OutgoingEmail.objects.filter(template="matrix_submitted").order_by("to")
    assert [e.to for e in emails] == ["membre-a@exemple.fr", "rh@usinage-alpha.fr"]
    assert emails[0].subject == "Profil à valider — matrice de Cluster Alpha"
    assert "http://testserver" not in emails[0].body_text
    assert "/organisation/matrice/alpha/" in emails[0].body_text
    audit = AuditEntry.objects.get(action=AuditEntry.Action.MATRIX_STATE_CHANGED)
    assert audit.details == {"from_state": "draft", "to_state": "submitted", "note": False}


def test_submitting_without_any_user_warns_staff(client, cast, profile):
    profile.membership.organisation.users.all().delete()
    response = submit(client, cast, profile)
    assert "personne n&#x27;a encore de compte" in response.content.decode()
    assert not OutgoingEmail.objects.exists()


def test_a_submitted_profile_cannot_be_submitted_again(client, cast, profile):
    submit(client, cast, profile)
    response = submit(client, cast, profile)
    assert (
        "Un profil « soumis à validation » ne peut pas passer à « soumis à validation »"
        in response.content.decode()
    )
    assert Transition.objects.count() == 1


def test_the_organisation_validates_what_it_read(client, cast, profile):
    submit(client, cast, profile)
    client.logout()
    login(client, cast.member_a)
    page = client.get(detail_url()).content.decode()
    assert "vous demande de valider ce profil" in page
    assert "Usineur mécanique" in page
    assert "pièces de structure" in page
    assert "ISO 9001" in page
    response = client.post(
        reverse("matrix_profile:member_validate", kwargs={"slug": "alpha"}),
        {"version": profiles.version_of(profile)},
        follow=True,
    )
    assert "le profil est validé" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.VALIDATED
    assert profile.validated_by == cast.member_a
    assert profile.validated_at is not None
    told = OutgoingEmail.objects.get(template="matrix_reviewed")
    assert told.to == "staff-a@exemple.fr"
    assert told.subject == "Profil validé : Usinage Alpha"


def test_validating_a_profile_changed_meanwhile_is_refused(client, cast, profile, words):
    submit(client, cast, profile)
    version = profiles.version_of(profile)
    profiles.write(
        profile, profiles.Content(occupation=words.design), by=cast.staff_a, by_staff=True
    )
    client.logout()
    response = login(client, cast.member_a).post(
        reverse("matrix_profile:member_validate", kwargs={"slug": "alpha"}),
        {"version": version},
        follow=True,
    )
    assert "relisez-le avant de continuer" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.SUBMITTED


def test_the_organisation_sends_back_with_a_comment(client, cast, profile):
    submit(client, cast, profile)
    client.logout()
    login(client, cast.member_a)
    url = reverse("matrix_profile:member_send_back", kwargs={"slug": "alpha"})
    version = profiles.version_of(profile)
    # A comment is required: the page says so and nothing changes.
    response = client.post(url, {"note": "  ", "version": version})
    assert response.status_code == 200
    assert "Expliquez en quelques mots ce qui doit changer." in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.SUBMITTED
    response = client.post(
        url, {"note": "Nous ne faisons plus de naval.", "version": version}, follow=True
    )
    assert "renvoyé à l&#x27;équipe de Cluster Alpha" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.DRAFT
    transition = Transition.objects.filter(profile=profile).first()
    assert transition.note == "Nous ne faisons plus de naval."
    assert transition.by == cast.member_a
    told = OutgoingEmail.objects.get(template="matrix_reviewed")
    assert "Nous ne faisons plus de naval." in told.body_text
    # Staff see why on the profile's history.
    client.logout()
    page = login(client, cast.staff_a).get(
        reverse("matrix_profile:staff_edit", kwargs={"pk": profile.membership.organisation_id})
    )
    assert "Nous ne faisons plus de naval." in page.content.decode()


def test_a_profile_not_awaiting_validation_cannot_be_validated(client, cast, profile):
    response = login(client, cast.member_a).post(
        reverse("matrix_profile:member_validate", kwargs={"slug": "alpha"}),
        {"version": profiles.version_of(profile)},
        follow=True,
    )
    assert "n&#x27;attend pas votre validation" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.DRAFT


def test_a_member_of_two_clusters_sees_both_profiles_and_never_the_notes(client, cast, profile):
    membership_a = profile.membership
    membership_a.notes = "Retard de cotisation, ne pas citer"
    membership_a.save()
    membership_b = MembershipFactory(
        cluster=cast.cluster_b, organisation=membership_a.organisation, notes="Note de Bêta"
    )
    entry_b = VocabularyEntryFactory(cluster=cast.cluster_b, occupation=None, label="Chaudronnier")
    profile_b = profiles.profile_for(membership_b)
    profiles.write(profile_b, profiles.Content(occupation=entry_b), by=cast.staff_b, by_staff=True)
    login(client, cast.member_a)
    page = client.get(reverse("matrix_profile:member_list")).content.decode()
    assert "Cluster Alpha" in page and "Cluster Bêta" in page
    assert detail_url("alpha") in page and detail_url("beta") in page
    alpha = client.get(detail_url("alpha")).content.decode()
    beta = client.get(detail_url("beta")).content.decode()
    assert "Usineur mécanique" in alpha and "Chaudronnier" not in alpha
    assert "Chaudronnier" in beta and "Usineur mécanique" not in beta
    for page in (alpha, beta):
        assert "Retard de cotisation" not in page
        assert "Note de Bêta" not in page


def test_cluster_b_staff_never_see_cluster_a_profile_of_a_shared_member(client, cast, profile):
    MembershipFactory(cluster=cast.cluster_b, organisation=profile.membership.organisation)
    login(client, cast.staff_b)
    url = reverse("matrix_profile:staff_edit", kwargs={"pk": profile.membership.organisation_id})
    page = client.get(url).content.decode()
    # Cluster B's own profile of the member: empty, without A's words.
    assert "Usineur mécanique" not in page
    assert "pièces de structure" not in page
    assert client.post(submit_url(profile)).status_code == 302
    profile.refresh_from_db()
    assert profile.state == State.DRAFT  # B submitted its own profile, not A's
    assert (
        profile.membership.organisation.memberships.get(cluster=cast.cluster_b).matrix.state
        == State.SUBMITTED
    )


def test_the_organisation_list_makes_a_bounded_number_of_queries(
    client, cast, profile, django_assert_max_num_queries
):
    organisation = profile.membership.organisation
    for _ in range(5):
        membership = MembershipFactory(organisation=organisation)
        profiles.profile_for(membership)
    login(client, cast.member_a)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("matrix_profile:member_list")).content.decode()
    assert page.count("brouillon") == 6


def test_sending_back_a_profile_to_review_tells_who_changed_it(client, cast, profile, words):
    colleague = ClusterStaffFactory(cluster=cast.cluster_a, user__email="collegue@exemple.fr").user
    profiles.change_state(profile, State.SUBMITTED, by=cast.staff_a)
    profiles.change_state(profile, State.VALIDATED, by=cast.member_a)
    profiles.write(profile, profiles.Content(occupation=words.design), by=colleague, by_staff=True)
    profile.refresh_from_db()
    assert profile.state == State.TO_REVIEW
    login(client, cast.member_a).post(
        reverse("matrix_profile:member_send_back", kwargs={"slug": "alpha"}),
        {
            "note": "Le bureau d'études, c'est l'autre site.",
            "version": profiles.version_of(profile),
        },
    )
    profile.refresh_from_db()
    assert profile.state == State.DRAFT
    told = OutgoingEmail.objects.get(template="matrix_reviewed")
    assert told.to == "collegue@exemple.fr"
    assert told.subject == "Profil renvoyé : Usinage Alpha"
