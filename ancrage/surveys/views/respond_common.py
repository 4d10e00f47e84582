"""Answering a campaign, whoever answers: through the personal link
(`respond.py`) or from the organisation's space (`respond_own.py`).

One response per invitee, editable until the campaign closes. What is typed
is kept as a draft (`Response.draft`, the raw POST) by the autosave, the
« Enregistrer le brouillon » button, a failed submission, a submission after
a questionnaire change or after closing. A valid submission stores the
cleaned answers, freezes the questionnaire version and feeds the GPEC facts
(`surveys.gpec_feed`) in one transaction."""

import re

from django.contrib import messages
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.surveys.answers import AnswerForm, Labels, data_from_draft, display
from ancrage.surveys.models import Campaign, Kind, QuestionnaireVersion, Response, Status

# Anonymous POSTs on the personal links, per IP address and per window
# (per process: the default local-memory cache). Generous: a person typing
# triggers an autosave every few seconds at most.
POST_LIMIT = 600
POST_WINDOW = 600  # seconds
# What a draft may weigh (keys and values, in characters).
MAX_DRAFT = 300_000
FIELD_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,150}")
NOT_TYPED = {"csrfmiddlewaretoken", "revision", "version", "keys", "row_action", "save_draft"}

NOT_OPEN, OPEN, CLOSED = "not_open", "open", "closed"


