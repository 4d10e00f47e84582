"""The context a person acts in: which role, for which cluster or organisation.

Roles combine on one account (a chargée de mission of two clusters may also be
a candidate). The person picks one context in the header; it is remembered in
the session and resolved once per request by CurrentContextMiddleware, which
exposes it as `request.acting` and the cluster as `request.current_cluster`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

SESSION_KEY = "ancrage_context"


@dataclass(frozen=True)
class ActingContext:
    kind: str  # "staff", "member", "authority", "candidate" or "admin"
    key: str
    label: str
    cluster: object = None
    staff_role: str = ""
    organisation: object = None
    scope: object = None

    @property
    def is_staff(self):
        return self.kind == "staff"

    @property
    def is_cluster_admin(self):
        return self.kind == "staff" and self.staff_role == "admin"


def available_contexts(user):
    """Every context `user` may act in, in a stable order."""
    from ancrage.accounts.models import AuthorityScope
    from ancrage.clusters.models import ClusterStaff
    from ancrage.organisations.models import OrganisationUser

    if not user.is_authenticated:
        return []
    contexts = []
    for staff in ClusterStaff.objects.filter(user=user).select_related("cluster"):
        contexts.append(
            ActingContext(
                kind="staff",
                key=f"staff:{staff.cluster_id}",
                label=_("%(cluster)s — équipe") % {"cluster": staff.cluster.name},
                cluster=staff.cluster,
                staff_role=staff.role,
            )
        )
    for link in OrganisationUser.objects.filter(user=user).select_related("organisation"):
        contexts.append(
            ActingContext(
                kind="member",
                key=f"member:{link.organisation_id}",
                label=link.organisation.name,
                organisation=link.organisation,
            )
        )
    for scope in AuthorityScope.objects.filter(user=user):
        contexts.append(
            ActingContext(
                kind="authority",
                key=f"authority:{scope.pk}",
                label=_("%(name)s — autorité publique") % {"name": scope.name},
                scope=scope,
            )
        )
    if user.is_candidate:
        contexts.append(ActingContext(kind="candidate", key="candidate", label=_("Candidat(e)")))
    if user.is_superuser:
        contexts.append(
            ActingContext(kind="admin", key="admin", label=_("Administration de la plateforme"))
        )
    return contexts


def resolve(request):
    """The context remembered in the session, or the user's first one."""
    contexts = available_contexts(request.user)
    if not contexts:
        return None, contexts
    wanted = request.session.get(SESSION_KEY)
    for context in contexts:
        if context.key == wanted:
            return context, contexts
    return contexts[0], contexts
