"""A targeted message to the members the cross-filter finds: one email per
person (the organisations' users and their contacts with an address, each
address once) through the outbox. The page first shows how many people will
receive it; the message goes only if that number has not changed since.
Capped per message and per cluster and day; logged with the filter.

Each page carries a signed one-time nonce: the send records it in the audit
entry, under a lock on the cluster's row (which also serialises the daily
cap), so posting the same page twice sends nothing the second time."""

import secrets
from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.clusters.forms import BootstrapForm
from ancrage.clusters.models import Cluster
from ancrage.core.permissions import staff_required
from ancrage.matrix import query
from ancrage.organisations.models import Contact, OrganisationUser
from ancrage.outbox.services import queue_email

MAX_RECIPIENTS = 1000
MAX_MAILINGS_PER_DAY = 10
PREVIEW = 20
NONCE_SALT = "ancrage.matrix.mailing"
NONCE_MAX_AGE = 24 * 3600


def new_nonce(cluster):
    return signing.dumps({"cluster": cluster.pk, "n": secrets.token_urlsafe(16)}, salt=NONCE_SALT)


def _nonce_is_valid(cluster, value):
    try:
        data = signing.loads(value, salt=NONCE_SALT, max_age=NONCE_MAX_AGE)
    except signing.BadSignature:
        return False
    return isinstance(data, dict) and data.get("cluster") == cluster.pk


def _already_sent(cluster, nonce):
    return AuditEntry.objects.filter(
        cluster_id=cluster.pk, action=AuditEntry.Action.MAILING_SENT, details__nonce=nonce
    ).exists()


class AlreadySent(Exception):
    """This page's message was sent before (a second click, a resubmission)."""


class OverDailyCap(Exception):
    """Another message took the cluster's last one of the day meanwhile."""


class MailingForm(BootstrapForm, forms.Form):
    subject = forms.CharField(label=gettext_lazy("Objet"), max_length=150)
    body = forms.CharField(
        label=gettext_lazy("Message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=gettext_lazy(
            "Texte simple. Une ligne rappelant pourquoi la personne reçoit ce message "
            "est ajoutée en bas."
        ),
    )
    expected = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    nonce = forms.CharField(widget=forms.HiddenInput, max_length=200)

    def __init__(self, *args, cluster, **kwargs):
        super().__init__(*args, **kwargs)
        self.cluster = cluster

    def clean(self):
        cleaned = super().clean()
        self.nonce_expired = not _nonce_is_valid(self.cluster, cleaned.get("nonce", ""))
        if self.nonce_expired:
            self.add_error(
                None, _("La page a expiré : vérifiez le message puis envoyez à nouveau.")
            )
        return cleaned

    def renew_nonce(self):
        """After an expired nonce: the page shown again carries a new one."""
        self.data = self.data.copy()
        self.data["nonce"] = new_nonce(self.cluster)


def recipients(organisations, cluster):
    """[(email, organisation name)]: each address once (case ignored), the
    organisations in name order, users before contacts. Contacts are the
    ones `cluster` recorded and the organisations' own, never another
    cluster's records."""
    users = OrganisationUser.objects.filter(
        organisation__in=organisations, user__is_active=True
    ).values_list("user__email", "organisation__name")
    contacts = (
        Contact.objects.filter(organisation__in=organisations)
        .filter(Q(cluster=cluster) | Q(cluster=None))
        .exclude(email="")
        .values_list("email", "organisation__name")
    )
    found = {}
    for email, name, _kind in sorted(
        [(e, n, 0) for e, n in users] + [(e, n, 1) for e, n in contacts],
        key=lambda row: (row[1].casefold(), row[2], row[0].casefold()),
    ):
        found.setdefault(email.casefold(), (email, name))
    return list(found.values())


def _sent_today(cluster):
    return AuditEntry.objects.filter(
        cluster_id=cluster.pk,
        action=AuditEntry.Action.MAILING_SENT,
        created_at__gte=timezone.now() - timedelta(days=1),
    ).count()


