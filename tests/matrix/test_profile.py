"""The staff's edit screen of a member's matrix profile: what it shows, what
a save writes and audits, and every kind of bad input."""

import pytest
from django.urls import reverse

from ancrage.accounts.factories import UserFactory
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.factories import ClusterStaffFactory
from ancrage.matrix import profiles
from ancrage.matrix.factories import ProposalFactory
from ancrage.matrix.models import MatrixProfile, State, Transition
from ancrage.organisations.factories import MembershipFactory
from ancrage.outbox.models import OutgoingEmail
from ancrage.referentiel.factories import VocabularyEntryFactory
from tests.cast import login
from tests.matrix.profile_fixtures import (
    Vocabulary,
    activity,
    market,
    membership_of_a,
    profile_data,
)


@pytest.fixture
def words(cast):
    return Vocabulary(cast.cluster_a)


@pytest.fixture
def profile(cast):
    return profiles.profile_for(membership_of_a(cast))


def edit_url(cast):
    return reverse(
        "matrix_profile:staff_edit", kwargs={"pk": membership_of_a(cast).organisation_id}
    )


def test_first_visit_creates_the_profile_and_shows_an_empty_form(client, cast):
    assert not MatrixProfile.objects.exists()
    response = login(client, cast.staff_a).get(edit_url(cast))
    assert response.status_code == 200
    assert MatrixProfile.objects.get().membership == membership_of_a(cast)
    page = response.content.decode()
    assert "Profil de Usinage Alpha dans la matrice" in page
    assert "brouillon" in page
    assert "Soumettre pour validation" in page


def test_an_organisation_without_membership_in_the_cluster_is_not_found(client, cast):
    other = MembershipFactory(cluster=cast.cluster_b)
    url = reverse("matrix_profile:staff_edit", kwargs={"pk": other.organisation_id})
    assert login(client, cast.staff_a).get(url).status_code == 404
    assert not MatrixProfile.objects.exists()


def test_staff_fill_in_every_axis(client, cast, words, profile):
    data = profile_data(
        profile,
        occupation=words.machinist,
        occupation_comment="pièces de précision",
        skills=[(words.small_parts, "jusqu'à 50 mm"), words.composite],
        activities=[(activity("usinage"), "5 axes"), activity("assemblage")],
        markets=[market("naval"), (market("aeronautique"), "EN 9100 en cours")],
        certifications="ISO 9001; EN 9100, ASME ;",
    )
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert response.status_code == 302
    profile.refresh_from_db()
    content = profiles.content_of(profile)
    assert content.occupation == words.machinist
    assert content.occupation_comment == "pièces de précision"
    assert sorted((e.display_label, c) for e, c in content.skills) == [
        ("Composite", ""),
        ("Petit usinage", "jusqu'à 50 mm"),
    ]
    assert {(a.slug, c) for a, c in content.activities} == {
        ("usinage", "5 axes"),
        ("assemblage", ""),
    }
    assert {(m.slug, c) for m, c in content.markets} == {
        ("naval", ""),
        ("aeronautique", "EN 9100 en cours"),
    }
    assert content.certifications == ["ISO 9001", "EN 9100", "ASME"]
    assert profile.updated_by == cast.staff_a
    entry = AuditEntry.objects.get(action=AuditEntry.Action.MATRIX_UPDATED)
    assert entry.cluster_id == cast.cluster_a.pk
    assert entry.details["changed"]["occupation"] == ["", "Usineur mécanique"]
    assert sorted(entry.details["changed"]["skills"]["added"]) == ["Composite", "Petit usinage"]
    assert entry.details["changed"]["certifications"]["added"] == ["ISO 9001", "EN 9100", "ASME"]
    # The page shows it back, comments included.
    page = client.get(edit_url(cast)).content.decode()
    assert 'value="jusqu&#x27;à 50 mm"' in page
    assert 'value="5 axes"' in page
    assert "ISO 9001, EN 9100, ASME" in page


def test_saving_the_same_content_changes_nothing(client, cast, words, profile):
    login(client, cast.staff_a)
    data = profile_data(profile, occupation=words.machinist)
    client.post(edit_url(cast), data)
    profile.refresh_from_db()
    response = client.post(
        edit_url(cast), profile_data(profile, occupation=words.machinist), follow=True
    )
    assert "Aucune modification à enregistrer." in response.content.decode()
    assert AuditEntry.objects.filter(action=AuditEntry.Action.MATRIX_UPDATED).count() == 1


