"""The account page ("Mon compte") and the address verification link."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ancrage.accounts import audit, email_change, known_devices, mfa, throttle
from ancrage.accounts.forms import CodeForm, EmailChangeForm, PasswordChangeForm, ProfileForm
from ancrage.accounts.history import recent_logins
from ancrage.accounts.models import AuditEntry


def render_account(request, *, status=200, **forms):
    """The account page with the given bound forms and fresh ones elsewhere."""
    user = request.user
    privileged = user.is_privileged
    context = {
        "profile_form": forms.get("profile_form") or ProfileForm(instance=user),
        "email_form": forms.get("email_form") or EmailChangeForm(user=user),
        "password_form": forms.get("password_form") or PasswordChangeForm(user),
        "codes_form": forms.get("codes_form") or CodeForm(autofocus=False),
        "privileged": privileged,
        "mfa_device": mfa.confirmed_device(user) if privileged else None,
        "backup_codes_left": mfa.remaining_backup_codes(user) if privileged else 0,
        "logins": recent_logins(user),
    }
    return render(request, "accounts/account.html", context, status=status)


def account(request):
    """Show the page; a POST saves the name."""
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=request.user)
        if form.is_valid():
            form.save()
            messages.success(request, _("Votre nom a été enregistré."))
            return redirect("accounts:account")
        return render_account(request, profile_form=form)
    return render_account(request)


def current_password_checked(view):
    """Views that check the current password: wrong guesses count like failed
    logins, so a stolen session cannot be used to guess the password."""

    @wraps(view)
    def wrapper(request):
        email, ip = request.user.email, audit.client_ip(request)
        device = known_devices.device_for(request, email)
        with throttle.one_attempt_at_a_time(*throttle.login_keys(email, ip)) as ok:
            if not ok:
                return view(request, refused=throttle.BUSY_MESSAGE)
            wait = throttle.login_wait(email, ip, device)
            if wait:
                return view(request, refused=throttle.wait_message(wait))
            response = view(request)
            if getattr(response, "wrong_password", False):
                audit.record(
                    request,
                    AuditEntry.Action.LOGIN_FAILED,
                    actor_email=email,
                    reason="account",
                    **known_devices.details(device),
                )
            return response

    return wrapper


@require_POST
@current_password_checked
def change_email(request, refused=""):
    if refused:
        # Nothing is checked; the new address typed is kept.
        messages.error(request, refused)
        form = EmailChangeForm(initial={"email": request.POST.get("email", "")}, user=request.user)
        return render_account(request, email_form=form, status=429)
    form = EmailChangeForm(request.POST, user=request.user)
    if form.is_valid():
        email_change.request_change(request, request.user, form.cleaned_data["email"])
        messages.success(
            request,
            _(
                "Un lien de vérification a été envoyé à %(email)s. Votre adresse actuelle "
                "reste valable tant que vous n'avez pas cliqué sur ce lien."
            )
            % {"email": form.cleaned_data["email"]},
        )
        return redirect("accounts:account")
    response = render_account(request, email_form=form)
    response.wrong_password = form.has_error("password", "wrong_password")
    return response


@require_POST
@current_password_checked
def change_password(request, refused=""):
    if refused:
        messages.error(request, refused)
        return render_account(request, status=429)
    form = PasswordChangeForm(request.user, request.POST)
    if form.is_valid():
        form.save()
        update_session_auth_hash(request, form.user)
        audit.record(request, AuditEntry.Action.PASSWORD_CHANGED, form.user)
        messages.success(request, _("Votre mot de passe a été modifié."))
        return redirect("accounts:account")
    response = render_account(request, password_form=form)
    response.wrong_password = form.has_error("old_password", "password_incorrect")
    return response


VERIFICATION_ERRORS = {
    "invalid": gettext_lazy(
        "Ce lien de vérification n'est pas valide. Copiez-le en entier depuis le courriel."
    ),
    "expired": gettext_lazy(
        "Ce lien de vérification a expiré. Demandez un nouveau changement d'adresse "
        "depuis Mon compte."
    ),
    "outdated": gettext_lazy(
        "Ce lien n'est plus valable : l'adresse a déjà été vérifiée ou un changement plus "
        "récent a été demandé."
    ),
    "taken": gettext_lazy(
        "Cette adresse est désormais utilisée par un autre compte : elle ne peut pas "
        "remplacer la vôtre. Choisissez-en une autre depuis Mon compte."
    ),
}


@login_not_required
def verify_email(request, token):
    try:
        user = email_change.confirm(request, token)
    except email_change.VerificationError as error:
        status = {"invalid": 404, "taken": 409}.get(error.reason, 410)
        return render(
            request,
            "accounts/email_verification.html",
            {"error": VERIFICATION_ERRORS[error.reason], "email": ""},
            status=status,
        )
    return render(request, "accounts/email_verification.html", {"error": "", "email": user.email})
