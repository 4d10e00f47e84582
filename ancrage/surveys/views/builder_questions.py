"""Questions of the builder, and the columns of table questions: add (the
kind first, then a form adapted to it), edit, delete, move up or down. Each
change goes to the editable version (`versions.editable_version`).

A question that a later question's condition tests cannot be deleted: the
page names the questions that depend on it, to be changed first. Clearing
their conditions instead would show them to every respondent, which changes
what the questionnaire asks without anyone deciding it."""

from django.contrib import messages
from django.db.models import Max
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.core.permissions import staff_required
from ancrage.surveys.forms_builder import QuestionForm, questions_in_order
from ancrage.surveys.models import COLUMN_KINDS, GpecFact, Kind, Question, Section
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

COLUMN_CHOICES = [(value, label) for value, label in Kind.choices if value in COLUMN_KINDS]
NEW_COLUMN_CHOICES = [(value, label) for value, label in COLUMN_CHOICES if value != Kind.OCCUPATION]


def _columns(table):
    return list(table.columns.order_by("position", "pk"))


def _is_first_column(question):
    return question.parent_id is not None and _columns(question.parent)[0].pk == question.pk


def _before(version, question):
    """The top-level questions asked before `question` (new: at the end of
    its section)."""
    order = questions_in_order(version)
    if question.pk is not None:
        return order[: [q.pk for q in order].index(question.pk)]
    section = question.section
    return [
        q for q in order if (q.section.position, q.section_id) <= (section.position, section.pk)
    ]


def _form(version, question, data):
    if question.parent_id:
        return QuestionForm(data, instance=question, first_column=_is_first_column(question))
    return QuestionForm(data, instance=question, before=_before(version, question))


def _revalidated(form, version, question, data):
    """`form` again for `question` as it is in `version` (a new copy)."""
    if question is form.instance:
        return form
    again = _form(version, question, data)
    if not again.is_valid():
        raise Refused(_("La question a changé entre-temps : rechargez la page."))
    return again


def _form_page(request, questionnaire, form, **context):
    return render(
        request,
        "surveys/builder/question_form.html",
        {"questionnaire": questionnaire, "form": form, **context},
    )


def _kind_page(request, questionnaire, choices, **context):
    return render(
        request,
        "surveys/builder/question_kind.html",
        {"questionnaire": questionnaire, "kinds": choices, **context},
    )


def _next_position(queryset):
    last = queryset.aggregate(last=Max("position"))["last"]
    return 0 if last is None else last + 1


def _add_occupation_column(table):
    taken = set(table.version.questions.values_list("key", flat=True))
    key = next(k for k in ("metier", *(f"metier_{n}" for n in range(2, 1000))) if k not in taken)
    Question.objects.create(
        version=table.version,
        section=table.section,
        parent=table,
        position=0,
        key=key,
        kind=Kind.OCCUPATION,
        label=_("Métier"),
        required=True,
        gpec_fact=GpecFact.OCCUPATION,
    )


@staff_required
@require_http_methods(["GET", "POST"])
def question_add(request, pk, section_pk):
    questionnaire = questionnaire_of(request, pk)
    section = current_part(questionnaire, part_of(questionnaire, Section, section_pk))
    kind = request.POST.get("type") or request.GET.get("type", "")
    if kind not in Kind.values:
        return _kind_page(request, questionnaire, Kind.choices, section=section)
    version = section.version
    question = Question(version=version, section=section, kind=kind)
    form = _form(version, question, request.POST or None)
    if request.method == "POST" and form.is_valid():

        def apply(version, target_section):
            new = Question(version=version, section=target_section, kind=kind)
            saved = (
                _revalidated(form, version, new, request.POST)
                if version != section.version
                else form
            )
            saved.instance.section = target_section
            saved.instance.position = _next_position(target_section.questions.filter(parent=None))
            created = saved.save()
            if kind == Kind.TABLE:
                _add_occupation_column(created)
            return created

        try:
            _version, created = change(request, questionnaire, "question_added", apply, section)
        except Refused as error:
            return refused(request, questionnaire, error)
        if kind == Kind.TABLE:
            messages.success(
                request,
                _(
                    "Le tableau est ajouté, avec sa colonne « Métier » : "
                    "ajoutez ses autres colonnes."
                ),
            )
        else:
            messages.success(request, _("La question est ajoutée."))
        return after_change(request, questionnaire, f"q-{created.pk}")
    return _form_page(request, questionnaire, form, section=section, kind=Kind(kind))


