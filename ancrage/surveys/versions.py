"""Versions of a questionnaire: where the builder's edits go.

A version is frozen (`frozen_at`) by the answering part when the first
response of a campaign using it is saved; its content never changes after.
`editable_version` gives the version edits go to: the current one while it
is not frozen, otherwise a copy numbered one more (keys kept, conditions
remapped to the copies), onto which the questionnaire's campaigns that have
no response yet (and are not closed) are re-pointed. Every edit then calls
`touch(version)`: the revision number goes up, so an answer form shown
before the change is recognised as outdated."""

from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone

from ancrage.surveys.models import (
    QUESTION_SETTINGS,
    Campaign,
    Question,
    Questionnaire,
    QuestionnaireVersion,
    Response,
    Section,
    Status,
)

# Question fields copied as they are (the rest is remapped).
COPIED_FIELDS = ("position", "key", "kind", "label", *QUESTION_SETTINGS, "condition_values")


@transaction.atomic
def editable_version(questionnaire, user):
    """The version the edits of `user` go to (see the module docstring)."""
    Questionnaire.objects.select_for_update().filter(pk=questionnaire.pk).first()
    # The questionnaire's campaigns are locked before the version is read: the
    # answering part locks a campaign to save its first response and freeze
    # its version (`views.respond_common.locked_version`), so either that
    # response is in and the version is frozen here, or it waits for this
    # edit and freezes the version the campaign ends up with.
    campaigns = Campaign.objects.filter(questionnaire=questionnaire).select_for_update()
    list(campaigns.values_list("pk", flat=True))
    current = questionnaire.versions.order_by("-number").first()
    if not current.is_frozen:
        return current
    version = copy_version(current, questionnaire, current.number + 1, user)
    # Closed campaigns keep the version they ran with, answered or not.
    unanswered = (
        Campaign.objects.filter(questionnaire=questionnaire)
        .exclude(status=Status.CLOSED)
        .exclude(Exists(Response.objects.filter(campaign=OuterRef("pk"))))
    )
    unanswered.update(version=version)
    return version


def copy_version(source, questionnaire, number, user):
    """A new version `number` of `questionnaire` with the content of `source`;
    returns it. The maps old pk → copy are kept on it as `section_map` and
    `question_map`."""
    version = QuestionnaireVersion.objects.create(
        questionnaire=questionnaire, number=number, created_by=user
    )
    sections = list(source.sections.order_by("position", "pk"))
    copies = Section.objects.bulk_create(
        Section(
            version=version,
            position=section.position,
            title=section.title,
            description=section.description,
        )
        for section in sections
    )
    section_map = {old.pk: new for old, new in zip(sections, copies, strict=True)}
    questions = list(source.questions.order_by("parent_id", "pk"))
    question_map = {}
    # Tables first, then their columns (which point at the copies).
    for level in (False, True):
        batch = [q for q in questions if bool(q.parent_id) is level]
        created = Question.objects.bulk_create(
            Question(
                version=version,
                section=section_map[question.section_id],
                parent=question_map.get(question.parent_id),
                **{name: getattr(question, name) for name in COPIED_FIELDS},
            )
            for question in batch
        )
        question_map.update({old.pk: new for old, new in zip(batch, created, strict=True)})
    conditional = []
    for question in questions:
        if question.condition_question_id in question_map:
            copy = question_map[question.pk]
            copy.condition_question = question_map[question.condition_question_id]
            conditional.append(copy)
    Question.objects.bulk_update(conditional, ["condition_question"])
    version.section_map = section_map
    version.question_map = question_map
    return version


def touch(version):
    """Record a change of `version`'s content: its revision goes up."""
    QuestionnaireVersion.objects.filter(pk=version.pk).update(revision=F("revision") + 1)


def freeze(version):
    """Freeze `version` (its first response is being saved). Idempotent."""
    QuestionnaireVersion.objects.filter(pk=version.pk, frozen_at__isnull=True).update(
        frozen_at=timezone.now()
    )


@transaction.atomic
def duplicate(questionnaire, user, title):
    """A copy of `questionnaire` (its current version becomes version 1)."""
    copy = Questionnaire.objects.create(
        cluster=questionnaire.cluster,
        title=title,
        description=questionnaire.description,
        template_key=questionnaire.template_key,
        created_by=user,
    )
    copy_version(questionnaire.current_version, copy, 1, user)
    return copy
