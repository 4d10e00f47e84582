"""Help for the company writing an offer: the occupation suggested by the
référentiel's normalisation of the title, the skills found by its
extraction in the description. Suggestions only fill what the company left
empty or add to it; the company checks them before saving."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ancrage.referentiel import search
from ancrage.referentiel.models import Occupation, Skill

MAX_SUGGESTED_SKILLS = 12


@dataclass
class Suggested:
    form: object  # the form bound to the completed data, shown without errors
    data: object  # the posted data, completed
    notes: list = field(default_factory=list)  # what was done, in French
    alternatives: list = field(default_factory=list)  # other occupations (Normalized)


def suggest(form_class, data, **form_kwargs):
    """Complete the posted offer `data` (a mutable QueryDict): the occupation
    from the title when none is chosen, and the skills of the description
    not already listed, as required skills."""
    form = form_class(data, **form_kwargs)
    occupation_field = form.fields["occupation"]
    skills_field = form.fields["required_skills"]
    result = Suggested(form=None, data=data)

    occupation = _chosen(form, "occupation")
    if occupation is None:
        found = search.normalize(
            data.get("title", ""), limit=3, cluster=occupation_field.picker.cluster
        )
        if found:
            occupation = Occupation.objects.get(pk=found[0].occupation_id)
            data["occupation"] = occupation_field.picker.choice_of(occupation)
            data["occupation_code"] = occupation_field.code_of(occupation)
            result.notes.append(
                _("Métier suggéré d'après l'intitulé : %(occupation)s. Vérifiez-le.")
                % {"occupation": data["occupation"]}
            )
            result.alternatives = found[1:]
        else:
            result.notes.append(
                _("Aucun métier ne ressort de l'intitulé : choisissez-le dans la liste.")
            )

    listed = {*_chosen_many(form, "required_skills"), *_chosen_many(form, "wished_skills")}
    # Not restricted to the occupation's fiche: an offer often asks for
    # skills of neighbouring occupations.
    found = search.extract_skills(data.get("description", ""), limit=MAX_SUGGESTED_SKILLS)
    new = [item.skill_id for item in found if item.skill_id not in listed]
    skills = Skill.objects.in_bulk(new)
    codes = data.getlist("required_skills_code")
    for pk in new:
        codes.append(skills_field.picker.code_of(skills[pk]))
    data.setlist("required_skills_code", codes)
    if new:
        result.notes.append(
            ngettext(
                "%(count)s compétence trouvée dans la description, ajoutée aux compétences "
                "exigées : retirez-la si elle n'est pas indispensable.",
                "%(count)s compétences trouvées dans la description, ajoutées aux compétences "
                "exigées : retirez celles qui ne sont pas indispensables.",
                len(new),
            )
            % {"count": len(new)}
        )
    else:
        result.notes.append(_("Aucune nouvelle compétence trouvée dans la description."))
    result.form = form_class(data, **form_kwargs)
    # Shown to be checked, not judged: nothing was submitted yet.
    result.form._errors = ErrorDict()
    return result


def _chosen(form, name):
    bound = form[name]
    try:
        return form.fields[name].clean(bound.data)
    except ValidationError:  # what cannot be read counts as not chosen
        return None


def _chosen_many(form, name):
    items = _chosen(form, name) or []
    return {item.pk for item in items}
