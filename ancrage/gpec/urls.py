"""GPEC declarations: the organisation's side (/organisation/gpec/…) and the
staff's: every member's last declaration (/cluster/gpec/declarations/), and
on behalf of a member (/cluster/gpec/adherents/<id>/…). Included at the
root: paths are full."""

from django.urls import path

from ancrage.gpec.views import declarations_list, on_behalf, own

app_name = "gpec_declarations"

urlpatterns = [
    path("organisation/gpec/", own.mine, name="mine"),
    path("organisation/gpec/<int:cluster_pk>/declarer/", own.declare, name="declare"),
    path("organisation/gpec/<int:cluster_pk>/rien-n-a-change/", own.unchanged, name="unchanged"),
    path("cluster/gpec/declarations/", declarations_list.declaration_list, name="list"),
    path(
        "cluster/gpec/adherents/<int:organisation_pk>/",
        on_behalf.history,
        name="history",
    ),
    path(
        "cluster/gpec/adherents/<int:organisation_pk>/declarer/",
        on_behalf.declare,
        name="declare_on_behalf",
    ),
    path(
        "cluster/gpec/adherents/<int:organisation_pk>/rien-n-a-change/",
        on_behalf.unchanged,
        name="unchanged_on_behalf",
    ),
]
