from functools import cached_property

from django.shortcuts import render

from ancrage.core import context


class RequestScope:
    """What the current person acts as, resolved on first use."""

    def __init__(self, request):
        self._request = request

    @cached_property
    def _resolved(self):
        return context.resolve(self._request)

    @property
    def acting(self):
        """The current ActingContext, or None for a visitor or a user with no role."""
        return self._resolved[0]

    @property
    def contexts(self):
        return self._resolved[1]

    @property
    def cluster(self):
        """The cluster the person works for in this context (staff only)."""
        return self.acting.cluster if self.acting and self.acting.kind == "staff" else None

    @property
    def organisation(self):
        return self.acting.organisation if self.acting and self.acting.kind == "member" else None


class CurrentContextMiddleware:
    """Expose `request.scope`: the acting context, chosen in the header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.scope = RequestScope(request)
        return self.get_response(request)


class FrenchMethodNotAllowedMiddleware:
    """Django answers a wrong HTTP method (a GET on a POST-only action) with an
    empty 405; show the French error page instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content:
            page = render(request, "errors/405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response
