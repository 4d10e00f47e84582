"""The questionnaires of the acting cluster, for its staff: the list (with the
shipped templates to start from), creating, duplicating, archiving, the
builder page and the preview. Sections and questions are edited in
`builder_sections` and `builder_questions`."""

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ancrage.core.permissions import staff_required
from ancrage.surveys import shipped
from ancrage.surveys.answers import AnswerForm
from ancrage.surveys.forms_builder import QuestionnaireForm
from ancrage.surveys.models import Campaign, Question, Questionnaire, QuestionnaireVersion
from ancrage.surveys.versions import duplicate as duplicate_questionnaire
from ancrage.surveys.views.builder_common import outline_context, questionnaire_of, record


def _latest(field):
    versions = QuestionnaireVersion.objects.filter(questionnaire=OuterRef("pk")).order_by("-number")
    return Subquery(versions.values(field)[:1])


def _count(queryset, outer):
    rows = queryset.filter(**{outer: OuterRef("pk")}).order_by().values(outer)
    return Coalesce(
        Subquery(rows.annotate(count=Count("pk")).values("count")), 0, output_field=IntegerField()
    )


@staff_required
def questionnaire_list(request):
    cluster = request.scope.cluster
    archived = request.GET.get("archives") == "1"
    latest_questions = Question.objects.filter(
        version=Subquery(
            QuestionnaireVersion.objects.filter(questionnaire=OuterRef(OuterRef("pk")))
            .order_by("-number")
            .values("pk")[:1]
        )
    )
    questionnaires = (
        Questionnaire.objects.filter(cluster=cluster, archived=archived)
        .annotate(
            version_number=_latest("number"),
            version_frozen_at=_latest("frozen_at"),
            question_count=_count(latest_questions, "version__questionnaire"),
            campaign_count=_count(Campaign.objects.all(), "questionnaire"),
        )
        .order_by("title", "pk")
    )
    archived_count = Questionnaire.objects.filter(cluster=cluster, archived=not archived).count()
    return render(
        request,
        "surveys/builder/list.html",
        {
            "questionnaires": questionnaires,
            "archived": archived,
            "other_count": archived_count,
            "templates": shipped.TEMPLATES.values(),
        },
    )


@staff_required
@require_http_methods(["GET", "POST"])
def create(request):
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            questionnaire = form.save(commit=False)
            questionnaire.cluster = request.scope.cluster
            questionnaire.created_by = request.user
            questionnaire.save()
            QuestionnaireVersion.objects.create(
                questionnaire=questionnaire, number=1, created_by=request.user
            )
            record(request, questionnaire, "created")
        messages.success(
            request, _("Le questionnaire est créé : ajoutez maintenant sa première section.")
        )
        return redirect("questionnaires:detail", questionnaire.pk)
    return render(request, "surveys/builder/questionnaire_form.html", {"form": form})


@staff_required
@require_POST
def from_template(request):
    key = request.POST.get("template", "")
    if key not in shipped.TEMPLATES:
        messages.error(request, _("Ce modèle n'existe pas : choisissez-en un dans la liste."))
        return redirect("questionnaires:list")
    with transaction.atomic():
        questionnaire = shipped.instantiate(request.scope.cluster, key, request.user)
        record(request, questionnaire, "created", template=key)
    messages.success(
        request,
        _("« %(title)s » est créé à partir du modèle : adaptez-le à votre filière.")
        % {"title": questionnaire.title},
    )
    return redirect("questionnaires:detail", questionnaire.pk)


@staff_required
@require_http_methods(["GET", "POST"])
def edit(request, pk):
    questionnaire = questionnaire_of(request, pk)
    form = QuestionnaireForm(request.POST or None, instance=questionnaire)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            record(request, questionnaire, "edited", changed=sorted(form.changed_data))
        messages.success(request, _("Le titre et la présentation sont enregistrés."))
        return redirect("questionnaires:detail", questionnaire.pk)
    return render(
        request,
        "surveys/builder/questionnaire_form.html",
        {"form": form, "questionnaire": questionnaire},
    )


@staff_required
@require_POST
def duplicate(request, pk):
    questionnaire = questionnaire_of(request, pk)
    suffix = _(" (copie)")
    title = Truncator(questionnaire.title).chars(200 - len(suffix)) + suffix
    copy = duplicate_questionnaire(questionnaire, request.user, title)
    record(request, copy, "created", duplicate_of=questionnaire.pk)
    messages.success(request, _("« %(title)s » est créé.") % {"title": copy.title})
    return redirect("questionnaires:detail", copy.pk)


@staff_required
@require_POST
def archive(request, pk):
    questionnaire = questionnaire_of(request, pk)
    questionnaire.archived = not questionnaire.archived
    questionnaire.save(update_fields=["archived"])
    record(request, questionnaire, "archived" if questionnaire.archived else "unarchived")
    if questionnaire.archived:
        messages.success(
            request,
            _("« %(title)s » est archivé : il n'est plus proposé pour les nouvelles campagnes.")
            % {"title": questionnaire.title},
        )
        return redirect("questionnaires:list")
    messages.success(request, _("« %(title)s » est de nouveau actif.") % {"title": questionnaire})
    return redirect("questionnaires:detail", questionnaire.pk)


@staff_required
def detail(request, pk):
    questionnaire = questionnaire_of(request, pk)
    return render(request, "surveys/builder/detail.html", outline_context(questionnaire))


@staff_required
@require_http_methods(["GET", "POST"])
def preview(request, pk):
    """The questionnaire as respondents see it. Posting checks the answers
    typed (conditions, tables, errors) and saves nothing."""
    questionnaire = questionnaire_of(request, pk)
    versions = questionnaire.versions.order_by("-number")
    number = request.GET.get("version", "")
    if number:
        if not number.isdigit() or len(number) > 6:
            raise Http404
        version = get_object_or_404(versions, number=int(number))
    else:
        version = versions.first()
    data = request.POST if request.method == "POST" else None
    form = AnswerForm(version, data, cluster=questionnaire.cluster)
    checked = data is not None and not form.row_action and form.is_valid()
    return render(
        request,
        "surveys/builder/preview.html",
        {
            "questionnaire": questionnaire,
            "version": version,
            "versions": versions,
            "form": form,
            "checked": checked,
        },
    )
