"""The forms of the cluster's action plan: an action (`gpec.models.Action`)
and its indicators (an inline formset of `ActionIndicator`), and what a
priority of the strategy page pre-fills (`initial_from_priority`).

    form = ActionForm(request.POST or None, instance=action, cluster=cluster)
    indicators = IndicatorFormSet(request.POST or None, instance=action, prefix="indicateurs")
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.gpec.levers_mobility import routes
from ancrage.gpec.models import Action, ActionIndicator, Lever
from ancrage.referentiel.forms import OccupationField, SkillField
from ancrage.referentiel.models import Occupation, Skill
from ancrage.territory.models import Department

MAX_INDICATORS = 20
# A priority's key (`priority.Priority.key`): lever, subject, territory.
PRIORITY_KEY = re.compile(
    r"(?P<lever>[a-z]{1,10}):(?:o(?P<occupation>[0-9]{1,18})(?:>o(?P<target>[0-9]{1,18}))?"
    r"|s(?P<skill>[0-9]{1,18})):(?P<territory>all|[0-9AB]{2,3})"
)


class ActionForm(BootstrapForm, forms.ModelForm):
    occupation = OccupationField(label=_("Métier"), required=False)
    skill = SkillField(label=_("Compétence"), required=False)

    class Meta:
        model = Action
        fields = [
            "title",
            "lever",
            "occupation",
            "skill",
            "department",
            "owner",
            "deadline",
            "status",
            "description",
            "priority_key",
        ]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5}),
            "priority_key": forms.HiddenInput,
        }
        labels = {"priority_key": _("Priorité de la stratégie")}
        help_texts = {
            "owner": _("La personne ou l'équipe qui porte l'action."),
            "department": _("Laissez vide pour une action sur tout le territoire du cluster."),
        }

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occupation"].set_cluster(cluster)
        self.fields["skill"].set_cluster(cluster)
        self.fields["department"].queryset = Department.objects.order_by("code")
        self.fields["department"].empty_label = _("(tout le cluster)")
        self.fields["lever"].choices = Lever.choices

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].replace("\x00", "").split())
        if not title:
            raise ValidationError(_("Donnez un intitulé à l'action."), code="required")
        return title


class IndicatorForm(forms.ModelForm):
    target = forms.DecimalField(
        label=_("Cible"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control"}),
    )
    current = forms.DecimalField(
        label=_("Valeur actuelle"),
        required=False,
        max_digits=12,
        decimal_places=2,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "class": "form-control"}),
    )

    class Meta:
        model = ActionIndicator
        fields = ["label", "target", "current"]
        widgets = {"label": forms.TextInput(attrs={"class": "form-control"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Checked in clean(), with a message that says what to do.
        self.fields["label"].required = False

    def clean(self):
        cleaned = super().clean()
        label = " ".join((cleaned.get("label") or "").replace("\x00", "").split())
        figures = cleaned.get("target") is not None or cleaned.get("current") is not None
        if not label and figures:
            self.add_error(
                "label", gettext("Donnez un intitulé à cet indicateur (sa cible est saisie).")
            )
        elif not label:
            self.add_error(
                "label",
                gettext("Donnez un intitulé à cet indicateur, ou cochez « Supprimer »."),
            )
        cleaned["label"] = label
        return cleaned


IndicatorFormSet = forms.inlineformset_factory(
    Action,
    ActionIndicator,
    form=IndicatorForm,
    extra=2,
    can_delete=True,
    max_num=MAX_INDICATORS,
    validate_max=True,
)


def _lever_title(lever, subject, target, department):
    title = gettext("%(lever)s : %(subject)s") % {
        "lever": Lever(lever).label.capitalize(),
        "subject": subject.label,
    }
    if target is not None:
        title += f" → {target.label}"
    if department is not None:
        title += f" ({department.name})"
    return title[:200]


def initial_from_priority(key):
    """The initial values of a new action answering the priority `key`
    (lever, occupation or skill, département, title; for a mobility, the
    skills to acquire in the description), or None when `key` names nothing
    that exists."""
    match = PRIORITY_KEY.fullmatch(key or "")
    if match is None or match["lever"] not in Lever.values:
        return None
    parts = match.groupdict()
    subject = target = department = None
    if parts["skill"]:
        subject = Skill.objects.filter(pk=parts["skill"]).first()
    else:
        subject = Occupation.objects.filter(pk=parts["occupation"]).first()
        if parts["target"]:
            target = Occupation.objects.filter(pk=parts["target"]).first()
            if target is None:
                return None
    if parts["territory"] != "all":
        department = Department.objects.filter(code=parts["territory"]).first()
        if department is None:
            return None
    if subject is None:
        return None
    initial = {
        "lever": parts["lever"],
        "department": department,
        "priority_key": key,
        "title": _lever_title(parts["lever"], subject, target, department),
        "skill" if parts["skill"] else "occupation": subject,
    }
    if target is not None:
        skills = routes([subject.pk], [target.pk]).get(subject.pk, [])
        missing = next((found for to, found in skills if to.pk == target.pk), [])
        initial["description"] = gettext(
            "Mobilité de « %(source)s » vers « %(target)s ». Compétences à acquérir : %(skills)s."
        ) % {
            "source": subject.label,
            "target": target.label,
            "skills": ", ".join(skill.label for skill in missing) or gettext("aucune"),
        }
    return initial
