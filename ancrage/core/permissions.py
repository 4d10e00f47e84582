"""View guards built on the acting context. Tenant data is then read through
the scope explicitly, e.g. `get_object_or_404(X, pk=pk, cluster=request.scope.cluster)`,
so that another cluster's objects answer 404."""

from functools import wraps

from django.core.exceptions import PermissionDenied


def require_context(*kinds, cluster_admin=False):
    """Allow the view only when the acting context is one of `kinds`."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            acting = request.scope.acting
            if acting is None or acting.kind not in kinds:
                raise PermissionDenied
            if cluster_admin and not acting.is_cluster_admin:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = require_context("staff")
cluster_admin_required = require_context("staff", cluster_admin=True)
platform_admin_required = require_context("admin")
