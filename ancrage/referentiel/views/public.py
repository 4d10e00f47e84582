"""The public fiches métiers (no login): search and browse the ROME
occupations, and one page per occupation."""

from django import forms
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from ancrage.referentiel import occupation_sheet, search
from ancrage.referentiel.models import Domain, Occupation

PAGE_SIZE = 50
# Suggestions asked of the search service for one query; several lines (the
# occupation and its job titles) often stand for the same occupation.
SEARCH_LIMIT = 60
MAX_QUERY_LENGTH = 200


class OccupationSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Métier ou intitulé de poste"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _(
                "Tapez %(limit_value)s caractères au plus (vous en avez tapé %(show_value)s)."
            )
        },
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "class": "form-control",
                "placeholder": _("par exemple : usineur, technicienne de maintenance"),
                "autocomplete": "off",
            }
        ),
    )
    domaine = forms.CharField(required=False, max_length=3, widget=forms.HiddenInput)

    def clean_domaine(self):
        code = self.cleaned_data["domaine"].upper()
        if not code:
            return None
        domain = Domain.objects.select_related("grand_domain").filter(code=code).first()
        if domain is None:
            raise forms.ValidationError(
                _("Aucun domaine professionnel n'a le code « %(code)s »."), params={"code": code}
            )
        return domain


def _domains_with_counts():
    """Every domaine professionnel holding current occupations, with their
    number, in code order (so grouped by grand domaine)."""
    return (
        Domain.objects.select_related("grand_domain")
        .annotate(occupation_count=Count("occupations", filter=Q(occupations__is_obsolete=False)))
        .filter(occupation_count__gt=0)
        .order_by("code")
    )


def _browse(domains):
    """[(grand domain, total, [domains])] in code order."""
    groups = []
    for domain in domains:
        if not groups or groups[-1][0] != domain.grand_domain:
            groups.append((domain.grand_domain, 0, []))
        grand_domain, total, members = groups[-1]
        members.append(domain)
        groups[-1] = (grand_domain, total + domain.occupation_count, members)
    return groups


def _search_results(query, domain):
    """The current occupations found for `query`, best first, each with the
    job titles that matched."""
    suggestions = search.suggest(query, target="occupation", limit=SEARCH_LIMIT)
    matched = {}
    for suggestion in suggestions:
        if suggestion.occupation_id is None:
            continue
        titles = matched.setdefault(suggestion.occupation_id, [])
        if suggestion.kind != "occupation" and suggestion.label not in titles:
            titles.append(suggestion.label)
    occupations = Occupation.objects.current().select_related("domain").filter(pk__in=matched)
    if domain is not None:
        occupations = occupations.filter(domain=domain)
    found = {occupation.pk: occupation for occupation in occupations}
    return [
        (found[pk], [title for title in titles if title != found[pk].label])
        for pk, titles in matched.items()
        if pk in found
    ]


@login_not_required
@require_safe
def occupation_list(request):
    form = OccupationSearchForm(request.GET or None)
    query, domain = "", None
    if form.is_bound and form.is_valid():
        query, domain = form.cleaned_data["q"], form.cleaned_data["domaine"]
    context = {"form": form, "query": query, "domain": domain}
    if query:
        context["page"] = Paginator(_search_results(query, domain), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    elif domain is not None:
        occupations = domain.occupations.current().order_by("code")
        context["page"] = Paginator(occupations, PAGE_SIZE).get_page(request.GET.get("page"))
    else:
        context["grand_domains"] = _browse(_domains_with_counts())
    return render(request, "referentiel/occupation_list.html", context)


@login_not_required
@require_safe
def occupation_detail(request, code):
    occupation = occupation_sheet.find(code)
    if occupation is None:
        raise Http404
    if code != occupation.code:
        return redirect(occupation, permanent=True)
    return render(
        request,
        "referentiel/occupation_detail.html",
        {
            "occupation": occupation,
            "definition": occupation_sheet.paragraphs(occupation.definition),
            "access": occupation_sheet.paragraphs(occupation.access),
            "skill_groups": occupation_sheet.skill_groups(occupation),
            "work_context_groups": occupation_sheet.work_context_groups(occupation),
        },
    )
