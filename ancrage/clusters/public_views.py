from django.contrib.auth.decorators import login_not_required
from django.shortcuts import get_object_or_404, render

from ancrage.clusters.models import Cluster


@login_not_required
def cluster_list(request):
    clusters = Cluster.objects.select_related("seat__region")
    return render(request, "clusters/public_list.html", {"clusters": clusters})


@login_not_required
def cluster_detail(request, slug):
    cluster = get_object_or_404(Cluster.objects.select_related("seat__region"), slug=slug)
    return render(request, "clusters/public_detail.html", {"cluster": cluster})
