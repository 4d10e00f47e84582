"""Members propose changes to their profile; staff read what accepting each
would change, then accept (applied, and validated in the proposer's name) or
refuse with a note; the proposer is told."""

import pytest
from django.urls import reverse

from ancrage.accounts.models import AuditEntry
from ancrage.matrix import profiles
from ancrage.matrix.factories import ProposalFactory
from ancrage.matrix.models import Proposal, State
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

PROPOSE = reverse("matrix_profile:member_propose", kwargs={"slug": "alpha"})


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
            skills=[(words.small_parts, "moins de 50 mm"), (words.composite, "")],
            markets=[(market("naval"), "")],
            certifications=["ISO 9001"],
        ),
        by=cast.staff_a,
        by_staff=True,
    )
    profiles.change_state(profile, State.SUBMITTED, by=cast.staff_a)
    profiles.change_state(profile, State.VALIDATED, by=cast.member_a)
    profile.refresh_from_db()
    return profile


def proposed_data(profile, words, **extra):
    return profile_data(
        profile,
        occupation=words.machinist,
        skills=[(words.small_parts, "jusqu'à 80 mm"), words.welding],
        activities=[(activity("usinage"), "5 axes")],
        markets=[market("naval")],
        certifications="ISO 9001, EN 9100",
        message="Nous avons arrêté le composite.",
        **extra,
    )


def propose(client, cast, profile, words):
    login(client, cast.member_a)
    return client.post(PROPOSE, proposed_data(profile, words), follow=True)


def test_the_proposal_form_shows_the_current_profile(client, cast, profile, words):
    page = login(client, cast.member_a).get(PROPOSE).content.decode()
    assert "Usineur mécanique" in page
    assert 'value="moins de 50 mm"' in page
    # The pickers ask the profile's cluster's vocabulary, through the organisation's URL.
    assert "/organisation/matrice/alpha/suggestions/?" in page


def test_a_proposal_never_writes_the_profile(client, cast, profile, words):
    response = propose(client, cast, profile, words)
    assert (
        "Votre proposition est envoyée à l&#x27;équipe de Cluster Alpha"
        in response.content.decode()
    )
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.PENDING
    assert proposal.proposed_by == cast.member_a
    assert proposal.message == "Nous avons arrêté le composite."
    assert proposal.content["skills"] == [
        [words.small_parts.pk, "jusqu'à 80 mm"],
        [words.welding.pk, ""],
    ]
    profile.refresh_from_db()
    assert profile.state == State.VALIDATED
    assert {entry for entry, _c in profiles.content_of(profile).skills} == {
        words.small_parts,
        words.composite,
    }
    audit = AuditEntry.objects.get(
        action=AuditEntry.Action.MATRIX_PROPOSAL, details__decision="proposed"
    )
    assert audit.details["changed"]["skills"]["added"] == ["Soudage TIG"]
    assert audit.actor == cast.member_a
    # The organisation sees its pending proposal.
    assert (
        "en attente"
        in client.get(
            reverse("matrix_profile:member_detail", kwargs={"slug": "alpha"})
        ).content.decode()
    )


def test_a_proposal_identical_to_the_profile_is_refused(client, cast, profile, words):
    login(client, cast.member_a)
    data = profile_data(
        profile,
        occupation=words.machinist,
        skills=[(words.small_parts, "moins de 50 mm"), words.composite],
        markets=[market("naval")],
        certifications="ISO 9001",
    )
    response = client.post(PROPOSE, data)
    assert "Votre proposition est identique au profil actuel" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_bad_proposal_keeps_what_was_typed(client, cast, profile, words):
    cast.cluster_a.matrix_max_skills = 1
    cast.cluster_a.save()
    login(client, cast.member_a)
    response = client.post(PROPOSE, proposed_data(profile, words))
    page = response.content.decode()
    assert "Au plus 1 compétences clés (2 choisies)" in page
    assert "Nous avons arrêté le composite." in page
    assert 'value="5 axes"' in page
    assert not Proposal.objects.exists()