def test_a_change_to_a_validated_profile_puts_it_to_review(client, cast, words, profile):
    profiles.write(
        profile, profiles.Content(occupation=words.machinist), by=cast.staff_a, by_staff=True
    )
    profiles.change_state(profile, State.SUBMITTED, by=cast.staff_a)
    profiles.change_state(profile, State.VALIDATED, by=cast.member_a)
    profile.refresh_from_db()
    response = login(client, cast.staff_a).post(
        edit_url(cast), profile_data(profile, occupation=words.design), follow=True
    )
    assert "il passe « à revoir »" in response.content.decode()
    profile.refresh_from_db()
    assert profile.state == State.TO_REVIEW
    last = Transition.objects.filter(profile=profile).first()
    assert (last.from_state, last.to_state, last.by) == ("validated", "to_review", cast.staff_a)
    assert AuditEntry.objects.filter(
        action=AuditEntry.Action.MATRIX_STATE_CHANGED, details__to_state="to_review"
    ).exists()
    email = OutgoingEmail.objects.get(template="matrix_submitted")
    assert email.to == "membre-a@exemple.fr"
    assert email.subject == "Profil modifié à revoir — matrice de Cluster Alpha"
    assert "/organisation/matrice/alpha/" in email.body_text


def test_the_page_shows_state_validator_and_history(client, cast, words, profile):
    profiles.change_state(profile, State.SUBMITTED, by=cast.staff_a)
    profiles.change_state(profile, State.DRAFT, by=cast.member_a, note="Il manque le naval.")
    profiles.change_state(profile, State.SUBMITTED, by=cast.staff_a)
    profiles.change_state(profile, State.VALIDATED, by=cast.member_a)
    page = login(client, cast.staff_a).get(edit_url(cast)).content.decode()
    assert "validé par" in page
    assert str(cast.member_a) in page
    assert "Il manque le naval." in page
    assert page.count("soumis à validation → validé") == 1
    assert "Soumettre pour validation" not in page  # validated: nothing to submit


# Bad input: French messages, what was typed kept, nothing written.


def assert_refused(response, message, profile):
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rien n'est enregistré" in page
    assert message in page, page
    assert not profile.skills.exists()
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.MATRIX_UPDATED).exists()


def test_more_skills_than_the_limit_are_refused(client, cast, words, profile):
    cast.cluster_a.matrix_max_skills = 2
    cast.cluster_a.save()
    data = profile_data(
        profile,
        occupation=words.machinist,
        skills=[words.small_parts, words.composite, words.welding],
        occupation_comment="gardé",
    )
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, "Au plus 2 compétences clés (3 choisies)", profile)
    assert 'value="gardé"' in response.content.decode()


def test_a_skill_of_another_clusters_vocabulary_is_refused(client, cast, words, profile):
    foreign = VocabularyEntryFactory(
        cluster=cast.cluster_b, kind="skill", occupation=None, label="Secret de Bêta"
    )
    data = profile_data(profile, occupation=words.machinist, skills=[words.composite, foreign])
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, "ne font pas partie du vocabulaire du cluster", profile)
    assert "Secret de Bêta" not in response.content.decode()


def test_an_occupation_of_another_cluster_is_not_taken(client, cast, words, profile):
    foreign = VocabularyEntryFactory(cluster=cast.cluster_b, occupation=None, label="Shaper")
    data = profile_data(profile, occupation=foreign)
    data["occupation"] = "Shaper"
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, "Aucun élément ne correspond à « Shaper »", profile)
    profile.refresh_from_db()
    assert profile.occupation is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("activities", ["999999"], "Sélectionnez un choix valide"),
        ("activities", ["abc"], "n’est pas une valeur correcte"),
        ("markets", ["0"], "Sélectionnez un choix valide"),
        ("skills_code", ["999999"], "ne font pas partie du vocabulaire du cluster"),
    ],
)
def test_unknown_ids_are_refused(client, cast, words, profile, field, value, message):
    data = profile_data(profile, occupation=words.machinist)
    data[field] = value
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, message, profile)


def test_the_principal_occupation_is_required(client, cast, words, profile):
    data = profile_data(profile, skills=[words.composite])
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, "Indiquez le métier principal de l&#x27;organisation.", profile)
    # The chosen skill stays chosen.
    assert f'value="{words.composite.pk}"' in response.content.decode()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"certifications": "X" * 61}, "est trop long pour une certification"),
        ({"occupation_comment": "a\x00b"}, "caractère nul"),
        ({"certifications": "; ".join(f"C{i}" for i in range(31))}, "Au plus 30 certifications"),
    ],
)
def test_bad_text_is_refused(client, cast, words, profile, extra, message):
    data = profile_data(profile, occupation=words.machinist, skills=[words.composite], **extra)
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, message, profile)


