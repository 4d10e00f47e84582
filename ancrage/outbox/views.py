from django.shortcuts import render

from ancrage.core.permissions import platform_admin_required
from ancrage.outbox.models import OutgoingEmail


@platform_admin_required
def email_list(request):
    emails = OutgoingEmail.objects.all()[:200]
    return render(request, "outbox/list.html", {"emails": emails})
