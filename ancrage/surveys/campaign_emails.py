"""The emails of a campaign, through the outbox: the invitation with the
personal link, the reminder, and the notice to the cluster's team that the
next wave of a series is ready. Non-members get an unsubscribe link;
organisation users are told they can also answer from their space."""

from django.conf import settings
from django.urls import reverse

from ancrage.clusters.models import ClusterStaff
from ancrage.outbox.services import queue_email
from ancrage.surveys import tokens


def links(invitee):
    """The personal answer link, the unsubscribe link (non-members, even those
    whose SIREN names an organisation of the platform) and the organisation
    space's list of surveys (organisations of the platform)."""
    links = {"answer_url": _url("respond:answer", token=tokens.answer_token(invitee))}
    links["unsubscribe_url"] = (
        ""
        if invitee.is_member
        else _url("respond:unsubscribe", token=tokens.unsubscribe_token(invitee))
    )
    links["space_url"] = _url("respond:mine") if invitee.organisation_id else ""
    return links


def _url(name, **kwargs):
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def send(template, invitee, emails):
    """Queue `survey_<template>` to each address; how many were queued."""
    context = {
        "campaign": invitee.campaign,
        "cluster": invitee.campaign.cluster,
        "invitee": invitee,
        **links(invitee),
    }
    for email in emails:
        queue_email(f"survey_{template}", email, context)
    return len(emails)


def notify_next_wave(campaign, wave):
    """Tell the cluster's team that `wave` follows the closed `campaign`."""
    team = (
        ClusterStaff.objects.filter(cluster=campaign.cluster, user__is_active=True)
        .exclude(user__email="")
        .order_by("user__email")
        .values_list("user__email", flat=True)
    )
    context = {
        "campaign": campaign,
        "wave": wave,
        "cluster": campaign.cluster,
        "url": _url("campaigns:detail", pk=wave.pk),
    }
    for email in team:
        queue_email("survey_next_wave", email, context)
