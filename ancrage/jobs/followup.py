"""What the cluster's staff follow up on their job board: the visible offers
that received no or few applications on the platform after some days (to
relay them), and the candidates who let the cluster's members see their
profile but never applied (to send them offers or invite them to a
jobdating). Both computed in SQL, from a cluster."""

import datetime

from django import forms
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ancrage.clusters.forms import BootstrapForm
from ancrage.jobs import lifecycle
from ancrage.jobs.models import Application, CandidateProfile, Consent, Publication

DEFAULT_APPLICATIONS = 2
DEFAULT_DAYS = 14
MAX_APPLICATIONS = 100
MAX_DAYS = 365
# A CV bank profile lapses two years after the candidate's last activity.
PROFILE_LIFETIME_DAYS = 730


class FollowupForm(BootstrapForm, forms.Form):
    """The thresholds, typed in the page's GET form (a wrong one is said in
    French and the default used meanwhile)."""

    candidatures = forms.IntegerField(
        label=_("Moins de … candidatures"),
        min_value=1,
        max_value=MAX_APPLICATIONS,
        required=False,
        initial=DEFAULT_APPLICATIONS,
        help_text=_("Candidatures reçues sur Ancrage (2 par défaut)."),
        error_messages={
            "invalid": _("Indiquez un nombre entier de candidatures."),
            "min_value": _("Indiquez au moins %(limit_value)s candidature."),
            "max_value": _("Indiquez au plus %(limit_value)s candidatures."),
        },
    )
    jours = forms.IntegerField(
        label=_("Publiées depuis au moins … jours"),
        min_value=0,
        max_value=MAX_DAYS,
        required=False,
        initial=DEFAULT_DAYS,
        help_text=_("14 jours par défaut."),
        error_messages={
            "invalid": _("Indiquez un nombre entier de jours."),
            "min_value": _("Le nombre de jours ne peut pas être négatif."),
            "max_value": _("Indiquez au plus %(limit_value)s jours."),
        },
    )

    def __init__(self, data=None):
        super().__init__(data if data else None)
        if self.is_bound:
            self.is_valid()

    def value(self, name, default):
        if not self.is_bound:
            return default
        value = self.cleaned_data.get(name)
        return default if value is None else value

    @property
    def applications(self):
        return self.value("candidatures", DEFAULT_APPLICATIONS)

    @property
    def days(self):
        return self.value("jours", DEFAULT_DAYS)


def quiet_offers(cluster, *, fewer_than=DEFAULT_APPLICATIONS, days=DEFAULT_DAYS, today=None):
    """The offers visible on the cluster's job board, published `days` days
    ago or more, with fewer than `fewer_than` applications on the platform
    (withdrawn ones not counted), the oldest first; each annotated with
    `application_count` and `publication_id` (its publication on the board)."""
    today = today or timezone.localdate()
    publication = Publication.objects.filter(
        offer=OuterRef("pk"), cluster=cluster, status=Publication.Status.PUBLISHED
    ).values("pk")[:1]
    return (
        lifecycle.visible(cluster=cluster, today=today)
        .filter(published_on__lte=today - datetime.timedelta(days=days))
        .annotate(
            application_count=Count(
                "applications",
                filter=~Q(applications__status=Application.Status.WITHDRAWN),
            ),
            publication_id=publication,
        )
        .filter(application_count__lt=fewer_than)
        .select_related("organisation", "commune", "occupation")
        .order_by("published_on", "pk")
    )


def idle_candidates(cluster, *, now=None):
    """The candidates with an active consent to the cluster, still active on
    the platform, who never applied to any offer; the longest waiting first,
    each annotated with `consented_at`."""
    now = now or timezone.now()
    consent = Consent.objects.filter(profile=OuterRef("pk"), cluster=cluster, withdrawn_at=None)
    return (
        CandidateProfile.objects.filter(
            Exists(consent),
            user__is_active=True,
            last_activity_at__gte=now - datetime.timedelta(days=PROFILE_LIFETIME_DAYS),
        )
        .exclude(Exists(Application.objects.filter(candidate=OuterRef("pk"))))
        .annotate(consented_at=consent.values("given_at")[:1])
        .select_related("commune")
        .prefetch_related("occupations")
        .order_by("consented_at", "pk")
    )
