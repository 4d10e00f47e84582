"""Sections of the builder: add, edit, delete, move up or down, and the new
order of sections and questions posted by drag and drop. Each change goes to
the editable version (`versions.editable_version`)."""

from django.contrib import messages
from django.db.models import Max, OuterRef, Subquery
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.core.permissions import staff_required
from ancrage.surveys.forms_builder import SectionForm
from ancrage.surveys.models import Question, Section
from ancrage.surveys.views.builder_common import (
    Refused,
    after_change,
    change,
    current_part,
    order_problem,
    part_of,
    questionnaire_of,
    refused,
)

MAX_ORDER_ITEMS = 2000


def _form_page(request, questionnaire, form, section=None):
    return render(
        request,
        "surveys/builder/section_form.html",
        {"questionnaire": questionnaire, "form": form, "section": section},
    )


@staff_required
@require_http_methods(["GET", "POST"])
def section_add(request, pk):
    questionnaire = questionnaire_of(request, pk)
    form = SectionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():

        def apply(version):
            last = version.sections.aggregate(last=Max("position"))["last"]
            section = form.save(commit=False)
            section.version = version
            section.position = 0 if last is None else last + 1
            section.save()
            return section

        _version, section = change(request, questionnaire, "section_added", apply)
        messages.success(request, _("La section « %(title)s » est ajoutée.") % {"title": section})
        return after_change(request, questionnaire, f"section-{section.pk}")
    return _form_page(request, questionnaire, form)


@staff_required
@require_http_methods(["GET", "POST"])
def section_edit(request, pk, section_pk):
    questionnaire = questionnaire_of(request, pk)
    section = current_part(questionnaire, part_of(questionnaire, Section, section_pk))
    form = SectionForm(request.POST or None, instance=section)
    if request.method == "POST" and form.is_valid():

        def apply(version, target):
            target.title = form.cleaned_data["title"]
            target.description = form.cleaned_data["description"]
            target.save(update_fields=["title", "description"])
            return target

        try:
            _version, section = change(request, questionnaire, "section_edited", apply, section)
        except Refused as error:
            return refused(request, questionnaire, error)
        messages.success(
            request, _("La section « %(title)s » est enregistrée.") % {"title": section}
        )
        return after_change(request, questionnaire, f"section-{section.pk}")
    return _form_page(request, questionnaire, form, section)


def _outside_dependents(section):
    """Questions of other sections whose condition tests a question of `section`."""
    return list(
        Question.objects.filter(condition_question__section=section).exclude(section=section)
    )


@staff_required
@require_http_methods(["GET", "POST"])
def section_delete(request, pk, section_pk):
    questionnaire = questionnaire_of(request, pk)
    section = current_part(questionnaire, part_of(questionnaire, Section, section_pk))
    dependents = _outside_dependents(section)
    if request.method == "POST" and not dependents:

        def apply(version, target):
            if _outside_dependents(target):
                raise Refused(_("Une question d'une autre section dépend de cette section."))
            target.delete()

        try:
            change(request, questionnaire, "section_deleted", apply, section, title=section.title)
        except Refused as error:
            return refused(request, questionnaire, error)
        messages.success(request, _("La section « %(title)s » est supprimée.") % {"title": section})
        return after_change(request, questionnaire, "plan")
    return render(
        request,
        "surveys/builder/section_delete.html",
        {
            "questionnaire": questionnaire,
            "section": section,
            "count": section.questions.filter(parent=None).count(),
            "dependents": dependents,
        },
    )


@staff_required
@require_POST
def section_move(request, pk, section_pk):
    questionnaire = questionnaire_of(request, pk)
    section = part_of(questionnaire, Section, section_pk)
    step = -1 if request.POST.get("direction") == "up" else 1

    def apply(version, target):
        sections = list(version.sections.order_by("position", "pk"))
        index = [s.pk for s in sections].index(target.pk)
        if not 0 <= index + step < len(sections):
            raise Refused(_("La section est déjà à cette extrémité du questionnaire."))
        sections.insert(index + step, sections.pop(index))
        _renumber(sections)
        problem = order_problem(version)
        if problem:
            raise Refused(problem)
        return target

    try:
        _version, section = change(request, questionnaire, "section_moved", apply, section)
    except Refused as error:
        return refused(request, questionnaire, error, f"section-{section_pk}")
    messages.success(request, _("La section « %(title)s » est déplacée.") % {"title": section})
    return after_change(request, questionnaire, f"section-{section.pk}")


def _renumber(items):
    for position, item in enumerate(items):
        item.position = position
    if items:
        type(items[0]).objects.bulk_update(items, ["position"])


@staff_required
@require_POST
def reorder(request, pk):
    """The order of sections and of their questions after a drag and drop:
    `section` (section pks, in order) and `question` ("<section pk>:<question
    pk>", in order), for the whole version."""
    questionnaire = questionnaire_of(request, pk)
    section_pks = request.POST.getlist("section")[:MAX_ORDER_ITEMS]
    pairs = [item.partition(":") for item in request.POST.getlist("question")[:MAX_ORDER_ITEMS]]
    try:
        section_order = [int(value) for value in section_pks]
        question_order = [(int(s), int(q)) for s, _sep, q in pairs]
    except ValueError:
        return HttpResponseBadRequest(_("Ordre illisible : rechargez la page."))
    version = questionnaire.current_version
    sections = {s.pk: s for s in version.sections.all()}
    questions = {q.pk: q for q in version.questions.filter(parent=None)}
    if (
        sorted(section_order) != sorted(sections)
        or sorted(q for _s, q in question_order) != sorted(questions)
        or any(s not in sections for s, _q in question_order)
    ):
        return refused(
            request,
            questionnaire,
            _("La page n'est plus à jour : l'ordre n'est pas changé. Rechargez-la et recommencez."),
        )
    keys = [(sections[s], questions[q].key) for s, q in question_order]

    def apply(version, *ordered_sections):
        _renumber(list(ordered_sections))
        by_key = {q.key: q for q in version.questions.filter(parent=None)}
        mapped_sections = dict(zip(section_order, ordered_sections, strict=True))
        moved, rank = [], {}
        for section, key in keys:
            question = by_key[key]
            question.section = mapped_sections[section.pk]
            question.position = rank[section.pk] = rank.get(section.pk, -1) + 1
            moved.append(question)
        Question.objects.bulk_update(moved, ["section", "position"])
        # Columns follow their table into its section.
        version.questions.filter(parent__isnull=False).update(
            section=Subquery(
                Question.objects.filter(pk=OuterRef("parent_id")).values("section")[:1]
            )
        )
        problem = order_problem(version)
        if problem:
            raise Refused(problem)

    try:
        change(
            request,
            questionnaire,
            "reordered",
            apply,
            *[sections[s] for s in section_order],
        )
    except Refused as error:
        return refused(request, questionnaire, error)
    messages.success(request, _("Le nouvel ordre est enregistré."))
    return after_change(request, questionnaire)
