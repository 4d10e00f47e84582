from django.urls import path

from ancrage.matrix.views import own_profile, profile, proposals

app_name = "matrix_profile"

urlpatterns = [
    path("cluster/matrice/adherents/<int:pk>/", profile.staff_edit, name="staff_edit"),
    path(
        "cluster/matrice/adherents/<int:pk>/soumettre/",
        profile.staff_submit,
        name="staff_submit",
    ),
    path("cluster/matrice/propositions/", proposals.proposal_list, name="proposal_list"),
    path(
        "cluster/matrice/propositions/<int:pk>/",
        proposals.proposal_detail,
        name="proposal_detail",
    ),
    path(
        "cluster/matrice/propositions/<int:pk>/decision/",
        proposals.proposal_decide,
        name="proposal_decide",
    ),
    path("organisation/matrice/", own_profile.member_list, name="member_list"),
    path("organisation/matrice/<slug:slug>/", own_profile.member_detail, name="member_detail"),
    path(
        "organisation/matrice/<slug:slug>/valider/",
        own_profile.member_validate,
        name="member_validate",
    ),
    path(
        "organisation/matrice/<slug:slug>/renvoyer/",
        own_profile.member_send_back,
        name="member_send_back",
    ),
    path(
        "organisation/matrice/<slug:slug>/proposer/",
        own_profile.member_propose,
        name="member_propose",
    ),
    path(
        "organisation/matrice/<slug:slug>/suggestions/",
        own_profile.member_suggestions,
        name="member_suggestions",
    ),
]
