"""Logging in (with brute-force protection) and out."""

from urllib.parse import urlsplit

from django.contrib.auth import views as auth_views

from ancrage.accounts import audit, known_devices, throttle
from ancrage.accounts.forms import LoginForm, normalize_email
from ancrage.accounts.models import AuditEntry


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        self.account_email = throttle.account_email(request.POST.get("username", ""))
        self.device = known_devices.device_for(request, self.account_email)
        ip = audit.client_ip(request)
        with throttle.one_attempt_at_a_time(*throttle.login_keys(self.account_email, ip)) as ok:
            wait = throttle.login_wait(self.account_email, ip, self.device) if ok else 0
            if wait or not ok:
                # Refused without checking the password; what was typed is kept.
                audit.record(
                    request,
                    AuditEntry.Action.LOGIN_FAILED,
                    actor_email=self.account_email,
                    **throttle.THROTTLED,
                    **known_devices.details(self.device),
                )
                typed = normalize_email(request.POST.get("username", ""))
                form = self.form_class(request, initial={"username": typed})
                message = throttle.wait_message(wait) if ok else throttle.BUSY_MESSAGE
                context = self.get_context_data(form=form, throttled_message=message)
                return self.render_to_response(context, status=429)
            return super().post(request, *args, **kwargs)

    def get_redirect_url(self):
        """A `next` back to the login page itself would loop: ignore it."""
        url = super().get_redirect_url()
        return "" if urlsplit(url).path == self.request.path else url

    def get_context_data(self, **kwargs):
        kwargs.setdefault("throttled_message", "")
        return super().get_context_data(**kwargs)

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(self.request, AuditEntry.Action.LOGIN, self.request.user)
        known_devices.remember(self.request, response, self.request.user.email)
        return response

    def form_invalid(self, form):
        audit.record(
            self.request,
            AuditEntry.Action.LOGIN_FAILED,
            actor_email=self.account_email,
            reason="invalid",
            **known_devices.details(self.device),
        )
        return super().form_invalid(form)


class LogoutView(auth_views.LogoutView):
    def post(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            audit.record(request, AuditEntry.Action.LOGOUT, request.user)
        return super().post(request, *args, **kwargs)
