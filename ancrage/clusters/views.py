from django.shortcuts import render

from ancrage.core.permissions import cluster_admin_required, staff_required


@staff_required
def profile(request):
    return render(request, "clusters/profile.html", {"cluster": request.scope.cluster})


@staff_required
def staff(request):
    return render(request, "clusters/staff.html", {"cluster": request.scope.cluster})


@cluster_admin_required
def audit(request):
    return render(request, "clusters/audit.html", {"cluster": request.scope.cluster})
