from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("ancrage.core.urls")),
    path("compte/", include("ancrage.accounts.urls")),
    path("clusters/", include("ancrage.clusters.public_urls")),
    path("cluster/", include("ancrage.clusters.urls")),
    path("territoire/", include("ancrage.territory.urls")),
    path("courriels/", include("ancrage.outbox.urls")),
    path("api/", include("ancrage.api.urls")),
    path("admin-technique/", admin.site.urls),
]

handler400 = "ancrage.core.views.bad_request"
handler403 = "ancrage.core.views.permission_denied"
handler404 = "ancrage.core.views.page_not_found"
handler500 = "ancrage.core.views.server_error"
