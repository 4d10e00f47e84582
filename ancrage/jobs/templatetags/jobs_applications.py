"""Application counts on the company's offer screens, read in one query:

    {% load jobs_applications %}
    {% application_counts offers %}   (a list, a queryset or one offer)

sets `applications_total` and `applications_waiting` (new or seen) on each
offer; the screens link them to the pipeline."""

from django import template
from django.db.models import Count, Q

from ancrage.jobs.models import Application, Offer

register = template.Library()

WAITING = (Application.Status.NEW, Application.Status.SEEN)


@register.simple_tag
def application_counts(offers):
    items = [offers] if isinstance(offers, Offer) else list(offers)
    rows = (
        Application.objects.filter(offer__in=[offer.pk for offer in items])
        .order_by()
        .values("offer")
        .annotate(total=Count("pk"), waiting=Count("pk", filter=Q(status__in=WAITING)))
    )
    counts = {row["offer"]: row for row in rows}
    for offer in items:
        row = counts.get(offer.pk, {})
        offer.applications_total = row.get("total", 0)
        offer.applications_waiting = row.get("waiting", 0)
    return ""
