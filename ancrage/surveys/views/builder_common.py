"""What the builder's views share: finding the questionnaire and its parts
in the acting cluster, applying an edit to the editable version, the outline
(the builder page's main block) and the audit."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.surveys.forms_builder import condition_options, questions_in_order
from ancrage.surveys.models import Campaign, Kind, Question, Questionnaire, Section
from ancrage.surveys.versions import editable_version, touch


class Refused(Exception):
    """An edit that would break the questionnaire: its transaction is undone."""


def questionnaire_of(request, pk):
    return get_object_or_404(Questionnaire, pk=pk, cluster=request.scope.cluster)


def part_of(questionnaire, model, pk):
    """A section or question of any version of `questionnaire`."""
    return get_object_or_404(
        model.objects.select_related("version"), pk=pk, version__questionnaire=questionnaire
    )


def in_version(obj, version):
    """`obj` (a section or a question of another version of the same
    questionnaire) as it is in `version`: questions by key, sections by rank.
    None when it is not there any more."""
    if obj is None or obj.version_id == version.pk:
        return obj
    if isinstance(obj, Question):
        return version.questions.filter(key=obj.key).first()
    ranked = list(Section.objects.filter(version_id=obj.version_id).order_by("position", "pk"))
    rank = [section.pk for section in ranked].index(obj.pk)
    sections = list(version.sections.order_by("position", "pk"))
    return sections[rank] if rank < len(sections) else None


def current_part(questionnaire, obj):
    """`obj` in the current version, or 404 (deleted since the page was shown)."""
    found = in_version(obj, questionnaire.current_version)
    if found is None:
        raise Http404
    return found


def record(request, questionnaire, what, **details):
    audit.record(
        request,
        AuditEntry.Action.QUESTIONNAIRE_UPDATED,
        questionnaire,
        cluster=questionnaire.cluster,
        what=what,
        **details,
    )


def change(request, questionnaire, what, apply, *parts, **details):
    """Apply an edit to the editable version: `apply(version, *parts)` gets the
    parts as they are in that version (copied first when the current version
    is frozen) and may raise `Refused`. Bumps the revision and audits.
    Returns (version, result of apply)."""
    with transaction.atomic():
        version = editable_version(questionnaire, request.user)
        mapped = [in_version(part, version) for part in parts]
        if any(part is None for part, original in zip(mapped, parts, strict=True) if original):
            raise Refused(
                _("Cet élément n'existe plus dans la version en cours : rechargez la page.")
            )
        result = apply(version, *mapped)
        touch(version)
        record(request, questionnaire, what, version=version.number, **details)
    return version, result


def order_problem(version):
    """Why the order of `version`'s questions breaks a condition, or None."""
    order = questions_in_order(version)
    index = {question.pk: rank for rank, question in enumerate(order)}
    for question in order:
        source = question.condition_question_id
        if source and index.get(source, -1) >= index[question.pk]:
            return _(
                "« %(label)s » dépend d'une question qui serait posée après elle : "
                "l'ordre n'est pas changé."
            ) % {"label": Truncator(question.label).chars(60)}
    return None


def outline_context(questionnaire):
    """The builder page's main block: the current version's content, its
    history and whether edits will make a new version."""
    version = questionnaire.current_version
    columns = Question.objects.filter(parent__isnull=False).order_by("position", "pk")
    questions = (
        Question.objects.filter(parent=None)
        .select_related("condition_question")
        .prefetch_related(Prefetch("columns", queryset=columns))
        .order_by("position", "pk")
    )
    sections = list(
        version.sections.order_by("position", "pk").prefetch_related(
            Prefetch("questions", queryset=questions)
        )
    )
    for section in sections:
        for question in section.questions.all():
            question.condition_text = condition_text(question)
    versions = questionnaire.versions.order_by("-number").prefetch_related(
        Prefetch("campaigns", queryset=Campaign.objects.order_by("opens_on", "pk"))
    )
    return {
        "questionnaire": questionnaire,
        "version": version,
        "sections": sections,
        "versions": versions,
        "next_number": version.number + 1,
        "kinds": Kind.choices,
    }


def condition_text(question):
    """« Affichée si « … » vaut … » for a conditional question, else ""."""
    source = question.condition_question
    if source is None:
        return ""
    labels = dict(condition_options(source))
    values = [
        str(labels.get(("true" if v else "false") if isinstance(v, bool) else str(v), v))
        for v in question.condition_values
    ]
    return _("Affichée seulement si « %(label)s » vaut %(values)s.") % {
        "label": Truncator(source.label).chars(80),
        "values": _(" ou ").join(f"« {value} »" for value in values),
    }


def after_change(request, questionnaire, anchor=""):
    """The outline again (htmx) or the builder page."""
    if request.htmx:
        return render(request, "surveys/builder/_plan.html", outline_context(questionnaire))
    url = redirect("questionnaires:detail", questionnaire.pk).url
    return redirect(f"{url}#{anchor}" if anchor else url)


def refused(request, questionnaire, error, anchor=""):
    messages.error(request, str(error))
    return after_change(request, questionnaire, anchor)