@staff_required
def mailing(request):
    cluster = request.scope.cluster
    scope = query.Scope.of_cluster(cluster)
    spec = query.parse(scope, request.GET)
    organisations = query.organisations(scope, spec)
    people = recipients(organisations, cluster)
    form = MailingForm(
        request.POST or None,
        cluster=cluster,
        initial={"expected": len(people), "nonce": new_nonce(cluster)},
    )
    back = f"{reverse('matrix:crossfilter')}?{spec.query_string()}"
    posted_nonce = request.POST.get("nonce", "")
    if posted_nonce and _already_sent(cluster, posted_nonce):
        messages.info(request, _already_sent_message())
        return redirect(back)
    problem = ""
    if len(people) > MAX_RECIPIENTS:
        problem = _(
            "Ce filtre donne %(count)s destinataires : un message ciblé en compte au plus "
            "%(max)s. Précisez le filtre."
        ) % {"count": len(people), "max": MAX_RECIPIENTS}
    elif not people:
        problem = _(
            "Aucun destinataire : les adhérents trouvés n'ont ni utilisateur ni contact "
            "avec une adresse."
        )
    elif _sent_today(cluster) >= MAX_MAILINGS_PER_DAY:
        problem = _cap_problem()
    if request.method == "POST" and not problem:
        if form.is_valid():
            response = _post(request, form, cluster, spec, people, back)
            if response is not None:
                return response
            problem = _cap_problem() if form.cap_reached else ""
        elif form.nonce_expired:
            form.renew_nonce()
    return render(
        request,
        "matrix/mailing.html",
        {
            "cluster": cluster,
            "form": form,
            "problem": problem,
            "spec": spec,
            "query_string": spec.query_string(),
            "organisations": organisations.count(),
            "recipients": len(people),
            "preview": people[:PREVIEW],
            "max_recipients": MAX_RECIPIENTS,
        },
    )


def _cap_problem():
    return _(
        "Le cluster a déjà envoyé %(max)s messages ciblés ces dernières 24 heures : "
        "réessayez demain."
    ) % {"max": MAX_MAILINGS_PER_DAY}


def _already_sent_message():
    return _("Ce message est déjà parti : il n'est pas envoyé une seconde fois.")


def _post(request, form, cluster, spec, people, back):
    """Send the valid `form`; a response, or None to show the page again."""
    form.cap_reached = False
    if form.cleaned_data["expected"] != len(people):
        form.add_error(
            None,
            _(
                "La liste des destinataires a changé depuis l'affichage de la page : "
                "vérifiez le nombre puis envoyez à nouveau."
            ),
        )
        form.data = form.data.copy()
        form.data["expected"] = len(people)
        return None
    try:
        _send(request, cluster, spec, people, form.cleaned_data)
    except AlreadySent:
        messages.info(request, _already_sent_message())
        return redirect(back)
    except OverDailyCap:
        form.cap_reached = True
        return None
    messages.success(
        request,
        ngettext(
            "Le message part vers %(count)s destinataire.",
            "Le message part vers %(count)s destinataires.",
            len(people),
        )
        % {"count": len(people)},
    )
    return redirect(back)


@transaction.atomic
def _send(request, cluster, spec, people, data):
    """Queue the emails, once per nonce and within the daily cap: both are
    checked under a lock on the cluster's row, so two posts of the same page
    (or two staff sending at once) are serialised."""
    Cluster.objects.select_for_update(no_key=True).get(pk=cluster.pk)
    if _already_sent(cluster, data["nonce"]):
        raise AlreadySent
    if _sent_today(cluster) >= MAX_MAILINGS_PER_DAY:
        raise OverDailyCap
    for email, organisation in people:
        queue_email(
            "mailing_message",
            email,
            {
                "subject": data["subject"],
                "body": data["body"],
                "cluster": cluster,
                "organisation": organisation,
            },
        )
    audit.record(
        request,
        AuditEntry.Action.MAILING_SENT,
        cluster=cluster,
        filter=spec.query_string(),
        count=len(people),
        subject=data["subject"],
        nonce=data["nonce"],
    )
