"""The vocabulary operations and the skills matrix: merging two entries a
profile both has keeps one row (with its comment), the profile's métier
follows a merge, and an entry a profile uses cannot be removed."""

import pytest
from django.test import RequestFactory

from ancrage.matrix import profiles
from ancrage.matrix.models import ProfileSkill
from ancrage.organisations.factories import MembershipFactory
from ancrage.referentiel import vocabulary as operations
from ancrage.referentiel.models import VocabularyEntry
from ancrage.referentiel.vocabulary import VocabularyError
from tests.matrix.profile_fixtures import Vocabulary, membership_of_a


@pytest.fixture
def request_a(cast):
    request = RequestFactory().post("/")
    request.user = cast.staff_a
    return request


@pytest.fixture
def words(cast):
    return Vocabulary(cast.cluster_a)


def profile_with(cast, content):
    profile = profiles.profile_for(membership_of_a(cast))
    profiles.write(profile, content, by=cast.staff_a, by_staff=True)
    return profile


def test_merging_two_skills_a_profile_has_keeps_one_row(cast, words, request_a):
    profile = profile_with(
        cast,
        profiles.Content(
            occupation=words.machinist,
            skills=[(words.composite, "pièces de structure"), (words.welding, "inox")],
        ),
    )
    # Another profile has only the merged one: it is repointed.
    other = profiles.profile_for(MembershipFactory(cluster=cast.cluster_a))
    profiles.write(
        other, profiles.Content(skills=[(words.welding, "acier")]), by=cast.staff_a, by_staff=True
    )

    operations.merge(request_a, words.composite, words.welding)

    assert not VocabularyEntry.objects.filter(pk=words.welding.pk).exists()
    assert list(profile.skills.values_list("entry", "comment")) == [
        (words.composite.pk, "pièces de structure")
    ]
    assert list(other.skills.values_list("entry", "comment")) == [(words.composite.pk, "acier")]
    assert ProfileSkill.objects.count() == 2


def test_a_profiles_metier_follows_a_merge(cast, words, request_a):
    profile = profile_with(cast, profiles.Content(occupation=words.design))
    operations.merge(request_a, words.machinist, words.design)
    profile.refresh_from_db()
    assert profile.occupation == words.machinist


@pytest.mark.parametrize("used", ["skill", "occupation"])
def test_an_entry_a_profile_uses_cannot_be_removed(cast, words, request_a, used):
    content = (
        profiles.Content(skills=[(words.composite, "")])
        if used == "skill"
        else profiles.Content(occupation=words.machinist)
    )
    profile_with(cast, content)
    entry = words.composite if used == "skill" else words.machinist
    with pytest.raises(VocabularyError, match="est utilisé par 1 donnée"):
        operations.remove(request_a, entry)
    assert VocabularyEntry.objects.filter(pk=entry.pk).exists()
    # An unused entry still goes.
    operations.remove(request_a, words.welding)
    assert not VocabularyEntry.objects.filter(pk=words.welding.pk).exists()


def test_a_merge_repoints_pending_proposals(cast, words, request_a):
    from ancrage.matrix.factories import ProposalFactory
    from ancrage.matrix.models import Proposal

    profile = profile_with(cast, profiles.Content(occupation=words.machinist))
    both = ProposalFactory(
        profile=profile,
        content=profiles.snapshot(
            profiles.Content(
                occupation=words.machinist,
                skills=[(words.composite, "structure"), (words.welding, "inox")],
            )
        ),
    )
    only_removed = ProposalFactory(
        profile=profile,
        content=profiles.snapshot(profiles.Content(skills=[(words.welding, "acier")])),
    )
    decided = ProposalFactory(
        profile=profile,
        status=Proposal.Status.REFUSED,
        content=profiles.snapshot(profiles.Content(skills=[(words.welding, "")])),
    )
    welding_pk = words.welding.pk

    operations.merge(request_a, words.composite, words.welding)

    both.refresh_from_db()
    only_removed.refresh_from_db()
    decided.refresh_from_db()
    assert both.content["skills"] == [[words.composite.pk, "structure"]]
    assert only_removed.content["skills"] == [[words.composite.pk, "acier"]]
    assert decided.content["skills"] == [[welding_pk, ""]]  # history is left as it was
    accepted = profiles.content_from_snapshot(cast.cluster_a, only_removed.content)
    assert accepted.skills == [(words.composite, "acier")]
