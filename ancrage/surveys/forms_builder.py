"""Forms of the questionnaire builder. The rules of a question's GPEC
mapping are in `surveys.gpec_mapping`."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.gpec.models import Difficulty, DifficultyReason
from ancrage.surveys.gpec_mapping import COUNT_FACTS, gpec_fact_error
from ancrage.surveys.models import GpecFact, Kind, Question, Questionnaire, Section

LEADING_NUMBER = re.compile(r"^(\d{1,3})(?:\s*[—–\-.:)]\s|$)")
MAX_CHOICES = 60
MAX_CHOICE_LABEL = 200
MAX_SKILL_ITEMS = 50


def slug_of(text, taken, *, max_length=40, fallback="q"):
    """A slug of `text` (underscores, at most `max_length` characters, cut at
    a word), unique among `taken`."""
    base = slugify(text).replace("-", "_")
    if len(base) > max_length:
        base = base[:max_length].rsplit("_", 1)[0] or base[:max_length]
    base = base or fallback
    candidate, number = base, 2
    while candidate in taken:
        suffix = f"_{number}"
        candidate = base[: max_length - len(suffix)] + suffix
        number += 1
    return candidate


def choice_value(label, taken):
    """The value of a new choice: its leading number (« 1 — aucune difficulté »
    is "1"), else a slug of its label."""
    match = LEADING_NUMBER.match(label)
    if match and match.group(1) not in taken:
        return match.group(1)
    return slug_of(label, taken, fallback="choix")


def questions_in_order(version):
    """The top-level questions of `version`, in the order respondents see them."""
    return list(
        version.questions.filter(parent=None)
        .select_related("section")
        .order_by("section__position", "section_id", "position", "pk")
    )


def condition_options(question):
    """[(text value, label)] of the answers a condition on `question` can test."""
    if question.kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
        return [(choice["value"], choice["label"]) for choice in question.choices]
    if question.kind == Kind.YES_NO:
        return [("true", _("Oui")), ("false", _("Non"))]
    if question.kind == Kind.SCALE and question.scale_min is not None:
        return [(str(n), str(n)) for n in range(question.scale_min, question.scale_max + 1)]
    return []


def condition_json(question, text):
    """A condition value in the answers' JSON format."""
    if question.kind == Kind.YES_NO:
        return text == "true"
    if question.kind == Kind.SCALE:
        return int(text)
    return text


class AnyValueMultipleField(forms.MultipleChoiceField):
    """Offers the valid choices, accepts any posted value: the form explains
    why a posted one is refused."""

    def valid_value(self, value):
        return True


class QuestionnaireForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Questionnaire
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class SectionForm(BootstrapForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class QuestionForm(BootstrapForm, forms.ModelForm):
    """A question (or a table column) of the kind of `instance`, which is
    unsaved for a new question (version, section, parent, kind and position
    set). `before`: the top-level questions asked before it."""

    choices_text = forms.CharField(
        label=_("Choix proposés"),
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
        max_length=MAX_CHOICES * (MAX_CHOICE_LABEL + 2),
        help_text=_("Un choix par ligne, dans l'ordre où ils seront proposés."),
    )
    scale = forms.ChoiceField(
        label=_("Échelle"), choices=[("1-5", _("de 1 à 5")), ("0-10", _("de 0 à 10"))]
    )
    condition = AnyValueMultipleField(
        label=_("Afficher seulement si…"),
        required=False,
        help_text=_(
            "Choisissez une ou plusieurs réponses d'une question posée avant : la question "
            "n'est montrée que si l'une d'elles est donnée. Laissez vide pour toujours la montrer."
        ),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    class Meta:
        model = Question
        fields = [
            "label",
            "help_text",
            "required",
            "min_value",
            "max_value",
            "unit",
            "max_items",
            "gpec_fact",
        ]
        widgets = {"label": forms.Textarea(attrs={"rows": 2})}
        labels = {"max_items": _("Nombre maximal de compétences")}
        help_texts = {
            "min_value": _("Laissez vide pour ne pas limiter."),
            "max_value": _("Laissez vide pour ne pas limiter."),
            "unit": _("Par exemple « salariés », « k€ », « % » ou « jours »."),
            "gpec_fact": _(
                "Les réponses alimentent alors ce chiffre de la GPEC de l'organisation, "
                "daté et avec l'enquête pour source."
            ),
        }

    def __init__(self, data=None, *, instance, before=(), first_column=False):
        super().__init__(data, instance=instance)
        self.first_column = first_column
        self.in_table = instance.parent_id is not None
        self.before = {question.key: question for question in before}
        kind = instance.kind
        keep = {"label", "help_text", "required", "gpec_fact"}
        if kind == Kind.NUMBER:
            keep |= {"min_value", "max_value", "unit"}
        if kind in (Kind.SINGLE_CHOICE, Kind.MULTIPLE_CHOICE):
            keep.add("choices_text")
            self.initial["choices_text"] = "\n".join(c["label"] for c in instance.choices)
        if kind == Kind.SCALE:
            keep.add("scale")
            if instance.scale_min is not None:
                self.initial["scale"] = f"{instance.scale_min}-{instance.scale_max}"
        if kind == Kind.SKILL:
            keep.add("max_items")
            field = self.fields["max_items"]
            field.widget.attrs.update(min=1, max=MAX_SKILL_ITEMS)
            field.validators += [MinValueValidator(1), MaxValueValidator(MAX_SKILL_ITEMS)]
        if not self.in_table and kind != Kind.TABLE:
            keep.add("condition")
            self._condition_choices()
        facts = self._plausible_facts()
        if facts and not (first_column and instance.pk):
            self.fields["gpec_fact"].choices = [("", _("non"))] + [
                (fact.value, fact.label) for fact in facts
            ]
        else:
            keep.discard("gpec_fact")
        for name in list(self.fields):
            if name not in keep:
                del self.fields[name]

    def _plausible_facts(self):
        kind = self.instance.kind
        if self.in_table:
            if self.first_column:
                return [GpecFact.OCCUPATION]
            if kind == Kind.NUMBER:
                return [fact for fact in GpecFact if fact in COUNT_FACTS] + [GpecFact.DIFFICULTY]
            if kind == Kind.SINGLE_CHOICE:
                return [GpecFact.DIFFICULTY, GpecFact.DIFFICULTY_REASON]
            return []
        return {
            Kind.NUMBER: [GpecFact.HEADCOUNT, GpecFact.TURNOVER],
            Kind.SCALE: [GpecFact.CONFIDENCE],
            Kind.SKILL: [GpecFact.SKILLS_SOUGHT, GpecFact.SKILLS_3Y],
        }.get(kind, [])

    def _condition_choices(self):
        groups = []
        for key, question in self.before.items():
            options = condition_options(question)
            if options:
                label = Truncator(question.label).chars(80)
                groups.append((label, [(f"{key}={value}", text) for value, text in options]))
        self.fields["condition"].choices = groups
        source = self.instance.condition_question
        if source is not None:
            self.initial["condition"] = [
                f"{source.key}={value}"
                for value in (
                    ("true" if v else "false") if isinstance(v, bool) else str(v)
                    for v in self.instance.condition_values
                )
            ]

    def clean_choices_text(self):
        text = self.cleaned_data["choices_text"]
        labels = [line.strip() for line in text.splitlines() if line.strip()]
        if len(labels) < 2:
            # The GPEC mappings fill in their own choices (see clean()).
            if self.data.get("gpec_fact") in (GpecFact.DIFFICULTY, GpecFact.DIFFICULTY_REASON):
                return labels
            raise ValidationError(_("Indiquez au moins deux choix, un par ligne."))
        errors = []
        if len(labels) > MAX_CHOICES:
            errors.append(_("%(max)s choix au plus.") % {"max": MAX_CHOICES})
        seen = set()
        for label in labels:
            if len(label) > MAX_CHOICE_LABEL:
                errors.append(
                    _("Un choix fait %(max)s caractères au plus : « %(start)s ».")
                    % {"max": MAX_CHOICE_LABEL, "start": Truncator(label).chars(40)}
                )
            if label.casefold() in seen:
                errors.append(_("« %(label)s » est en double.") % {"label": label})
            seen.add(label.casefold())
        if errors:
            raise ValidationError(errors)
        return labels

    def clean_condition(self):
        posted = self.cleaned_data["condition"]
        if not posted:
            return None
        sources, values = set(), []
        for item in posted:
            key, _sep, value = item.partition("=")
            sources.add(key)
            values.append(value)
        if len(sources) > 1:
            raise ValidationError(_("Choisissez les réponses d'une seule question."))
        key = sources.pop()
        if key == self.instance.key:
            raise ValidationError(_("Une question ne peut pas dépendre d'elle-même."))
        source = self.before.get(key)
        if source is None:
            if self.instance.version.questions.filter(key=key, parent=None).exists():
                raise ValidationError(
                    _("La condition doit porter sur une question posée avant celle-ci.")
                )
            raise ValidationError(
                _("Cette question n'existe plus : choisissez-en une de la liste.")
            )
        allowed = dict(condition_options(source))
        if not allowed:
            raise ValidationError(
                _("Une condition porte sur une question à choix, oui / non ou échelle.")
            )
        for value in values:
            if value not in allowed:
                raise ValidationError(
                    _("« %(value)s » n'est pas une réponse possible à « %(label)s ».")
                    % {"value": value, "label": Truncator(source.label).chars(60)}
                )
        return source, [condition_json(source, value) for value in dict.fromkeys(values)]

    def clean(self):
        cleaned = super().clean()
        question = self.instance
        if "scale" in cleaned:
            question.scale_min, question.scale_max = (int(n) for n in cleaned["scale"].split("-"))
        low, high = cleaned.get("min_value"), cleaned.get("max_value")
        if low is not None and high is not None and low > high:
            self.add_error("max_value", _("Le maximum doit être supérieur ou égal au minimum."))
        if "min_value" in self.fields:
            question.min_value, question.max_value = low, high
        fact = cleaned.get("gpec_fact", question.gpec_fact)
        if "choices_text" in cleaned:
            question.choices = self._choices(cleaned["choices_text"], fact)
        if fact in COUNT_FACTS | {GpecFact.HEADCOUNT, GpecFact.TURNOVER} and low is None:
            cleaned["min_value"] = question.min_value = Decimal(0)
        if "condition" in self.fields:
            condition = cleaned.get("condition")
            question.condition_question, question.condition_values = condition or (None, [])
        self._check_dependents()
        if fact and not self.errors:
            question.gpec_fact = fact
            error = gpec_fact_error(
                question, in_table=self.in_table, first_column=self.first_column
            )
            if error is None:
                error = self._fact_taken(fact)
            if error:
                self.add_error("gpec_fact" if "gpec_fact" in self.fields else None, error)
        return cleaned

    def _choices(self, labels, fact):
        if not labels and fact == GpecFact.DIFFICULTY:
            labels = [f"{value} — {label}" for value, label in Difficulty.choices]
        if fact == GpecFact.DIFFICULTY_REASON:
            return self._reasons(labels)
        old = list(self.instance.choices or [])
        by_label = {choice["label"].casefold(): choice["value"] for choice in old}
        kept = {
            index: by_label[label.casefold()]
            for index, label in enumerate(labels)
            if label.casefold() in by_label
        }
        used = set(kept.values())
        # An edited label keeps the value of the choice on the same line.
        for index in range(len(labels)):
            if index not in kept and index < len(old) and old[index]["value"] not in used:
                kept[index] = old[index]["value"]
                used.add(kept[index])
        choices = []
        for index, label in enumerate(labels):
            value = kept.get(index) or choice_value(label, used)
            used.add(value)
            choices.append({"value": value, "label": label})
        return choices

    def _reasons(self, labels):
        reasons = {str(label).casefold(): value for value, label in DifficultyReason.choices}
        if not labels:
            return [
                {"value": value, "label": str(label)} for value, label in DifficultyReason.choices
            ]
        unknown = [label for label in labels if label.casefold() not in reasons]
        if unknown:
            self.add_error(
                "choices_text",
                _("La GPEC connaît ces raisons seulement : %(known)s. À retirer : %(unknown)s.")
                % {
                    "known": ", ".join(f"« {label} »" for _v, label in DifficultyReason.choices),
                    "unknown": ", ".join(f"« {label} »" for label in unknown),
                },
            )
            return self.instance.choices
        return [{"value": reasons[label.casefold()], "label": label} for label in labels]

    def _check_dependents(self):
        """Refuse to drop an answer that a later question's condition tests."""
        question = self.instance
        if question.pk is None:
            return
        allowed = {value for value, _label in condition_options(question)}
        for dependent in question.dependents.all():
            for value in dependent.condition_values:
                text = ("true" if value else "false") if isinstance(value, bool) else str(value)
                if text not in allowed:
                    self.add_error(
                        None,
                        _(
                            "La réponse « %(value)s » est testée par la condition de "
                            "« %(label)s » : modifiez d'abord cette condition."
                        )
                        % {"value": text, "label": Truncator(dependent.label).chars(60)},
                    )
                    return

    def _fact_taken(self, fact):
        others = Question.objects.filter(version=self.instance.version, gpec_fact=fact)
        others = (
            others.filter(parent=self.instance.parent)
            if self.in_table
            else others.filter(parent=None)
        )
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        other = others.first()
        if other is None:
            return None
        return _("« %(label)s » alimente déjà ce chiffre de la GPEC.") % {
            "label": Truncator(other.label).chars(60)
        }

    def save(self, commit=True):
        question = super().save(commit=False)
        if question.pk is None:
            taken = set(question.version.questions.values_list("key", flat=True))
            question.key = slug_of(question.label, taken)
        if commit:
            question.save()
        return question