@staff_required
@require_http_methods(["GET", "POST"])
def column_add(request, pk, question_pk):
    questionnaire = questionnaire_of(request, pk)
    table = current_part(questionnaire, part_of(questionnaire, Question, question_pk))
    if table.kind != Kind.TABLE:
        raise Http404
    kind = request.POST.get("type") or request.GET.get("type", "")
    if kind not in dict(NEW_COLUMN_CHOICES):
        return _kind_page(request, questionnaire, NEW_COLUMN_CHOICES, table=table)
    column = Question(version=table.version, section=table.section, parent=table, kind=kind)
    form = _form(table.version, column, request.POST or None)
    if request.method == "POST" and form.is_valid():

        def apply(version, target_table):
            new = Question(
                version=version, section=target_table.section, parent=target_table, kind=kind
            )
            saved = (
                _revalidated(form, version, new, request.POST) if version != table.version else form
            )
            saved.instance.position = _next_position(target_table.columns.all())
            return saved.save()

        try:
            _version, created = change(request, questionnaire, "column_added", apply, table)
        except Refused as error:
            return refused(request, questionnaire, error)
        messages.success(request, _("La colonne est ajoutée."))
        return after_change(request, questionnaire, f"q-{created.pk}")
    return _form_page(request, questionnaire, form, table=table, kind=Kind(kind))


@staff_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk, question_pk):
    questionnaire = questionnaire_of(request, pk)
    question = current_part(questionnaire, part_of(questionnaire, Question, question_pk))
    form = _form(question.version, question, request.POST or None)
    if request.method == "POST" and form.is_valid():

        def apply(version, target):
            return _revalidated(form, version, target, request.POST).save()

        try:
            _version, saved = change(
                request, questionnaire, "question_edited", apply, question, key=question.key
            )
        except Refused as error:
            return refused(request, questionnaire, error)
        messages.success(request, _("La question est enregistrée."))
        return after_change(request, questionnaire, f"q-{saved.pk}")
    return _form_page(
        request,
        questionnaire,
        form,
        question=question,
        kind=Kind(question.kind),
        table=question.parent,
        section=question.section,
    )


def _delete_problem(question):
    if _is_first_column(question):
        return _("La colonne « Métier » fait le tableau : supprimez le tableau entier si besoin.")
    dependents = list(question.dependents.all())
    if dependents:
        return _(
            "D'autres questions ne s'affichent que selon la réponse à celle-ci : %(labels)s. "
            "Retirez ou changez d'abord leur condition."
        ) % {"labels": ", ".join(f"« {q.label} »" for q in dependents)}
    return None


@staff_required
@require_http_methods(["GET", "POST"])
def question_delete(request, pk, question_pk):
    questionnaire = questionnaire_of(request, pk)
    question = current_part(questionnaire, part_of(questionnaire, Question, question_pk))
    problem = _delete_problem(question)
    if request.method == "POST" and problem is None:

        def apply(version, target):
            if _delete_problem(target):
                raise Refused(_delete_problem(target))
            target.delete()

        try:
            change(request, questionnaire, "question_deleted", apply, question, key=question.key)
        except Refused as error:
            return refused(request, questionnaire, error)
        messages.success(request, _("« %(label)s » est supprimée.") % {"label": question.label})
        return after_change(request, questionnaire, "plan")
    return render(
        request,
        "surveys/builder/question_delete.html",
        {"questionnaire": questionnaire, "question": question, "problem": problem},
    )


def _move_top(version, question, step):
    sections = list(version.sections.order_by("position", "pk"))
    rank = [s.pk for s in sections].index(question.section_id)
    siblings = list(question.section.questions.filter(parent=None).order_by("position", "pk"))
    index = [q.pk for q in siblings].index(question.pk)
    if 0 <= index + step < len(siblings):
        siblings.insert(index + step, siblings.pop(index))
        _renumber(siblings)
        return
    if not 0 <= rank + step < len(sections):
        raise Refused(_("La question est déjà à cette extrémité du questionnaire."))
    # Into the end of the previous section, or the start of the next one.
    target = sections[rank + step]
    others = list(target.questions.filter(parent=None).order_by("position", "pk"))
    question.section = target
    _renumber([*others, question] if step < 0 else [question, *others])
    Question.objects.filter(pk=question.pk).update(section=target)
    question.columns.update(section=target)


def _renumber(items):
    for position, item in enumerate(items):
        item.position = position
    Question.objects.bulk_update(items, ["position"])


@staff_required
@require_POST
def question_move(request, pk, question_pk):
    questionnaire = questionnaire_of(request, pk)
    question = part_of(questionnaire, Question, question_pk)
    step = -1 if request.POST.get("direction") == "up" else 1

    def apply(version, target):
        if target.parent_id:
            columns = _columns(target.parent)
            index = [c.pk for c in columns].index(target.pk)
            if index == 0 or not 1 <= index + step < len(columns):
                raise Refused(
                    _("La colonne ne peut pas aller plus loin : le métier reste en tête.")
                )
            columns.insert(index + step, columns.pop(index))
            _renumber(columns)
        else:
            _move_top(version, target, step)
        problem = order_problem(version)
        if problem:
            raise Refused(problem)
        return target

    try:
        _version, moved = change(request, questionnaire, "question_moved", apply, question)
    except Refused as error:
        return refused(request, questionnaire, error, f"q-{question_pk}")
    messages.success(request, _("« %(label)s » est déplacée.") % {"label": moved.label})
    return after_change(request, questionnaire, f"q-{moved.pk}")
