from django.urls import path

from ancrage.organisations.views import staff, staff_parts

app_name = "members"

urlpatterns = [
    path("", staff.member_list, name="list"),
    path("export/", staff.export, name="export"),
    path("ajouter/", staff.add, name="add"),
    path("codes-naf/", staff.naf_options, name="naf_options"),
    path("<int:pk>/", staff.detail, name="detail"),
    path("<int:pk>/modifier/", staff.edit, name="edit"),
    path("<int:pk>/adhesion/", staff.membership_edit, name="membership_edit"),
    path("<int:pk>/logo/", staff.logo, name="logo"),
    path(
        "<int:pk>/etablissements/ajouter/",
        staff_parts.establishment_add,
        name="establishment_add",
    ),
    path(
        "<int:pk>/etablissements/<int:item>/modifier/",
        staff_parts.establishment_edit,
        name="establishment_edit",
    ),
    path(
        "<int:pk>/etablissements/<int:item>/supprimer/",
        staff_parts.establishment_delete,
        name="establishment_delete",
    ),
    path("<int:pk>/contacts/ajouter/", staff_parts.contact_add, name="contact_add"),
    path("<int:pk>/contacts/<int:item>/modifier/", staff_parts.contact_edit, name="contact_edit"),
    path(
        "<int:pk>/contacts/<int:item>/supprimer/",
        staff_parts.contact_delete,
        name="contact_delete",
    ),
    path("<int:pk>/utilisateurs/inviter/", staff_parts.invite, name="invite"),
    path(
        "<int:pk>/invitations/<int:invitation>/renvoyer/",
        staff_parts.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "<int:pk>/invitations/<int:invitation>/annuler/",
        staff_parts.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<int:pk>/utilisateurs/<int:link>/retirer/", staff_parts.user_remove, name="user_remove"),
]