def rate_limited(request):
    """True when this client (an account, else an address) posted too often;
    counts the request."""
    if request.user.is_authenticated:
        who = f"user-{request.user.pk}"
    else:
        who = audit.client_ip(request) or "unknown"
    window = int(timezone.now().timestamp()) // POST_WINDOW
    key = f"surveys-post:{who}:{window}"
    cache.add(key, 0, POST_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired in between
        cache.add(key, 1, POST_WINDOW)
        count = 1
    return count > POST_LIMIT


def too_many(request):
    return render(
        request,
        "surveys/respond/notice.html",
        {
            "title": _("Trop d'envois"),
            "message": _(
                "Trop d'envois depuis votre adresse en peu de temps. Patientez quelques "
                "minutes puis rechargez la page : ce que vous avez déjà enregistré est conservé."
            ),
        },
        status=429,
    )


def state_of(campaign):
    if campaign.status in (Status.DRAFT, Status.SCHEDULED):
        return NOT_OPEN
    if campaign.is_accepting:
        return OPEN
    return CLOSED


def typed(post):
    """The raw POST as a draft: {name: text or [texts]}, only names that can
    be fields, without NUL characters (PostgreSQL's JSON cannot hold them);
    None when it is too big."""
    draft, size = {}, 0
    for name in post:
        if name in NOT_TYPED or not FIELD_NAME.fullmatch(name):
            continue
        values = [value.replace("\x00", "") for value in post.getlist(name)]
        size += len(name) + sum(len(value) for value in values)
        if size > MAX_DRAFT:
            return None
        draft[name] = values[0] if len(values) == 1 else values
    return draft


def draft_size(draft):
    return sum(
        len(name) + (len(value) if isinstance(value, str) else sum(map(len, value)))
        for name, value in draft.items()
    )


def _base(name):
    return name.split("__", 1)[0]


def merged(old, new, shown_keys):
    """The new draft, plus the old draft's entries for questions the form that
    was posted did not show (removed or added by a questionnaire change)."""
    if not shown_keys:
        return new
    kept = {}
    for name, value in (old or {}).items():
        base = _base(name)
        if base.endswith("_code") and base[:-5] in shown_keys:
            base = base[:-5]
        if base not in shown_keys and name not in new:
            kept[name] = value
    together = {**kept, **new}
    # What was kept counts in the limit too: past it, only the new draft stays.
    return together if draft_size(together) <= MAX_DRAFT else new


def too_big_message():
    return _(
        "Votre saisie dépasse %(size)s caractères : le brouillon n'a pas pu être "
        "enregistré. Raccourcissez les textes les plus longs."
    ) % {"size": f"{MAX_DRAFT:,}".replace(",", "\u202f")}


def save_draft(invitee, response, draft, revision, shown_keys):
    """Store `draft` as the invitee's draft (one INSERT or UPDATE; the first
    save freezes the questionnaire version). Returns the response."""
    now = timezone.now()
    if response is None:
        try:
            with transaction.atomic():
                version_id = locked_version(invitee.campaign_id)
                response = Response.objects.create(
                    invitee=invitee,
                    campaign_id=invitee.campaign_id,
                    draft=draft,
                    revision=revision,
                    started_at=now,
                    updated_at=now,
                )
                freeze(version_id)
        except IntegrityError:  # created meanwhile (a submission, another tab)
            response = Response.objects.get(invitee=invitee)
        else:
            return response
    response.draft = merged(response.draft, draft, shown_keys)
    response.revision = revision
    response.updated_at = now
    Response.objects.filter(pk=response.pk).update(
        draft=response.draft, revision=revision, updated_at=now
    )
    return response


def locked_version(campaign_id):
    """Lock the campaign row and return the version it uses now: a builder
    edit moving the campaign to a new version (`versions.editable_version`)
    either happened before, or waits until the response is saved."""
    return (
        Campaign.objects.select_for_update()
        .values_list("version_id", flat=True)
        .get(pk=campaign_id)
    )


def freeze(version_id):
    QuestionnaireVersion.objects.filter(pk=version_id, frozen_at__isnull=True).update(
        frozen_at=timezone.now()
    )


class VersionChanged(Exception):
    """The campaign moved to another version after the answers were checked."""


def submit(invitee, answers, user, checked_version_id=None):
    """Store the cleaned answers as the invitee's submitted response; raises
    VersionChanged (nothing stored) when they were checked against another
    version than the one the campaign uses now."""
    from ancrage.surveys.gpec_feed import feed_response

    now = timezone.now()
    with transaction.atomic():
        version_id = locked_version(invitee.campaign_id)
        if checked_version_id is not None and version_id != checked_version_id:
            raise VersionChanged
        response, _created = Response.objects.select_for_update().get_or_create(
            invitee=invitee, defaults={"campaign": invitee.campaign, "started_at": now}
        )
        response.invitee, response.campaign = invitee, invitee.campaign
        response.state = Response.State.SUBMITTED
        response.answers = answers
        response.draft = {}
        response.revision = 0
        response.submitted_at = now
        response.updated_at = now
        response.answered_by = user if user.is_authenticated else None
        response.save()
        freeze(version_id)
        feed_response(response)
    return response


def posted_revision(post):
    """The (version id, revision) the posted form was shown with; (None, 0)
    for anything else than two numbers a database integer holds."""
    try:
        version, revision = int(post.get("version", "")), int(post.get("revision", ""))
    except ValueError:
        return None, 0
    if not (0 <= version < 2**31 and 0 <= revision < 2**31):
        return None, 0
    return version, revision


def answer_page(request, invitee, *, page_url, draft_url, back_url=""):
    """The answer page of `invitee` (GET and POST), for either way in."""
    campaign = invitee.campaign
    version = campaign.version
    response = getattr(invitee, "response", None)
    context = {
        "invitee": invitee,
        "campaign": campaign,
        "response": response,
        "page_url": page_url,
        "draft_url": draft_url,
        "back_url": back_url,
        "state": state_of(campaign),
        "closed_on": campaign.ends_on,
    }
    if context["state"] == NOT_OPEN:
        return render(request, "surveys/respond/not_open.html", context)
    if request.method == "POST" and "reuse_previous" in request.POST:
        return _reuse_previous(request, invitee, response, context)
    if request.method == "POST":
        return _post(request, invitee, response, context)
    submitted = response is not None and response.state == Response.State.SUBMITTED
    if submitted:
        context["sections"] = answered_sections(version, response.answers)
    if context["state"] == CLOSED:
        return render(request, "surveys/respond/closed.html", context)
    if request.GET.get("envoye") and submitted:
        return render(request, "surveys/respond/thanks.html", context)
    if response and response.draft:
        form = AnswerForm(
            version, data_from_draft(response.draft), cluster=campaign.cluster, validate=False
        )
        if response.revision and response.revision != version.revision:
            context["changed"] = True
    elif response and response.answers:
        form = AnswerForm(version, initial_answers=response.answers, cluster=campaign.cluster)
    else:
        form = AnswerForm(version, cluster=campaign.cluster)
        context["can_reuse"] = previous_answers(invitee) is not None
    return _render_form(request, form, context)


def previous_answers(invitee):
    """The answers the same organisation (or address, for a non-member)
    submitted to the previous wave of the campaign, or None."""
    campaign = invitee.campaign
    if not campaign.previous_id:
        return None
    responses = Response.objects.filter(
        campaign_id=campaign.previous_id, state=Response.State.SUBMITTED
    )
    if invitee.organisation_id:
        responses = responses.filter(invitee__organisation_id=invitee.organisation_id)
    else:
        responses = responses.filter(
            invitee__organisation__isnull=True, invitee__email__iexact=invitee.email
        )
    return responses.values_list("answers", flat=True).first()


def _reuse_previous(request, invitee, response, context):
    """Start the draft from the previous wave's answers (questions still asked only)."""
    answers = previous_answers(invitee)
    if context["state"] == OPEN and answers is not None and not (response and response.draft):
        version = invitee.campaign.version
        data = AnswerForm.data_from_answers(version, answers)
        draft = {name: values[0] if len(values) == 1 else values for name, values in data.lists()}
        save_draft(invitee, response, draft, version.revision, set())
        messages.success(
            request,
            _(
                "Vos réponses de la vague précédente sont reprises : vérifiez-les, "
                "mettez-les à jour puis envoyez-les."
            ),
        )
    return redirect(context["page_url"])


def _render_form(request, form, context, status=200):
    context["form"] = form
    context["version"] = form.version
    context["shown_keys"] = " ".join(question.key for question in form.top)
    return render(request, "surveys/respond/page.html", context, status=status)


def _post(request, invitee, response, context):
    campaign = invitee.campaign
    version = campaign.version
    draft = typed(request.POST)
    version_pk, revision = posted_revision(request.POST)
    shown_keys = set(request.POST.get("keys", "").split())
    if draft is None:
        context["error"] = too_big_message()
        form = AnswerForm(version, request.POST, cluster=campaign.cluster, validate=False)
        return _render_form(request, form, context, status=413)
    if context["state"] == CLOSED:
        save_draft(invitee, response, draft, revision, shown_keys)
        context["closed_while_typing"] = True
        form = AnswerForm(version, request.POST, cluster=campaign.cluster, validate=False)
        return _render_form(request, form, context)
    changed = version_pk != version.pk or revision != version.revision
    form = AnswerForm(
        version,
        request.POST,
        cluster=campaign.cluster,
        validate=not (changed or "save_draft" in request.POST),
    )
    if form.is_valid():
        try:
            submit(invitee, form.answers(), request.user, checked_version_id=version.pk)
        except VersionChanged:
            changed = True
        else:
            return redirect(f"{context['page_url']}?envoye=1")
    response = save_draft(invitee, response, draft, version.revision, shown_keys)
    context["response"] = response
    if changed:
        context["changed"] = True
    elif not form.validate and not form.row_action:
        context["saved_at"] = response.updated_at
    return _render_form(request, form, context, status=200)


def answered_sections(version, answers):
    """[(section, [(question, text, columns)])] for every question of
    `version`, answered or not, in order; a table's text is a list of rows,
    each a list of texts in the order of `columns`."""
    answers = answers or {}
    labels = Labels.for_answers(version, [answers])
    by_section = {}
    for question in version.questions.all():
        if question.parent_id:
            continue
        value = display(question, answers.get(question.key), labels)
        columns = []
        if question.kind == Kind.TABLE:
            columns = labels.columns_of(question)
            value = [[row.get(column.key, "") for column in columns] for row in value]
        by_section.setdefault(question.section_id, []).append((question, value, columns))
    return [(section, by_section.get(section.pk, [])) for section in version.sections.all()]
