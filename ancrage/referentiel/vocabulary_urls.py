from django.urls import path

from ancrage.referentiel.views import vocabulary

app_name = "vocabulary"

urlpatterns = [
    path("", vocabulary.vocabulary, name="list"),
    path("<slug:kind>/ajouter/", vocabulary.add, name="add"),
    path("<slug:kind>/creer/", vocabulary.create, name="create"),
    path("<slug:kind>/fusionner/", vocabulary.merge, name="merge"),
    path("<int:pk>/deplacer/", vocabulary.move, name="move"),
    path("<int:pk>/renommer/", vocabulary.rename, name="rename"),
    path("<int:pk>/retirer/", vocabulary.remove, name="remove"),
]
