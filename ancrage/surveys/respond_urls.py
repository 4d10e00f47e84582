from django.urls import path

from ancrage.surveys.views import respond, respond_own, respond_staff

app_name = "respond"

urlpatterns = [
    path("enquete/<str:token>/", respond.answer, name="answer"),
    path("enquete/<str:token>/brouillon/", respond.draft, name="draft"),
    path("enquete/<str:token>/desinscription/", respond.unsubscribe, name="unsubscribe"),
    path("organisation/enquetes/", respond_own.mine, name="mine"),
    path("organisation/enquetes/<int:pk>/", respond_own.answer_mine, name="answer_mine"),
    path(
        "cluster/enquetes/<int:campaign_pk>/reponses/<int:pk>/",
        respond_staff.staff_response,
        name="staff_response",
    ),
]
