"""The cluster's vocabulary screen, for its staff: two lists (métiers,
compétences) to search, add to, rename, merge, order and prune.

Every action is scoped to the acting cluster (another cluster's entries
answer 404). With htmx an action answers its list's section
(`referentiel/vocabulary/_section.html`, whose messages fill the page's live
region out of band); without JavaScript it redirects to the page, or shows
the page again with the form's errors and what was typed."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ancrage.core.permissions import staff_required
from ancrage.referentiel import vocabulary as operations
from ancrage.referentiel.models import VocabularyEntry
from ancrage.referentiel.vocabulary_forms import (
    AddRomeItemForm,
    MergeForm,
    OwnItemForm,
    RenameForm,
)

Kind = VocabularyEntry.Kind
SLUGS = {"metiers": Kind.OCCUPATION, "competences": Kind.SKILL}
SLUG_OF = {kind: slug for slug, kind in SLUGS.items()}
TEXTS = {
    Kind.OCCUPATION: {
        "title": gettext_lazy("Métiers"),
        "add_title": gettext_lazy("Ajouter un métier du ROME"),
        "own_title": gettext_lazy("Ajouter un métier propre au cluster"),
        "merge_title": gettext_lazy("Fusionner deux métiers en double"),
    },
    Kind.SKILL: {
        "title": gettext_lazy("Compétences"),
        "add_title": gettext_lazy("Ajouter une compétence du ROME"),
        "own_title": gettext_lazy("Ajouter une compétence propre au cluster"),
        "merge_title": gettext_lazy("Fusionner deux compétences en double"),
    },
}
MAX_QUERY_LENGTH = 100


def _query(value):
    return str(value or "")[:MAX_QUERY_LENGTH].replace("\x00", "").strip()


def _kind(slug):
    try:
        return SLUGS[slug]
    except KeyError:
        raise Http404 from None


def _entry(request, pk):
    return get_object_or_404(
        VocabularyEntry.objects.select_related("occupation", "skill", "cluster"),
        pk=pk,
        cluster=request.scope.cluster,
    )


def _matches(entry, wanted):
    item = entry.rome_item
    names = [entry.display_label, *entry.aliases]
    if item is not None:
        names.append(item.label)
    if entry.occupation_id:
        names.append(entry.occupation.code)
    return any(wanted in operations.comparable(name) for name in names)


def _focus(every, moved):
    """The button to focus once `moved` (entry id, direction) has moved: the
    same one, or the other one at either end of the list."""
    if moved is None:
        return None, None
    pk, direction = moved
    order = [entry.pk for entry in every]
    if pk not in order:
        return None, None
    index = order.index(pk)
    if direction == operations.UP and index == 0:
        direction = operations.DOWN
    elif direction == operations.DOWN and index == len(order) - 1:
        direction = operations.UP
    return pk, direction


def _section(request, kind, forms=None, query="", moved=None):
    """What one list's section shows; `forms` replaces the blank forms."""
    cluster = request.scope.cluster
    every = list(operations.entries(cluster, kind))
    wanted = operations.comparable(query)
    shown = [entry for entry in every if _matches(entry, wanted)] if wanted else every
    forms = forms or {}
    focus_pk, focus_direction = _focus(every, moved)
    return {
        **TEXTS[kind],
        "kind": kind,
        "slug": SLUG_OF[kind],
        "focus_pk": focus_pk,
        "focus_direction": focus_direction,
        "entries": shown,
        "total": len(every),
        "query": query,
        "add_form": forms.get("add") or AddRomeItemForm(cluster=cluster, kind=kind),
        "own_form": forms.get("own") or OwnItemForm(cluster=cluster, kind=kind),
        "merge_form": forms.get("merge") or MergeForm(cluster=cluster, kind=kind),
        "focus_errors": bool(forms),
    }


def _list_url(kind, query=""):
    search = f"?{urlencode({'q': query})}" if query else ""
    return f"{reverse('vocabulary:list')}{search}#{SLUG_OF[kind]}"


def _respond(request, kind, forms=None, moved=None):
    """The section (htmx), the page with the form in error, or a redirect;
    the list stays filtered by the search the action was made from."""
    query = _query(request.POST.get("q"))
    if request.htmx:
        context = {"section": _section(request, kind, forms, query, moved)}
        return render(request, "referentiel/vocabulary/_section.html", context)
    if forms:
        return _page(request, {kind: forms}, query)
    return redirect(_list_url(kind, query))