def test_staff_see_what_accepting_would_change(client, cast, profile, words):
    propose(client, cast, profile, words)
    proposal = Proposal.objects.get()
    client.logout()
    login(client, cast.staff_a)
    listing = client.get(reverse("matrix_profile:proposal_list")).content.decode()
    assert "Usinage Alpha" in listing
    page = client.get(
        reverse("matrix_profile:proposal_detail", kwargs={"pk": proposal.pk})
    ).content.decode()
    assert "Nous avons arrêté le composite." in page
    changes = page[page.index("Ce que l") :]
    assert "ajout</span> Soudage TIG" in changes
    assert "retrait</span> <del>Composite</del>" in changes
    assert "moins de 50 mm</del>" in changes and "jusqu&#x27;à 80 mm</ins>" in changes
    assert "ajout</span> Usinage" in changes
    assert "ajout</span> EN 9100" in changes
    assert "Métier principal" not in changes  # unchanged
    # It is on the member's matrix screen too.
    staff_page = client.get(
        reverse("matrix_profile:staff_edit", kwargs={"pk": profile.membership.organisation_id})
    ).content.decode()
    assert reverse("matrix_profile:proposal_detail", kwargs={"pk": proposal.pk}) in staff_page
    assert "ajout</span> Soudage TIG" in staff_page


def test_accepting_applies_and_validates_in_the_proposers_name(client, cast, profile, words):
    propose(client, cast, profile, words)
    proposal = Proposal.objects.get()
    client.logout()
    response = login(client, cast.staff_a).post(
        reverse("matrix_profile:proposal_decide", kwargs={"pk": proposal.pk}),
        {"decision": "accept", "accept-note": "Merci !"},
        follow=True,
    )
    assert "La proposition est acceptée" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.decided_by == cast.staff_a
    assert proposal.decision_note == "Merci !"
    profile.refresh_from_db()
    content = profiles.content_of(profile)
    assert {(e.pk, c) for e, c in content.skills} == {
        (words.small_parts.pk, "jusqu'à 80 mm"),
        (words.welding.pk, ""),
    }
    assert content.certifications == ["ISO 9001", "EN 9100"]
    assert profile.state == State.VALIDATED  # not « to review »: the member wrote it
    assert profile.validated_by == cast.member_a
    last = profile.transitions.first()
    assert (last.from_state, last.to_state, last.by) == ("validated", "validated", cast.staff_a)
    email = OutgoingEmail.objects.get(template="matrix_proposal_decided")
    assert email.to == "membre-a@exemple.fr"
    assert "acceptée" in email.subject
    assert "Merci !" in email.body_text
    audit = AuditEntry.objects.get(
        action=AuditEntry.Action.MATRIX_PROPOSAL, details__decision="accepted"
    )
    assert audit.details["changed"]["skills"]["removed"] == ["Composite"]


def test_accepting_a_proposal_on_a_draft_validates_it(client, cast, words):
    profile = profiles.profile_for(membership_of_a(cast))
    proposal = ProposalFactory(
        profile=profile,
        proposed_by=cast.member_a,
        content=profiles.snapshot(profiles.Content(occupation=words.design)),
    )
    login(client, cast.staff_a).post(
        reverse("matrix_profile:proposal_decide", kwargs={"pk": proposal.pk}),
        {"decision": "accept"},
    )
    profile.refresh_from_db()
    assert profile.occupation == words.design
    assert (profile.state, profile.validated_by) == (State.VALIDATED, cast.member_a)


def test_refusing_needs_a_note_and_tells_the_proposer(client, cast, profile, words):
    propose(client, cast, profile, words)
    proposal = Proposal.objects.get()
    client.logout()
    login(client, cast.staff_a)
    url = reverse("matrix_profile:proposal_decide", kwargs={"pk": proposal.pk})
    response = client.post(url, {"decision": "refuse", "refuse-note": ""})
    assert response.status_code == 200
    assert "Expliquez en quelques mots" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    client.post(url, {"decision": "refuse", "refuse-note": "Le composite reste actif chez vous."})
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.REFUSED
    profile.refresh_from_db()
    assert words.composite in [e for e, _c in profiles.content_of(profile).skills]
    email = OutgoingEmail.objects.get(template="matrix_proposal_decided")
    assert "n'est pas retenue" in email.subject
    assert "Le composite reste actif chez vous." in email.body_text
    # Deciding twice is refused.
    response = client.post(url, {"decision": "accept"}, follow=True)
    assert "Cette proposition a déjà été traitée (refusée)." in response.content.decode()


def test_an_unknown_decision_changes_nothing(client, cast, profile, words):
    propose(client, cast, profile, words)
    proposal = Proposal.objects.get()
    client.logout()
    response = login(client, cast.staff_a).post(
        reverse("matrix_profile:proposal_decide", kwargs={"pk": proposal.pk}),
        {"decision": "maybe"},
        follow=True,
    )
    assert "Choisissez d&#x27;accepter ou de refuser la proposition." in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING


