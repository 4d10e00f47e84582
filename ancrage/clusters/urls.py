from django.urls import path

from ancrage.clusters import views

app_name = "cluster"

urlpatterns = [
    path("profil/", views.profile, name="profile"),
    path("equipe/", views.staff, name="staff"),
    path("journal/", views.audit, name="audit"),
]
