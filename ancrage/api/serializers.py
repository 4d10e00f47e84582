from functools import reduce

from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ancrage.clusters.models import Cluster
from ancrage.referentiel.models import (
    EscoOccupation,
    JobTitle,
    Occupation,
    OccupationSkill,
    Skill,
    WorkContext,
)
from ancrage.referentiel.search.engine import MAX_TEXT_LENGTH


class ClusterSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    seat_commune_code = serializers.CharField(source="seat.code", read_only=True)
    seat_commune_name = serializers.CharField(source="seat.name", read_only=True)

    class Meta:
        model = Cluster
        fields = [
            "name",
            "slug",
            "kind",
            "kind_label",
            "filiere",
            "seat_commune_code",
            "seat_commune_name",
            "website",
        ]


@extend_schema_field(OpenApiTypes.URI)
class PublicPageField(serializers.Field):
    """The absolute address of an occupation's public page, from the ROME
    code at `code_path` (dotted) in the object; null without a code."""

    def __init__(self, code_path="code", **kwargs):
        self.code_path = code_path.split(".")
        kwargs.setdefault("help_text", _("Adresse de la fiche métier publique."))
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value):
        code = reduce(getattr, self.code_path, value)
        if not code:
            return None
        url = reverse("referentiel:occupation", args=[code])
        return self.context["request"].build_absolute_uri(url)


class CodeLabelSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()


class OccupationSerializer(serializers.ModelSerializer):
    domain = CodeLabelSerializer(allow_null=True, help_text=_("Domaine professionnel."))
    grand_domain = CodeLabelSerializer(
        source="domain.grand_domain", allow_null=True, help_text=_("Grand domaine.")
    )
    url = PublicPageField()

    class Meta:
        model = Occupation
        fields = ["code", "label", "domain", "grand_domain", "url"]


class JobTitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = JobTitle
        fields = ["ogr_code", "label", "masculine", "feminine", "is_principal", "is_rare"]


class OccupationSkillSerializer(serializers.Serializer):
    ogr_code = serializers.IntegerField(source="skill.ogr_code", allow_null=True)
    label = serializers.CharField(source="skill.label")
    kind = serializers.ChoiceField(
        source="skill.kind",
        choices=Skill.Kind.choices,
        help_text=_("savoir_faire, savoir_etre (savoir-être professionnel) ou savoir."),
    )
    importance = serializers.ChoiceField(
        choices=OccupationSkill.Importance.choices,
        help_text=_("core (cœur de métier), emerging (émergente) ou other."),
    )


class WorkContextSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkContext
        fields = ["ogr_code", "label", "category"]


class MobilitySerializer(serializers.Serializer):
    code = serializers.CharField(source="target.code")
    label = serializers.CharField(source="target.label")
    url = PublicPageField("target.code")


class EscoOccupationSerializer(serializers.ModelSerializer):
    class Meta:
        model = EscoOccupation
        fields = ["uri", "label"]


class OccupationDetailSerializer(OccupationSerializer):
    ecological_transition_label = serializers.CharField(
        source="get_ecological_transition_display", read_only=True
    )
    job_titles = JobTitleSerializer(
        source="current_job_titles", many=True, help_text=_("Appellations, la principale d'abord.")
    )
    skills = OccupationSkillSerializer(
        source="current_skill_links",
        many=True,
        help_text=_("Compétences de la fiche, celles du cœur de métier d'abord."),
    )
    work_contexts = WorkContextSerializer(source="current_work_contexts", many=True)
    mobilities = MobilitySerializer(
        source="current_mobilities",
        many=True,
        help_text=_("Métiers proches (mobilités professionnelles), dans l'ordre du ROME."),
    )
    esco_occupations = EscoOccupationSerializer(source="linked_esco_occupations", many=True)

    class Meta(OccupationSerializer.Meta):
        fields = [
            *OccupationSerializer.Meta.fields,
            "definition",
            "access",
            "is_executive",
            "is_regulated",
            "ecological_transition",
            "ecological_transition_label",
            "digital_transition",
            "demographic_transition",
            "is_obsolete",
            "job_titles",
            "skills",
            "work_contexts",
            "mobilities",
            "esco_occupations",
        ]


class NormalizedSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("Code ROME du métier."))
    label = serializers.CharField(help_text=_("Libellé du métier."))
    matched_title = serializers.CharField(
        help_text=_("L'appellation (ou le libellé du métier) la plus proche de l'intitulé.")
    )
    score = serializers.FloatField(help_text=_("De 0 à 1 : plus il est haut, plus c'est sûr."))
    url = PublicPageField()


class SuggestionSerializer(serializers.Serializer):
    kind = serializers.CharField(
        help_text=_(
            "occupation (métier), job_title (appellation), skill (compétence), "
            "esco_occupation ou esco_skill."
        )
    )
    kind_label = serializers.CharField(help_text=_("La nature, en français."))
    label = serializers.CharField()
    detail = serializers.CharField(
        help_text=_("Précision : le métier d'une appellation, la nature d'une compétence…")
    )
    code = serializers.CharField(
        help_text=_("Code ROME du métier concerné, vide pour une compétence.")
    )
    score = serializers.FloatField()
    url = PublicPageField()


class ExtractSkillsRequestSerializer(serializers.Serializer):
    text = serializers.CharField(
        trim_whitespace=False,
        help_text=_("Le texte à analyser (offre, CV, formation) : 50 000 caractères au plus."),
        error_messages={
            "required": _("Donnez le texte à analyser (champ text)."),
            "blank": _("Le texte à analyser est vide."),
            "null": _("Le texte à analyser est vide."),
        },
    )
    occupation = serializers.CharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        error_messages={"invalid": _("Un code ROME s'écrit comme H2903.")},
        help_text=_(
            "Code ROME d'un métier, par exemple H2903 : seules ses compétences sont cherchées."
        ),
    )

    def validate_text(self, value):
        if not value.strip():
            raise serializers.ValidationError(_("Le texte à analyser est vide."))
        if len(value) > MAX_TEXT_LENGTH:
            raise serializers.ValidationError(
                _("Le texte fait %(length)s caractères : %(max)s au plus.")
                % {
                    "length": number_format(len(value), force_grouping=True),
                    "max": number_format(MAX_TEXT_LENGTH, force_grouping=True),
                }
            )
        return value

    def validate_occupation(self, value):
        if not value:
            return None
        occupation = Occupation.objects.filter(code=value.strip().upper()).first()
        if occupation is None:
            raise serializers.ValidationError(
                _("Aucun métier n'a le code ROME « %(code)s ».") % {"code": value[:20]}
            )
        return occupation


class FoundSkillSerializer(serializers.Serializer):
    ogr_code = serializers.IntegerField(allow_null=True, help_text=_("Code OGR de la compétence."))
    label = serializers.CharField()
    kind = serializers.CharField(
        help_text=_("savoir_faire, savoir_etre (savoir-être professionnel) ou savoir.")
    )
    kind_label = serializers.CharField(help_text=_("La nature, en français."))
    start = serializers.IntegerField(
        help_text=_(
            "Début du passage reconnu, à partir de 0, en points de code Unicode (comme les "
            "index des chaînes Python) et non en unités UTF-16 (JavaScript) : un emoji compte "
            "pour 1."
        )
    )
    end = serializers.IntegerField(
        help_text=_(
            "Fin du passage reconnu (exclue), en points de code Unicode comme `start` : "
            "text[start:end] en Python est le passage."
        )
    )
    matched_text = serializers.CharField(help_text=_("Le passage du texte reconnu."))
    score = serializers.FloatField()
