from django.contrib.auth import views as auth_views
from django.urls import path

from ancrage.accounts.views import account, invitation, login, mfa, password_reset

app_name = "accounts"

urlpatterns = [
    path("connexion/", login.LoginView.as_view(), name="login"),
    path("deconnexion/", login.LogoutView.as_view(), name="logout"),
    path("", account.account, name="account"),
    path("adresse/", account.change_email, name="change_email"),
    path("adresse/verification/<str:token>/", account.verify_email, name="verify_email"),
    path("mot-de-passe/", account.change_password, name="change_password"),
    path("double-authentification/", mfa.verify, name="mfa_verify"),
    path("double-authentification/activation/", mfa.setup, name="mfa_setup"),
    path(
        "double-authentification/codes-de-secours/",
        mfa.backup_codes,
        name="mfa_backup_codes",
    ),
    path(
        "double-authentification/codes-de-secours/regenerer/",
        mfa.regenerate_backup_codes,
        name="mfa_regenerate_backup_codes",
    ),
    path("invitation/<str:token>/", invitation.invitation, name="invitation"),
    path(
        "mot-de-passe-oublie/",
        password_reset.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "mot-de-passe-oublie/envoye/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe-oublie/<uidb64>/<token>/",
        password_reset.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe-oublie/termine/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
]
