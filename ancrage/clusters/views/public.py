"""The public directory of the clusters on the platform (no login)."""

import mimetypes

from django.contrib.auth.decorators import login_not_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from ancrage.clusters.forms import DirectoryFilterForm
from ancrage.clusters.models import Cluster


def _public_clusters():
    return Cluster.objects.select_related("seat__department", "seat__region").order_by("name")


@login_not_required
@require_GET
def cluster_list(request):
    form = DirectoryFilterForm(request.GET or None)
    clusters = _public_clusters()
    if form.is_bound:
        clusters = form.filter(clusters) if form.is_valid() else clusters.none()
    return render(
        request,
        "clusters/public_list.html",
        {"form": form, "clusters": clusters, "filtered": form.is_bound},
    )


@login_not_required
@require_GET
def cluster_detail(request, slug):
    cluster = get_object_or_404(_public_clusters(), slug=slug)
    return render(request, "clusters/public_detail.html", {"cluster": cluster})


@login_not_required
@require_GET
def logo(request, slug):
    """The logo, from whatever storage holds it. Its name always carries the
    extension of its real format (see ClusterProfileForm.clean_logo). Pages
    link to `Cluster.logo_url`, whose version changes with the file: that URL
    is cached for a year; any other (an old version, none) is revalidated."""
    cluster = get_object_or_404(Cluster, slug=slug)
    if not cluster.logo:
        raise Http404
    try:
        with cluster.logo.open("rb") as handle:
            content = handle.read()  # at most 1 MB (ClusterProfileForm)
    except OSError:
        raise Http404 from None
    content_type = mimetypes.guess_type(cluster.logo.name)[0] or "application/octet-stream"
    response = HttpResponse(content, content_type=content_type)
    if request.GET.get("v") == cluster.logo_version:
        response["Cache-Control"] = "public, max-age=31536000, immutable"
    else:
        response["Cache-Control"] = "no-cache"
    return response
