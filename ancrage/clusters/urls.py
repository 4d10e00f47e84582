from django.urls import path

from ancrage.clusters.views import audit, profile, team

app_name = "cluster"

urlpatterns = [
    path("profil/", profile.profile, name="profile"),
    path("profil/modifier/", profile.profile_edit, name="profile_edit"),
    path("equipe/", team.staff, name="staff"),
    path("equipe/inviter/", team.invite, name="invite"),
    path(
        "equipe/invitations/<int:pk>/renvoyer/",
        team.invitation_resend,
        name="invitation_resend",
    ),
    path(
        "equipe/invitations/<int:pk>/annuler/",
        team.invitation_revoke,
        name="invitation_revoke",
    ),
    path("equipe/membres/<int:pk>/role/", team.member_role, name="member_role"),
    path("equipe/membres/<int:pk>/retirer/", team.member_remove, name="member_remove"),
    path("journal/", audit.audit, name="audit"),
]
