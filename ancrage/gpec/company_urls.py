"""A member's GPEC page, compared with the cluster (/organisation/gpec/<cluster>/tableau/
for its users, /cluster/gpec/adherents/<organisation>/tableau/ for staff).
Included at the root: paths are full."""

from django.urls import path

from ancrage.gpec.views import company

app_name = "gpec_company"

urlpatterns = [
    path("organisation/gpec/<int:cluster_pk>/tableau/", company.mine, name="mine"),
    path(
        "organisation/gpec/<int:cluster_pk>/tableau/export/",
        company.mine_export,
        name="mine_export",
    ),
    path("cluster/gpec/adherents/<int:organisation_pk>/tableau/", company.staff, name="staff"),
    path(
        "cluster/gpec/adherents/<int:organisation_pk>/tableau/export/",
        company.staff_export,
        name="staff_export",
    ),
]
