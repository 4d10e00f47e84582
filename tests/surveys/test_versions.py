"""Versions: a frozen version is copied before any edit, keys kept and
conditions remapped; campaigns without responses follow the new version."""

import pytest
from django.utils import timezone

from ancrage.clusters.factories import ClusterFactory
from ancrage.surveys.factories import (
    CampaignFactory,
    InviteeFactory,
    QuestionFactory,
    QuestionnaireFactory,
    ResponseFactory,
    SectionFactory,
)
from ancrage.surveys.models import Kind, Question, QuestionnaireVersion
from ancrage.surveys.shipped import instantiate
from ancrage.surveys.versions import duplicate, editable_version, freeze, touch

pytestmark = pytest.mark.django_db


def test_an_unfrozen_version_is_edited_in_place():
    questionnaire = QuestionnaireFactory()
    version = questionnaire.current_version
    assert editable_version(questionnaire, None) == version
    assert questionnaire.versions.count() == 1


def test_a_frozen_version_is_copied_with_keys_columns_and_conditions():
    questionnaire = instantiate(ClusterFactory(), "enquete-rh-annuelle")
    old = questionnaire.current_version
    freeze(old)
    new = editable_version(questionnaire, None)
    assert new.number == 2 and not new.is_frozen
    assert questionnaire.current_version == new
    old_questions = {q.key: q for q in old.questions.all()}
    new_questions = {q.key: q for q in new.questions.select_related("parent", "section")}
    assert new_questions.keys() == old_questions.keys()
    for key, copy in new_questions.items():
        original = old_questions[key]
        assert copy.pk != original.pk
        assert (copy.label, copy.kind, copy.choices, copy.gpec_fact, copy.position) == (
            original.label,
            original.kind,
            original.choices,
            original.gpec_fact,
            original.position,
        )
        assert copy.section.version == new
        assert copy.section.title == original.section.title
        if original.parent_id:
            assert copy.parent.key == original.parent.key
            assert copy.parent.version == new
    causes = new_questions["causes_difficultes"]
    assert causes.condition_question == new_questions["difficultes_recrutement"]
    assert causes.condition_values == [True]
    assert [s.title for s in new.sections.all()] == [s.title for s in old.sections.all()]
    # The frozen version is untouched.
    assert old.questions.count() == len(old_questions)
    assert Question.objects.get(
        pk=old_questions["causes_difficultes"].pk
    ).condition_question_id == (old_questions["difficultes_recrutement"].pk)


def test_campaigns_without_responses_follow_the_new_version():
    questionnaire = QuestionnaireFactory()
    SectionFactory(version=questionnaire.current_version)
    answered = CampaignFactory(cluster=questionnaire.cluster, questionnaire=questionnaire)
    draft_only = CampaignFactory(cluster=questionnaire.cluster, questionnaire=questionnaire)
    waiting = CampaignFactory(cluster=questionnaire.cluster, questionnaire=questionnaire)
    InviteeFactory(campaign=waiting)
    closed = CampaignFactory(
        cluster=questionnaire.cluster, questionnaire=questionnaire, status="closed"
    )
    ResponseFactory(invitee__campaign=answered)
    ResponseFactory(invitee__campaign=draft_only, state="draft", submitted_at=None)
    other = CampaignFactory(cluster=questionnaire.cluster)
    old = questionnaire.current_version
    freeze(old)
    new = editable_version(questionnaire, None)
    for campaign in (answered, draft_only, waiting, closed, other):
        campaign.refresh_from_db()
    assert closed.version == old  # it ran with that version, even unanswered
    assert answered.version == old
    assert draft_only.version == old
    assert waiting.version == new
    assert other.version == other.questionnaire.current_version


def test_the_copy_is_made_once():
    questionnaire = QuestionnaireFactory()
    freeze(questionnaire.current_version)
    first = editable_version(questionnaire, None)
    assert editable_version(questionnaire, None) == first
    assert questionnaire.versions.count() == 2


def test_touch_bumps_the_revision_and_freeze_keeps_the_first_date():
    version = QuestionnaireFactory().current_version
    touch(version)
    touch(version)
    version.refresh_from_db()
    assert version.revision == 3
    freeze(version)
    version.refresh_from_db()
    frozen_at = version.frozen_at
    assert frozen_at <= timezone.now()
    freeze(version)
    version.refresh_from_db()
    assert version.frozen_at == frozen_at


def test_duplicate_copies_the_current_version_as_version_one():
    questionnaire = QuestionnaireFactory(title="Baromètre")
    section = SectionFactory(version=questionnaire.current_version)
    source = QuestionFactory(section=section, kind=Kind.YES_NO, key="recrute")
    QuestionFactory(
        section=section,
        kind=Kind.NUMBER,
        key="combien",
        condition_question=source,
        condition_values=[True],
    )
    copy = duplicate(questionnaire, None, "Baromètre (copie)")
    assert copy.title == "Baromètre (copie)" and copy.cluster == questionnaire.cluster
    version = QuestionnaireVersion.objects.get(questionnaire=copy)
    assert version.number == 1
    dependent = version.questions.get(key="combien")
    assert dependent.condition_question == version.questions.get(key="recrute")
