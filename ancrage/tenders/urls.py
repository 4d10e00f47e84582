from django.urls import path

from ancrage.tenders.views import consortia, members, tenders

app_name = "tenders"

urlpatterns = [
    path("", tenders.tender_list, name="list"),
    path("nouveau/", tenders.create, name="create"),
    path("<int:pk>/", tenders.detail, name="detail"),
    path("<int:pk>/modifier/", tenders.edit, name="edit"),
    path("<int:pk>/supprimer/", tenders.delete, name="delete"),
    path("<int:pk>/issue/", tenders.outcome, name="outcome"),
    path("<int:pk>/exigences/", tenders.requirement_add, name="requirement_add"),
    path(
        "<int:pk>/exigences/<int:requirement_pk>/retirer/",
        tenders.requirement_remove,
        name="requirement_remove",
    ),
    path("<int:pk>/adherents/", members.matching, name="matching"),
    path("<int:pk>/suivi/", members.candidate_add, name="candidate_add"),
    path("<int:pk>/suivi/<int:candidate_pk>/", members.candidate_update, name="candidate_update"),
    path("<int:pk>/contraintes/", members.constraint, name="constraint"),
    path("<int:pk>/consortiums/", consortia.consortia, name="consortia"),
    path("<int:pk>/consortiums/proposer/", consortia.propose, name="propose"),
]
