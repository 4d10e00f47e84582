"""A member's GPEC page, compared with the cluster (/organisation/gpec/<cluster>/tableau/
for its users, /cluster/gpec/adherents/<organisation>/tableau/ for staff).
Included at the root: paths are full."""

app_name = "gpec_company"

urlpatterns = []
