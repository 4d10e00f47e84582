from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", include("ancrage.core.urls")),
    path("compte/", include("ancrage.accounts.urls")),
    path("clusters/<slug:slug>/adherents/", include("ancrage.organisations.public_urls")),
    path("clusters/<slug:slug>/offres/", include("ancrage.jobs.board_urls")),
    path("clusters/", include("ancrage.clusters.public_urls")),
    path("offres/<int:offer_pk>/postuler/", include("ancrage.jobs.apply_urls")),
    path("offres/", include("ancrage.jobs.search_urls")),
    path("offres/", include("ancrage.jobs.public_urls")),
    path("candidat/recherches/", include("ancrage.jobs.alert_urls")),
    path("candidat/offres-suggerees/", include("ancrage.jobs.match_urls")),
    path("candidat/candidatures/", include("ancrage.jobs.my_applications_urls")),
    path("candidat/", include("ancrage.jobs.candidate_urls")),
    path("organisation/offres/", include("ancrage.jobs.company_urls")),
    path("organisation/candidatures/", include("ancrage.jobs.pipeline_urls")),
    path("organisation/cvtheque/", include("ancrage.jobs.cvbank_urls")),
    path("organisation/stages/", include("ancrage.jobs.relay_urls")),
    path("cluster/offres/suivi/", include("ancrage.jobs.followup_urls")),
    path("cluster/offres/impact/", include("ancrage.jobs.impact_urls")),
    path("cluster/offres/", include("ancrage.jobs.moderation_urls")),
    path("cluster/adherents/import/", include("ancrage.matrix.import_urls")),
    path("cluster/adherents/", include("ancrage.organisations.urls")),
    path("cluster/matrice/", include("ancrage.matrix.urls")),
    path("cluster/appels-d-offres/", include("ancrage.tenders.urls")),
    path("cluster/enquetes/questionnaires/", include("ancrage.surveys.builder_urls")),
    path("cluster/enquetes/", include("ancrage.surveys.results_urls")),
    path("cluster/enquetes/", include("ancrage.surveys.export_urls")),
    path("cluster/enquetes/", include("ancrage.surveys.campaign_urls")),
    # Answering: by personal link (enquete/<token>/…) and from the
    # organisation's space (organisation/enquetes/…).
    path("", include("ancrage.surveys.respond_urls")),
    # GPEC declarations: organisation/gpec/… and cluster/gpec/adherents/….
    path("", include("ancrage.gpec.urls")),
    path("", include("ancrage.gpec.company_urls")),
    path("cluster/gpec/strategie/", include("ancrage.gpec.strategy_urls")),
    path("cluster/gpec/formations/", include("ancrage.gpec.training_urls")),
    path("cluster/gpec/import/", include("ancrage.gpec.import_urls")),
    path("cluster/gpec/hypotheses/", include("ancrage.gpec.settings_urls")),
    path("cluster/gpec/", include("ancrage.gpec.dashboard_urls")),
    path("plateforme/gpec/", include("ancrage.gpec.network_urls")),
    # The summary shared with respondents (statistical secrecy applied).
    path("organisation/enquetes/", include("ancrage.surveys.summary_urls")),
    path("cluster/", include("ancrage.clusters.urls")),
    path("organisation/", include("ancrage.organisations.self_urls")),
    path("plateforme/matrice/", include("ancrage.matrix.network_urls")),
    # Matrix profiles, on the staff side (cluster/matrice/adherents/…) and the
    # organisation's side (organisation/matrice/…).
    path("", include("ancrage.matrix.profile_urls")),
    path("territoire/", include("ancrage.territory.urls")),
    path("", include("ancrage.referentiel.urls")),
    path("cluster/vocabulaire/", include("ancrage.referentiel.vocabulary_urls")),
    path("courriels/", include("ancrage.outbox.urls")),
    path("api/", include("ancrage.api.urls")),
    # Django's admin has its own login page, without our brute-force limits,
    # audit entries or MFA enrolment: everyone logs in through ours.
    path(
        "admin-technique/login/",
        login_not_required(RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    ),
    path("admin-technique/", admin.site.urls),
]

handler400 = "ancrage.core.views.bad_request"
handler403 = "ancrage.core.views.permission_denied"
handler404 = "ancrage.core.views.page_not_found"
handler500 = "ancrage.core.views.server_error"