def test_a_too_long_comment_is_refused_and_kept(client, cast, words, profile):
    long = "x" * 301
    data = profile_data(profile, occupation=words.machinist, skills=[(words.composite, long)])
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    assert_refused(response, "Le commentaire de « Composite » compte 301 caractères", profile)


def test_a_stale_form_is_refused_then_saved_knowingly(client, cast, words, profile):
    """Two staff edit the same profile: the second save does not silently
    overwrite the first; the form keeps what was typed, shows what it would
    change, and a second save goes through."""
    colleague = ClusterStaffFactory(cluster=cast.cluster_a, user__first_name="Camille").user
    stale = profile_data(profile, occupation=words.machinist, skills=[words.composite])
    profiles.write(
        profile,
        profiles.Content(occupation=words.design, skills=[(words.welding, "")]),
        by=colleague,
        by_staff=True,
    )
    response = login(client, cast.staff_a).post(edit_url(cast), stale)
    page = response.content.decode()
    assert response.status_code == 200
    assert "a modifié ce profil le" in page
    assert "Camille" in page
    assert "Si vous enregistrez" in page
    assert "Soudage TIG" in page  # removed if saved
    profile.refresh_from_db()
    assert profile.occupation == words.design  # nothing overwritten
    # The form now carries the new version: saving again replaces knowingly.
    data = profile_data(profile, occupation=words.machinist, skills=[words.composite])
    assert f'value="{data["version"]}"' in page
    assert client.post(edit_url(cast), data).status_code == 302
    profile.refresh_from_db()
    assert profile.occupation == words.machinist


def test_add_to_the_list_resolves_typed_skills_without_saving(client, cast, words, profile):
    """Without JavaScript: skills typed by name become chips with a comment
    field; nothing is saved until « Enregistrer »."""
    data = profile_data(profile, occupation=words.machinist, add_skills="1")
    data["skills"] = "Petit usinage; Composite"
    response = login(client, cast.staff_a).post(edit_url(cast), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Rien n&#x27;est encore enregistré" in page
    assert f'name="skills_comment_{words.small_parts.pk}"' in page
    assert f'name="skills_comment_{words.composite.pk}"' in page
    assert not profile.skills.exists()


def test_the_page_makes_a_bounded_number_of_queries(
    client, cast, words, profile, django_assert_max_num_queries
):
    profiles.write(
        profile,
        profiles.Content(
            occupation=words.machinist,
            skills=[(words.small_parts, "a"), (words.composite, "b"), (words.welding, "c")],
            activities=[(activity("usinage"), "")],
        ),
        by=cast.staff_a,
        by_staff=True,
    )
    for _ in range(5):
        profiles.change_state(profile, State.SUBMITTED, by=cast.staff_a)
        profiles.change_state(profile, State.DRAFT, by=cast.member_a, note="non")
    login(client, cast.staff_a)
    with django_assert_max_num_queries(25):
        assert client.get(edit_url(cast)).status_code == 200


@pytest.mark.parametrize("name", ["matrix_profile:staff_edit", "matrix_profile:proposal_detail"])
def test_an_out_of_range_id_is_not_found(client, cast, name):
    url = reverse(name, kwargs={"pk": 10**30})
    assert login(client, cast.staff_a).get(url).status_code == 404


def test_the_technical_admin_shows_profiles_read_only(client, cast, words, profile):
    profiles.write(
        profile,
        profiles.Content(occupation=words.machinist, skills=[(words.composite, "x")]),
        by=cast.staff_a,
        by_staff=True,
    )
    proposal = ProposalFactory(profile=profile, proposed_by=cast.member_a)
    login(client, UserFactory(platform_admin=True, with_mfa=True))
    for name, args in (
        ("admin:matrix_matrixprofile_changelist", []),
        ("admin:matrix_matrixprofile_change", [profile.pk]),
        ("admin:matrix_proposal_changelist", []),
        ("admin:matrix_proposal_change", [proposal.pk]),
    ):
        response = client.get(reverse(name, args=args))
        assert response.status_code == 200, name
    page = client.get(reverse("admin:matrix_matrixprofile_change", args=[profile.pk]))
    assert "Composite" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
