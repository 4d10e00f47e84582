"""The candidate's space (/candidat/): sign-up, profile, CV, visibility in the CV banks,
who viewed the profile, their data."""

from django.urls import path

from ancrage.jobs.views import candidate_account, candidate_privacy, candidate_profile

app_name = "jobs_candidate"

urlpatterns = [
    path("inscription/", candidate_account.signup, name="signup"),
    path("inscription/envoye/", candidate_account.signup_sent, name="signup_sent"),
    path(
        "inscription/confirmation/<str:token>/",
        candidate_account.signup_confirm,
        name="signup_confirm",
    ),
    path("devenir-candidat/", candidate_account.become, name="become"),
    path("profil/", candidate_profile.profile, name="profile"),
    path("profil/modifier/", candidate_profile.edit, name="edit"),
    path("profil/experiences/ajouter/", candidate_profile.experience_add, name="experience_add"),
    path(
        "profil/experiences/<int:pk>/",
        candidate_profile.experience_edit,
        name="experience_edit",
    ),
    path(
        "profil/experiences/<int:pk>/supprimer/",
        candidate_profile.experience_delete,
        name="experience_delete",
    ),
    path("profil/formations/ajouter/", candidate_profile.education_add, name="education_add"),
    path("profil/formations/<int:pk>/", candidate_profile.education_edit, name="education_edit"),
    path(
        "profil/formations/<int:pk>/supprimer/",
        candidate_profile.education_delete,
        name="education_delete",
    ),
    path("cv/", candidate_profile.cv, name="cv"),
    path("cv/telecharger/", candidate_profile.cv_download, name="cv_download"),
    path("cv/supprimer/", candidate_profile.cv_delete, name="cv_delete"),
    path("cv/competences/", candidate_profile.add_skills, name="add_skills"),
    path("visibilite/", candidate_privacy.visibility, name="visibility"),
    path("consultations/", candidate_privacy.views, name="views"),
    path("mes-donnees/", candidate_privacy.data, name="data"),
    path("mes-donnees/telecharger/", candidate_privacy.download, name="download"),
    path("mes-donnees/supprimer/", candidate_privacy.delete, name="delete"),
]