def test_items_removed_since_are_ignored_and_said(client, cast, profile, words):
    gone = VocabularyEntryFactory(
        cluster=cast.cluster_a, kind="skill", occupation=None, label="Old"
    )
    content = profiles.Content(occupation=words.machinist, skills=[(gone, ""), (words.welding, "")])
    proposal = ProposalFactory(
        profile=profile, proposed_by=cast.member_a, content=profiles.snapshot(content)
    )
    gone.delete()
    page = (
        login(client, cast.staff_a)
        .get(reverse("matrix_profile:proposal_detail", kwargs={"pk": proposal.pk}))
        .content.decode()
    )
    assert "1 élément proposé n'existe plus" in page


def test_cluster_b_staff_see_none_of_cluster_a_proposals(client, cast, profile, words):
    propose(client, cast, profile, words)
    MembershipFactory(cluster=cast.cluster_b, organisation=profile.membership.organisation)
    client.logout()
    page = login(client, cast.staff_b).get(reverse("matrix_profile:proposal_list"))
    assert "Aucune proposition en attente." in page.content.decode()


def test_the_proposal_list_makes_a_bounded_number_of_queries(
    client, cast, words, django_assert_max_num_queries
):
    for _ in range(6):
        profile = profiles.profile_for(MembershipFactory(cluster=cast.cluster_a))
        ProposalFactory(profile=profile, proposed_by=cast.member_a)
        ProposalFactory(
            profile=profile,
            proposed_by=cast.member_a,
            status=Proposal.Status.REFUSED,
            decided_by=cast.staff_a,
        )
    login(client, cast.staff_a)
    with django_assert_max_num_queries(12):
        page = client.get(reverse("matrix_profile:proposal_list")).content.decode()
    assert page.count("en attente") >= 6


def test_the_pickers_suggest_the_profiles_own_cluster_vocabulary(client, cast, words):
    """A member of two clusters proposes to each in its own words."""
    MembershipFactory(cluster=cast.cluster_b, organisation=membership_of_a(cast).organisation)
    VocabularyEntryFactory(
        cluster=cast.cluster_b, kind="skill", occupation=None, label="Composite naval"
    )
    login(client, cast.member_a)

    def suggested(slug, target):
        url = reverse("matrix_profile:member_suggestions", kwargs={"slug": slug})
        response = client.get(
            url, {"q": "compos", "target": target, "listbox": "id_skills_listbox"}
        )
        return response.content.decode()

    alpha, beta = suggested("alpha", "skill"), suggested("beta", "skill")
    assert "Composite" in alpha and "Composite naval" not in alpha
    assert "Composite naval" in beta
    assert 'id="id_skills_listbox-' in beta
    assert (
        "Usineur"
        in client.get(
            reverse("matrix_profile:member_suggestions", kwargs={"slug": "alpha"}),
            {"q": "usineur", "target": "occupation"},
        ).content.decode()
    )
    assert suggested("alpha", "<script>") == suggested("alpha", "occupation")


def test_a_former_members_proposal_can_no_longer_be_decided(client, cast):
    from ancrage.matrix.factories import MatrixProfileFactory, ProposalFactory
    from ancrage.organisations.factories import MembershipFactory
    from ancrage.organisations.models import Membership

    membership = MembershipFactory(cluster=cast.cluster_a, status=Membership.Status.FORMER)
    proposal = ProposalFactory(profile=MatrixProfileFactory(membership=membership))
    login(client, cast.staff_a)
    page = client.get(reverse("matrix_profile:proposal_detail", args=[proposal.pk]))
    assert "n'est plus adhérente" in page.content.decode()
    assert 'value="accept"' not in page.content.decode()
    response = client.post(
        reverse("matrix_profile:proposal_decide", args=[proposal.pk]), {"decision": "accept"}
    )
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == "pending"


def test_accepting_after_a_change_made_meanwhile_is_refused(client, cast, profile, words):
    propose(client, cast, profile, words)
    proposal = Proposal.objects.get()
    client.logout()
    login(client, cast.staff_a)
    page = client.get(reverse("matrix_profile:proposal_detail", kwargs={"pk": proposal.pk}))
    version = page.context["version"]
    # A colleague changes the profile while the page is open…
    profiles.write(
        profile, profiles.Content(occupation=words.design), by=cast.staff_a, by_staff=True
    )
    response = client.post(
        reverse("matrix_profile:proposal_decide", kwargs={"pk": proposal.pk}),
        {"decision": "accept", "accept-note": "", "version": version},
        follow=True,
    )
    # …so accepting what the page showed is refused, and nothing is written.
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.PENDING
    profile.refresh_from_db()
    assert profiles.content_of(profile).occupation == words.design
    assert response.context["changed_since"]  # the page says the profile changed
