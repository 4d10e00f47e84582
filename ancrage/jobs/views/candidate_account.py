"""Becoming a candidate: the public sign-up (a new account, its address
verified by a signed link sent to it) and, for someone who already has an
account (a member's employee, say), the candidate space added to it.

The sign-up never says whether an address already has an account: both
cases end on the same page, and the owner of an existing account gets an
email telling them how to log in instead."""

from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from ancrage.accounts import audit
from ancrage.accounts.models import User
from ancrage.core.context import SESSION_KEY
from ancrage.jobs.candidate_forms import SignupForm
from ancrage.jobs.candidate_profile import profile_for
from ancrage.outbox.models import OutgoingEmail
from ancrage.outbox.services import queue_email

SALT = "ancrage.jobs.candidate-signup"
LINK_DAYS = 7
# The owner of an existing account hears of a sign-up attempt at most once
# in this time: the form cannot be used to flood their mailbox.
EXISTING_NOTICE_EVERY = timedelta(hours=1)
# Sign-ups accepted from one IP address per hour: enough for a school's
# computer room, too few to flood mailboxes.
SIGNUPS_PER_IP_PER_HOUR = 20


def _over_the_limit(request):
    """Count this sign-up against its IP address; True past the limit."""
    key = f"jobs-candidate-signup:{audit.client_ip(request)}"
    cache.add(key, 0, timeout=3600)
    try:
        return cache.incr(key) > SIGNUPS_PER_IP_PER_HOUR
    except ValueError:  # expired between add and incr
        return False


def make_token(user):
    return signing.dumps({"user": user.pk, "email": user.email}, salt=SALT)


def _url(name, *args):
    return settings.SITE_URL + reverse(name, args=args)


def _send_verification(user):
    queue_email(
        "jobs_candidate_signup",
        user.email,
        {
            "user": user,
            "url": _url("jobs_candidate:signup_confirm", make_token(user)),
            "days": LINK_DAYS,
        },
    )


def _notify_existing(email):
    recent = OutgoingEmail.objects.filter(
        to=email,
        template="jobs_candidate_signup_existing",
        created_at__gte=timezone.now() - EXISTING_NOTICE_EVERY,
    )
    if recent.exists():
        return
    queue_email(
        "jobs_candidate_signup_existing",
        email,
        {
            "login_url": _url("accounts:login"),
            "reset_url": _url("accounts:password_reset"),
            "become_url": _url("jobs_candidate:become"),
        },
    )


@login_not_required
@require_http_methods(["GET", "POST"])
def signup(request):
    if request.user.is_authenticated:
        if request.user.is_candidate:
            return redirect("jobs_candidate:profile")
        return redirect("jobs_candidate:become")
    form = SignupForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _over_the_limit(request):
        form.add_error(
            None,
            _(
                "Trop d'inscriptions depuis votre connexion dans l'heure qui vient de passer. "
                "Réessayez plus tard."
            ),
        )
        return render(request, "jobs/candidate/signup.html", {"form": form}, status=429)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        email = data["email"]
        if User.objects.filter(email__iexact=email).exists():
            _notify_existing(email)
        else:
            try:
                with transaction.atomic():
                    user = User.objects.create_user(
                        email,
                        data["password1"],
                        first_name=data["first_name"],
                        last_name=data["last_name"],
                        is_candidate=True,
                    )
                    profile_for(user)
                    _send_verification(user)
            except IntegrityError:  # created meanwhile by a twin request
                _notify_existing(email)
        request.session["jobs_candidate_signup_email"] = email
        return redirect("jobs_candidate:signup_sent")
    return render(request, "jobs/candidate/signup.html", {"form": form})


@login_not_required
@require_safe
def signup_sent(request):
    email = request.session.get("jobs_candidate_signup_email", "")
    return render(request, "jobs/candidate/signup_sent.html", {"email": email})


@login_not_required
@require_safe
def signup_confirm(request, token):
    """The link of the sign-up email: the address is verified."""
    try:
        value = signing.loads(token, salt=SALT, max_age=LINK_DAYS * 24 * 3600)
        user_pk, email = int(value["user"]), str(value["email"])
    except signing.SignatureExpired:
        error, status = (
            _(
                "Ce lien a expiré. Connectez-vous avec votre adresse et votre mot de passe : "
                "votre compte existe."
            ),
            410,
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        error, status = (
            _("Ce lien n'est pas valide. Copiez-le en entier depuis le courriel."),
            404,
        )
    else:
        user = User.objects.filter(pk=user_pk, email__iexact=email, is_active=True).first()
        if user is None:
            error, status = (
                _("Ce lien ne correspond plus à aucun compte : l'adresse a changé entre-temps."),
                404,
            )
        else:
            error, status = "", 200
            if user.email_verified_at is None:
                User.objects.filter(pk=user.pk).update(email_verified_at=timezone.now())
    login_url = reverse("accounts:login") + "?next=" + reverse("jobs_candidate:edit")
    return render(
        request,
        "jobs/candidate/signup_confirm.html",
        {"error": error, "login_url": login_url},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def become(request):
    """Someone with an account (an employee of a member, a staff member…)
    adds the candidate space to it."""
    user = request.user
    if user.is_candidate:
        return redirect("jobs_candidate:profile")
    if request.method == "POST":
        User.objects.filter(pk=user.pk).update(is_candidate=True)
        user.is_candidate = True
        profile_for(user)
        request.session[SESSION_KEY] = "candidate"
        messages.success(
            request,
            _(
                "Votre espace candidat est ouvert. Vous passez d'un espace à l'autre depuis "
                "le menu en haut de page."
            ),
        )
        return redirect("jobs_candidate:edit")
    return render(request, "jobs/candidate/become.html")
