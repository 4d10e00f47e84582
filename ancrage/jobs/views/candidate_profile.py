"""The candidate's profile (context « candidate »): read it, edit it, its
experience and education lines, and the CV file (upload, replace, delete,
download, skills suggested from its text). Only its owner reaches these
screens; another candidate's lines answer 404. Every save is activity: it
renews the two years the CV bank keeps the profile."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.forms.utils import ErrorDict
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ancrage.core.permissions import require_context
from ancrage.files import uploads
from ancrage.files.serving import file_response
from ancrage.jobs.candidate_forms import (
    CVForm,
    EducationForm,
    ExperienceForm,
    ProfileForm,
    SuggestedSkillsForm,
)
from ancrage.jobs.candidate_profile import completeness, profile_for, touch
from ancrage.jobs.models import CandidateProfile, Contract, EducationLine, ExperienceLine
from ancrage.referentiel import search
from ancrage.referentiel.models import Occupation, Skill

candidate_required = require_context("candidate")
MAX_SUGGESTED_SKILLS = 30


def _profile(request):
    return profile_for(request.user)


def _full_profile(request):
    profile = _profile(request)
    return (
        CandidateProfile.objects.select_related("commune", "cv")
        .prefetch_related("occupations", "skills", "experiences", "educations")
        .get(pk=profile.pk)
    )


@candidate_required
@require_safe
def profile(request):
    profile = _full_profile(request)
    percent, missing = completeness(profile)
    labels = dict(Contract.choices)
    return render(
        request,
        "jobs/candidate/profile.html",
        {
            "profile": profile,
            "percent": percent,
            "missing": missing,
            "contract_labels": [labels[c] for c in profile.contracts if c in labels],
        },
    )


MAX_SUGGESTED_OCCUPATIONS = 3


def _suggest(request, profile):
    """The form again, completed by the référentiel: the occupations its
    normalisation finds in the headline, the skills its extraction finds in
    the presentation; nothing is saved, the candidate checks them first."""
    data = request.POST.copy()
    form = ProfileForm(data, instance=profile)
    notes = []
    occupations_field, skills_field = form.fields["occupations"], form.fields["skills"]
    found = search.normalize(data.get("headline", ""), limit=MAX_SUGGESTED_OCCUPATIONS)
    occupations = Occupation.objects.in_bulk([item.occupation_id for item in found])
    codes = data.getlist("occupations_code")
    new = [
        occupations_field.picker.code_of(occupations[item.occupation_id])
        for item in found
        if item.occupation_id in occupations
    ]
    new = [code for code in new if code not in codes]
    data.setlist("occupations_code", codes + new)
    if new:
        notes.append(
            _(
                "Métiers proposés d'après votre titre : %(count)s. "
                "Retirez ceux qui ne vous conviennent pas."
            )
            % {"count": len(new)}
        )
    else:
        notes.append(_("Aucun nouveau métier ne ressort de votre titre."))
    found_skills = search.extract_skills(data.get("summary", ""), limit=MAX_SUGGESTED_SKILLS)
    skills = Skill.objects.in_bulk([item.skill_id for item in found_skills])
    codes = data.getlist("skills_code")
    new = [skills_field.picker.code_of(skill) for skill in skills.values()]
    new = [code for code in new if code not in codes]
    data.setlist("skills_code", codes + new)
    if new:
        notes.append(
            _("Compétences trouvées dans votre présentation : %(count)s, ajoutées à la liste.")
            % {"count": len(new)}
        )
    form = ProfileForm(data, instance=profile)
    # Shown to be checked, not judged: nothing was submitted yet.
    form._errors = ErrorDict()
    return render(request, "jobs/candidate/edit.html", {"form": form, "notes": notes})


@candidate_required
@require_http_methods(["GET", "POST"])
def edit(request):
    profile = _profile(request)
    if request.method == "POST" and "suggest" in request.POST:
        return _suggest(request, profile)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            touch(profile)
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("jobs_candidate:profile")
    return render(request, "jobs/candidate/edit.html", {"form": form, "notes": []})


LINES = {
    "experience": (ExperienceLine, ExperienceForm),
    "education": (EducationLine, EducationForm),
}


def _line_page(request, kind, line):
    _model, form_class = LINES[kind]
    profile = _profile(request)
    form = form_class(request.POST if request.method == "POST" else None, instance=line)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.instance.profile = profile
            form.save()
            touch(profile)
        if kind == "experience":
            text = _("L'expérience « %(title)s » est enregistrée.")
        else:
            text = _("La formation « %(title)s » est enregistrée.")
        messages.success(request, text % {"title": form.instance.title})
        return redirect("jobs_candidate:profile")
    return render(
        request, "jobs/candidate/line_form.html", {"form": form, "kind": kind, "line": line}
    )


def _line_of(request, kind, pk):
    model, _form = LINES[kind]
    return get_object_or_404(model, pk=pk, profile__user=request.user)


@candidate_required
@require_http_methods(["GET", "POST"])
def experience_add(request):
    return _line_page(request, "experience", None)


@candidate_required
@require_http_methods(["GET", "POST"])
def experience_edit(request, pk):
    return _line_page(request, "experience", _line_of(request, "experience", pk))


@candidate_required
@require_http_methods(["GET", "POST"])
def education_add(request):
    return _line_page(request, "education", None)


@candidate_required
@require_http_methods(["GET", "POST"])
def education_edit(request, pk):
    return _line_page(request, "education", _line_of(request, "education", pk))


def _delete_line(request, kind, pk):
    line = _line_of(request, kind, pk)
    title = line.title
    line.delete()
    touch(line.profile)
    messages.success(request, _("« %(title)s » est supprimé de votre profil.") % {"title": title})
    return redirect("jobs_candidate:profile")


@candidate_required
@require_POST
def experience_delete(request, pk):
    return _delete_line(request, "experience", pk)


@candidate_required
@require_POST
def education_delete(request, pk):
    return _delete_line(request, "education", pk)


def suggested_skills(profile):
    """The référentiel's skills found in the CV text that the profile does
    not have yet, in the order the CV mentions them."""
    if not profile.cv_text:
        return Skill.objects.none(), []
    found = search.extract_skills(profile.cv_text, limit=MAX_SUGGESTED_SKILLS * 2)
    have = set(profile.skills.values_list("pk", flat=True))
    ids = [skill.skill_id for skill in found if skill.skill_id not in have]
    ids = list(dict.fromkeys(ids))[:MAX_SUGGESTED_SKILLS]
    by_id = Skill.objects.in_bulk(ids)
    return Skill.objects.filter(pk__in=ids), [by_id[pk] for pk in ids if pk in by_id]


def _cv_page(request, profile, cv_form=None, skills_form=None, status=200):
    queryset, ordered = suggested_skills(profile)
    if skills_form is None:
        skills_form = SuggestedSkillsForm(skills=queryset)
    return render(
        request,
        "jobs/candidate/cv.html",
        {
            "profile": profile,
            "cv_form": cv_form or CVForm(),
            "skills_form": skills_form,
            "suggested": ordered,
        },
        status=status,
    )


@candidate_required
@require_http_methods(["GET", "POST"])
def cv(request):
    """The CV: shown, and replaced by the PDF posted (checked before the old
    one is let go: a refused file loses nothing)."""
    profile = CandidateProfile.objects.select_related("cv").get(pk=_profile(request).pk)
    if request.method != "POST":
        return _cv_page(request, profile)
    form = CVForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["cv"]
        # PostgreSQL stores no NUL character: a crafted file name loses them.
        upload.name = (upload.name or "").replace("\x00", "") or "cv.pdf"
        try:
            stored, text = uploads.store_pdf(upload, request.user)
        except ValidationError as error:
            form.add_error("cv", error)
        else:
            old = profile.cv
            with transaction.atomic():
                profile.cv, profile.cv_text = stored, text
                profile.save(update_fields=["cv", "cv_text", "updated_at"])
                touch(profile)
                uploads.discard(old)
            messages.success(
                request,
                _("Votre CV « %(name)s » est enregistré.") % {"name": stored.name},
            )
            return redirect("jobs_candidate:cv")
    return _cv_page(request, profile, cv_form=form)


@candidate_required
@require_safe
def cv_download(request):
    profile = CandidateProfile.objects.select_related("cv").get(pk=_profile(request).pk)
    if profile.cv is None:
        raise Http404
    return file_response(profile.cv, profile.cv.name)


@candidate_required
@require_POST
def cv_delete(request):
    profile = CandidateProfile.objects.select_related("cv").get(pk=_profile(request).pk)
    if profile.cv is None:
        messages.info(request, _("Vous n'avez pas de CV enregistré."))
        return redirect("jobs_candidate:cv")
    old = profile.cv
    with transaction.atomic():
        profile.cv, profile.cv_text = None, ""
        profile.save(update_fields=["cv", "cv_text", "updated_at"])
        touch(profile)
        uploads.discard(old)
    messages.success(request, _("Votre CV est supprimé."))
    return redirect("jobs_candidate:cv")


@candidate_required
@require_POST
def add_skills(request):
    """Add the suggested skills the candidate kept checked, in one click."""
    profile = CandidateProfile.objects.select_related("cv").get(pk=_profile(request).pk)
    queryset, _ordered = suggested_skills(profile)
    form = SuggestedSkillsForm(request.POST, skills=queryset)
    if not form.is_valid():
        return _cv_page(request, profile, skills_form=form)
    skills = list(form.cleaned_data["skills"])
    with transaction.atomic():
        profile.skills.add(*skills)
        touch(profile)
    messages.success(
        request,
        _("%(count)s compétence(s) ajoutée(s) à votre profil.") % {"count": len(skills)},
    )
    return redirect("jobs_candidate:cv")
