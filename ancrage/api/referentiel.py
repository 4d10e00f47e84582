"""The référentiel in the API: ROME occupations, job-title normalisation,
skill extraction and type-ahead. Public, like the pages of the occupations;
the search uses the national vocabulary (no cluster's own words)."""

from collections.abc import Mapping

from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import viewsets
from rest_framework.exceptions import ParseError, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from ancrage.api.filters import (
    OCCUPATION_FILTER_PARAMETERS,
    NormalizeQuery,
    OccupationFilter,
    SuggestQuery,
)
from ancrage.api.serializers import (
    ExtractSkillsRequestSerializer,
    FoundSkillSerializer,
    NormalizedSerializer,
    OccupationDetailSerializer,
    OccupationSerializer,
    SuggestionSerializer,
)
from ancrage.referentiel import occupation_sheet, search
from ancrage.referentiel.models import Occupation

NOT_AN_OBJECT = _(
    "Envoyez un objet JSON dont le champ text contient le texte à analyser, "
    'par exemple {"text": "…"}.'
)
TOO_DEEP = _("Le corps de la requête est du JSON imbriqué bien trop profondément.")
TOO_BIG = _("Le texte dépasse de loin 50 000 caractères : découpez-le en plusieurs parties.")
BAD_PARAMETER = OpenApiResponse(
    OpenApiTypes.OBJECT,
    description="Paramètre invalide : pour chaque paramètre, la raison en français.",
)
QUERY = OpenApiParameter(
    "q",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description="Texte cherché ; vide ou sans rapport avec un métier : liste vide.",
)


def _limit(default):
    return OpenApiParameter(
        "limit",
        OpenApiTypes.INT,
        OpenApiParameter.QUERY,
        description=f"Nombre de résultats, de 1 à 20 (défaut : {default}).",
    )


@method_decorator(login_not_required, name="dispatch")
class PublicAPIView(APIView):
    permission_classes = [AllowAny]


@extend_schema_view(
    list=extend_schema(
        summary="Liste des métiers du ROME",
        description=(
            "Les métiers en vigueur, par code ROME, ou du plus pertinent au moins pertinent "
            "avec `q`."
        ),
        parameters=OCCUPATION_FILTER_PARAMETERS,
        responses={200: OccupationSerializer(many=True), 400: BAD_PARAMETER},
    ),
    retrieve=extend_schema(
        summary="Un métier, par son code ROME",
        description=(
            "Le code s'écrit sans souci de la casse (h2903 ou H2903). Un métier retiré du ROME "
            "reste lisible, avec `is_obsolete` à vrai."
        ),
    ),
)
@method_decorator(login_not_required, name="dispatch")
class OccupationViewSet(viewsets.ReadOnlyModelViewSet):
    """The ROME occupations: list, and each with its job titles, skills,
    work contexts, mobilities and ESCO equivalents."""

    permission_classes = [AllowAny]
    lookup_field = "code"
    # Any segment reaches the view, so that a malformed code is the API's
    # JSON 404 too; `occupation_sheet.find` reads only a letter and 4 digits.
    lookup_value_regex = "[^/]+"
    queryset = Occupation.objects.select_related("domain__grand_domain")

    def get_serializer_class(self):
        return OccupationDetailSerializer if self.action == "retrieve" else OccupationSerializer

    def get_queryset(self):
        filters = OccupationFilter(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return filters.filter(super().get_queryset())

    def get_object(self):
        occupation = occupation_sheet.find(self.kwargs["code"])
        if occupation is None:
            raise Http404
        return occupation


@extend_schema(
    summary="Normaliser un intitulé de poste",
    description=(
        "Les métiers ROME les plus proches d'un intitulé tel qu'il est écrit dans une offre "
        "(« Usineur CN H/F », « tech. maintenance CDI Lorient »), le meilleur d'abord, avec "
        "l'appellation reconnue et un score de 0 à 1."
    ),
    parameters=[QUERY, _limit(3)],
    responses={200: NormalizedSerializer(many=True), 400: BAD_PARAMETER},
    examples=[
        OpenApiExample(
            "Usineur",
            response_only=True,
            value={
                "code": "H2903",
                "label": "Conducteur / Conductrice d'équipement d'usinage",
                "matched_title": "Usineur / Usineuse",
                "score": 0.94,
                "url": "https://exemple.fr/metiers/H2903/",
            },
        )
    ],
)
class NormalizeView(PublicAPIView):
    def get(self, request):
        params = NormalizeQuery(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = search.normalize(
            request.query_params.get("q", ""), limit=params.validated_data["limit"]
        )
        return Response(NormalizedSerializer(found, many=True, context={"request": request}).data)


@extend_schema(
    summary="Suggestions pendant la frappe",
    description=(
        "Métiers, appellations et compétences du ROME (et d'ESCO) qui commencent par ce qui a "
        "été tapé, accents, casse, genre, pluriels et petites fautes ignorés ; le code ROME "
        "d'un métier tapé en entier ou en partie (H29) fonctionne aussi."
    ),
    parameters=[
        QUERY,
        OpenApiParameter(
            "target",
            OpenApiTypes.STR,
            OpenApiParameter.QUERY,
            enum=["occupation", "skill"],
            description="occupation (métiers et appellations) ou skill (compétences) ; "
            "sans valeur : les deux.",
        ),
        _limit(10),
    ],
    responses={200: SuggestionSerializer(many=True), 400: BAD_PARAMETER},
)
class SuggestView(PublicAPIView):
    def get(self, request):
        params = SuggestQuery(data=request.query_params)
        params.is_valid(raise_exception=True)
        found = search.suggest(
            request.query_params.get("q", ""),
            target=params.validated_data.get("target") or None,
            limit=params.validated_data["limit"],
        )
        return Response(SuggestionSerializer(found, many=True, context={"request": request}).data)


@extend_schema(
    summary="Repérer les compétences d'un texte",
    description=(
        "Les compétences ROME citées dans un texte libre (offre d'emploi, CV, description de "
        "formation), dans l'ordre du texte, avec la position du passage reconnu (en points de "
        "code Unicode, fin exclue). Avec `occupation`, seules les compétences de ce métier "
        "sont cherchées."
    ),
    request=ExtractSkillsRequestSerializer,
    responses={200: FoundSkillSerializer(many=True), 400: BAD_PARAMETER},
    examples=[
        OpenApiExample(
            "Offre d'usineur",
            request_only=True,
            value={
                "text": "Vous réglez les paramètres des machines et contrôlez les pièces.",
                "occupation": "H2903",
            },
        )
    ],
)
class ExtractSkillsView(PublicAPIView):
    # Nothing is done on behalf of a person: no session, so no CSRF token
    # needed by a page that posts here.
    authentication_classes = []
    # Public and the most costly endpoint: a rate per client address
    # (REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]), answered 429 in French.
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "extract-skills"

    def post(self, request):
        try:
            data = request.data
        except RequestDataTooBig:
            raise ValidationError({"text": [TOO_BIG]}) from None
        except RecursionError:  # [[[[… : Python's JSON reader gives up
            raise ParseError(TOO_DEEP) from None
        if not isinstance(data, Mapping):  # null, a list, a string…
            raise ValidationError({"text": [NOT_AN_OBJECT]})
        body = ExtractSkillsRequestSerializer(data=data)
        body.is_valid(raise_exception=True)
        found = search.extract_skills(
            body.validated_data["text"], occupation=body.validated_data.get("occupation")
        )
        return Response(FoundSkillSerializer(found, many=True).data)
