"""Accepting an invitation, whatever it invites to (see accounts.invitations)."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ancrage.accounts import audit
from ancrage.accounts.forms import InvitationSignupForm
from ancrage.accounts.invitations import find_invitation
from ancrage.accounts.models import AuditEntry, User
from ancrage.core.context import SESSION_KEY, available_contexts

UNUSABLE = {
    "accepted": gettext_lazy("Cette invitation a déjà été utilisée."),
    "revoked": gettext_lazy("Cette invitation a été annulée par l'équipe qui l'avait envoyée."),
    "expired": gettext_lazy("Cette invitation a expiré."),
}


class InvitationUnusable(Exception):
    pass


@login_not_required
def invitation(request, token):
    found = find_invitation(token)
    if found is None:
        return _problem(
            request,
            _("Lien d'invitation invalide"),
            _(
                "Ce lien d'invitation est invalide. Vérifiez que vous l'avez copié en entier "
                "depuis le courriel, ou demandez une nouvelle invitation."
            ),
            status=404,
        )
    if found.status != "pending":
        return _unusable(request, found.status)
    existing = User.objects.filter(email__iexact=found.email).first()
    user = request.user
    if user.is_authenticated and user != existing:
        return _problem(
            request,
            _("Invitation destinée à une autre adresse"),
            _(
                "Cette invitation a été envoyée à %(invited)s, mais vous êtes connecté(e) avec "
                "%(current)s. Déconnectez-vous, puis ouvrez à nouveau le lien."
            )
            % {"invited": found.email, "current": user.email},
            status=403,
        )
    if existing is not None:
        return _existing_account(request, found, token)
    return _new_account(request, found)


def _existing_account(request, found, token):
    context = {"invitation": found, "purpose": found.describe()}
    if not request.user.is_authenticated:
        login_url = reverse("accounts:login")
        next_url = reverse("accounts:invitation", args=[token])
        context["login_url"] = f"{login_url}?{urlencode({'next': next_url})}"
        return render(request, "accounts/invitation_login_first.html", context)
    if request.method == "POST":
        try:
            _accept(request, found, request.user)
        except InvitationUnusable:
            return _unusable(request, "accepted")
        _open_the_new_space(request, found)
        messages.success(request, _("Invitation acceptée (%(purpose)s).") % context)
        return redirect("core:home")
    return render(request, "accounts/invitation_accept.html", context)


def _new_account(request, found):
    initial = {"first_name": found.first_name, "last_name": found.last_name}
    form = InvitationSignupForm(request.POST or None, initial=initial, email=found.email)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    found.email,
                    form.cleaned_data["password1"],
                    first_name=form.cleaned_data["first_name"],
                    last_name=form.cleaned_data["last_name"],
                    email_verified_at=timezone.now(),
                )
                _accept(request, found, user)
        except (InvitationUnusable, IntegrityError):
            return _unusable(request, "accepted")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        audit.record(request, AuditEntry.Action.LOGIN, user, via="invitation")
        messages.success(request, _("Bienvenue sur Ancrage : votre compte est créé."))
        if user.is_privileged:
            return redirect("accounts:mfa_setup")
        return redirect("core:home")
    context = {"invitation": found, "purpose": found.describe(), "form": form}
    return render(request, "accounts/invitation_signup.html", context)


def _open_the_new_space(request, found):
    """Someone who already had other spaces lands in the one just joined."""
    for space in available_contexts(request.user):
        if space.key == found.space_key():
            request.session[SESSION_KEY] = space.key


def _accept(request, found, user):
    """Grant what the invitation gives, once: the row is locked meanwhile."""
    with transaction.atomic():
        locked = type(found).objects.select_for_update().get(pk=found.pk)
        if locked.status != "pending":
            raise InvitationUnusable
        locked.grant(user)
        locked.accepted_at = timezone.now()
        locked.save(update_fields=["accepted_at"])
        audit.record(
            request,
            AuditEntry.Action.INVITATION_ACCEPTED,
            locked,
            cluster=getattr(locked, "cluster", None),
            actor=user,
        )


def _unusable(request, status):
    return _problem(
        request,
        _("Invitation plus valable"),
        "{} {}".format(
            UNUSABLE[status],
            _(
                "Demandez une nouvelle invitation à la personne ou à l'équipe qui vous "
                "l'avait envoyée."
            ),
        ),
        status=410,
    )


def _problem(request, title, message, status):
    context = {"title": title, "message": message}
    return render(request, "accounts/invitation_problem.html", context, status=status)