def _page(request, forms_by_kind=None, query=""):
    forms_by_kind = forms_by_kind or {}
    sections = [_section(request, kind, forms_by_kind.get(kind), query) for kind in Kind.values]
    return render(
        request,
        "referentiel/vocabulary/page.html",
        {"cluster": request.scope.cluster, "sections": sections, "query": query},
    )


@staff_required
@require_safe
def vocabulary(request):
    return _page(request, query=_query(request.GET.get("q")))


@staff_required
@require_POST
def add(request, kind):
    kind = _kind(kind)
    cluster = request.scope.cluster
    form = AddRomeItemForm(request.POST, cluster=cluster, kind=kind)
    if form.is_valid():
        try:
            entry = operations.add_rome_item(request, cluster, form.cleaned_data["item"])
        except operations.VocabularyError as error:
            form.add_error("item", str(error))
        else:
            messages.success(
                request,
                _("« %(label)s » est ajouté à la liste (n° %(position)s).")
                % {"label": entry.display_label, "position": entry.position},
            )
            return _respond(request, kind)
    return _respond(request, kind, forms={"add": form})


@staff_required
@require_POST
def create(request, kind):
    kind = _kind(kind)
    cluster = request.scope.cluster
    form = OwnItemForm(request.POST, cluster=cluster, kind=kind)
    if form.is_valid():
        try:
            entry = operations.add_own_item(
                request, cluster, kind, form.cleaned_data["label"], form.cleaned_data["link"]
            )
        except operations.VocabularyError as error:
            form.add_error("label", str(error))
        else:
            messages.success(
                request,
                _("« %(label)s » est ajouté à la liste (n° %(position)s).")
                % {"label": entry.display_label, "position": entry.position},
            )
            return _respond(request, kind)
    return _respond(request, kind, forms={"own": form})


@staff_required
@require_POST
def merge(request, kind):
    kind = _kind(kind)
    form = MergeForm(request.POST, cluster=request.scope.cluster, kind=kind)
    if form.is_valid():
        removed = form.cleaned_data["remove"].display_label
        try:
            keep = operations.merge(request, form.cleaned_data["keep"], form.cleaned_data["remove"])
        except operations.VocabularyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("« %(removed)s » est fusionné dans « %(kept)s » ; son nom reste trouvable.")
                % {"removed": removed, "kept": keep.display_label},
            )
            return _respond(request, kind)
    return _respond(request, kind, forms={"merge": form})


@staff_required
@require_POST
def move(request, pk):
    entry = _entry(request, pk)
    direction = request.POST.get("direction")
    if direction not in (operations.UP, operations.DOWN):
        messages.error(request, _("Choisissez de monter ou de descendre l'élément."))
        return _respond(request, entry.kind)
    try:
        entry = operations.move(request, entry, direction)
    except operations.VocabularyError as error:
        messages.error(request, str(error))
        return _respond(request, entry.kind)
    messages.success(
        request,
        _("« %(label)s » est maintenant n° %(position)s.")
        % {"label": entry.display_label, "position": entry.position},
    )
    return _respond(request, entry.kind, moved=(entry.pk, direction))


@staff_required
@require_http_methods(["GET", "POST"])
def rename(request, pk):
    """GET shows the entry's names; POST gives it a local name."""
    entry = _entry(request, pk)
    form = RenameForm(request.POST or None, initial={"label": entry.label})
    if request.method == "POST" and form.is_valid():
        try:
            entry = operations.rename(request, entry, form.cleaned_data["label"])
        except operations.VocabularyError as error:
            form.add_error("label", str(error))
        else:
            messages.success(
                request, _("L'élément s'appelle maintenant « %(label)s ».") % {"label": entry}
            )
            return redirect(_list_url(entry.kind))
    return render(request, "referentiel/vocabulary/rename.html", {"entry": entry, "form": form})


@staff_required
@require_http_methods(["GET", "POST"])
def remove(request, pk):
    """GET asks for confirmation; POST removes the entry from the list."""
    entry = _entry(request, pk)
    if request.method == "POST":
        try:
            operations.remove(request, entry)
        except operations.VocabularyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("« %(label)s » est retiré de la liste.") % {"label": entry})
        return redirect(_list_url(entry.kind))
    return render(request, "referentiel/vocabulary/remove.html", {"entry": entry})
