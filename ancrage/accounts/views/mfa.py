"""Two-factor authentication: enrolment, the code at every login, backup codes."""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from ancrage.accounts import audit, mfa, throttle
from ancrage.accounts.forms import CodeForm
from ancrage.accounts.models import AuditEntry
from ancrage.accounts.views.account import render_account


def safe_next(request, default="core:home"):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return resolve_url(default) if default else ""


def redirect_with_next(name, request):
    return redirect(f"{reverse(name)}?{urlencode({'next': safe_next(request)})}")


def one_code_at_a_time(view=None, *, back=""):
    """A person's codes are checked one at a time (see throttle); when the
    previous one holds too long, go `back` (a URL name; default: this page)."""
    if view is None:
        return lambda view: one_code_at_a_time(view, back=back)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with throttle.one_attempt_at_a_time(f"mfa:{request.user.pk}") as ok:
            if not ok:
                messages.error(request, throttle.BUSY_MESSAGE)
                return redirect(back or request.get_full_path())
            return view(request, *args, **kwargs)

    return wrapper


def _privileged_only(request):
    if not request.user.is_privileged:
        raise PermissionDenied


def _throttled(request, template, context):
    """Refuse another code while the person has too many recent failures."""
    wait = throttle.mfa_wait(request.user)
    if not wait:
        return None
    context["form"].add_error(None, throttle.wait_message(wait))
    return render(request, template, context, status=429)


def _wrong_code(request, form, message):
    audit.record(request, AuditEntry.Action.MFA_FAILED, request.user)
    form.add_error("code", message)


@one_code_at_a_time
def setup(request):
    """Show the QR code of a new device; a valid code confirms it."""
    _privileged_only(request)
    user = request.user
    if mfa.confirmed_device(user) is not None:
        if user.is_verified():
            messages.info(request, _("La double authentification est déjà activée."))
            return redirect("accounts:account")
        return redirect_with_next("accounts:mfa_verify", request)
    device = mfa.pending_device(user)
    form = CodeForm(request.POST or None)
    context = {
        "form": form,
        "qr_code": mfa.qr_code_svg(device),
        "key": mfa.base32_key(device),
        "demo_code": mfa.demo_code(device),
        "next": safe_next(request, ""),
    }
    if request.method == "POST":
        refused = _throttled(request, "accounts/mfa_setup.html", context)
        if refused:
            return refused
        if form.is_valid():
            if mfa.verify_totp(device, form.cleaned_data["code"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                request.session[mfa.NEW_CODES_SESSION_KEY] = mfa.new_backup_codes(user)
                audit.record(request, AuditEntry.Action.MFA_ENROLLED, device)
                messages.success(request, _("La double authentification est activée."))
                return redirect_with_next("accounts:mfa_backup_codes", request)
            _wrong_code(
                request,
                form,
                _(
                    "Ce code n'est pas le bon. Vérifiez que l'heure de votre téléphone est "
                    "exacte et saisissez le code affiché maintenant."
                ),
            )
    return render(request, "accounts/mfa_setup.html", context)


@one_code_at_a_time
def verify(request):
    """The code of the moment (or a backup code), once per login."""
    _privileged_only(request)
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    device = mfa.confirmed_device(user)
    if device is None:
        return redirect_with_next("accounts:mfa_setup", request)
    form = CodeForm(request.POST or None, allow_backup=True)
    context = {"form": form, "demo_code": mfa.demo_code(device), "next": safe_next(request, "")}
    if request.method == "POST":
        refused = _throttled(request, "accounts/mfa_verify.html", context)
        if refused:
            return refused
        if form.is_valid():
            code = form.cleaned_data["code"]
            if mfa.verify_totp(device, code):
                otp_login(request, device)
                return redirect(safe_next(request))
            backup = mfa.verify_backup_code(user, code)
            if backup is not None:
                otp_login(request, backup)
                remaining = mfa.remaining_backup_codes(user)
                audit.record(
                    request, AuditEntry.Action.MFA_BACKUP_USED, backup, remaining=remaining
                )
                messages.warning(
                    request,
                    ngettext(
                        "Code de secours accepté. Il vous reste %(count)d code de secours : "
                        "régénérez-les depuis Mon compte.",
                        "Code de secours accepté. Il vous reste %(count)d codes de secours : "
                        "régénérez-les depuis Mon compte si besoin.",
                        remaining,
                    )
                    % {"count": remaining},
                )
                return redirect(safe_next(request))
            _wrong_code(
                request, form, _("Ce code n'est pas valide. Saisissez le code affiché maintenant.")
            )
    return render(request, "accounts/mfa_verify.html", context)


def backup_codes(request):
    """The new backup codes, shown once."""
    codes = request.session.pop(mfa.NEW_CODES_SESSION_KEY, None)
    if not codes:
        messages.info(
            request,
            _("Les codes de secours ne s'affichent qu'une fois. Régénérez-les si besoin."),
        )
        return redirect("accounts:account")
    return render(
        request,
        "accounts/mfa_backup_codes.html",
        {"codes": [mfa.format_backup_code(c) for c in codes], "next": safe_next(request)},
    )


@require_POST
@one_code_at_a_time(back="accounts:account")
def regenerate_backup_codes(request):
    """New backup codes replace the old ones; needs the current TOTP code."""
    _privileged_only(request)
    device = mfa.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:mfa_setup")
    form = CodeForm(request.POST, autofocus=False)
    wait = throttle.mfa_wait(request.user)
    if wait:
        form.add_error(None, throttle.wait_message(wait))
        return render_account(request, codes_form=form, status=429)
    if form.is_valid() and mfa.verify_totp(device, form.cleaned_data["code"]):
        request.session[mfa.NEW_CODES_SESSION_KEY] = mfa.new_backup_codes(request.user)
        audit.record(request, AuditEntry.Action.MFA_CODES_REGENERATED, request.user)
        return redirect("accounts:mfa_backup_codes")
    if form.is_valid():
        _wrong_code(
            request, form, _("Ce code n'est pas valide. Saisissez le code affiché maintenant.")
        )
    return render_account(request, codes_form=form)
