from django.urls import path

from ancrage.referentiel.views import public, suggestions

app_name = "referentiel"

urlpatterns = [
    path("metiers/", public.occupation_list, name="occupations"),
    path("metiers/<str:code>/", public.occupation_detail, name="occupation"),
    path("referentiel/suggestions/", suggestions.suggestions, name="suggestions"),
]
