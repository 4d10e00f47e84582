"""The job offers in the API (/api/v1/offers/): public and read-only, the
offers anyone may read on a job board, searched with the same parameters
as the public search page (`jobs.search_forms.OfferSearchForm`) and in the
same order. A wrong parameter answers 400 with, for each, why in French."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.utils.decorators import method_decorator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from ancrage.api.pagination import Pagination
from ancrage.jobs import lifecycle, search
from ancrage.jobs.models import Offer, OfferSkill
from ancrage.jobs.search_forms import OfferSearchForm, query_of
from ancrage.jobs.views.public import offer_url
from ancrage.territory.forms import MAX_RADIUS_KM


class OfferPagination(Pagination):
    """20 offers a page by default, 100 at most."""

    default_limit = 20
    max_limit = 100


class OfferCommuneSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Code INSEE.")
    name = serializers.CharField()
    department = serializers.CharField(source="department.code")
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)


class OfferOrganisationSerializer(serializers.Serializer):
    name = serializers.CharField()


class OfferOccupationSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Code ROME.")
    label = serializers.CharField()


class OfferSkillSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="skill_id")
    label = serializers.CharField(source="skill.label")
    required = serializers.BooleanField(help_text="Exigée (vrai) ou souhaitée (faux).")


@extend_schema_field(OpenApiTypes.URI)
class OfferPageField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, offer):
        return self.context["request"].build_absolute_uri(offer_url(offer))


class OfferSerializer(serializers.ModelSerializer):
    url = OfferPageField(help_text="Adresse de la page publique de l'offre.")
    organisation = OfferOrganisationSerializer()
    occupation = OfferOccupationSerializer(allow_null=True)
    commune = OfferCommuneSerializer()
    contract_label = serializers.CharField(source="get_contract_display")
    remote_label = serializers.CharField(source="get_remote_display")
    skills = OfferSkillSerializer(many=True)
    distance_km = serializers.SerializerMethodField(
        help_text="Distance à la commune cherchée, avec `commune` seulement."
    )

    class Meta:
        model = Offer
        fields = [
            "id",
            "url",
            "title",
            "organisation",
            "occupation",
            "description",
            "contract",
            "contract_label",
            "contract_months",
            "working_time",
            "weekly_hours",
            "commune",
            "distance_km",
            "remote",
            "remote_label",
            "salary_min",
            "salary_max",
            "salary_period",
            "qualification",
            "experience",
            "start_date",
            "languages",
            "positions",
            "skills",
            "application_mode",
            "period_start",
            "period_end",
            "rhythm",
            "published_on",
            "expires_on",
        ]

    def get_distance_km(self, offer) -> float | None:
        distance = getattr(offer, "distance_km", None)
        return None if distance is None else round(distance, 1)


def _param(name, kind, description, **kwargs):
    return OpenApiParameter(name, kind, OpenApiParameter.QUERY, description=description, **kwargs)


OFFER_SEARCH_PARAMETERS = [
    _param(
        "q",
        OpenApiTypes.STR,
        "Mots cherchés dans l'intitulé et la description, en français (« soudeur » trouve "
        "« soudeurs », « electricien » trouve « électricien ») ; syntaxe de recherche web : "
        '« "chef d\'équipe" », « -nuit », « or ». 200 caractères au plus.',
    ),
    _param(
        "occupation",
        OpenApiTypes.STR,
        "Métier : code ROME (H2913) ou libellé résolu sans ambiguïté.",
    ),
    _param(
        "skills",
        OpenApiTypes.STR,
        "Compétences, séparées par « ; » : les offres qui en demandent (ou souhaitent) au "
        "moins une. Ou `skills_code` (identifiants, répétable).",
    ),
    _param(
        "contract",
        OpenApiTypes.STR,
        "Contrat, répétable (contract=cdi&contract=cdd).",
        enum=["cdi", "cdd", "interim", "alternance", "stage", "vie", "freelance"],
        many=True,
        explode=True,
    ),
    _param(
        "commune",
        OpenApiTypes.STR,
        "Commune : code INSEE, code postal d'une seule commune ou nom sans ambiguïté.",
    ),
    _param(
        "radius",
        OpenApiTypes.INT,
        f"Rayon autour de `commune`, en km, de 1 à {MAX_RADIUS_KM} (30 par défaut).",
    ),
    _param(
        "remote",
        OpenApiTypes.STR,
        "Télétravail : site, hybride (partiel) ou complet.",
        enum=["site", "hybride", "complet"],
    ),
    _param("since", OpenApiTypes.INT, "Publiées depuis ce nombre de jours, de 1 à 365."),
    _param("cluster", OpenApiTypes.STR, "Identifiant (slug) du cluster dont la bourse publie."),
    _param(
        "sort",
        OpenApiTypes.STR,
        "pertinence (défaut avec `q`) ou date (les plus récentes d'abord).",
        enum=["pertinence", "date"],
    ),
]

BAD_PARAMETER = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Paramètre invalide : pour chaque paramètre, la raison en français.",
)


def _offers():
    return Offer.objects.select_related(
        "organisation", "occupation", "commune__department"
    ).prefetch_related(Prefetch("skills", OfferSkill.objects.select_related("skill")))


def _errors(form):
    """The form's errors by parameter, for a 400 answer."""
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


@extend_schema_view(
    list=extend_schema(
        summary="Recherche d'offres d'emploi",
        description=(
            "Les offres publiées sur les bourses d'emploi des clusters, avec les critères de la "
            "page de recherche publique : les plus pertinentes d'abord avec `q`, sinon les plus "
            "récentes. 20 par page (`limit` jusqu'à 100, `offset`)."
        ),
        parameters=OFFER_SEARCH_PARAMETERS,
        responses={200: OfferSerializer(many=True), 400: BAD_PARAMETER},
    ),
    retrieve=extend_schema(
        summary="Une offre d'emploi, par son numéro",
        description="Une offre qui n'est pas (ou plus) publiée répond 404.",
    ),
)
@method_decorator(login_not_required, name="dispatch")
class OfferViewSet(viewsets.ReadOnlyModelViewSet):
    """The offers on the job boards: search and read."""

    permission_classes = [AllowAny]
    serializer_class = OfferSerializer
    pagination_class = OfferPagination

    def get_queryset(self):
        if self.action != "list":
            return lifecycle.visible(_offers())
        query = self.request.query_params
        form = OfferSearchForm(query if query_of(query) else {})
        if not form.is_valid():
            raise ValidationError(_errors(form))
        return (
            search.offers(form.cleaned_data)
            .prefetch_related(Prefetch("skills", OfferSkill.objects.select_related("skill")))
            .select_related("occupation")
        )
