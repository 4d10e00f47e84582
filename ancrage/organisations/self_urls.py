from django.urls import path

from ancrage.organisations.views import own

app_name = "organisation"

urlpatterns = [
    path("", own.home, name="home"),
    path("modifier/", own.edit, name="edit"),
    path("publication/", own.publication, name="publication"),
    path("logo/", own.logo, name="logo"),
    path("etablissements/ajouter/", own.establishment_add, name="establishment_add"),
    path("etablissements/<int:item>/modifier/", own.establishment_edit, name="establishment_edit"),
    path(
        "etablissements/<int:item>/supprimer/",
        own.establishment_delete,
        name="establishment_delete",
    ),
    path("contacts/ajouter/", own.contact_add, name="contact_add"),
    path("contacts/<int:item>/modifier/", own.contact_edit, name="contact_edit"),
    path("contacts/<int:item>/supprimer/", own.contact_delete, name="contact_delete"),
]
