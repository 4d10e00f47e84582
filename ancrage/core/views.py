"""The shell: landing dashboard per role, context switcher, legal pages, health."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from ancrage.core.context import SESSION_KEY
from ancrage.core.dashboards import dashboard_context


@login_not_required
def home(request):
    if not request.user.is_authenticated:
        from ancrage.clusters.models import Cluster

        return render(request, "core/welcome.html", {"cluster_count": Cluster.objects.count()})
    acting = request.scope.acting
    kind = acting.kind if acting else "none"
    return render(request, f"core/dashboard_{kind}.html", dashboard_context(request, acting))


@require_POST
def switch_context(request):
    wanted = request.POST.get("context", "")
    target = next((c for c in request.scope.contexts if c.key == wanted), None)
    if target is None:
        messages.error(request, _("Cet espace n'est pas accessible avec votre compte."))
    else:
        request.session[SESSION_KEY] = target.key
        messages.success(
            request, _("Vous êtes dans l'espace « %(label)s ».") % {"label": target.label}
        )
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "core:home"
    return redirect(next_url)


def _operator():
    return {
        "name": settings.ANCRAGE_OPERATOR_NAME,
        "address": settings.ANCRAGE_OPERATOR_ADDRESS,
        "director": settings.ANCRAGE_PUBLICATION_DIRECTOR,
        "hosting": settings.ANCRAGE_HOSTING_PROVIDER,
        "contact_email": settings.ANCRAGE_CONTACT_EMAIL,
        "dpo_email": settings.ANCRAGE_DPO_EMAIL,
    }


@login_not_required
def legal_notice(request):
    return render(request, "legal/mentions_legales.html", {"operator": _operator()})


@login_not_required
def privacy(request):
    context = {
        "operator": _operator(),
        "audit_days": settings.ANCRAGE_AUDIT_RETENTION_DAYS,
        "idle_minutes": settings.ANCRAGE_PRIVILEGED_IDLE_TIMEOUT // 60,
    }
    return render(request, "legal/donnees_personnelles.html", context)


@login_not_required
def accessibility(request):
    return render(request, "legal/accessibilite.html", {"operator": _operator()})


@login_not_required
@require_GET
@never_cache
def healthz(request):
    """200 "ok" when the database answers, 503 otherwise: the load balancer's probe."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", content_type="text/plain", status=503)
    return HttpResponse("ok", content_type="text/plain")


@login_not_required
def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


@login_not_required
def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


@login_not_required
def csrf_failure(request, reason=""):
    """A form sent with an outdated security token (page open too long, or a
    login in another tab): say to reload, in French. The header lets the
    htmx error handler (ancrage.js) say the same."""
    response = render(request, "errors/403_csrf.html", status=403)
    response["X-Ancrage-Error"] = "csrf"
    return response


@login_not_required
def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


@login_not_required
def server_error(request):
    # No context processors: the error may come from them or from the database.
    from django.template import loader

    return HttpResponse(loader.get_template("errors/500.html").render(), status=500)
