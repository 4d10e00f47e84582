"""The project's URLs with the GPEC declarations included, for their tests
to run before (and after) the project's root URLconf includes them."""

from django.urls import include, path

from ancrage.urls import urlpatterns as project_urlpatterns

urlpatterns = list(project_urlpatterns)
if not any(getattr(p, "namespace", None) == "gpec_declarations" for p in urlpatterns):
    urlpatterns.append(path("", include("ancrage.gpec.urls")))
