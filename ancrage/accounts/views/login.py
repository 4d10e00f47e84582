"""Logging in (with brute-force protection) and out."""

from django.contrib.auth import views as auth_views

from ancrage.accounts import audit, throttle
from ancrage.accounts.forms import LoginForm, normalize_email
from ancrage.accounts.models import AuditEntry


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        self.account_email = throttle.account_email(request.POST.get("username", ""))
        with throttle.one_attempt_at_a_time(f"login:{self.account_email}"):
            wait = throttle.login_wait(self.account_email, audit.client_ip(request))
            if wait:
                # Refused without checking the password; what was typed is kept.
                audit.record(
                    request,
                    AuditEntry.Action.LOGIN_FAILED,
                    actor_email=self.account_email,
                    **throttle.THROTTLED,
                )
                typed = normalize_email(request.POST.get("username", ""))
                form = self.form_class(request, initial={"username": typed})
                context = self.get_context_data(
                    form=form, throttled_message=throttle.wait_message(wait)
                )
                return self.render_to_response(context, status=429)
            return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        kwargs.setdefault("throttled_message", "")
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(self.request, AuditEntry.Action.LOGIN, self.request.user)
        return response

    def form_invalid(self, form):
        audit.record(
            self.request,
            AuditEntry.Action.LOGIN_FAILED,
            actor_email=self.account_email,
            reason="invalid",
        )
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit.record(request, AuditEntry.Action.LOGOUT, request.user)
        return super().post(request, *args, **kwargs)
