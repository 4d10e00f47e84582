"""Password reset with Django's views (public already); the email goes
through the outbox."""

from django.contrib.auth import views as auth_views
from django.urls import reverse_lazy

from ancrage.accounts import audit
from ancrage.accounts.forms import PasswordResetForm, SetPasswordForm
from ancrage.accounts.models import AuditEntry


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    success_url = reverse_lazy("accounts:password_reset_done")


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = SetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        audit.record(self.request, AuditEntry.Action.PASSWORD_RESET, form.user, actor=form.user)
        return response
