"""The declaration page, shared by the organisation's users and the
cluster's staff entering on its behalf: pre-filled from the last
declaration, saved in one go, audited."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ancrage.accounts import audit
from ancrage.accounts.models import AuditEntry
from ancrage.gpec import declarations
from ancrage.gpec.forms import DeclarationForm


def record(request, declaration):
    audit.record(
        request,
        AuditEntry.Action.UPDATE,
        declaration,
        cluster=declaration.cluster,
        what="gpec_declaration",
        organisation=declaration.organisation_id,
        declared_on=declaration.declared_on.isoformat(),
        on_behalf=declaration.on_behalf,
        unchanged_from=declaration.unchanged_from_id,
    )


def declaration_page(request, cluster, organisation, *, on_behalf, back_url):
    last = declarations.last_declaration(cluster, organisation)
    if request.method == "POST":
        form = DeclarationForm(cluster, data=request.POST)
    else:
        blocks, skills = declarations.contents(last)
        form = DeclarationForm(cluster, blocks=blocks, skills=skills)
    if form.is_valid():
        declaration = declarations.save_declaration(
            cluster,
            organisation,
            form.date.cleaned_data["declared_on"],
            blocks=form.cleaned_blocks(),
            skills=form.cleaned_skills(),
            user=request.user,
            on_behalf=on_behalf,
        )
        record(request, declaration)
        messages.success(
            request,
            _("Déclaration du %(date)s enregistrée.")
            % {"date": declaration.declared_on.strftime("%d/%m/%Y")},
        )
        return redirect(back_url)
    return render(
        request,
        "gpec/declarations/declare.html",
        {
            "form": form,
            "cluster": cluster,
            "organisation": organisation,
            "last": last,
            "on_behalf": on_behalf,
            "back_url": back_url,
        },
    )
